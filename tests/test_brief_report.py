"""The brief: its JSON, its renderings, the seed question, atomic writes and its errors."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import stat
from pathlib import Path

import pytest

from multipolar.brief import Brief, Section, Table, brief
from multipolar.brief import render as rendering
from multipolar.orgs import members

SEED = "2008-09-07"


@pytest.fixture(scope="module")
def seed():
    return brief(SEED)


@pytest.fixture(scope="module")
def seed_json(seed):
    return seed.to_dict()


@pytest.fixture(scope="module")
def seed_reports(seed):
    """The seed brief as Markdown and HTML (charts make these the slow renders: do them once)."""
    return seed.to_markdown(), seed.to_html()


def test_json_has_the_promised_keys(seed_json):
    assert {"date", "polarity", "top_powers", "blocs", "notes", "sources"} <= set(seed_json)
    assert seed_json["date"] == SEED
    keys = {"year", "measure", "n", "con", "enp", "hhi", "leader", "leader_share", "poles", "verdict"}
    assert [r["measure"] for r in seed_json["polarity"]] == seed_json["measures"]
    assert all(keys <= set(r) for r in seed_json["polarity"])
    assert len(seed_json["top_powers"]) == 10
    assert all(set(r["share"]) == set(seed_json["measures"]) for r in seed_json["blocs"])
    assert all({"dataset", "version"} <= set(s) for s in seed_json["sources"])


def test_seed_question_sco_against_nato(seed_json):
    by_org = {b["org"]: b for b in seed_json["blocs"]}
    assert len(by_org["SCO"]["members"]) == 6
    assert len(by_org["NATO"]["members"]) == 26
    observers = list(members("SCO", SEED, status="observer").rows["iso3"])
    assert sorted(observers) == ["IND", "IRN", "MNG", "PAK"]
    scenario = next(s for s in seed_json["scenarios"] if s["org"] == "SCO")
    assert sorted(scenario["added"]) == sorted(observers)
    assert scenario["members_n"] == 10
    for measure in seed_json["measures"]:
        before = by_org["SCO"]["share"][measure]
        assert scenario["share"][measure] == pytest.approx(before + scenario["change"][measure])
        assert scenario["change"][measure] > 0


def test_each_measure_says_its_year_and_source(seed_json):
    rows = {r["measure"]: r for r in seed_json["measures_used"]}
    assert rows["cinc"]["year"] == 2007  # the last complete year before 2008-09-07
    assert rows["cinc"]["sources"][0]["dataset"] == "cow_nmc"
    assert all(r["sources"] and r["sources"][0]["version"] for r in rows.values())


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def shown_forms(payload) -> set[str]:
    """Every way the brief may show a number of its JSON: as is, rounded, or as a percent."""
    forms: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            forms.update(numbers(value))
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, int | float):
            forms.add(str(value))
            for digits in range(4):
                forms.add(f"{value:.{digits}f}")
                forms.add(f"{abs(value) * 100:.{digits}f}")

    walk(payload)
    return forms


def test_every_number_in_the_text_is_in_the_json(seed, seed_json):
    forms = shown_forms(seed_json)
    text = seed.to_text()
    missing = [n for n in numbers(text) if n not in forms]
    assert not missing, missing
    assert "SCO + observers" in text and "NATO" in text


def test_every_number_in_markdown_and_html_is_in_the_json(seed_reports, seed_json):
    forms = shown_forms(seed_json)
    for shown in seed_reports:
        without_images = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", shown)
        without_style = re.sub(r"<style>.*?</style>", "", without_images, flags=re.S)
        words = html.unescape(re.sub(r"<[^>]+>", " ", without_style))  # what a reader sees
        missing = [n for n in numbers(words) if n not in forms]
        assert not missing, missing


def test_reports_embed_charts(seed_reports):
    markdown, page = seed_reports
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert page.count('<img alt="') == 2 and "data:image/png;base64," in page
    assert markdown.count("](data:image/png;base64,") == 2


def test_sections_are_extensible():
    seed = Brief(dt.date(2008, 9, 7), ["cinc"])
    extra = Section(
        "grounding", "Grounding", {"claims": 3}, lines=["3 claims checked."], tables=[Table(["a"], [["b"]])]
    )
    seed.add(extra, notes=["a note"], sources=["atop5_1m"])
    assert seed.to_dict()["grounding"] == {"claims": 3}
    assert seed.to_dict()["sources"] == [{"dataset": "atop5_1m", "version": "5.1"}]
    assert "3 claims checked." in seed.to_text() and "a note" in seed.to_text()
    assert "<h2>Grounding</h2>" in seed.to_html()
    assert "| a |" in seed.to_markdown()


def test_after_atop_coverage_the_last_year_is_labelled():
    report = brief("2024-06-30", ["cinc"]).to_dict()
    assert report["alliances"]["as_of"] == "2018-12-31"
    assert any("ATOP 5.1 coverage ends 2018-12-31" in n for n in report["notes"])
    assert report["measures_used"][0]["year"] == 2022
    assert any("2022" in n and "cinc" in n for n in report["notes"])


def test_cli_writes_atomically(run_cli, tmp_path):
    target = tmp_path / "brief.html"
    code, out, err = run_cli(
        "brief", "--date", SEED, "--measure", "cinc", "--format", "html", "-o", str(target)
    )
    assert code == 0, err
    assert target.read_text().startswith("<!doctype html>")
    assert list(tmp_path.iterdir()) == [target]


def test_failing_render_leaves_no_file(run_cli, tmp_path, monkeypatch):
    def broken(_brief):
        raise RuntimeError("chart failed")

    monkeypatch.setattr(rendering, "html", broken)
    target = tmp_path / "brief.html"
    with pytest.raises(RuntimeError):
        run_cli("brief", "--date", SEED, "--measure", "cinc", "--format", "html", "-o", str(target))
    assert list(tmp_path.iterdir()) == []

    target.write_text("old")
    with pytest.raises(RuntimeError):
        run_cli("brief", "--date", SEED, "--measure", "cinc", "--format", "html", "-o", str(target))
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]


def test_cli_json(run_cli):
    code, out, err = run_cli("brief", "--date", SEED, "--measure", "cinc", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["date"] == SEED and payload["measures"] == ["cinc"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief", "--format", "pdf"), "Unknown format 'pdf'"),
        (("brief", "--date", "2008-13-01"), "Impossible date '2008-13-01'"),
        (("brief", "--measure", "cinq"), "Unknown measure 'cinq'"),
        (("brief", "--date", "1900-01-01", "--measure", "milex"), "No milex data on or before 1899"),
    ],
)
def test_cli_brief_errors(run_cli, args, message):
    code, out, err = run_cli(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""


def test_writing_to_a_device_keeps_the_device():
    rendering.write_atomic(Path(os.devnull), "nothing")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_before_a_measure_begins_it_is_left_out_with_a_note():
    report = brief("1914-07-28", ["cinc", "gdp", "milex"])  # by default, the long-run measures
    payload = report.to_dict()
    assert payload["measures"] == ["cinc"]
    assert any("Use measure gdp_longrun for 1914" in n for n in payload["notes"])
    assert any("Use measure milex_nmc for 1914" in n for n in payload["notes"])
    assert payload["blocs"] == [] and "None of the blocs a brief follows" in report.to_text()
    assert any(r["iso3"] is None for r in payload["top_powers"])  # Austria-Hungary has no ISO code
    assert "(None)" not in report.to_text()


def test_polarity_without_a_major_powers_value_is_na_and_says_who():
    report = brief("1955-06-01", "milex")
    row = report.to_dict()["polarity"][0]
    assert row["verdict"] is None and row["enp"] is None
    assert "Soviet Union" in row["missing"]
    text = report.to_text()
    assert "nan" not in text and "None" not in text
    assert "unknown (indices NA, see notes)" in text


@pytest.mark.parametrize("name", ["brief.pdf", "brief.png", "brief.docx"])
def test_output_extension_the_brief_cannot_write_is_refused(run_cli, tmp_path, name):
    target = tmp_path / name
    code, out, err = run_cli("brief", "--date", SEED, "--measure", "cinc", "-o", str(target))
    assert code == 2 and "Traceback" not in err
    assert f"'{target.suffix}'" in err and "--format" in err
    assert list(tmp_path.iterdir()) == []


def test_plain_text_extensions_and_an_explicit_format_still_write(run_cli, tmp_path):
    for name, args in (("brief.txt", ()), ("brief", ()), ("brief.pdf", ("--format", "md"))):
        code, out, err = run_cli(
            "brief", "--date", SEED, "--measure", "cinc", *args, "-o", str(tmp_path / name)
        )
        assert code == 0, err


def test_brief_refuses_a_day_in_the_future(run_cli):
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    code, out, err = run_cli("brief", "--date", later)
    assert code == 2 and out == ""
    assert f"{later} is in the future" in err


@pytest.mark.parametrize(
    ("args", "message", "fix"),
    [
        (("--date", "1815-12-31"), "Year 1815 is before 1816", "give a later year"),
        (("--date", "1900-01-01", "--measure", "milex"), "No milex data on or before 1899", "milex_nmc"),
    ],
)
def test_brief_without_data_names_a_fix_that_works(run_cli, args, message, fix):
    code, out, err = run_cli("brief", *args)
    assert code == 2 and out == ""
    assert message in err and fix in err
    assert "gdp," not in err  # gdp has no data by 1900, so it is not offered


def test_an_observer_without_a_value_is_named_and_never_a_zero_change():
    """Afghanistan, an SCO observer, has no World Bank GDP or SIPRI figure for 2024."""
    report = brief("2025-06-30", ["gdp", "milex"]).to_dict()
    scenario = next(s for s in report["scenarios"] if s["org"] == "SCO")
    assert "AFG" in scenario["added"]
    assert any("AFG" in n and "gdp" in n and "observers" in n for n in report["notes"])
    assert any("AFG" in n and "milex" in n and "observers" in n for n in report["notes"])


def test_a_scenario_whose_observers_all_lack_values_is_na_not_zero(monkeypatch):
    from multipolar.power import blocs as blocs_module

    real = blocs_module.org_bloc

    def only_afghanistan(name, date, status="member"):
        found = real(name, date, status)
        if status == "observer" and name == "SCO":
            return blocs_module.Bloc(found.name, ("AFG",), (700,), found.origin)
        return found

    monkeypatch.setattr(blocs_module, "org_bloc", only_afghanistan)
    report = brief("2025-06-30", ["gdp"]).to_dict()
    scenario = next(s for s in report["scenarios"] if s["org"] == "SCO")
    assert scenario["change"]["gdp"] is None


def test_a_blocs_known_but_undated_member_is_named_in_the_brief(monkeypatch):
    from multipolar.orgs import registry

    gap = {
        "org": "NATO",
        "iso3": "SWE",
        "status": "member",
        "from_year": 2000,
        "to_year": None,
        "note": "test",
    }
    monkeypatch.setattr(registry, "gap_records", lambda org: (gap,) if org == "NATO" else ())
    report = brief("2008-09-07", ["cinc"]).to_dict()
    assert any(n.startswith("NATO: not listed: Sweden (SWE)") for n in report["notes"])


def test_alliances_mark_conditional_obligations_as_the_alliances_command_does():
    report = brief("1914-06-28", ["cinc"])
    rows = {r["atopid"]: r for r in report.to_dict()["alliances"]["rows"]}
    assert "defense" in rows[1335]["conditional"]  # the Dual Alliance's defence pledge is conditional
    text = report.to_text()
    assert "defense*" in text and "conditional in ATOP" in text


def test_a_cold_war_brief_weighs_the_blocs_of_its_day():
    report = brief("1962-10-22", ["cinc"]).to_dict()
    shown = {row["org"]: row for row in report["blocs"]}
    assert list(shown) == ["NATO", "WARSAW_PACT", "SEATO", "CENTO", "EEC", "COMECON"]
    assert shown["WARSAW_PACT"]["members_n"] == 8  # with Albania, which left only in 1968
    assert shown["NATO"]["members_n"] == 15


def test_a_brief_before_any_bloc_says_so():
    report = brief("1900-01-01", ["cinc"])
    assert report.to_dict()["blocs"] == []
    assert "None of the blocs a brief follows" in report.to_text()


def test_a_state_held_by_its_successor_is_not_ranked_beside_it():
    """NMC lists West Germany (260) and Germany (255) for 1990; Germany's row holds West Germany,
    so the 1990 ranking shows Germany once, and a note says why West Germany is not there."""
    report = brief("1991-06-01", ["cinc"])
    labels = [row[1] for row in report.section("top_powers").tables[0].rows]
    assert labels.count("Germany (DEU)") == 1 and not any("German Federal" in x for x in labels)
    assert "China (CHN)" in labels
    held = [n for n in report.notes if "German Federal Republic (COW 260)" in n]
    assert held and "Germany's row holds them" in held[0]
