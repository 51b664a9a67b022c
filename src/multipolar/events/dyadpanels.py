"""Dyad-month and dyad-day panels, peacesciencer-style, on the same layer as the event queries.

``create_dyadmonths`` and ``create_dyaddays`` give every pair of states in the Correlates of War
system each month (or day), whether the pair shared an ATOP alliance or one of the chosen
organisations in that period, and, given event files, the pair's events that period by quad
class, zero where the files hold no event for a pair and NA outside the files' coverage. A
dyad-day panel since 1816 has about a billion rows, so the panel is one Ibis expression: DuckDB
streams it to Parquet here, Spark builds it on a cluster, and both give the same rows
(``tests/test_events_spark.py``). The dyad-year panels (``multipolar.panels``) stay DuckDB SQL.

Like peacesciencer's dyad-years, a pair is in the panel in a period when both states were in
the system at the same time within it (states that never overlapped within a month are no dyad
that month). Membership is ``cow_states`` to 2016-12-31 and then isard's ``cw_gw_panel`` by year,
as ``multipolar states`` answers it; the flags hold when the pair shared a group on any day of
the period (for years, peacesciencer's ``add_atop_alliance`` does the same).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

import pandas as pd

from multipolar import progress
from multipolar.answer import Answer
from multipolar.dates import parse_date
from multipolar.errors import CoverageError, InputError
from multipolar.events import api, engines, formats, query, relations

FREQUENCIES = {"month": "MS", "day": "D"}
MEMBERSHIP_SOURCES = ["cow_states", "cw_gw_panel"]


@functools.cache
def system_spells() -> pd.DataFrame:
    """COW membership as day spells (cow, start, end): ``cow_states`` to its last day, then the
    states in isard's panel each later year, merged where they touch."""
    from multipolar.states import lists

    days = lists.cow_spells()
    spells = days.rename(columns={"code": "cow"})[["cow", "start", "end"]]
    later = lists.panel("cow")
    later = later[later["year"] > days["end"].max().year]
    years = pd.DataFrame(
        {
            "cow": later["code"],
            "start": [dt.date(y, 1, 1) for y in later["year"]],
            "end": [dt.date(y, 12, 31) for y in later["year"]],
        }
    )
    merged = relations.union_spells(pd.concat([spells, years], ignore_index=True), ["cow"])
    return merged.astype({"cow": "int64"})


def coverage() -> tuple[dt.date, dt.date]:
    from multipolar.states import system

    return system.coverage()


def period_start(day: dt.date, period: str) -> dt.date:
    return day.replace(day=1) if period == "month" else day


def periods(period: str, first: dt.date, last: dt.date) -> pd.DataFrame:
    """The periods from ``first`` to ``last`` (inclusive): period (its first day), period_end."""
    starts = pd.date_range(period_start(first, period), last, freq=FREQUENCIES[period])
    ends = starts + (pd.offsets.MonthEnd(0) if period == "month" else pd.Timedelta(0))
    return pd.DataFrame({"period": starts.date, "period_end": ends.date})


def coarsened(pairs: pd.DataFrame, period: str) -> pd.DataFrame:
    """Pair spells as spells of whole periods, merged, so that a period matches at most one spell
    of a pair (two spells a few days apart in one month become one month)."""
    out = pairs.assign(
        start=[period_start(d, period) for d in pairs["start"]],
        end=[period_start(min(d, dt.date(9999, 12, 1)), period) for d in pairs["end"]],
    )
    return relations.union_spells(out, ["cow_a", "cow_b"])


def dyad_periods(tables: query.Tables, period: str, first: dt.date, last: dt.date, directed: bool):
    """Every pair of states in the system within each period: ccode1, ccode2, period."""
    import ibis

    states = tables("system_states", system_spells())
    spans = tables("periods", periods(period, first, last))
    inside = states.join(spans, [states.start <= spans.period_end, states.end >= spans.period])
    state_periods = inside.group_by(["cow", "period"]).aggregate(
        since=ibis.greatest(inside.start, inside.period).min(),
        until=ibis.least(inside.end, inside.period_end).max(),
    )
    a = state_periods.rename(ccode1="cow", since1="since", until1="until")
    b = state_periods.rename(ccode2="cow", period2="period", since2="since", until2="until")
    order = a.ccode1 != b.ccode2 if directed else a.ccode1 < b.ccode2
    pairs = a.join(b, [a.period == b.period2, order])
    together = ibis.greatest(pairs.since1, pairs.since2) <= ibis.least(pairs.until1, pairs.until2)
    return pairs.filter(together).select("ccode1", "ccode2", "period")


def quad_columns() -> dict[int, str]:
    """The quad classes as column names: 1 verbal_cooperation ... 4 material_conflict."""
    spelled = {q: n for n, q in formats.quad_names().items() if not n.isdigit()}
    return {q: spelled[q].lower().replace(" ", "_") for q in sorted(spelled)}


def with_events(panel, cells, covered: tuple[dt.date, dt.date]):
    """The panel with each pair's events that period: counts by quad class (0 when none inside
    the files' coverage, NA outside it) and the mean Goldstein score (NA when none)."""
    import ibis

    dyads = cells.filter(cells.kind == "dyad")
    counts = {
        name: ibis.ifelse(dyads.quad == quad, dyads.events, 0).sum() for quad, name in quad_columns().items()
    }
    per_pair = dyads.group_by(["period", "a_cow", "b_cow"]).aggregate(
        events=dyads.events.sum(),
        **counts,
        goldstein_sum=dyads.goldstein_sum.sum(),
        goldstein_weight=dyads.goldstein_weight.sum(),
    )
    per_pair = per_pair.rename(event_period="period")
    joined = panel.left_join(
        per_pair,
        [
            panel.ccode1 == per_pair.a_cow,
            panel.ccode2 == per_pair.b_cow,
            panel.period == per_pair.event_period,
        ],
    )
    inside = (joined.period >= ibis.literal(covered[0])) & (joined.period <= ibis.literal(covered[1]))
    filled = {
        c: ibis.ifelse(inside, joined[c].fill_null(0), ibis.null("int64"))
        for c in ["events", *quad_columns().values()]
    }
    return joined.select(
        *panel.columns,
        **filled,
        goldstein_mean=query._quotient(joined.goldstein_sum, joined.goldstein_weight),
    )


def _creator(period: str, doc: str):
    """``create_dyadmonths`` or ``create_dyaddays``: one signature for both periods."""

    def create(
        source: str | list[str] | None = None,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        directed: bool = True,
        blocs: str | list[str] | None = None,
        format: str | None = None,
        engine: str = "duckdb",
        spark: Any = None,
        root_only: bool = False,
        dedup: str = "auto",
        codes: str = "actor",
        output: str | Path | None = None,
    ) -> Answer:
        return _create(
            period,
            source,
            start,
            end,
            directed,
            blocs,
            format,
            engine,
            spark,
            root_only,
            dedup,
            codes,
            output,
        )

    create.__name__ = create.__qualname__ = f"create_dyad{period}s"
    create.__doc__ = doc
    return create


create_dyadmonths = _creator(
    "month",
    """Every pair of COW states each month, with shared alliance and bloc that month, and, given
    event files (``source``), the pair's events that month by quad class.

    Without ``start``/``end`` the panel spans the events read (or, with no events, 1816 to the
    state system's last day); YYYY-MM names a month. With ``output`` (.parquet) the rows go to
    that file. ``engine="spark"`` or a ``spark`` session builds it on Spark.
    """,
)
create_dyaddays = _creator(
    "day",
    """Every pair of COW states each day, with shared alliance and bloc that day, and, given
    event files (``source``), the pair's events that day by quad class. Large (about a billion
    rows since 1816): write it to ``output`` (.parquet), or run it on Spark.
    """,
)


def _create(
    period, source, start, end, directed, blocs, format, engine, spark, root_only, dedup, codes, output
):
    first, last = _span(period, start, end)
    options = api._options(
        period, "quad", directed, "events", root_only, dedup, first, last, blocs, codes, False
    )
    target = api._parquet_target(output)
    extra: dict[str, Any] = {}
    notes: list[str] = []
    sources = [*MEMBERSHIP_SOURCES, *api.REGISTRY_SOURCES]
    params: dict[str, Any] = {"period": period, "directed": directed}
    with progress.bar(f"dyad-{period} panel", total=3) as shown:
        if source is None:
            con = engines.connect(engine, spark)
            tables = query.Tables(con)
            first, last = first or coverage()[0], last or coverage()[1]
            panel = _panel(tables, period, first, last, options)
            covered = None
        else:
            paths, fmt, con = api._open(source, format, engine, spark)
            tables = query.Tables(con)
            system = formats.code_system(fmt, options.codes)
            normal = formats.normalise(formats.read(con, paths, fmt), fmt, options.codes)
            spells = query.code_spells(system, normal)
            cells = con.materialise(query.aggregate(normal, fmt, spells, options, tables), "mp_panel_cells")
            shown.advance()
            read = cells.aggregate(first=cells.period.min(), last=cells.period.max()).execute()
            if read.empty or pd.isna(read["first"].iloc[0]):
                raise InputError("No events were read for the panel.", "Check the files and --start/--end.")
            covered = (_day(read["first"].iloc[0]), _period_end(period, _day(read["last"].iloc[0])))
            first, last = first or covered[0], min(last or covered[1], coverage()[1])
            panel = with_events(_panel(tables, period, first, last, options), cells, covered)
            counts = dict(query.kind_counts(cells).execute().itertuples(index=False))
            extra["kinds"] = {k: int(v) for k, v in counts.items()}
            extra["unmapped"] = api.unmapped_codes(system, query.unmapped_rows(cells).execute())
            params.update({"source": paths, "format": fmt, "dedup": api._dedup(fmt, options)})
            sources += [formats.FORMATS[fmt].source, *api.CODE_SOURCES[system]]
        shown.advance()
        if target is not None:
            con.write_parquet(panel, target)
            frame = pd.DataFrame()
            extra["output"] = str(target)
            notes.append(f"Rows written to {target}.")
        else:
            frame = _tidy(panel.execute())
        shown.advance()
    params.update({"start": first, "end": last, "engine": con.name})
    notes += _notes(period, first, last, options, covered)
    if covered is not None:
        notes.append(_outside_note(extra["kinds"].get("dyad", 0), _panel_events(frame, target), period))
    return Answer(f"dyad{period}s", params, frame, "rows", notes, sources, extra)


def _panel(tables, period, first, last, options):
    """The pairs with their shared alliance (NA outside ATOP's days) and bloc, period by period."""
    panel = dyad_periods(tables, period, first, last, options.directed)
    on = {"pair": ("ccode1", "ccode2"), "when": "period"}
    alliances = coarsened(relations.shared_alliance_spells(), period)
    atop_first, atop_last = relations.alliance_coverage()
    covered = (period_start(atop_first, period), atop_last)
    panel = query.flag(panel, "same_alliance", alliances, tables, covered, **on)
    blocs = coarsened(relations.shared_bloc_spells(options.blocs), period)
    return query.flag(panel, "same_bloc", blocs, tables, **on)


def _span(period: str, start, end) -> tuple[dt.date | None, dt.date | None]:
    """The days asked for (YYYY-MM-DD, or YYYY-MM for months), inside the state system's days."""
    first = _parse(start, first=True) if start is not None else None
    last = _parse(end, first=False) if end is not None else None
    low, high = coverage()
    for day in (first, last):
        if day is not None and not low <= day <= high:
            raise CoverageError(
                f"{day.isoformat()} is outside the state system's days ({low} to {high}).",
                f"Give --start and --end between {low} and {high}.",
            )
    if first and last and first > last:
        raise InputError(f"The start {first} is after the end {last}.", "Swap them.")
    return first, last


def _parse(value, first: bool) -> dt.date:
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        try:
            day = dt.date.fromisoformat(text + "-01")
        except ValueError:  # 2008-13: no such month
            raise InputError(
                f"Impossible month {text!r}.", "Give a month as YYYY-MM (01 to 12), or a day as YYYY-MM-DD."
            ) from None
        return day if first else _period_end("month", day)
    return parse_date(value, default_today=False)


def _period_end(period: str, day: dt.date) -> dt.date:
    if period == "day":
        return day
    return (pd.Timestamp(day) + pd.offsets.MonthEnd(0)).date()


def _day(value) -> dt.date:
    return pd.Timestamp(value).date()


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame["period"] = pd.to_datetime(frame["period"]).dt.date
    types = {"ccode1": "int64", "ccode2": "int64", "same_alliance": "boolean", "same_bloc": "boolean"}
    types.update({c: "Int64" for c in ["events", *quad_columns().values()] if c in frame})
    frame = frame.astype(types)
    return frame.sort_values(["ccode1", "ccode2", "period"], kind="mergesort").reset_index(drop=True)


def _panel_events(frame: pd.DataFrame, target: str | None) -> int:
    if target is None:
        return int(frame["events"].sum())
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    return int(pc.sum(pq.read_table(target, columns=["events"])["events"]).as_py() or 0)


def _notes(period, first, last, options, covered) -> list[str]:
    from multipolar.states import lists

    cow_end = lists.cow_spells()["end"].max()
    groups = ", ".join(options.blocs) if len(options.blocs) < 8 else "the curated organisations"
    notes = [
        f"Pairs of states in the COW system on a common day of each {period}, {first} to {last}"
        f"{'' if options.directed else ' (each pair once, lower COW code first)'}.",
        f"Membership after {cow_end} comes from isard's cw_gw_panel by year (entries and exits within "
        "a year are not dated), as `multipolar states` answers it.",
        f"same_alliance: the pair shared an ATOP 5.1 alliance on some day of the {period} (NA outside "
        f"1815-2018); same_bloc: full members of one of {groups} on a common day.",
    ]
    if covered is not None:
        notes.append(
            f"Event counts cover {covered[0]} to {covered[1]}, the periods of the events read: 0 there "
            "when the pair has none, NA outside."
        )
    return notes


def _outside_note(dyad_events: int, in_panel: int, period: str) -> str:
    return (
        f"{in_panel:,} of {dyad_events:,} events between two states fall on the panel's dyad-{period}s; "
        f"the other {dyad_events - in_panel:,} involve a state outside the COW system that {period} "
        "(or after its last day)."
    )
