"""An article's claims as a section of the brief for its date ('multipolar brief --article FILE').

The section repeats the verdicts of ``read_article`` in the brief's own form (a JSON payload
and the lines and tables formatted from it), so the brief shows the state of the world on the
article's day next to what the article said about it.
"""

from __future__ import annotations

from multipolar.articles.report import ArticleReport


def when(time: dict) -> str:
    """A claim's time anchor in a few words: "the article's day", "since 2010", "2017"."""
    value = time.get("value")
    if time["anchor"] == "article":
        return "the article's day"
    if time["anchor"] == "range":
        return f"{value[0]} to {value[1]}"
    if time["anchor"] in ("since", "until"):
        return f"{time['anchor']} {value}"
    if time["anchor"] == "future":
        return f"future ({value})" if value else "future"
    return str(value)


def grounding_section(report: ArticleReport):
    """The brief Section for ``report``, with its notes and sources: (section, notes, sources)."""
    from multipolar.brief.model import Section, Table

    found = report.to_dict()
    claims = [
        {
            "org": c["org"],
            "what": c["what"],
            "status": c["status"],
            "states": c["states"],
            "time": c["time"],
            "polarity": c["polarity"],
            "verdict": c["verdict"],
            "reason": c["reason"],
            "missing": [m["iso3"] for m in c["missing"]],
            "not_holding": [m["iso3"] for m in c["not_holding"]],
            "text": c["text"],
        }
        for c in found["claims"]
    ]
    nature = [{k: n[k] for k in ("org", "claim", "verdict", "text")} for n in found["nature_claims"]]
    conflicts = [
        {
            "text": c["text"],
            "participants": c["participants"],
            "year": c["year"],
            "verdict": c["verdict"],
            "records": [f"{r['dataset']} {r['id']}" for r in c["records"]],
        }
        for c in found["conflicts"]
        if c["participants"]
    ]
    data = {
        "article": found["article"],
        "title": found["title"],
        "date": found["date"],
        "date_source": found["date_source"],
        "claims": claims,
        "nature_claims": nature,
        "conflicts": conflicts,
        "inconsistencies": [i["message"] for i in found["inconsistencies"]],
    }
    verdicts = [c["verdict"] for c in claims]
    lines = [
        f"{data['title'] or data['article']} — dated {data['date'] or 'unknown'} ({data['date_source']}).",
        f"{len(claims)} membership claim(s): "
        + (", ".join(f"{verdicts.count(v)} {v}" for v in dict.fromkeys(verdicts)) or "none found")
        + ".",
    ]
    lines += [f"{n['org']} {n['claim']}: {n['verdict']}." for n in nature]
    lines += [f"Inconsistency: {message}" for message in data["inconsistencies"]]
    tables = []
    if claims:
        tables.append(
            Table(
                ["organisation", "claim", "states", "when", "verdict", "left out", "not holding"],
                [
                    [
                        c["org"],
                        ("not " if c["polarity"] == "denied" else "") + c["what"],
                        ", ".join(c["states"]),
                        when(c["time"]),
                        c["verdict"],
                        ", ".join(c["missing"]),
                        ", ".join(c["not_holding"]),
                    ]
                    for c in claims
                ],  # fmt: skip
                title="Membership claims",
            )
        )
    if conflicts:
        tables.append(
            Table(
                ["conflict", "parties", "year", "verdict", "records"],
                [
                    [
                        c["text"],
                        ", ".join(c["participants"]),
                        str(c["year"]),
                        c["verdict"],
                        ", ".join(c["records"]),
                    ]
                    for c in conflicts
                ],
                title="Conflicts mentioned",
            )
        )
    section = Section(key="grounding", title="Article grounding", data=data, lines=lines, tables=tables)
    return section, list(report.notes), list(report.sources)


def add_grounding(brief, report: ArticleReport) -> None:
    """Append the grounding section for ``report`` to ``brief`` (a multipolar Brief)."""
    section, notes, sources = grounding_section(report)
    brief.add(section, notes, sources)


def article_for_brief(path: str, date: str | None = None) -> ArticleReport:
    """The article behind ``brief --article``: read, and dated (else a one-line error)."""
    from pathlib import Path

    from multipolar.articles.report import read_article
    from multipolar.errors import InputError

    if not Path(path).is_file():
        raise InputError(f"No article file at {path}.", "Give the path of a .txt, .md or .html file.")
    report = read_article(Path(path), date)
    if report.date is None:
        raise InputError(
            f"The article {path} has no date the brief could use.", "Give one with --date YYYY-MM-DD."
        )
    return report
