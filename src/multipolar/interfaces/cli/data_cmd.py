"""``multipolar data ...``: the catalog and the local cache."""

from __future__ import annotations

import sys

import typer

from multipolar.interfaces.cli.output import console, emit, errors

app = typer.Typer(help="The data catalog and the local cache.", no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")


@app.command("list")
def list_(as_json: bool = JSON) -> None:
    """List every catalogued dataset and whether it is cached."""
    from multipolar.data import manage

    emit(
        manage.data_list(),
        as_json,
        "datasets",
        ["name", "version", "years", "format", "bytes", "cached", "stored"],
    )


@app.command()
def pull(
    names: list[str] = typer.Argument(None, help="Dataset names (default: all)."), as_json: bool = JSON
) -> None:
    """Download, verify (sha256) and convert datasets into the columnar store."""
    from multipolar.data import manage

    try:
        answer = manage.pull(names)
    except manage.PullInterrupted as stop:  # Ctrl-C: say what was kept
        errors.print(str(stop), highlight=False, soft_wrap=True, markup=False)
        sys.exit(130)
    emit(answer, as_json, "pulled", ["name", "version", "store"])


@app.command()
def verify(
    names: list[str] = typer.Argument(None, help="Dataset names (default: all)."), as_json: bool = JSON
) -> None:
    """Re-hash the cached files and their conversions; damage is removed or rebuilt, exit code 1."""
    from multipolar.data import manage

    answer = manage.verify(names)
    emit(answer, as_json, "verification", ["name", "status", "store"])
    if not answer.params["ok"]:
        sys.exit(1)


@app.command()
def path(
    names: list[str] = typer.Argument(None, help="Dataset names (default: all)."), as_json: bool = JSON
) -> None:
    """Show where the cache keeps each dataset."""
    from multipolar.data import manage

    answer = manage.paths(names)
    if as_json:
        emit(answer, True)
        return
    # whole paths, one per line, never cut to the terminal's width: they are there to be copied
    console.print(f"cache: {answer.params['cache']}", highlight=False, soft_wrap=True)
    for row in answer.rows.itertuples():
        console.print(f"{row.name}\n  raw   {row.raw}\n  store {row.store}", highlight=False, soft_wrap=True)


@app.command()
def cite(names: list[str] = typer.Argument(..., help="Dataset names."), as_json: bool = JSON) -> None:
    """Print citations as text and BibTeX."""
    from multipolar.data import manage

    answer = manage.cite(names)
    if as_json:
        emit(answer, True)
        return
    for row in answer.rows.itertuples():
        console.print(f"[bold]{row.name}[/] (version {row.version})", highlight=False)
        console.print(row.citation + "\n", highlight=False, markup=False, soft_wrap=True)
    for row in answer.rows.itertuples():
        console.print(row.bibtex + "\n", highlight=False, markup=False, soft_wrap=True)


def register_top_level(root: typer.Typer) -> None:
    """``multipolar cite`` is the same command as ``multipolar data cite``."""
    root.command("cite", help="Print citations as text and BibTeX.")(cite)
