"""``multipolar compare`` (blocs and what-ifs) and ``multipolar brief`` (the world on one page).

Both are thin calls of ``mp.compare`` and ``mp.brief``, imported inside the commands (as pandas
and the data behind them) so that ``--help`` starts fast. matplotlib is imported only when a
report with charts (md, html) is rendered.
"""

from __future__ import annotations

from pathlib import Path

import typer

from multipolar import files
from multipolar.brief.model import DEFAULT_MEASURES, FORMATS, LONG_RUN_MEASURES, LONG_RUN_UNTIL, check_format
from multipolar.errors import InputError
from multipolar.interfaces.cli.output import console, emit, errors, print_json
from multipolar.interfaces.cli.power_cmd import MEASURE, WEIGHTS  # the measure options, said once
from multipolar.numbers import percent


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)
    app.command("brief")(brief)


def compare(
    blocs: list[str] = typer.Argument(
        None, help="Blocs: an organisation (NATO), atop:ID, ISO3,ISO3 or NAME=ISO3,ISO3, or a state."
    ),
    date: str = typer.Option(None, "--date", "-d", help="YYYY-MM-DD (default: today)."),
    measure: str = MEASURE,
    add: list[str] = typer.Option(
        None, "--add", help="What-if: BLOC=ISO3,ISO3 joins these states to a bloc."
    ),
    remove: list[str] = typer.Option(None, "--remove", help="What-if: BLOC=ISO3 takes these states out."),
    merge: list[str] = typer.Option(None, "--merge", help="What-if: BLOC+BLOC acts as one bloc."),
    weights: str = WEIGHTS,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Compare blocs on a day: members, share of world power, ratios, polarity; with what-ifs."""
    from multipolar.power.blocs import compare as compare_blocs

    answer = compare_blocs(
        blocs or [],
        date,
        measure,
        add=add or None,
        remove=remove or None,
        merge=merge or None,
        weights=weights,
    )
    if as_json:
        print_json(answer.to_dict())
        return
    shares = ["share", *(["share_before", "change"] if answer.kind == "scenario" else [])]
    params = answer.params
    title = f"{params['measure']} ({params['unit']}) in {params['year']}, blocs as on {params['date']}"
    emit(answer, False, title=title, columns=["bloc", "members_n", "value", *shares])
    names = list(answer.rows["bloc"])
    for ratio in answer.extra["ratios"]:
        if ratio["ratio"] is not None and names.index(ratio["bloc"]) < names.index(ratio["to"]):
            console.print(f"{ratio['bloc']} / {ratio['to']} = {ratio['ratio']:.3g}")
    described = {
        "states": "each state an actor",
        "blocs": "blocs as single actors",
        "scenario": "after the what-if",
    }
    for view in answer.extra["polarity"]:
        if view.get("missing"):
            said = f"NA (no {params['measure']} value for the major powers {view['missing']})"
        else:
            leader = f"leader {view['leader']} {percent(view['leader_share'])}"
            said = f"{view['verdict']} ({leader}, ENP {view['enp']:.2f})"
        console.print(f"polarity of world shares, {described[view['actors']]}: {said}")


def brief(
    date: str = typer.Option(None, "--date", "-d", help="YYYY-MM-DD (default: today)."),
    measure: list[str] = typer.Option(
        None,
        "--measure",
        "-m",
        help=f"Measures to show (repeat; default {', '.join(DEFAULT_MEASURES)}; "
        f"before {LONG_RUN_UNTIL} {', '.join(LONG_RUN_MEASURES)}).",
    ),
    year: int = typer.Option(
        None, "--year", "-y", help="Data year (default: the last complete year before the date)."
    ),
    fmt: str = typer.Option(
        None,
        "--format",
        "-f",
        help=f"One of: {', '.join(FORMATS)} (default: from -o's extension, else text).",
    ),
    output: str = typer.Option(
        None, "--output", "-o", help="Write to this file (atomically) instead of the terminal."
    ),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    article: str = typer.Option(
        None, "--article", help="Add a section checking this article's claims; the brief takes its date."
    ),
) -> None:
    """The structure of the world on one day: polarity, top powers, blocs, alliances, sources."""
    from multipolar.brief.keep import brief as make_brief
    from multipolar.brief.render import renderables

    chosen = check_format("json" if as_json else fmt or format_of(output))  # before the work
    if output:
        files.check_output(output)
    grounded = None
    if article:  # the article reader (spaCy) only when an article is given
        from multipolar.articles.grounding import add_grounding, article_for_brief

        grounded = article_for_brief(article, date)
    report = make_brief(
        grounded.date if grounded else date,
        [m for item in measure or [] for m in item.split(",") if m.strip()] or None,
        year,
    )
    if grounded:
        add_grounding(report, grounded)
    if output:
        written = report.save(output, chosen)
        errors.print(f"wrote {written}")
    elif chosen == "text":
        console.print(renderables(report))
    elif chosen == "json":
        print_json(report.to_dict())
    else:
        print(report.render(chosen))


SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "text",
    ".text": "text",
    "": "text",
}


def format_of(output: str | None) -> str:
    """The format a file name asks for (brief.html is html, brief.txt or brief text).

    Any other extension (brief.pdf) is refused rather than filled with text it does not promise.
    """
    if not output:
        return "text"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            f"The brief cannot be written as {suffix!r}.",
            "Name the file .txt, .md, .html or .json, or choose the format with --format.",
        )
    return SUFFIXES[suffix]
