"""``multipolar panel stateyears|dyadyears|statedays|leaderyears|leaderdays|leaderdyadyears|covariates``:
peacesciencer-style panels to a file, with a summary of their columns and sources.

The panel engine (DuckDB, pandas) is imported when a command runs, so that ``--help`` starts fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

from multipolar import files, progress
from multipolar.errors import InputError
from multipolar.interfaces.cli.output import console, emit

app = typer.Typer(
    help="State-, dyad-, leader- and leader-dyad-year panels (and state- and leader-days) with "
    "peacesciencer's covariates.",
    no_args_is_help=True,
)

SYSTEM = typer.Option("cow", "--system", "-s", help="cow (Correlates of War) or gw (Gleditsch-Ward).")
YEARS = typer.Option(None, "--years", "-y", help="FIRST-LAST, e.g. 1816-2022 (default: 1816 to last year).")
ADD = typer.Option(
    None,
    "--add",
    "-a",
    help="Covariates (and filter_prd) separated by commas, in order, e.g. nmc,atop_alliance,filter_prd.",
)
SET = typer.Option(
    None,
    "--set",
    "-S",
    help="A covariate's option, COVARIATE.OPTION=VALUE, e.g. cow_wars.type=inter or blocs.orgs=NATO,SCO "
    "(repeatable; `panel covariates` lists the options).",
)
OUTPUT = typer.Option(
    None, "--output", "-o", help="File to write: .parquet or .csv (without it, only the summary is printed)."
)
JSON = typer.Option(
    False,
    "--json",
    "--json-sources",
    help="Print the summary (rows, columns and their sources, notes) as JSON.",
)
DIRECTED = typer.Option(True, "--directed/--nondirected", help="Both orders of each pair, or one.")
STANDARDIZE = typer.Option(
    "none",
    "--standardize",
    help="none (every day Archigos lists), gw or cow (only days the leader's state was in that system).",
)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="panel")


@app.command()
def stateyears(
    system: str = SYSTEM,
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    as_json: bool = JSON,
) -> None:
    """Every state in the system each year, with covariates."""
    from multipolar.panels import create_stateyears

    _build(lambda: create_stateyears(system, years), add, settings, output, as_json)


@app.command()
def dyadyears(
    system: str = SYSTEM,
    directed: bool = DIRECTED,
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    as_json: bool = JSON,
) -> None:
    """Every pair of states in the system each year, with covariates."""
    from multipolar.panels import create_dyadyears

    _build(lambda: create_dyadyears(system, directed, years), add, settings, output, as_json)


@app.command()
def statedays(system: str = SYSTEM, years: str = YEARS, output: Path = OUTPUT, as_json: bool = JSON) -> None:
    """Every state in the system each day (no covariate takes state-days)."""
    from multipolar.panels import create_statedays

    _build(lambda: create_statedays(system, years), None, None, output, as_json)


@app.command()
def leaderyears(
    standardize: str = STANDARDIZE,
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    as_json: bool = JSON,
) -> None:
    """Every year of every Archigos leader's tenure (1840-2015), with covariates."""
    from multipolar.panels import create_leaderyears

    _build(lambda: create_leaderyears(standardize, years), add, settings, output, as_json)


@app.command()
def leaderdays(
    standardize: str = STANDARDIZE, years: str = YEARS, output: Path = OUTPUT, as_json: bool = JSON
) -> None:
    """Every day of every Archigos leader's tenure (no covariate takes leader-days)."""
    from multipolar.panels import create_leaderdays

    _build(lambda: create_leaderdays(standardize, years), None, None, output, as_json)


@app.command()
def leaderdyadyears(
    system: str = typer.Option("gw", "--system", "-s", help="gw (Gleditsch-Ward, default) or cow."),
    directed: bool = DIRECTED,
    years: str = YEARS,
    add: str = ADD,
    settings: list[str] = SET,
    output: Path = OUTPUT,
    as_json: bool = JSON,
) -> None:
    """Every pair of leaders in office the same year (1870-2015), with covariates."""
    from multipolar.panels import create_leaderdyadyears

    _build(lambda: create_leaderdyadyears(system, directed, years), add, settings, output, as_json)


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


def _build(create, add: str | None, settings: list[str] | None, output: Path | None, as_json: bool) -> None:
    from multipolar.panels.covariates import covariate, parse_options
    from multipolar.panels.panel import file_type

    if output is not None:
        files.check_output(output)
        file_type(output)  # a file type the panel cannot be written as is refused before the work
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
        if output is not None:
            panel.write(output)
        bar.advance()
    summary = panel.summary(output)
    if as_json:
        emit(summary, True)
        return
    if output is not None:
        console.print(
            f"wrote [bold]{output}[/]: {summary.extra['rows']:,} rows, {summary.extra['n_columns']} columns",
            highlight=False,
        )
    else:
        console.print(
            f"{summary.extra['rows']:,} rows, {summary.extra['n_columns']} columns (nothing written: "
            "give -o FILE.parquet or FILE.csv)",
            highlight=False,
        )
    emit(summary, False, None, ["column", "dataset", "version"])
