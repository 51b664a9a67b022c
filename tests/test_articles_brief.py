"""``multipolar brief --article``: the brief for the article's date, with a grounding section."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent / "articles"
SCO_2008 = Path(__file__).resolve().parents[2] / "shared" / "examples" / "2008-09-07-sco-military-alliance.md"


def test_brief_takes_the_article_date_and_adds_grounding(run_cli):
    code, out, err = run_cli("brief", "--article", str(SCO_2008), "--json", "--measure", "cinc")
    assert code == 0, err
    brief = json.loads(out)
    assert brief["date"] == "2008-09-07"
    grounding = brief["grounding"]
    assert grounding["date_source"] == "text"
    assert [(c["org"], c["verdict"]) for c in grounding["claims"]] == [
        ("SCO", "correct"),
        ("BRICS", "correct"),
        ("SCO", "incomplete"),
    ]
    assert grounding["claims"][2]["missing"] == ["MNG"]
    assert any("Kuzyanin" in message for message in grounding["inconsistencies"])
    assert "ucdp_acd" in {s["dataset"] for s in brief["sources"]}


def test_brief_markdown_shows_the_section(run_cli):
    code, out, _ = run_cli(
        "brief", "--article", str(HERE / "sco-wrong-members-2010.txt"), "-f", "md", "-m", "cinc"
    )
    assert code == 0
    assert "Article grounding" in out and "wrong" in out


def test_undated_article_needs_a_date(run_cli):
    code, out, err = run_cli("brief", "--article", str(HERE / "undated-sco-observers.md"))
    assert code != 0 and "Traceback" not in out + err
    assert "has no date" in err and "--date" in err
