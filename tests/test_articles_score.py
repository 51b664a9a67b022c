"""bench/score_articles.py: how a reader's claim is matched to an annotated one, and the scores it
prints over the committed corpus's dev articles."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCORER = Path(__file__).resolve().parents[1] / "bench" / "score_articles.py"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score_articles", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_kinds_that_match(scorer):
    joined = {"what": "joined"}
    assert scorer.same_kind(joined, {"what": "admitted", "status": "member"})
    assert scorer.same_kind({"what": "member"}, joined)  # "became members on 1 January"
    assert scorer.same_kind({"what": "partner"}, {"what": "joined", "status": "partner_country"})
    assert not scorer.same_kind(joined, {"what": "left"})
    assert scorer.same_kind({"what": "suspended"}, {"what": "was suspended", "status": "suspended"})
    assert not scorer.same_kind({"what": "count", "count": 9}, {"what": "count", "count": 10})


def test_a_count_matches_only_a_count_of_the_same_roster(scorer):
    observers = {"what": "count", "count": 4, "status": "observer"}  # "four observer states"
    assert not scorer.same_kind(observers, {"what": "count", "count": 4, "status": "member"})
    assert scorer.same_kind(observers, {"what": "count", "count": 4, "status": "observer"})
    assert scorer.same_kind({"what": "count", "count": 4}, {"what": "count", "count": 4, "status": "member"})
    elected = {"what": "count", "count": 10, "status": "elected"}
    assert scorer.same_kind({"what": "count", "count": 10, "status": "non-permanent"}, elected)


def test_an_annotated_sentence_is_found_whatever_its_spacing_and_quotes(scorer):
    text = "Intro.\n\nIran has become   the ninth “full” member\nof the SCO. More."
    start, end = scorer.sentence_span(text, 'Iran has become the ninth "full" member of the SCO.')
    assert text[start:end] == "Iran has become   the ninth “full” member\nof the SCO."
    assert scorer.sentence_span(text, "Not there.") is None


def test_the_scorer_reads_the_dev_articles_and_prints_every_figure(scorer, capsys):
    assert scorer.main(["--split", "dev", "--quiet"]) == 0
    out = capsys.readouterr().out
    for metric in ("recall", "precision", "verdict accuracy", "entity F1"):
        assert metric in out
    assert out.startswith("== dev: ")


def test_the_scorer_scores_one_gathering_round_apart(scorer):
    every = scorer.articles(scorer.CORPUS, "dev")
    second = scorer.articles(scorer.CORPUS, "dev", 2)
    assert 0 < len(second) < len(every)
    assert all(gold.get("round") == 2 for _, gold in second)


def test_a_round_alone_is_scored_in_the_split_its_articles_are_in(scorer):
    # the held-out round is never read here: only which splits hold which round is looked at
    assert scorer.splits_to_score(scorer.CORPUS, None, None) == ["dev"]
    assert scorer.splits_to_score(scorer.CORPUS, None, 2) == ["dev"]
    assert scorer.splits_to_score(scorer.CORPUS, None, 3) == ["heldout"]
    assert scorer.splits_to_score(scorer.CORPUS, "dev", 3) == ["dev"]
    assert scorer.splits_to_score(scorer.CORPUS, "all", None) == ["dev", "heldout"]
