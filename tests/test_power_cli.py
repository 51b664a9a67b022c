"""The power, polarity and plot commands: tables, JSON, files and one-line errors."""

from __future__ import annotations

import json

import pytest

from multipolar.errors import InputError, UnknownNameError
from multipolar.power.plot import plot


def test_power_json(run_cli):
    code, out, _ = run_cli("power", "--year", "2008", "--top", "3", "--json")
    assert code == 0
    payload = json.loads(out)
    assert [r["iso3"] for r in payload["power"]] == ["CHN", "USA", "IND"]
    assert payload["power"][1]["value"] == pytest.approx(0.147802, abs=1e-6)
    assert payload["measure"] == "cinc" and payload["year"] == 2008 and payload["top"] == 3
    assert payload["sources"][0]["dataset"] == "cow_nmc"


def test_power_share_of_majors_table(run_cli):
    code, out, _ = run_cli("power", "--year", "1913", "--share-of", "majors", "--measure", "milex_nmc")
    assert code == 0
    assert "German Empire" in out and "Austria-Hungary" in out
    assert "sources: cow_nmc" in out


def test_polarity_json_rows(run_cli):
    code, out, _ = run_cli("polarity", "--from", "1816", "--to", "1820", "--json")
    assert code == 0
    payload = json.loads(out)
    assert [r["year"] for r in payload["polarity"]] == [1816, 1817, 1818, 1819, 1820]
    first = payload["polarity"][0]
    for key in ("year", "measure", "n", "con", "enp", "hhi", "leader", "leader_share", "poles", "verdict"):
        assert key in first
    assert first["leader"] == "United Kingdom"
    assert payload["thresholds"] == {"pole_ratio": pytest.approx(1 / 3)}


def test_polarity_thresholds_from_the_command_line(run_cli):
    code, out, _ = run_cli("polarity", "--year", "1816", "--pole-ratio", "0.95", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["thresholds"]["pole_ratio"] == 0.95
    assert payload["polarity"][0]["poles"] == 1


def test_composite_from_the_command_line(run_cli):
    code, out, _ = run_cli(
        "power", "--year", "2019", "--measure", "composite", "--weights", "gdp=1,milex=1", "--json"
    )
    assert code == 0
    assert json.loads(out)["power"][0]["iso3"] == "USA"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("power", "--measure", "cinq"), "Did you mean: cinc"),
        (("polarity", "--year", "1815"), "before 1816"),
        (("polarity", "--among", "bloc"), "topN"),
        (("power", "--year", "2008", "--share-of", "europe"), "share base"),
        (("power", "--measure", "composite"), "needs weights"),
        (("plot", "polarity", "-o", "chart.gif"), ".png, .svg, .pdf"),
        (("plot", "pie", "-o", "chart.png"), "Unknown chart"),
    ],
)
def test_errors_are_one_line(run_cli, args, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*args)
    assert code != 0
    assert words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_plot_writes_png_and_svg(run_cli, tmp_path):
    png, svg = tmp_path / "polarity.png", tmp_path / "shares.svg"
    code, out, _ = run_cli("plot", "polarity", "--from", "1990", "--to", "2022", "-o", str(png))
    assert code == 0 and "wrote" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, out, _ = run_cli("plot", "shares", "--measure", "gdp_longrun", "-o", str(svg), "--json")
    assert code == 0 and json.loads(out)["path"] == str(svg)
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "cw_gdppop" in text  # the caption names the source
    assert sorted(p.name for p in tmp_path.iterdir()) == ["polarity.png", "shares.svg"]  # no temp files


def test_plot_api_returns_the_plotted_numbers(tmp_path):
    answer = plot("polarity", tmp_path / "p.pdf", start=2000, end=2010)
    assert list(answer.rows["year"]) == list(range(2000, 2011))
    assert (tmp_path / "p.pdf").read_bytes()[:4] == b"%PDF"


def test_plot_refuses_bad_paths_before_drawing(tmp_path):
    with pytest.raises(InputError, match="extension"):
        plot("polarity", tmp_path / "chart")
    with pytest.raises(InputError, match="does not exist"):
        plot("polarity", tmp_path / "missing" / "chart.png")
    with pytest.raises(UnknownNameError):
        plot("polarty", tmp_path / "chart.png")
    assert list(tmp_path.iterdir()) == []


def test_a_bad_weight_is_shown_as_typed(run_cli):
    for weights, shown in (("gdp=1,milex=x", "'x'"), ("gdp=1,milex", "''"), ("gdp=1,milex=nan", "nan")):
        code, out, err = run_cli("power", "--year", "2010", "--measure", "composite", "--weights", weights)
        assert code == 2 and out == ""
        assert f"Bad weight for 'milex': {shown}" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("shares", "--measure", "gdp", "--from", "1816", "--to", "1900"),
            "No gdp values to draw in 1816-1900",
        ),
        (("polarity", "--measure", "milex", "--from", "1816", "--to", "1900"), "No milex values to draw"),
        (("blocs", "--from", "1816", "--to", "1900"), "No cinc values to draw"),
    ],
)
def test_a_chart_with_nothing_to_draw_is_refused(run_cli, tmp_path, args, words):
    target = tmp_path / "empty.png"
    code, out, err = run_cli("plot", *args, "-o", str(target))
    assert code == 2, err
    assert words in err and "Traceback" not in err
    assert not target.exists()


def test_membership_chart_answer_holds_the_spells_and_the_gaps(tmp_path):
    import multipolar as mp

    target = tmp_path / "opec.png"
    answer = mp.plot("membership", target, org="OPEC")
    rows = answer.rows.set_index("iso3")
    assert rows.loc["NGA", "days_known"] and not rows.loc["DZA", "days_known"]  # Algeria: a gaps.csv row
    assert "orgs/data/gaps.csv" in [s["dataset"] for s in answer.to_dict()["sources"]]
    assert target.stat().st_size > 10_000
