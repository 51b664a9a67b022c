"""Issue 15's error paths for the reader, in each interface: an empty file, a binary file, a file
over 5 MB, an address nobody answers and a page from a server on 127.0.0.1 that fails. The CLI
prints one line and exits non-zero without a traceback, Python raises an ``InputError`` with
the same line, and HTTP (which takes the article's text, never a path or address) answers 4xx
JSON with it. An article not in English is read for names, with a one-line note (docs/articles.md)."""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import multipolar as mp
from multipolar.errors import InputError

HERE = Path(__file__).parent / "articles"
BIG = b"word " * 1_100_000  # 5.2 MB
CASES = {
    "empty": (b"", "is empty"),
    "binary": (b"%PDF-1.7\n\x00\x01binary", "is a PDF file, not text"),
    "large": (BIG, "the limit is 5 MB"),
}


def one_line(code: int, out: str, err: str) -> str:
    assert code != 0 and out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from multipolar.interfaces.web.app import create_app

    return TestClient(create_app())


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_file_is_one_line_in_the_cli_an_input_error_in_python_and_4xx_json(
    case, tmp_path, run_cli, client
):
    content, message = CASES[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(content)
    line = one_line(*run_cli("read", str(path)))
    assert line.startswith("error: ") and message in line
    with pytest.raises(InputError, match=message) as raised:
        mp.read_article(path)
    assert line == f"error: {raised.value}"
    answer = client.post("/api/read", content=content)
    assert answer.status_code in (400, 413) and set(answer.json()) == {"error"}
    error = answer.json()["error"]
    assert "\n" not in error and "<bytes>" not in error  # no internal label for a sent article
    assert message in error or (case == "large" and "larger than 5 MB" in error)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        return


@pytest.fixture
def local_server(tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_FETCH_PRIVATE", "1")
    (tmp_path / "empty.html").write_bytes(b"")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(("page", "message"), [("missing.html", "answered 404"), ("empty.html", "empty")])
def test_a_url_from_a_local_server_that_fails_is_one_line(local_server, run_cli, page, message):
    url = f"{local_server}/{page}"
    line = one_line(*run_cli("read", url))
    assert message in line
    with pytest.raises(InputError, match=message):
        mp.read_article(url)


def test_an_address_nobody_answers_is_one_line_and_an_input_error(run_cli):
    url = "http://127.0.0.1:9/article.html"  # the discard port: nothing listens
    assert "did not answer" in one_line(*run_cli("read", url))
    with pytest.raises(InputError, match="did not answer"):
        mp.read_article(url)


def test_the_http_api_never_fetches_an_address_it_is_sent(client):
    answer = client.post("/api/read", content=b"http://127.0.0.1:9/article.html")
    assert answer.status_code == 200 and answer.json()["organisations"] == []


def test_an_article_not_in_english_is_read_for_names_with_one_note(run_cli, client):
    french = (HERE / "sco-french-2008.txt").read_bytes()
    code, out, err = run_cli("read", str(HERE / "sco-french-2008.txt"))
    assert code == 0 and "Traceback" not in err and "not English" in out
    notes = [n for n in mp.read_article(french).notes if "not English" in n]
    assert len(notes) == 1 and "French" in notes[0]
    assert client.post("/api/read", content=french).json()["language"] == "fr"
