"""``multipolar read FILE``: what an article names and claims, checked against the data of its day."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("read")(read)


def read(
    articles: list[str] = typer.Argument(
        ..., help="Articles: .txt, .md or .html files, folders of them, or http(s) addresses."
    ),
    date: str = typer.Option(
        None, "--date", "-d", help="Publication date YYYY-MM-DD, if the articles lack one."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON line per article (many articles)."),
    workers: int = typer.Option(
        None, "--workers", "-w", help="Processes for many articles (default: all cores)."
    ),
) -> None:
    """Read articles: organisations, states, places, people, conflicts, and their membership and
    alliance claims checked against the data as of each claim's time. One article prints its full
    report; several (or a folder) are read on all cores, with every claim and a summary."""
    from pathlib import Path

    from multipolar.articles.batch import is_url

    single = len(articles) == 1 and not jsonl and (is_url(articles[0]) or not Path(articles[0]).is_dir())
    if single:
        read_single(articles[0], date, as_json)
    else:
        read_many(articles, date, as_json, jsonl, workers)


def read_single(article: str, date: str | None, as_json: bool) -> None:
    from pathlib import Path

    from multipolar.articles import read_article
    from multipolar.articles.batch import is_url
    from multipolar.errors import InputError
    from multipolar.interfaces.cli.output import print_json

    if not is_url(article) and not Path(article).is_file():
        raise InputError(
            f"No article file at {article}.",
            "Give the path of a .txt, .md or .html file, or an http(s) address.",
        )
    report = read_article(article if is_url(article) else Path(article), date)
    if as_json:
        print_json(report.to_dict())
        return
    show(report.to_dict())


def read_many(articles: list[str], date: str | None, as_json: bool, jsonl: bool, workers: int | None) -> None:
    import json

    from multipolar.articles.batch import read_articles
    from multipolar.errors import InputError
    from multipolar.interfaces.cli.output import errors, print_json

    batch = read_articles(articles, date, workers)
    found = batch.to_dict()
    for note in batch.notes:
        if "skipped" in note:  # the files of a folder that are not articles, said on stderr
            errors.print(f"[yellow]note:[/] {note}", highlight=False, soft_wrap=True)
    for error in found["errors"]:
        errors.print(
            f"[bold red]error:[/] {error['article']}: {error['error']}", highlight=False, soft_wrap=True
        )
    if jsonl:
        for report in found["reports"]:
            print(json.dumps(report, ensure_ascii=False, default=str))
    elif as_json:
        print_json(found)
    else:
        show_batch(found)
    if not found["reports"]:
        raise InputError(
            f"None of the {len(found['errors'])} articles could be read.", "See the errors above."
        )


def show_batch(found: dict) -> None:
    """Every claim of the batch in one table, then the claims by verdict and by organisation."""
    from rich.table import Table

    from multipolar.articles.grounding import when
    from multipolar.interfaces.cli.output import cell, console

    if found["claims"]:
        table = Table(title="membership claims", title_justify="left", header_style="bold")
        for column in ("article", "org", "claim", "states", "when", "verdict"):
            table.add_column(column)
        for claim in found["claims"]:
            what = ("not " if claim["polarity"] == "denied" else "") + claim["what"]
            if claim["what"] == "count":
                what += f" {claim['count']}"
            said = (
                verdict(claim["verdict"])
                + reported(claim)
                + (" [yellow](unsure)[/]" if claim["unsure"] else "")
            )
            name = claim["article"].rsplit("/", 1)[-1]
            table.add_row(name, claim["org"], what, cell(claim["states"]), when(claim["time"]), said)
        console.print(table)
    summary = found["summary"]
    by_verdict = ", ".join(f"{count} {word}" for word, count in summary["by_verdict"].items()) or "none"
    console.print(f"[bold]{summary['articles']} articles, {summary['claims']} claims:[/] {by_verdict}")
    for org, counts in summary["by_organisation"].items():
        console.print(f"  {org}: " + ", ".join(f"{count} {word}" for word, count in counts.items()))


def show(report: dict) -> None:
    from rich.table import Table

    from multipolar.articles.grounding import when
    from multipolar.interfaces.cli.output import cell, console

    console.print(f"[bold]{report['title'] or report['article']}[/]")
    if report["author"]:
        console.print(f"by {report['author']}")
    if report["date"]:
        console.print(
            f"date {report['date']} (from {report['date_source']}: {report['date_evidence']}; "
            f"confidence {report['date_confidence']:.1f})"
        )
    else:
        console.print("[yellow]no date found[/]")
    for label, key, name in (
        ("organisations", "organisations", "id"),
        ("states", "states", "iso3"),
        ("places", "places", "name"),
        ("people", "people", "name"),
    ):
        found = [f"{item[name] or item.get('name')} ×{len(item['mentions'])}" for item in report[key]]
        console.print(f"[bold]{label}:[/] {', '.join(found) if found else '[dim]none[/]'}")
    if report["claims"]:
        table = Table(title="membership claims", title_justify="left", header_style="bold")
        for column in ("org", "claim", "states", "when", "verdict", "missing", "not holding"):
            table.add_column(column)
        for claim in report["claims"]:
            said = (
                verdict(claim["verdict"])
                + reported(claim)
                + (" [yellow](unsure)[/]" if claim["unsure"] else "")
            )
            missing = [f"{m['iso3']} (since {m['since']})" for m in claim["missing"]]
            not_holding = [
                f"{m['iso3']} ({m.get('status_that_day') or 'none'})" for m in claim["not_holding"]
            ]
            what = ("not " if claim["polarity"] == "denied" else "") + claim["what"]
            if claim["what"] == "count":
                what += f" {claim['count']}"
            table.add_row(
                claim["org"], what, cell(claim["states"]), when(claim["time"]), said, cell(missing),
                cell(not_holding),
            )  # fmt: skip
        console.print(table)
        for claim in report["claims"]:
            reason = claim["reason"] + (f" Unsure: {claim['unsure']}." if claim["unsure"] else "")
            console.print(f"[dim]{claim['org']} {claim['what']}: {reason}[/]")
    for claim in report["nature_claims"]:
        console.print(
            f"[bold]claim:[/] {claim['org']} {claim['claim']} ({claim['text']!r}) → "
            f"{verdict(claim['verdict'])}{reported(claim)}: {claim['evidence'].get('reason', '')}"
        )
    for conflict in report["conflicts"]:
        records = ", ".join(f"{r['dataset']} {r['id']}" for r in conflict["records"]) or "none"
        parties = ", ".join(conflict["participants"]) or "no parties"
        console.print(
            f"[bold]conflict:[/] {conflict['text']!r} ({parties}, "
            f"{conflict['year']}) → {conflict['verdict']}: {records}"
        )
    for issue in report["inconsistencies"]:
        console.print(f"[bold yellow]inconsistency:[/] {issue['message']}")
    for note in report["notes"]:
        console.print(f"[yellow]note:[/] {note}")
    labels = ", ".join(f"{s['dataset']} {s['version']}" for s in report["sources"])
    console.print(f"[dim]sources: {labels}[/]")


def reported(claim: dict) -> str:
    """A mark for a claim the article reports someone else making (quoted, 'X said that')."""
    return " [dim](reported)[/]" if claim.get("reported", claim.get("attributed")) else ""


def verdict(word: str) -> str:
    colour = {
        "correct": "green",
        "supported": "green",
        "linked": "green",
        "wrong": "red",
        "contradicted": "red",
    }
    return f"[{colour.get(word, 'yellow')}]{word}[/]"
