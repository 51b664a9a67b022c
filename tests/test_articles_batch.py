"""Many articles at once (mp.read_articles, `multipolar read FILE... | DIR`) and articles fetched
from a web address (a server on 127.0.0.1), with one clear line for each article that fails."""

from __future__ import annotations

import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import multipolar as mp
from multipolar.errors import InputError

HERE = Path(__file__).parent / "articles"
SCO_2008 = Path(__file__).resolve().parents[2] / "shared" / "examples" / "2008-09-07-sco-military-alliance.md"


@pytest.fixture
def folder(tmp_path):
    """Three articles and an empty file, one of them in a subfolder."""
    shutil.copy(SCO_2008, tmp_path / "sco.md")
    shutil.copy(HERE / "sco-wrong-members-2010.txt", tmp_path / "wrong.txt")
    (tmp_path / "more").mkdir()
    shutil.copy(HERE / "nato-enlargement-2009.html", tmp_path / "more" / "nato.html")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "notes.csv").write_text("not an article")
    return tmp_path


def test_a_folder_is_read_article_by_article_and_a_bad_one_is_reported(folder):
    batch = mp.read_articles(folder, workers=1)
    found = batch.to_dict()
    assert found["articles"] == 4  # the .csv is no article
    assert [e["article"] for e in found["errors"]] == [str(folder / "empty.txt")]
    assert "is empty" in found["errors"][0]["error"]
    assert len(found["reports"]) == 3
    by_article = {}
    for claim in found["claims"]:
        by_article.setdefault(Path(claim["article"]).name, []).append(claim["verdict"])
    assert by_article["sco.md"] == ["correct", "correct", "incomplete"]
    assert by_article["wrong.txt"] == ["premature", "wrong"]
    summary = found["summary"]
    assert summary["claims"] == len(found["claims"]) and summary["articles"] == 3
    assert summary["by_organisation"]["SCO"]["incomplete"] == 1
    assert sum(summary["by_verdict"].values()) == summary["claims"]


def test_workers_read_the_same_as_one_process(folder):
    (folder / "empty.txt").unlink()
    shutil.copy(SCO_2008, folder / "sco-again.md")
    one = mp.read_articles(folder, workers=1).to_dict()
    two = mp.read_articles(folder, workers=2).to_dict()
    assert one["claims"] == two["claims"] and len(two["reports"]) == 4


def test_cli_reads_a_folder_as_json_lines_and_as_a_table(run_cli, folder):
    code, out, err = run_cli("read", str(folder), "--jsonl", "--workers", "1")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3 and all("claims" in line for line in lines)
    assert err.count("error:") == 1 and "empty.txt" in err and "Traceback" not in err
    code, out, _ = run_cli("read", str(folder / "sco.md"), str(folder / "wrong.txt"), "--workers", "1")
    assert code == 0
    assert "2 articles, 5 claims" in out and "SCO:" in out


def test_cli_fails_with_one_line_when_no_article_can_be_read(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.7 binary")
    code, _, err = run_cli("read", str(tmp_path), "--workers", "1")
    assert code == 2 and "Traceback" not in err
    assert "None of the 2 articles could be read" in err and "PDF" in err


def test_a_folder_without_articles_is_one_line(run_cli, tmp_path):
    code, _, err = run_cli("read", str(tmp_path))
    assert code == 2 and "No article files" in err
    (tmp_path / "hosts").write_text("127.0.0.1 localhost")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "app.conf").write_text("x = 1")
    (tmp_path / "sub" / "b.conf").write_text("y = 2")
    code, out, err = run_cli("read", str(tmp_path))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"No article files (.txt, .md, .html) in {tmp_path}: 3 other files (.conf 2, no suffix 1)" in err
    with pytest.raises(InputError, match="3 other files"):
        mp.read_articles(tmp_path)


def test_a_folder_says_how_many_files_it_skipped_and_why(run_cli, folder):
    """A folder such as /etc: its .txt, .md and .html files are read, and the others counted."""
    found = mp.read_articles(folder, workers=1)
    skipped = f"{folder}: 1 other file (.csv 1), skipped (only .txt, .md and .html files are read)."
    assert skipped in found.notes
    code, out, err = run_cli("read", str(folder), "--workers", "1")
    assert code == 0 and "4 articles" not in out and "3 articles" in out
    assert f"note: {skipped}" in " ".join(err.split())


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the server's log is no part of the CLI's output
        return


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A web server on 127.0.0.1 serving the test articles and a page over 5 MB."""
    monkeypatch.setenv("MULTIPOLAR_FETCH_PRIVATE", "1")  # trafilatura refuses loopback addresses otherwise
    shutil.copy(HERE / "nato-enlargement-2009.html", tmp_path / "nato.html")
    (tmp_path / "huge.html").write_bytes(b"<html><body><p>" + b"word " * 1_100_000 + b"</p></body></html>")
    handler = partial(QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_article_fetched_from_its_address(server):
    report = mp.read_article(f"{server}/nato.html").to_dict()
    assert report["article"] == f"{server}/nato.html"
    assert (report["date"], report["date_source"], report["format"]) == ("2009-04-02", "metadata", "html")
    assert any(c["what"] == "joined" and c["states"] == ["ALB", "HRV"] for c in report["claims"])


@pytest.mark.parametrize(
    ("page", "message"),
    [("missing.html", "answered 404"), ("huge.html", "limit is 5 MB")],
)
def test_an_address_that_fails_is_one_line(run_cli, server, page, message):
    code, out, err = run_cli("read", f"{server}/{page}")
    assert code == 2 and "Traceback" not in out + err
    assert message in err and len(err.strip().splitlines()) == 1
    with pytest.raises(InputError, match=message):
        mp.read_article(f"{server}/{page}")


def test_a_loopback_address_is_refused_unless_allowed(run_cli, server, monkeypatch):
    monkeypatch.delenv("MULTIPOLAR_FETCH_PRIVATE")
    code, _, err = run_cli("read", f"{server}/nato.html")
    assert code == 2 and "did not answer" in err


def test_an_address_nobody_answers_is_one_line(run_cli):
    code, out, err = run_cli("read", "http://127.0.0.1:9/article.html")
    assert code == 2 and "did not answer" in err and "Traceback" not in out + err


def test_a_batch_with_an_address(server, tmp_path):
    shutil.copy(SCO_2008, tmp_path / "sco.md")
    found = mp.read_articles(
        [tmp_path / "sco.md", f"{server}/nato.html", f"{server}/missing.html"], workers=1
    )
    errors = found.to_dict()["errors"]
    assert [e["article"] for e in errors] == [f"{server}/missing.html"]
    assert {Path(c["article"]).name for c in found.to_dict()["claims"]} == {"sco.md", "nato.html"}
