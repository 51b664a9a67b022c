"""Articles per second on one core for 1,000-word articles (target: at least 100/s).

The articles are built from the project's test articles and the 2008 SCO example: paragraphs
shuffled and repeated until each is about 1,000 words, with a few states and organisations
swapped so that no two are the same text. Each is read on a date of its own (no two alike,
1990-2024), so every membership and alliance claim is checked and nothing looked up for one
date is reused for the next. The first article (building the gazetteer, loading the data) is
timed separately. Then come realistic articles: the 2008 example, a real article as published,
on 300 other days; and it with the ten realistic articles of tests/articles/realistic
(1956-2024: wire copy, op-eds, live blogs), joined two by two into texts of at least 1,000
words (one whole, the other's first paragraphs), on as many other days. They have the claims
and names of real writing, where the built articles repeat claim-dense paragraphs.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_articles.py [--n 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "examples" / "2008-09-07-sco-military-alliance.md"
SOURCES = [
    ROOT / "tests" / "articles" / "nato-enlargement-2009.html",
    ROOT / "tests" / "articles" / "sco-wrong-members-2010.txt",
    ROOT / "tests" / "articles" / "undated-sco-observers.md",
    ROOT / "tests" / "articles" / "iraq-war-2003.txt",
    EXAMPLE,
]
SWAPS = [
    ("Iran", "Turkey"),
    ("India", "Mongolia"),
    ("NATO", "CSTO"),
    ("Georgia", "Armenia"),
    ("Russia", "China"),
]
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2024, 12, 31)


def paragraphs() -> list[str]:
    from multipolar.articles.text import load

    out = []
    for path in SOURCES:
        if path.exists():
            out.extend(p.strip() for p in load(path).text.split("\n") if len(p.split()) >= 8)
    return out


def articles(n: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = paragraphs()
    out = []
    for _ in range(n):
        body, count = [], 0
        while count < words:
            paragraph = rng.choice(pool)
            if rng.random() < 0.5:
                old, new = rng.choice(SWAPS)
                paragraph = paragraph.replace(old, new)
            body.append(paragraph)
            count += len(paragraph.split())
        out.append("\n\n".join(body))
    return out


def distinct_days(n: int, seed: int = 7) -> list[dt.date]:
    span = (LAST_DAY - FIRST_DAY).days + 1
    return [FIRST_DAY + dt.timedelta(days=d) for d in random.Random(seed).sample(range(span), n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--words", type=int, default=1000, help="words per article (default 1000)")
    args = parser.parse_args()
    os.environ.setdefault("MULTIPOLAR_MIRROR", str(ROOT.parent / "shared" / "data"))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    from multipolar.articles import read_article

    loaded = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"
    texts = articles(args.n, args.words)
    days = distinct_days(args.n + 1)
    start = time.perf_counter()
    read_article(texts[0], date=days.pop())
    first = time.perf_counter() - start
    claims = 0
    start, cpu = time.perf_counter(), time.process_time()
    for index, text in enumerate(texts):
        claims += len(read_article(text, date=days[index]))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"first article (builds gazetteer, loads data): {first:.2f} s")
    print(
        f"{len(texts)} articles of ~{mean_words:.0f} words on {len(texts)} different days, "
        f"{claims} claims checked: "
        f"{elapsed:.2f} s wall, {cpu:.2f} s CPU"
    )
    rate, cpu_rate = len(texts) / elapsed, len(texts) / cpu
    print(
        f"throughput: {rate:.0f} articles/s wall, {cpu_rate:.0f}/s CPU ({cpu / len(texts) * 1000:.1f} ms CPU "
        "each), on one core"
    )
    used = set(days)
    other_days = [d for d in distinct_days(3000, seed=11) if d not in used]
    real_article(read_article, other_days[:300])
    realistic_articles(read_article, other_days[300:])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    if hasattr(os, "getloadavg"):  # other processes inflate even CPU time (shared caches and cores)
        print(f"load average: {loaded} at the start, {os.getloadavg()[0]:.1f} at the end")


def real_article(read_article, days: list[dt.date]) -> None:
    """The 2008 example, a real article as published, read as it stands on days no built
    article had: its claims are fewer than the built articles', its words less often seen."""
    from multipolar.articles.text import load

    if not EXAMPLE.exists():
        return
    text = load(EXAMPLE).text
    words = len(text.split())
    wall, cpu = time.perf_counter(), time.process_time()
    for day in days:
        read_article(text, date=day)
    each, wall = (time.process_time() - cpu) / len(days), (time.perf_counter() - wall) / len(days)
    per_thousand = each * 1000 / words
    print(
        f"the 2008 example ({words} words) on {len(days)} other days: {1 / each:.0f} articles/s CPU "
        f"({1 / wall:.0f}/s wall), {per_thousand * 1000:.1f} ms CPU per 1,000 words (about "
        f"{1 / per_thousand:.0f} 1,000-word articles/s)"
    )


def realistic_articles(read_article, days: list[dt.date]) -> None:
    """Every pair of the realistic articles (their main text, as loaded) joined into one text,
    the first whole and the second's first paragraphs until there are 1,000 words; each pair
    read on five days of its own."""
    from multipolar.articles.text import load

    paths = [EXAMPLE, *sorted((ROOT / "tests" / "articles" / "realistic").iterdir())]
    texts = [load(path).text for path in paths if path.is_file()]
    pairs = [about_1000_words(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]] * 5
    words = sum(len(text.split()) for text in pairs) / len(pairs)
    wall, cpu = time.perf_counter(), time.process_time()
    for text, day in zip(pairs, days, strict=False):
        read_article(text, date=day)
    each, wall = (time.process_time() - cpu) / len(pairs), (time.perf_counter() - wall) / len(pairs)
    print(
        f"{len(pairs)} realistic articles of ~{words:.0f} words (two of {len(texts)} joined) on as many "
        f"other days: {1 / each:.0f} articles/s CPU ({1 / wall:.0f}/s wall), {each * 1000:.1f} ms CPU each"
    )


def about_1000_words(first: str, second: str) -> str:
    """``first``, then ``second``'s paragraphs until the whole has 1,000 words or more."""
    out, count = [first], len(first.split())
    for paragraph in second.split("\n"):
        if count >= 1000:
            break
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(out)


if __name__ == "__main__":
    main()
