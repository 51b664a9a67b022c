"""``multipolar panel stateyears|dyadyears|covariates``: peacesciencer-style panels to a file.

The panel engine (DuckDB, pandas) is imported when a command runs, so that ``--help`` starts fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

from multipolar import files, progress
from multipolar.errors import InputError
from multipolar.interfaces.cli.output import console, emit

app = typer.Typer(
    help="State-year and dyad-year panels with peacesciencer's covariates.", no_args_is_help=True
)

SYSTEM = typer.Option("cow", "--system", "-s", help="cow (Correlates of War) or gw (Gleditsch-Ward).")
YEARS = typer.Option(None, "--years", "-y", help="FIRST-LAST, e.g. 1816-2022 (default: 1816 to last year).")
ADD = typer.Option(
    None, "--add", "-a", help="Covariates separated by commas, e.g. nmc,atop_alliance,contiguity."
)
SET = typer.Option(
    None,
    "--set",
    "-S",
    help="A covariate's option, COVARIATE.OPTION=VALUE, e.g. cow_wars.type=inter or blocs.orgs=NATO,SCO "
    "(repeatable; `panel covariates` lists the options).",
)
OUTPUT = typer.Option(..., "--output", "-o", help="File to write: .parquet or .csv.")
JSON_SOURCES = typer.Option(False, "--json-sources", help="Print the summary (columns and sources) as JSON.")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="panel")


@app.command()
def stateyears(
    system: str = SYSTEM,
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    json_sources: bool = JSON_SOURCES,
) -> None:
    """Every state in the system each year, with covariates, written to a file."""
    from multipolar.panels import create_stateyears

    _build(lambda: create_stateyears(system, years), add, settings, output, json_sources)


@app.command()
def dyadyears(
    system: str = SYSTEM,
    directed: bool = typer.Option(True, "--directed/--nondirected", help="Both orders of each pair, or one."),
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    json_sources: bool = JSON_SOURCES,
) -> None:
    """Every pair of states in the system each year, with covariates, written to a file."""
    from multipolar.panels import create_dyadyears

    _build(lambda: create_dyadyears(system, directed, years), add, settings, output, json_sources)


@app.command("covariates")
def covariates_(as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table.")) -> None:
    """List the covariates that --add accepts."""
    import pandas as pd

    from multipolar.answer import Answer
    from multipolar.panels.covariates import COVARIATES

    rows = pd.DataFrame(
        [
            {"name": name, "options": _options_text(name), "description": _summary(f.__doc__)}
            for name, f in COVARIATES.items()
        ]
    )
    emit(Answer("covariates", {}, rows, "covariates"), as_json, "covariates")


def _summary(doc: str | None) -> str:
    """A docstring's first paragraph on one line, without reST markup."""
    paragraph = (doc or "").strip().split("\n\n")[0]
    return " ".join(paragraph.replace("``", "").split())


def _options_text(name: str) -> str:
    """'type=None, intratype=all': each option with its default."""
    from multipolar.panels.covariates import options

    return ", ".join(f"{option}={p.default}" for option, p in options(name).items())


def _settings(names: list[str], settings: list[str] | None) -> dict[str, dict[str, str]]:
    """``--set`` values by covariate: {"cow_wars": {"type": "inter"}}."""
    from multipolar.panels.covariates import covariate

    out: dict[str, dict[str, str]] = {}
    for setting in settings or []:
        target, equals, value = setting.partition("=")
        name, dot, option = target.strip().partition(".")
        if not (equals and dot and name and option):
            raise InputError(
                f"Cannot read --set {setting!r}.", "Write COVARIATE.OPTION=VALUE, e.g. cow_wars.type=inter."
            )
        name = covariate(name).__name__.removeprefix("add_")
        if name not in names:
            raise InputError(
                f"--set {setting!r} is for {name!r}, which --add does not ask for.", f"Add it: --add {name}."
            )
        out.setdefault(name, {})[option.strip()] = value
    return out


def _build(create, add: str | None, settings: list[str] | None, output: Path, json_sources: bool) -> None:
    from multipolar.panels.covariates import covariate, parse_options
    from multipolar.panels.panel import copy_options

    files.check_output(output)
    copy_options(output)  # a file type the panel cannot be written as is refused before the work
    names = [covariate(n).__name__.removeprefix("add_") for n in (add or "").split(",") if n.strip()]
    given = _settings(names, settings)
    # unknown names and options fail before any work
    steps = [(covariate(n), parse_options(n, given.get(n, {}))) for n in names]
    with progress.bar("building panel", total=len(steps) + 2) as bar:
        panel = create()
        bar.advance()
        for step, kwargs in steps:
            panel = step(panel, **kwargs)
            bar.advance()
        panel.write(output)
        bar.advance()
    summary = panel.summary(output)
    if json_sources:
        emit(summary, True)
        return
    console.print(
        f"wrote [bold]{output}[/]: {summary.extra['rows']:,} rows, {summary.extra['n_columns']} columns",
        highlight=False,
    )
    emit(summary, False, None, ["column", "dataset", "version"])
