"""``multipolar orgs | members | history | memberships | alliances | alliance | commitments``.

Each command imports its query (pandas, the data) when it runs, so that ``--help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from multipolar.interfaces.cli.output import emit

if TYPE_CHECKING:
    from multipolar.answer import Answer

JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
DATE = typer.Option(None, "--date", "-d", help="YYYY-MM-DD (default: today).")
OBLIGATION = typer.Option(
    None, "--obligation", "-o", help="Only this ATOP obligation: defense, offense, neutral, nonagg or consul."
)


def register(app: typer.Typer) -> None:
    app.command("orgs")(orgs_command)
    app.command("members")(members_command)
    app.command("history")(history_command)
    app.command("changes")(changes_command)
    app.command("memberships")(memberships_command)
    app.command("alliances")(alliances_command)
    app.command("alliance")(alliance_command)
    app.command("commitments")(commitments_command)


def orgs_command(as_json: bool = JSON) -> None:
    """List the curated organisations: ids, names, aliases, founding and dissolution, ATOP ids."""
    from multipolar.orgs import orgs

    emit(orgs(), as_json, "Organisations")


def members_command(
    org: str = typer.Argument(..., help="Organisation id, name or alias, any case: SCO, 'Warsaw Pact'."),
    date: str = DATE,
    status: str = typer.Option(
        "member", "--status", "-s", help="member, observer, dialogue_partner, candidate, ... or all."
    ),
    as_json: bool = JSON,
) -> None:
    """List the states in an organisation on a day, with the status and since when."""
    from multipolar.orgs import members

    answer = members(org, date, status=status)
    p = answer.params
    by_year = answer.extra["known_by_year"]
    size = (
        f"{answer.extra['size']} ({len(answer)} dated, {len(by_year)} known by year)"
        if by_year
        else len(answer)
    )
    emit(
        answer,
        as_json,
        f"{p['org']} ({p['status']}) on {p['date']}: {size}",
        ["iso3", "cow", "name", "status", "since"],
    )


def history_command(
    org: str = typer.Argument(..., help="Organisation id, name or alias, any case."), as_json: bool = JSON
) -> None:
    """Every join, exit and status change in an organisation, in date order."""
    from multipolar.orgs import history

    answer = history(org)
    emit(
        answer,
        as_json,
        f"{answer.params['org']}: history",
        ["date", "event", "iso3", "name", "status", "previous_status"],
    )


def changes_command(
    start: str = typer.Option(..., "--from", help="First day, YYYY-MM-DD (included)."),
    end: str = typer.Option(..., "--to", help="Last day, YYYY-MM-DD (included)."),
    org: str = typer.Option(None, "--org", help="Only this organisation (id, name or alias)."),
    as_json: bool = JSON,
) -> None:
    """Every join, exit and status change across the organisations between two days."""
    from multipolar.orgs import changes

    answer = changes(start, end, org)
    p = answer.params
    scope = f" in {p['org']}" if p["org"] else ""
    emit(
        answer,
        as_json,
        f"Membership changes{scope} from {p['from']} to {p['to']}: {len(answer)}",
        ["date", "org", "event", "iso3", "name", "status", "previous_status"],
    )


def memberships_command(
    country: str = typer.Argument(..., help="Country name or code: 'Russia', RUS, 365."),
    date: str = DATE,
    as_json: bool = JSON,
) -> None:
    """Every organisation and ATOP alliance a state belongs to on a day, with its obligations."""
    from multipolar.orgs import memberships

    answer = memberships(country, date)
    p = answer.params
    emit(
        readable(answer, as_json),
        as_json,
        f"{p['country']} on {p['date']}: {len(answer)} memberships",
        ["kind", "id", "name", "status", "since", "obligations"],
    )


def alliances_command(date: str = DATE, obligation: str = OBLIGATION, as_json: bool = JSON) -> None:
    """ATOP alliances in force on a day: members, obligations, start."""
    from multipolar.orgs import alliances

    answer = alliances(date, obligation)
    emit(
        readable(answer, as_json),
        as_json,
        f"ATOP alliances in force on {answer.params['date']}: {len(answer)}",
        ["atopid", "name", "obligations", "start", "members"],
    )


def alliance_command(
    atopid: str = typer.Argument(
        ..., help="ATOP alliance id, e.g. 3180 (NATO); `multipolar orgs` shows known ones."
    ),
    date: str = typer.Option(None, "--date", "-d", help="Only the members in force on YYYY-MM-DD."),
    as_json: bool = JSON,
) -> None:
    """One ATOP alliance's members, phase by phase: entry and last days, obligations."""
    from multipolar.orgs import alliance

    answer = alliance(atopid, date)
    label = f" ({answer.extra['name']})" if answer.extra["name"] else ""
    on = f" on {answer.params['date']}" if answer.params["date"] else ""
    emit(
        readable(answer, as_json),
        as_json,
        f"ATOP {answer.params['atopid']}{label}{on}: {len(answer)} member rows",
        ["cow", "iso3", "name", "phase", "start", "end", "obligations"],
    )


def commitments_command(
    country: str = typer.Argument(..., help="Country name or code: 'Estonia', EST, 366."),
    date: str = DATE,
    obligation: str = OBLIGATION,
    as_json: bool = JSON,
) -> None:
    """Which states have pledged what to a state on a day, through which ATOP alliance."""
    from multipolar.orgs import commitments

    answer = commitments(country, date, obligation)
    p = answer.params
    emit(
        readable(answer, as_json),
        as_json,
        f"Pledges to {p['country']} on {p['date']}: {len(answer)}",
        ["name", "cow", "atopid", "alliance", "obligations", "since"],
    )


def readable(answer: Answer, as_json: bool) -> Answer:
    """For the table only: the five obligation flags as one column, '*' marking conditional ones."""
    import dataclasses

    import pandas as pd

    from multipolar.orgs.atop import OBLIGATIONS

    if as_json:
        return answer
    text = [
        None  # curated organisations: obligations not coded
        if pd.isna(row["defense"])
        else ", ".join(o + ("*" if o in row["conditional"] else "") for o in OBLIGATIONS if row[o])
        for _, row in answer.rows.iterrows()
    ]
    starred = any(t and "*" in t for t in text)
    notes = [*answer.notes, "obligations marked * are conditional in ATOP."] if starred else answer.notes
    return dataclasses.replace(answer, rows=answer.rows.assign(obligations=text), notes=notes)
