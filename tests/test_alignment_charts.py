"""Alignment charts: each kind writes a file whose numbers are in the Answer; bad kinds refused."""

from __future__ import annotations

import pytest

import multipolar as mp
from multipolar.errors import UnknownNameError


def test_alignment_chart(tmp_path):
    target = tmp_path / "india.png"
    answer = mp.plot("alignment", target, start=1962, end=1966, state="IND", with_="USA,CHN")
    assert target.stat().st_size > 10_000
    assert answer.params["kind"] == "alignment" and answer.extra["path"] == str(target)
    assert any("fewer than 10" in n for n in answer.notes)  # 1964 held one roll call


def test_cohesion_chart(tmp_path):
    target = tmp_path / "cohesion.svg"
    answer = mp.plot("cohesion", target, start=2007, end=2009, blocs=["NATO", "SCO"])
    assert target.read_text().startswith("<?xml")
    assert set(answer.rows["bloc"]) == {"NATO", "SCO"}


def test_two_blocs_chart_their_distance(tmp_path, monkeypatch):
    from multipolar.power import plot

    drawn = {}
    monkeypatch.setattr(
        plot, "line_chart", lambda frame, target, title, *rest: drawn.update(frame=frame, title=title)
    )
    answer = mp.plot("cohesion", tmp_path / "c.png", start=2007, end=2009, blocs=["SCO+observers", "NATO"])
    lines = drawn["frame"].set_index(["series", "year"])["value"]
    across = mp.cohesion(["SCO+observers", "NATO"], year=2008).extra["between"][0]
    assert across["bloc"] == "SCO+observers" and across["other"] == "NATO"
    assert lines[("SCO+observers vs NATO", 2008)] == pytest.approx(across["agree"])
    assert 0.5 < lines[("SCO+observers vs NATO", 2008)] < lines[("Assembly mean", 2008)]
    assert "distance" in drawn["title"] and set(answer.rows["bloc"]) == {"SCO+observers", "NATO"}


def test_network_chart(tmp_path, run_cli):
    target = tmp_path / "network.png"
    code, out, err = run_cli(
        "plot", "network", "-o", str(target), "--from", "1946", "--to", "1950", "--obligation", "defense"
    )
    assert code == 0, err
    assert target.exists() and "wrote" in out


def test_unknown_chart(tmp_path):
    with pytest.raises(UnknownNameError):
        mp.plot("alignments", tmp_path / "x.png")


def test_network_graph_of_one_year(tmp_path):
    target = tmp_path / "graph.png"
    answer = mp.plot("network", target, year=1955, obligation="defense", signed=True)
    assert target.stat().st_size > 10_000
    assert answer.params["year"] == 1955 and answer.extra["path"] == str(target)
    assert "gml_mid_ddydisps" in answer.sources


def test_cohesion_chart_leaves_out_a_year_of_one_roll_call(tmp_path):
    answer = mp.plot("cohesion", tmp_path / "c.png", start=1963, end=1965, blocs=["NATO"])
    assert 1964 in set(answer.rows["year"])  # the numbers keep it, with its note
    assert "Years with fewer than 10 roll calls are not drawn." in answer.notes
    assert any("1964 (session 19) recorded only 1 roll call" in n for n in answer.notes)
