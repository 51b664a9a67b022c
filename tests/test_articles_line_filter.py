"""The membership reader leaves most sentence lines unread (membership.may_claim, may_read): a
line with no cue, no number and none of the words that open another reading makes no claim.
Reading every line must give the same claims, on every article of the corpus and the realistic
ones: a new reading that opens with words of its own must add them to reading_words()."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.articles import membership, read_article

ARTICLES = Path(__file__).parent / "articles"
SUFFIXES = (".txt", ".md", ".html")
PATHS = sorted(
    p for folder in ("corpus", "realistic") for p in (ARTICLES / folder).iterdir() if p.suffix in SUFFIXES
)


def claims(paths: list[Path]) -> list[list[dict]]:
    return [read_article(path).to_dict()["claims"] for path in paths]


@pytest.mark.parametrize("half", [0, 1])
def test_reading_every_line_finds_no_other_claim(monkeypatch, half):
    paths = PATHS[half::2]
    filtered = claims(paths)
    monkeypatch.setattr(membership, "may_claim", lambda line: True)
    monkeypatch.setattr(membership, "may_read", lambda *arguments: True)
    for path, found, every in zip(paths, filtered, claims(paths), strict=True):
        assert found == every, path.name
