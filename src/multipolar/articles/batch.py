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


def expand(sources: Iterable[str | Path]) -> list[str | Path]:
    """Files, web addresses, and the article files in folders (recursively, sorted)."""
    out: list[str | Path] = []
    for source in sources:
        if is_url(source):
            out.append(str(source))
            continue
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(
                    f"No article files (.txt, .md, .html) in {path}.",
                    "Give files or a folder that holds some.",
                )
            out.extend(found)
        else:
            out.append(path)
    return out


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
    found = expand(sources)
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
    notes = [f"{len(errors)} of {len(found)} articles could not be read: see errors."] if errors else []
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
