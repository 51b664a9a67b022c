"""Many articles at once: ``read_articles`` reads files, folders and web addresses on all cores.

Each article is read by ``read_article`` in a worker process (every worker builds the gazetteer
once, about a second); a file that cannot be read (empty, binary, too large, an address that
does not answer) is reported with its one-line error and the others are read on. The answer's
rows are every claim of every article, with the article it came from; ``extra`` holds each
article's report (``reports``), the errors and a summary of the claims by verdict and by
organisation.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from multipolar.answer import Answer
from multipolar.errors import InputError, MultipolarError

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
# the claim fields a batch's table shows, after the article's name
BATCH_COLUMNS = [
    "article", "org", "what", "status", "states", "count", "time", "polarity", "reported", "verdict",
    "reason", "unsure", "text",
]  # fmt: skip
IN_PROCESS = 4  # fewer articles than this are read in the calling process: a worker costs a second


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def expand(sources: Iterable[str | Path]) -> tuple[list[str | Path], list[str]]:
    """Files, web addresses, and the article files in folders (recursively, sorted), with a note
    for each folder on the files it skipped: only .txt, .md and .html files (and their variants,
    ``ARTICLE_SUFFIXES``) are articles; a folder with none is an error."""
    out: list[str | Path] = []
    notes: list[str] = []
    for source in sources:
        if is_url(source):
            out.append(str(source))
            continue
        path = Path(source)
        if path.is_dir():
            found, skipped = [], Counter()
            for p in path.rglob("*"):
                if not p.is_file():
                    continue
                if p.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(p)
                else:
                    skipped[p.suffix.lower() or "no suffix"] += 1
            other = _skipped(skipped)
            if not found:
                raise InputError(
                    f"No article files (.txt, .md, .html) in {path}" + (f": {other}." if other else "."),
                    "Give article files, or a folder that holds some.",
                )
            if other:
                notes.append(f"{path}: {other}, skipped (only .txt, .md and .html files are read).")
            out.extend(sorted(found))
        else:
            out.append(path)
    return out, notes


def _skipped(by_suffix: Counter) -> str:
    """'1,204 other files (.conf 301, no suffix 250, ...)', or '' for none."""
    total = sum(by_suffix.values())
    if not total:
        return ""
    kinds = ", ".join(f"{suffix} {count:,}" for suffix, count in by_suffix.most_common(5))
    more = ", ..." if len(by_suffix) > 5 else ""
    return f"{total:,} other file{'s' if total != 1 else ''} ({kinds}{more})"


def read_one(source: str | Path, date: str | dt.date | None) -> tuple[str, dict | None, str | None]:
    """One article's report as a dict, or its one-line error."""
    from multipolar.articles.report import read_article

    name = str(source)
    try:
        return name, read_article(source, date).to_dict(), None
    except MultipolarError as error:
        return name, None, str(error)


def warm_up() -> None:
    """A worker's start: the gazetteer and the tables every article needs, built once, then set
    apart from the garbage collector (gc.freeze), which otherwise walks them all again in each
    full collection (about once per 150 articles, a tenth of a second each)."""
    import gc

    from multipolar.articles.report import read_article

    read_article("NATO members Poland and Hungary met in Brussels.", date="2000-01-01")
    gc.freeze()


def reports(
    sources: list[str | Path], date, workers: int | None
) -> Iterator[tuple[str, dict | None, str | None]]:
    """Each article's (name, report, error), in the order given, read on ``workers`` processes."""
    if workers is None:
        workers = os.cpu_count() or 1
    if workers <= 1 or len(sources) < IN_PROCESS:
        for source in sources:
            yield read_one(source, date)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    spawn, processes = get_context("spawn"), min(workers, len(sources))
    with ProcessPoolExecutor(max_workers=processes, mp_context=spawn, initializer=warm_up) as pool:
        yield from pool.map(read_one, sources, [date] * len(sources), chunksize=1)


def read_articles(
    sources: Iterable[str | Path] | str | Path, date: str | dt.date | None = None, workers: int | None = None
) -> Answer:
    """Every claim of many articles (files, folders, web addresses), read on ``workers`` processes
    (default: all cores), each checked against the data as of its own date (or ``date``)."""
    from multipolar import progress

    if isinstance(sources, str | Path):
        sources = [sources]
    found, skipped = expand(sources)
    rows: list[dict] = []
    read: list[dict] = []
    errors: list[dict] = []
    with progress.bar("reading articles", total=len(found)) as bar:
        for name, report, error in reports(found, date, workers):
            bar.advance()
            if error is not None:
                errors.append({"article": name, "error": error})
                continue
            read.append(report)
            rows.extend(
                {"article": name, **{c: claim[c] for c in BATCH_COLUMNS[1:]}} for claim in report["claims"]
            )
    notes = list(skipped)
    if errors:
        notes.append(f"{len(errors)} of {len(found)} articles could not be read: see errors.")
    sources_used = list({s["dataset"]: s for r in read for s in r["sources"]}.keys())
    import pandas as pd

    table = pd.DataFrame({c: pd.Series([row[c] for row in rows], dtype=object) for c in BATCH_COLUMNS})
    return Answer(
        "articles",
        {"articles": len(found), "date": dt.date.isoformat(date) if isinstance(date, dt.date) else date},
        table,
        "claims",
        notes,
        sources_used,
        {"reports": read, "errors": errors, "summary": summary(rows, len(read))},
    )


def summary(rows: list[dict], articles: int) -> dict:
    """Claims by verdict, and by organisation and verdict."""
    by_org: dict[str, Counter] = {}
    for row in rows:
        by_org.setdefault(row["org"], Counter())[row["verdict"]] += 1
    return {
        "articles": articles,
        "claims": len(rows),
        "by_verdict": dict(Counter(row["verdict"] for row in rows).most_common()),
        "by_organisation": {org: dict(counts.most_common()) for org, counts in sorted(by_org.items())},
    }
