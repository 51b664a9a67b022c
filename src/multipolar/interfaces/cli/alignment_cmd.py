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


PERCENT = ("agree", "agree_half", "assembly_agree")


def readable(answer, as_json: bool):
    """For the table only: agreement shares as percentages, differences in percentage points and
    S scores to two decimals (JSON keeps the numbers)."""
    if as_json:
        return answer
    import dataclasses

    rows = answer.rows.copy()
    for column in rows.columns:
        values = rows[column]
        if column in PERCENT:
            rows[column] = [None if v != v or v is None else f"{v:.1%}" for v in values]
        elif column == "difference":
            rows[column] = [None if v != v or v is None else f"{100 * v:+.1f} pts" for v in values]
        elif column in ("s_score", "assembly_s_score"):
            rows[column] = [None if v != v or v is None else f"{v:.2f}" for v in values]
    return dataclasses.replace(answer, rows=rows)


def register(app: typer.Typer) -> None:
    app.command("agreement")(agreement_command)
    app.command("alignment")(alignment_command)
    app.command("cohesion")(cohesion_command)
    app.command("network")(network_command)
    app.command("ideal-points")(ideal_points_command)
    app.command("blocs")(blocs_command)


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
        emit(readable(answer, as_json), as_json, f"UN votes: agreement with {p['a']}, {span}{topic}")
        return
    w = answer.extra["window"]
    title = f"UN votes: {p['a']} and {p['b']}, {span}{topic}"
    if w["n_votes"]:
        title += f" (pooled: agree {w['agree']:.1%}, S {w['s_score']:.2f} over {w['n_votes']} votes)"
    emit(readable(answer, as_json), as_json, title)


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
    # the table: the state is in the title, each partner as read that year (SUN, then RUS)
    columns = ["year", "session", "partner_iso3", "n_votes", "agree", "s_score", "agree_half"]
    emit(
        readable(answer, as_json),
        as_json,
        f"UN votes: {p['state']} with {', '.join(p['with'])}, {p['from']}-{p['to']}",
        None if as_json else columns,
    )


def cohesion_command(
    blocs: list[str] = typer.Argument(
        None,
        help="Blocs: NATO, SCO+observers, atop:3180, BRIC=BRA,RUS,IND,CHN, ... "
        "(default: SCO, SCO+observers, BRIC, CSTO, NATO, EU).",
    ),
    year: int = typer.Option(None, "--year", "-y", help="Votes of this year (a session's year)."),
    date: str = typer.Option(
        None, "--date", "-d", help="Members as of YYYY-MM-DD (alone: votes of the latest year by then)."
    ),
    start: int = START,
    end: int = END,
    issue: str = ISSUE,
    as_json: bool = JSON,
) -> None:
    """How often each bloc's members vote together in the UN General Assembly, beside the assembly's mean."""
    from multipolar.alignment import cohesion
    from multipolar.alignment.voting_blocs import SEED_BLOCS

    answer = cohesion(blocs or SEED_BLOCS, year, date, start, end, issue)
    if as_json:
        emit(answer, as_json)
        return
    from multipolar.answer import Answer

    p = answer.params
    span = f"{p['from']}-{p['to']}" if p["from"] != p["to"] else str(p["from"])
    columns = ["year", "bloc", "members_n", "voting_n", "agree", "s_score", "assembly_agree", "difference"]
    emit(readable(answer, False), False, f"UN votes: bloc cohesion, {span}", columns)
    between = Answer("between", {}, _frame(answer.extra["between"]), "between")
    emit(readable(between, False), False, "Between blocs (mean agreement across pairs)")


def _frame(rows):
    import pandas as pd

    return pd.DataFrame(rows)


def network_command(
    year: int = typer.Option(
        None, "--year", "-y", help="Alliances of this year (ATOP dyad-years, 1816-2018)."
    ),
    date: str = typer.Option(None, "--date", "-d", help="Alliances in force on YYYY-MM-DD."),
    obligation: str = typer.Option(
        None,
        "--obligation",
        "-o",
        help="Only ties with this obligation: defense, offense, neutral, nonagg, consul.",
    ),
    signed: bool = typer.Option(
        False, "--signed", help="Add militarised disputes (GML MID) as negative ties."
    ),
    start: int = typer.Option(None, "--from", help="First year of a series (one summary row per year)."),
    end: int = typer.Option(None, "--to", help="Last year of a series."),
    pool: bool = typer.Option(False, "--pool", help="With --from/--to: one graph of the ties of any year."),
    top: int = typer.Option(15, "--top", "-n", help="How many states to list (the table only)."),
    as_json: bool = JSON,
) -> None:
    """The ATOP alliance network: degree, centrality, Leiden communities, effective number of blocs."""
    from multipolar.alignment import network

    answer = network(year, date, obligation, signed, start, end, pool)
    if as_json:
        emit(answer, True)
        return
    p = answer.params
    kind = f"{p['obligation']} " if p["obligation"] else ""
    sign = " with disputes as negative ties" if p["signed"] else ""
    if answer.kind == "network_series":
        emit(answer, False, f"ATOP {kind}alliance networks{sign}, {p['from']}-{p['to']}")
        return
    from multipolar.interfaces.cli.output import console

    when = p.get("date") or p.get("year") or f"{p['from']}-{p['to']}"
    facts = answer.extra["summary"]
    shown = dataclasses_replace(answer, answer.rows.head(top))
    emit(shown, False, f"ATOP {kind}alliance network{sign}, {when}: the {top} most allied states")
    console.print(
        ", ".join(f"{k} {_fact(v)}" for k, v in facts.items()),
        highlight=False,
    )
    for bloc in answer.extra["blocs"]:
        console.print(f"[bold]bloc {bloc['community']}[/] ({bloc['size']}): {' '.join(bloc['members'])}")


def _fact(value):
    if value is None:
        return "NA"
    return f"{value:.3g}" if isinstance(value, float) else str(value)


def dataclasses_replace(answer, rows):
    import dataclasses

    return dataclasses.replace(answer, rows=rows)


def ideal_points_command(
    year: int = typer.Option(None, "--year", "-y", help="Votes of this year (default: 2019, the last)."),
    start: int = START,
    end: int = END,
    dims: int = typer.Option(1, "--dims", help="1 or 2 dimensions."),
    issue: str = ISSUE,
    as_json: bool = JSON,
) -> None:
    """States' ideal points in a year's UN votes (principal coordinates; the United States' side positive)."""
    from multipolar.alignment import ideal_points

    answer = ideal_points(year, start, end, dims, issue)
    p = answer.params
    span = f"{p['from']}-{p['to']}" if p["from"] != p["to"] else str(p["from"])
    fits = answer.extra["years"]
    said = ""
    if len(fits) == 1 and fits[0]["fit"] is not None:
        said = f" (explains {fits[0]['explained']:.0%}; fit to vote distances r = {fits[0]['fit']:.2f})"
    emit(answer, as_json, f"UN votes: ideal points, {span}{said}")


def blocs_command(
    year: int = typer.Option(None, "--year", "-y", help="The year (default: 2018, the last ATOP covers)."),
    declared: str = typer.Option(
        None, "--declared", help="Declared blocs in order of precedence, e.g. NATO,CSTO,SCO,EU,AU,OAS."
    ),
    issue: str = ISSUE,
    obligation: str = typer.Option(
        "defense", "--obligation", "-o", help="Alliance ties with this obligation."
    ),
    as_json: bool = JSON,
) -> None:
    """Voting and alliance blocs found from behaviour, against declared organisations."""
    from multipolar.alignment import blocs

    answer = blocs(year, declared, issue, obligation)
    if as_json:
        emit(answer, True)
        return
    from multipolar.answer import Answer
    from multipolar.interfaces.cli.output import console

    y = answer.params["year"]
    compared = Answer("comparisons", {}, _frame(answer.extra["comparisons"]), "comparisons")
    emit(compared, False, f"Blocs found from behaviour against declared blocs, {y}")
    overlap = _frame(answer.extra["overlap"])
    overlap["declared"] = [", ".join(f"{k} {v}" for k, v in d.items()) for d in overlap["declared"]]
    overlap["others"] = [" ".join(o) for o in overlap["others"]]
    shown = Answer("overlap", {}, overlap, "overlap", answer.notes, answer.sources)
    emit(shown, False, "Each revealed bloc: its declared members, best match (Jaccard), members outside it")
    console.print("[dim]Each state's blocs: --json.[/]")
