"""Score the article reader against the hand-annotated corpus (tests/articles/corpus/).

    MULTIPOLAR_MIRROR=../shared/data python bench/score_articles.py [--split dev|heldout|all]
        [--round N] [--json] [--quiet]

Without --split it scores the dev articles; with --round alone, the split(s) that round's articles
are in (``--round 3`` scores the held-out round 3).

Prints, per split and for both together: claim recall (annotated claims the reader found),
claim precision (the reader's claims that are annotated), verdict accuracy (of the claims found,
those whose verdict is the annotated one) and entity F1 (organisations and states named), then
lists every miss: each annotated claim not found, each claim the reader made that nobody
annotated, each verdict that differs.

A reader's claim matches an annotated one when both are about the same organisation, the reader's
words lie in the annotated sentence, their states overlap (or both name none), and they claim the
same kind of thing: the same status; joining and being admitted alike; leaving and withdrawing
alike; a status held and one taken up (annotators write "became members on 1 January" as either, and
"was suspended" or "suspended" alike); a count the same number. Claims about organisations the
registry does not curate are left out of recall and listed apart (the reader knows only the
registry's organisations; as the registry grows, they are scored); a verdict on one would have to be
"not checkable", and so is one where the registry keeps no spell of the status claimed for the
organisation (NATO's applicants). Disagreements on claims the annotators marked ``unsure`` are
listed apart and not counted against verdict accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "articles" / "corpus"
SUFFIXES = (".txt", ".md", ".html")
GAINED = {"joined", "admitted"}
LOST = {"left", "withdrew"}
HOLDING = {"member", "observer", "dialogue partner", "partner", "candidate", "associate", "suspended"}
# the corpus's names for statuses the registry names otherwise
STATUS_NAMES = {"partner country": "partner", "non-permanent": "elected", "frozen": "suspended"}
TARGETS = {"recall": 0.90, "precision": 0.95, "verdict accuracy": 0.95, "entity F1": 0.95}


@dataclass
class Tally:
    annotated: int = 0  # annotated claims about curated organisations
    found: int = 0  # of those, matched by a reader's claim
    made: int = 0  # the reader's claims
    matched: int = 0  # of those, matched to an annotated claim
    verdicts_right: int = 0
    verdicts_scored: int = 0
    entities_true: int = 0  # entity F1's counts
    entities_found: int = 0
    entities_annotated: int = 0
    uncurated: int = 0
    misses: list = field(default_factory=list)  # (kind, article, text)

    def add(self, other: Tally) -> None:
        for name in vars(self):
            if name == "misses":
                self.misses += other.misses
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        precision = ratio(self.entities_true, self.entities_found)
        recall = ratio(self.entities_true, self.entities_annotated)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        return {
            "recall": ratio(self.found, self.annotated),
            "precision": ratio(self.matched, self.made),
            "verdict accuracy": ratio(self.verdicts_right, self.verdicts_scored),
            "entity F1": f1,
        }


def squash(text: str) -> str:
    """Text with every run of whitespace one space, quotes and dashes plain, in lower case: how an
    annotated sentence is found in the reader's text."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def kind(claim: dict) -> tuple:
    """What a claim claims, as the matching compares it."""
    what, status = claim["what"], claim.get("status") or "member"
    status = status.replace("_", " ")
    status = STATUS_NAMES.get(status, status)
    if what in HOLDING:
        return ("status", what.replace("_", " "))
    if what in GAINED:
        return ("status", status)
    if what == "was suspended":  # "Uzbekistan has suspended its membership": a status taken up
        return ("status", "suspended")
    if what in LOST:
        return ("lost", status)
    if what == "count":
        return ("count", claim.get("count"), status)
    return (what,)


def same_kind(gold: dict, read: dict) -> bool:
    return kind(gold) == kind(read)


def sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Where an annotated sentence lies in the reader's text (whitespace and quotes aside; in a
    Markdown article, its markup aside: "- 1973: Britain, ..." is "1973: Britain, ...")."""
    from multipolar.articles.text import MD_LINK, MD_MARKUP

    found = locate(text, sentence)
    return found or locate(text, MD_MARKUP.sub("", MD_LINK.sub(r"\1", sentence)))


def locate(text: str, sentence: str) -> tuple[int, int] | None:
    squashed, positions = [], []
    previous_space = False
    for i, char in enumerate(text):
        char = squash(char) if not char.isspace() else " "
        if char == " " and (previous_space or not squashed):
            continue
        previous_space = char == " "
        squashed.append(char)
        positions.append(i)
    at = "".join(squashed).find(squash(sentence))
    if at < 0:
        return None
    end = at + len(squash(sentence)) - 1
    return positions[at], positions[end] + 1


def score_article(path: Path, gold: dict, curated: set[str]) -> Tally:
    import multipolar as mp
    from multipolar.articles import text as loading
    from multipolar.articles.times import interval
    from multipolar.articles.verdicts import recorded

    tally = Tally()
    name = gold["id"]
    day = interval(gold["published"])[0]
    report = mp.read_article(path, date=day).to_dict()
    text = loading.load(path).text
    # entities: the organisations the registry curates, and states
    gold_entities = {("org", o) for o in gold["organisations"] if o in curated} | {
        ("state", s) for s in gold["states"]
    }
    read_entities = {("org", o["id"]) for o in report["organisations"]} | {
        ("state", s["iso3"]) for s in report["states"] if s["iso3"]
    }
    tally.entities_true += len(gold_entities & read_entities)
    tally.entities_found += len(read_entities)
    tally.entities_annotated += len(gold_entities)
    for kind_, entity in sorted(read_entities - gold_entities):
        tally.misses.append(("extra " + kind_, name, entity))
    for kind_, entity in sorted(gold_entities - read_entities):
        tally.misses.append(("missed " + kind_, name, entity))
    claims = report["claims"]
    tally.made += len(claims)
    used: set[int] = set()
    for claim in gold["claims"]:
        if claim["org"] not in curated:
            tally.uncurated += 1
            continue
        tally.annotated += 1
        span = sentence_span(text, claim["sentence"])
        best = None
        for i, read in enumerate(claims):
            if i in used or read["org"] != claim["org"] or not same_kind(claim, read):
                continue
            if span is None or not (span[0] <= read["start"] and read["end"] <= span[1] + 1):
                continue
            overlap = len(set(claim["states"]) & set(read["states"]))
            if claim["states"] and read["states"] and not overlap:
                continue
            if bool(claim["states"]) != bool(read["states"]) and claim["what"] not in ("count", "founded by"):
                continue
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is None:
            tally.misses.append(("missed claim", name, describe(claim) + f" | {claim['sentence']}"))
            continue
        used.add(best[1])
        read = claims[best[1]]
        tally.found += 1
        expected = claim["verdict"]
        if not recorded(read["org"], read["status"]):
            expected = "not checkable"  # the registry keeps no such status for the organisation (yet)
        if read["verdict"] == expected:
            tally.verdicts_right += 1
            tally.verdicts_scored += 1
        elif claim.get("unsure"):
            tally.misses.append(
                (
                    "verdict differs on an unsure claim",
                    name,
                    verdict_miss(claim, read) + f" (unsure: {claim['unsure']})",
                )
            )
        else:
            tally.verdicts_scored += 1
            tally.misses.append(("wrong verdict", name, verdict_miss(claim, read)))
    tally.matched += len(used)
    for i, read in enumerate(claims):
        if i not in used:
            tally.misses.append(("claim not annotated", name, describe(read) + f" | {read['text']}"))
    return tally


def describe(claim: dict) -> str:
    time = claim["time"]
    when = time["anchor"] + (f" {time['value']}" if time.get("value") else "")
    said = ("not " if claim["polarity"] == "denied" else "") + claim["what"]
    count = f" {claim['count']}" if claim.get("count") else ""
    return f"{claim['org']} {said}{count} {','.join(claim['states'])} ({when})"


def verdict_miss(gold: dict, read: dict) -> str:
    return (
        f"{describe(gold)}: annotated {gold['verdict']!r}, read {read['verdict']!r} — {read['reason'][:160]} "
        f"| {gold['sentence']}"
    )


def articles(corpus: Path, split: str, round_: int | None = None) -> list[tuple[Path, dict]]:
    """The annotated articles of ``split`` (and of one gathering ``round_``, if given)."""
    out = []
    for annotation in sorted(corpus.glob("*.json")):
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        if split != "all" and gold["split"] != split:
            continue
        if round_ is not None and gold.get("round", 1) != round_:
            continue
        text = next((annotation.with_suffix(s) for s in SUFFIXES if annotation.with_suffix(s).exists()), None)
        if text is not None:
            out.append((text, gold))
    return out


def splits_to_score(corpus: Path, split: str | None, round_: int | None) -> list[str]:
    """The splits asked for; without one, dev, or with a round the splits its articles are in."""
    if split == "all":
        return ["dev", "heldout"]
    if split is not None:
        return [split]
    if round_ is not None:
        return [s for s in ("dev", "heldout") if articles(corpus, s, round_)] or ["dev"]
    return ["dev"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "all"], help="default: dev, or a round's")
    parser.add_argument("--round", type=int, dest="round_", help="only the articles of this gathering round")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--quiet", action="store_true", help="scores only, no list of misses")
    options = parser.parse_args(argv)
    from multipolar.orgs import registry

    curated = set(registry.organisations())
    splits = splits_to_score(options.corpus, options.split, options.round_)
    results = {}
    total = Tally()
    for split in splits:
        tally = Tally()
        found = articles(options.corpus, split, options.round_)
        for path, gold in found:
            tally.add(score_article(path, gold, curated))
        results[split] = (len(found), tally)
        total.add(tally)
    if len(splits) > 1:
        results["all"] = (sum(n for n, _ in results.values()), total)
    if options.json:
        print(
            json.dumps(
                {s: {"articles": n, **t.scores(), "misses": len(t.misses)} for s, (n, t) in results.items()}
            )
        )
        return 0
    for split, (count, tally) in results.items():
        scores = tally.scores()
        print(
            f"== {split}: {count} articles, {tally.annotated} annotated claims ({tally.uncurated} more about "
            f"organisations the registry does not curate, not scored), {tally.made} read"
        )
        for metric, value in scores.items():
            shown = "n/a" if value is None else f"{value:.3f}"
            mark = (
                ""
                if value is None
                else ("  ok" if value >= TARGETS[metric] else f"  below {TARGETS[metric]}")
            )
            print(f"   {metric:<17} {shown}{mark}")
        if not options.quiet and split != "all":
            for what, article, detail in tally.misses:
                print(f"   - {what} [{article}]: {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
