"""``multipolar power``, ``multipolar polarity`` and ``multipolar plot``.

The commands import the power modules (pandas, the data) when they run; their help needs only
``choices``.
"""

from __future__ import annotations

import typer

from multipolar.interfaces.cli.output import console, emit, print_json
from multipolar.power.choices import CHART_KINDS, MEASURES, POLE_RATIO

JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
MEASURE = typer.Option("cinc", "--measure", "-m", help=f"One of: {', '.join(MEASURES)}.")
WEIGHTS = typer.Option(None, "--weights", help="For --measure composite: e.g. gdp=0.5,milex=0.5.")
NOWCAST = typer.Option(
    False, "--nowcast", help="Past a source's end, carry each state's last value forward (flagged)."
)
AMONG = typer.Option("majors", "--among", help="majors (COW major powers) or topN, e.g. top5.")


def register(app: typer.Typer) -> None:
    app.command("power")(power)
    app.command("polarity")(polarity_)
    app.command("plot")(plot_)


def power(
    year: int = typer.Option(None, "--year", "-y", help="Year (default: the measure's last year)."),
    measure: str = MEASURE,
    top: int = typer.Option(10, "--top", "-n", help="How many states to list."),
    share_of: str = typer.Option(
        "world", "--share-of", help="world, majors, or states separated by commas (e.g. USA,CHN,RUS)."
    ),
    weights: str = WEIGHTS,
    nowcast: bool = NOWCAST,
    as_json: bool = JSON,
) -> None:
    """Rank states by a power measure in a year, with values and shares."""
    from multipolar.power import measures

    answer = measures.power(year, measure, top, share_of, nowcast, weights)
    title = (
        f"{answer.params['measure']} {answer.params['year']} ({answer.extra['unit']}), share of {share_of}"
    )
    columns = ["rank", "name", "iso3", "cow", "value", "share"]
    emit(answer, as_json, title, columns + (["nowcast"] if "nowcast" in answer.rows else []))


def polarity_(
    year: int = typer.Option(None, "--year", "-y", help="One year (default: the measure's last year)."),
    start: int = typer.Option(None, "--from", help="First year of a series."),
    end: int = typer.Option(None, "--to", help="Last year of a series."),
    measure: str = MEASURE,
    among: str = AMONG,
    pole_ratio: float = typer.Option(
        POLE_RATIO, "--pole-ratio", help="A pole holds more than this part of the leader's share."
    ),
    weights: str = WEIGHTS,
    nowcast: bool = NOWCAST,
    as_json: bool = JSON,
) -> None:
    """Polarity indices (CON, effective poles, HHI, leader, verdict) for a year or a range."""
    from multipolar.power import polarity

    answer = polarity.polarity(year, start, end, measure, among, pole_ratio, weights, nowcast)
    title = (
        f"polarity by {answer.params['measure']} among {answer.params['among']} "
        f"({polarity.rule(answer.extra['thresholds'])})"
    )
    columns = ["year", "n", "con", "enp", "hhi", "leader", "leader_share", "lead_ratio", "poles", "verdict"]
    emit(answer, as_json, title, columns + (["missing"] if answer.rows["missing"].notna().any() else []))


def plot_(
    kind: str = typer.Argument(..., help=f"One of: {', '.join(CHART_KINDS)}."),
    org: str = typer.Argument(None, help="membership: the organisation (id, name or alias), e.g. NATO."),
    output: str = typer.Option(..., "--output", "-o", help="File to write: .png, .svg or .pdf."),
    measure: str = MEASURE,
    start: int = typer.Option(None, "--from", help="First year."),
    end: int = typer.Option(None, "--to", help="Last year."),
    among: str = AMONG,
    weights: str = WEIGHTS,
    state: str = typer.Option(None, "--state", help="alignment: the state (default IND)."),
    with_: str = typer.Option(
        None, "--with", help="alignment: states to compare with (default USA,RUS,CHN)."
    ),
    bloc: list[str] = typer.Option(None, "--bloc", help="cohesion: a bloc (repeat; default the seed's six)."),
    issue: str = typer.Option(None, "--issue", help="alignment, cohesion: one issue's votes (me, hr, ...)."),
    obligation: str = typer.Option(None, "--obligation", help="network: only ties with this obligation."),
    signed: bool = typer.Option(False, "--signed", help="network: disputes as negative ties, with balance."),
    year: int = typer.Option(None, "--year", "-y", help="network: draw that year's graph, coloured by bloc."),
    as_json: bool = JSON,
) -> None:
    """Draw polarity, powers' or blocs' shares, UN alignment, bloc cohesion, alliance blocs or an
    organisation's membership (a row per state, coloured by status) over time."""
    from multipolar.power import plot

    options = {
        "state": state,
        "with_": with_,
        "blocs": bloc,
        "issue": issue,
        "obligation": obligation,
        "year": year,
    }
    chosen = {k: v for k, v in options.items() if v} | ({"signed": True} if signed else {})
    answer = plot.plot(kind, output, measure, start, end, among, weights, org=org, **chosen)
    if as_json:
        payload = answer.to_dict()
        payload.pop("data")
        print_json(payload)
        return
    console.print(f"wrote {answer.extra['path']}")
    for note in answer.notes:
        console.print(f"[yellow]note:[/] {note}")
