"""``multipolar agreement | alignment``: UN General Assembly voting alignment."""

from __future__ import annotations

import typer

from multipolar.interfaces.cli.output import emit

JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
START = typer.Option(None, "--from", help="First year (a session's year: 2008 is the 63rd session).")
END = typer.Option(None, "--to", help="Last year.")
ISSUE = typer.Option(
    None, "--issue", "-i", help="Only one issue's roll calls: me, nu, di, hr, co, ec, or 'human rights'."
)


def register(app: typer.Typer) -> None:
    app.command("agreement")(agreement_command)
    app.command("alignment")(alignment_command)


def agreement_command(
    a: str = typer.Argument(..., help="A state: name, ISO3 or COW code."),
    b: str = typer.Argument(None, help="Another state; without it, every partner of A is ranked."),
    start: int = START,
    end: int = END,
    issue: str = ISSUE,
    as_json: bool = JSON,
) -> None:
    """How often two states voted alike in the UN General Assembly, year by year (agreement, S score)."""
    from multipolar.alignment import agreement

    answer = agreement(a, b, start, end, issue)
    p = answer.params
    topic = f", issue {p['issue']}" if p["issue"] else ""
    span = f"{p['from']}-{p['to']}" if p["from"] != p["to"] else str(p["from"])
    if b is None:
        emit(answer, as_json, f"UN votes: agreement with {p['a']}, {span}{topic}")
        return
    w = answer.extra["window"]
    title = f"UN votes: {p['a']} and {p['b']}, {span}{topic}"
    if w["n_votes"]:
        title += f" (pooled: agree {w['agree']:.1%}, S {w['s_score']:.2f} over {w['n_votes']} votes)"
    emit(answer, as_json, title)


def alignment_command(
    state: str = typer.Argument(..., help="A state: name, ISO3 or COW code."),
    with_: str = typer.Option(
        "USA,RUS,CHN", "--with", "-w", help="States to compare with, e.g. USA,RUS,CHN."
    ),
    start: int = START,
    end: int = END,
    issue: str = ISSUE,
    as_json: bool = JSON,
) -> None:
    """A state's UN voting agreement with each named state over time."""
    from multipolar.alignment import alignment

    answer = alignment(state, with_, start, end, issue)
    p = answer.params
    emit(answer, as_json, f"UN votes: {p['state']} with {', '.join(p['with'])}, {p['from']}-{p['to']}")
