"""``multipolar states`` and ``multipolar resolve``: the state system and country identity."""

from __future__ import annotations

import sys

import typer

from multipolar.interfaces.cli.output import emit, errors

JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")


def register(app: typer.Typer) -> None:
    app.command("states")(states_command)
    app.command("resolve")(resolve_command)


def states_command(
    date: str = typer.Option(None, "--date", "-d", help="YYYY-MM-DD (default: the latest day covered)."),
    system: str = typer.Option(
        "cow", "--system", "-s", help="cow (Correlates of War) or gw (Gleditsch-Ward)."
    ),
    as_json: bool = JSON,
) -> None:
    """List the members of the state system on a day, with major powers marked."""
    from multipolar.states import states

    answer = states(date, system=system)
    title = f"{answer.params['system'].upper()} states on {answer.params['date']}: {len(answer)}"
    emit(answer, as_json, title)


def resolve_command(
    names: list[str] = typer.Argument(..., help="Names or codes: 'Burma', DEU, 365, cow:365, gw:340."),
    date: str = typer.Option(None, "--date", "-d", help="YYYY-MM-DD the names refer to (default: today)."),
    code: str = typer.Option("cow", "--code", help="How to read bare numbers: cow or gw."),
    as_json: bool = JSON,
) -> None:
    """Say which country each name or code means on a day (ISO, COW and G-W codes)."""
    from multipolar.states import resolve

    answer = resolve(names, date=date, code=code)
    columns = ["input", "read_as", "name", "iso3", "iso2", "cow", "cow_abb", "gw", "valid_from", "valid_to"]
    unresolved = answer.extra["unresolved"]
    if as_json or len(unresolved) < len(names):  # no empty table when no name meant a country
        emit(answer, as_json, f"Countries on {answer.params['date']}", columns)
    for failed in unresolved:  # the others are answered; each bad name is one error line
        errors.print(f"[bold red]error:[/] {failed['error']}", highlight=False, soft_wrap=True)
    if unresolved:
        sys.exit(2)
