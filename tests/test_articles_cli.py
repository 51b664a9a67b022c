"""``multipolar read``: tables for people, JSON for programs, one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent / "articles"
SCO_2008 = Path(__file__).resolve().parents[2] / "shared" / "examples" / "2008-09-07-sco-military-alliance.md"


def test_read_json(run_cli):
    code, out, err = run_cli("read", str(SCO_2008), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["date"] == "2008-09-07"
    assert [c["verdict"] for c in report["claims"]] == ["correct", "correct", "incomplete"]
    for key in ("date_source", "organisations", "states", "places", "people", "conflicts", "inconsistencies"):
        assert key in report
    assert report["organisations"][0]["id"] == "SCO"


def test_read_table(run_cli):
    code, out, _ = run_cli("read", str(HERE / "sco-wrong-members-2010.txt"))
    assert code == 0
    assert "date 2010-03-12 (from text: 12 March 2010" in out
    assert "wrong" in out and "IRN (observer)" in out


def test_read_with_date(run_cli):
    code, out, _ = run_cli("read", str(HERE / "undated-sco-observers.md"), "--date", "2008-09-07", "--json")
    assert code == 0
    assert [c["verdict"] for c in json.loads(out)["claims"]] == ["correct", "incomplete"]


def one_line_error(code: int, out: str, err: str) -> str:
    assert code != 0
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(" ".join(lines)) < 300
    return " ".join(lines)


def test_missing_file_error(run_cli):
    assert "No article file" in one_line_error(*run_cli("read", "no/such/file.md"))


def test_empty_file_error(run_cli, tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("")
    assert "is empty" in one_line_error(*run_cli("read", str(path)))


def test_binary_file_error(run_cli, tmp_path):
    path = tmp_path / "blob.html"
    path.write_bytes(bytes(range(256)) * 4)
    assert "binary" in one_line_error(*run_cli("read", str(path)))


def test_large_file_error(run_cli, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    assert "limit is 5 MB" in one_line_error(*run_cli("read", str(path)))


def test_bad_date_error(run_cli):
    assert "Impossible date" in one_line_error(*run_cli("read", str(SCO_2008), "--date", "2008-13-01"))


def test_non_english_warning(run_cli):
    code, out, _ = run_cli("read", str(HERE / "sco-french-2008.txt"))
    assert code == 0
    assert "not English" in out


def test_read_table_marks_reported_claims(run_cli, tmp_path):
    article = tmp_path / "reported.txt"
    quoted = '"NATO members Poland and Romania are hostile," Lavrov said.'
    article.write_text(f"{quoted} The SCO groups Russia and China.")
    code, out, _ = run_cli("read", str(article), "--date", "2010-01-01")
    assert code == 0
    assert out.count("(reported)") == 1  # the quoted NATO claim, not the article's own SCO one
