"""The event aggregations, written once as Ibis expressions that DuckDB, Spark and BigQuery run.

The flow, for events in the common shape (``formats.normalise``):

1. ``prepare``: keep the days asked for (and root events only, if asked), turn PLOVER and
   POLECAT records naming several countries into their pairs (``actor_pairs``), then
   de-duplicate as the source needs: ``id`` keeps one record per event id (and pair),
   ``daily`` one event per day, source, target and event code (the "one-a-day" filter).
2. ``dyads``: each side's country code becomes a state (ISO3 and COW code) as of the event's
   day through a range join on ``codes``' spells; each event is a ``dyad`` (two states), a
   ``domestic`` event (the same state twice) or ``unmapped`` (a side names no state: the code
   is kept so that the answer can count and explain it).
3. ``flag``: whether the two states shared an ATOP alliance, or one of the chosen
   organisations, that day (range joins on the registry's pair spells; NA outside ATOP).
4. ``aggregate``: sums per period (day, month, year), dyad, flags and class (QuadClass, root
   code, PLOVER category). Sums are exact (integers and decimals), so every engine gives the
   same answer; means and shares are the sums' quotients.

Registry tables enter through ``Tables``: in-memory tables on an engine, named tables for SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from multipolar.errors import InputError
from multipolar.events import codes as codebook
from multipolar.events import relations

PERIODS = ("day", "month", "year")
BY = ("quad", "root", "category", "none")
WEIGHTS = ("events", "mentions", "sources", "articles")
DEDUP = ("auto", "none", "id", "daily")
# de-duplication each source needs (``auto``): GDELT already pools the reports of one event in
# one record (NumMentions, NumArticles); ICEWS codes each story separately, so one event told by
# several stories is several records; PLOVER records are one event each, and the PLOVER manual
# (draft 0.7b1, "Issues we will not be addressing") advises against one-a-day filtering, so
# POLECAT, coded in PLOVER, is left as published.
AUTO_DEDUP = {"gdelt1": "none", "gdelt2": "none", "icews": "daily", "plover": "none", "polecat": "none"}
GOLDSTEIN = "decimal(38, 1)"  # Goldstein scores have one decimal: sums are exact in decimals
TONE = "decimal(38, 6)"  # GDELT's AvgTone to a millionth, so that sums are exact too
SUM = "decimal(38, 6)"


@dataclass(frozen=True)
class Options:
    period: str = "month"
    by: str = "quad"
    directed: bool = True
    weight: str = "events"
    root_only: bool = False
    dedup: str = "auto"
    start: dt.date | None = None
    end: dt.date | None = None
    blocs: tuple[str, ...] = ()  # organisation ids for same_bloc
    codes: str = "actor"
    domestic: bool = False

    def check(self) -> None:
        for name, allowed in (("period", PERIODS), ("by", BY), ("weight", WEIGHTS), ("dedup", DEDUP)):
            value = getattr(self, name)
            if value not in allowed:
                raise InputError(f"Unknown --{name} {value!r}.", f"Use one of: {', '.join(allowed)}.")
        if self.start and self.end and self.start > self.end:
            raise InputError(f"The start {self.start} is after the end {self.end}.", "Swap them.")


@dataclass
class Tables:
    """How registry tables (pandas) become Ibis tables: small tables on an engine (broadcast on
    Spark), or names (``DATASET.NAME``) in SQL for users who load them next to their data."""

    engine: Any = None  # engines.Engine; None with a dataset (SQL) or for plain memtables
    dataset: str | None = None
    used: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __call__(self, name: str, frame: pd.DataFrame):
        import ibis

        self.used[name] = frame
        if self.dataset is not None:
            return ibis.table(ibis.memtable(frame).schema(), name=f"{self.dataset}.{name}")
        return self.engine.small_table(frame) if self.engine is not None else ibis.memtable(frame)


def prepare(events, fmt: str, options: Options):
    """Step 1: the days asked for, root events if asked, de-duplicated."""
    import ibis

    t = events
    if options.start:
        t = t.filter(t.day >= ibis.literal(options.start))
    if options.end:
        t = t.filter(t.day <= ibis.literal(options.end))
    if options.root_only:
        t = t.filter(t.is_root)
    from multipolar.events.formats import FORMATS

    if FORMATS[fmt].actor_lists:
        t = actor_pairs(t, options.directed)
    dedup = AUTO_DEDUP[fmt] if options.dedup == "auto" else options.dedup
    if dedup == "id":
        keys = list(FORMATS[fmt].id_key)
        others = [c for c in t.columns if c not in keys]
        t = t.group_by(keys).aggregate(**{c: t[c].min() for c in others})
    elif dedup == "daily":
        keys = ["day", "source_code", "target_code", "event_code"]
        t = t.group_by(keys).aggregate(
            event_id=t.event_id.min(),
            root_code=t.root_code.min(),
            quad=t.quad.min(),
            category=t.category.min(),
            goldstein=t.goldstein.min(),
            mentions=t.mentions.sum(),
            sources=t.sources.sum(),
            articles=t.articles.sum(),
            tone=t.tone.min(),
            is_root=t.is_root.max(),
        )
    return t


def _actor_list(text):
    """A side's countries ("USA; FRA") as a list of distinct codes; "None" and blanks dropped.
    Some POLECAT fields separate values with "|" as well, which counts as ";"."""
    parts = text.fill_null("").replace("|", ";").split(";").map(lambda code: code.strip())
    return parts.filter(lambda code: (code != "") & (code != "None")).unique()


def actor_pairs(events, directed: bool = True):
    """One row per pair of countries a PLOVER record names, as the PLOVER manual describes its
    actor lists (draft 0.7b1, "Compound and Reciprocal Actors"): each source country with each
    recipient country ("USA and FRA accused RUS": USA-RUS and FRA-RUS), and a record with
    several sources and no recipient is among its sources ("USA and JPN met": USA-JPN and
    JPN-USA, or one undirected pair). A side naming no country stays one row with no code, so
    that the event is counted as unmapped."""
    import ibis

    t = events.mutate(mp_sources=_actor_list(events.source_code), mp_targets=_actor_list(events.target_code))
    reciprocal = (t.mp_targets.length() == 0) & (t.mp_sources.length() >= 2)
    blank = ibis.literal([""], type="array<string>")
    one_way = t.filter(~reciprocal)
    one_way = one_way.mutate(
        mp_sources=ibis.ifelse(one_way.mp_sources.length() > 0, one_way.mp_sources, blank),
        mp_targets=ibis.ifelse(one_way.mp_targets.length() > 0, one_way.mp_targets, blank),
    )
    one_way = one_way.mutate(source_code=one_way.mp_sources.unnest())
    one_way = one_way.mutate(target_code=one_way.mp_targets.unnest())
    among = t.filter(reciprocal)
    among = among.mutate(source_code=among.mp_sources.unnest())
    among = among.mutate(target_code=among.mp_sources.unnest())
    same = among.source_code == among.target_code
    among = among.filter(~same if directed else among.source_code < among.target_code)
    pairs = one_way.union(among).drop("mp_sources", "mp_targets")
    return pairs.mutate(
        source_code=ibis.ifelse(pairs.source_code == "", ibis.null("string"), pairs.source_code),
        target_code=ibis.ifelse(pairs.target_code == "", ibis.null("string"), pairs.target_code),
    )


def dyads(events, spells: pd.DataFrame, tables: Tables):
    """Step 2: each side's state on the event's day, and the event's kind."""
    import ibis

    t = events
    for side, column in (("a", "source_code"), ("b", "target_code")):
        s = tables(f"{side}_code_states", spells.rename(columns=lambda c, side=side: f"{side}_{c}"))
        t = t.left_join(
            s,
            [
                t[column] == s[f"{side}_code"],
                t.day >= s[f"{side}_valid_from"],
                t.day <= s[f"{side}_valid_to"],
            ],
        ).drop(f"{side}_code", f"{side}_valid_from", f"{side}_valid_to")
    mapped = t.a_cow.notnull() & t.b_cow.notnull()
    return t.mutate(
        kind=ibis.cases((~mapped, "unmapped"), (t.a_cow == t.b_cow, "domestic"), else_="dyad"),
        a_unmapped=ibis.ifelse(t.a_cow.isnull(), t.source_code.fill_null("(none)"), ibis.null("string")),
        b_unmapped=ibis.ifelse(t.b_cow.isnull(), t.target_code.fill_null("(none)"), ibis.null("string")),
    )


def undirected(t):
    """Each pair once: the state with the lower COW code on side a."""
    import ibis

    swap = t.a_cow > t.b_cow
    return t.mutate(
        a_iso3=ibis.ifelse(swap, t.b_iso3, t.a_iso3),
        b_iso3=ibis.ifelse(swap, t.a_iso3, t.b_iso3),
        a_cow=ibis.ifelse(swap, t.b_cow, t.a_cow),
        b_cow=ibis.ifelse(swap, t.a_cow, t.b_cow),
    )


def flag(
    t,
    name: str,
    pairs: pd.DataFrame,
    tables: Tables,
    coverage: tuple[dt.date, dt.date] | None = None,
    pair: tuple[str, str] = ("a_cow", "b_cow"),
    when: str = "day",
):
    """Step 3: ``name`` is true when the pair (columns ``pair``) shared a group on day ``when``
    (its spells in ``pairs`` never overlap), NA outside ``coverage`` and for rows that are not
    a dyad. The dyad panels use it with their periods and coarsened spells."""
    import ibis

    p = tables(name, pairs.rename(columns=lambda c: f"{name}_{c}"))
    joined = t.left_join(
        p,
        [
            t[pair[0]] == p[f"{name}_cow_a"],
            t[pair[1]] == p[f"{name}_cow_b"],
            t[when] >= p[f"{name}_start"],
            t[when] <= p[f"{name}_end"],
        ],
    )
    value = joined[f"{name}_cow_a"].notnull()
    if coverage is not None:
        inside = (joined[when] >= ibis.literal(coverage[0])) & (joined[when] <= ibis.literal(coverage[1]))
        value = ibis.ifelse(inside, value, ibis.null("boolean"))
    if "kind" in joined.columns:
        value = ibis.ifelse(joined.kind == "dyad", value, ibis.null("boolean"))
    joined = joined.mutate(**{name: value})
    return joined.drop(*[c for c in joined.columns if c.startswith(f"{name}_")])


def period_of(day, period: str):
    return {"day": day, "month": day.truncate("M"), "year": day.truncate("Y")}[period].cast("date")


def class_column(t, by: str):
    return {"quad": t.quad, "root": t.root_code, "category": t.category}.get(by)


def sums(t, weight: str) -> dict:
    """The exact sums every aggregation keeps (means and shares are their quotients)."""
    import ibis

    def weighted(value, kind: str):
        exact = value.cast(kind)
        return exact.sum() if weight == "events" else (exact * t[weight].cast(kind)).sum()

    w = ibis.literal(1, "int64") if weight == "events" else t[weight]
    return {
        "events": t.count(),
        "weight": t.count() if weight == "events" else w.sum(),
        "goldstein_sum": weighted(t.goldstein, GOLDSTEIN).cast(SUM),
        "goldstein_weight": ibis.ifelse(t.goldstein.notnull(), w, 0).sum(),
        "tone_sum": weighted(t.tone, TONE).cast(SUM),
        "tone_weight": ibis.ifelse(t.tone.notnull(), w, 0).sum(),
        "mentions": t.mentions.sum(),
        "sources": t.sources.sum(),
        "articles": t.articles.sum(),
    }


def aggregate(events, fmt: str, spells: pd.DataFrame, options: Options, tables: Tables):
    """Steps 1-4: one row per period, pair (or unmapped code), flags and class, with sums."""
    t = dyads(prepare(events, fmt, options), spells, tables)
    if not options.directed:
        t = undirected(t)
    t = flag(t, "same_alliance", relations.shared_alliance_spells(), tables, relations.alliance_coverage())
    t = flag(t, "same_bloc", relations.shared_bloc_spells(options.blocs), tables)
    t = t.mutate(period=period_of(t.day, options.period))
    keys = ["period", "kind", "a_iso3", "a_cow", "b_iso3", "b_cow", "a_unmapped", "b_unmapped"]
    keys += ["same_alliance", "same_bloc"]
    klass = class_column(t, options.by)
    if klass is not None:
        t = t.mutate(**{options.by: klass})
        keys.append(options.by)
    return t.group_by(keys).aggregate(**sums(t, options.weight))


def dyad_rows(agg, options: Options):
    """The answer's rows: dyads (and domestic events if asked), means and each row's share of
    its period's events (all events read that period, mapped or not)."""
    kinds = ["dyad", "domestic"] if options.domestic else ["dyad"]
    totals = agg.group_by("period").aggregate(period_events=agg.events.sum())
    rows = agg.filter(agg.kind.isin(kinds))
    rows = rows.join(totals, "period")
    keep = ["period", "a_iso3", "a_cow", "b_iso3", "b_cow", "same_alliance", "same_bloc"]
    if options.by != "none":
        keep.append(options.by)
    if options.domestic:
        keep.append("kind")
    return rows.select(
        *keep,
        "events",
        share=rows.events.cast("float64") / rows.period_events.cast("float64"),
        goldstein_sum=rows.goldstein_sum,
        goldstein_mean=_quotient(rows.goldstein_sum, rows.goldstein_weight),
        tone_mean=_quotient(rows.tone_sum, rows.tone_weight),
        mentions=rows.mentions,
        sources=rows.sources,
        articles=rows.articles,
        period_events=rows.period_events,
    ).order_by(keep)


def _quotient(total, weight):
    import ibis

    return ibis.ifelse(weight > 0, total.cast("float64") / weight.cast("float64"), ibis.null("float64"))


def unmapped_rows(agg):
    """Events that name no state on a side: side, code, events (a code once per side)."""
    import ibis

    parts = []
    for side in ("a", "b"):
        column = agg[f"{side}_unmapped"]
        part = agg.filter(column.notnull()).group_by(code=column).aggregate(events=agg.events.sum())
        parts.append(part.mutate(side=ibis.literal("source" if side == "a" else "target")))
    return parts[0].union(parts[1]).order_by([ibis.desc("events"), "side", "code"])


def kind_counts(agg):
    return agg.group_by("kind").aggregate(events=agg.events.sum()).order_by("kind")


def code_spells(system: str, events) -> pd.DataFrame:
    """The code -> state spells for ``system``; for names (ICEWS), read from the events' names."""
    if system != "names":
        return codebook.spells(system)
    firsts: dict[str, dt.date] = {}
    for column in ("source_code", "target_code"):
        found = (
            events.filter(events[column].notnull())
            .group_by(name=events[column])
            .aggregate(first=events.day.min())
        )
        for row in found.execute().itertuples(index=False):
            day = pd.Timestamp(row.first).date()
            firsts[row.name] = min(day, firsts.get(row.name, day))
    return codebook.name_spells(firsts)


# ---------------------------------------------------------------------------------------------
# Bloc behaviour


COOPERATIVE = (1, 2)


def bloc_relations(
    events,
    fmt: str,
    spells: pd.DataFrame,
    members: pd.DataFrame,
    labels: list[str],
    options: Options,
    tables: Tables,
):
    """Per month: for each bloc, its members' events with each other, towards the other bloc and
    towards the rest of the states, with cooperative and conflictual counts."""
    import ibis

    t = dyads(prepare(events, fmt, options), spells, tables)
    t = t.filter(t.kind == "dyad")
    for side in ("a", "b"):
        for label in labels:
            name = f"{side}_in_{labels.index(label)}"
            m = tables(
                name,
                members[members["bloc"] == label][["cow", "start", "end"]].rename(
                    columns=lambda c, n=name: f"{n}_{c}"
                ),
            )
            t = t.left_join(
                m,
                [
                    t[f"{side}_cow"] == m[f"{name}_cow"],
                    t.day >= m[f"{name}_start"],
                    t.day <= m[f"{name}_end"],
                ],
            )
            t = t.mutate(**{name: t[f"{name}_cow"].notnull()}).drop(
                f"{name}_cow", f"{name}_start", f"{name}_end"
            )
    parts = []
    for i, label in enumerate(labels):
        other = 1 - i if len(labels) == 2 else None
        cases = [(t[f"b_in_{i}"], ibis.literal(f"within {label}"))]
        if other is not None:
            cases.append((t[f"b_in_{other}"], ibis.literal(f"{label} towards {labels[other]}")))
        cases.append((ibis.literal(True), ibis.literal(f"{label} towards the rest")))
        side = t.filter(t[f"a_in_{i}"]).mutate(bloc=ibis.literal(label))
        side = side.mutate(relation=ibis.cases(*[(c, v) for c, v in cases]))
        parts.append(side)
    t = parts[0] if len(parts) == 1 else parts[0].union(parts[1])
    t = t.mutate(period=period_of(t.day, options.period))
    cooperative = t.quad.isin(COOPERATIVE)
    conflictual = t.quad.notnull() & ~cooperative
    grouped = t.group_by(["period", "bloc", "relation"]).aggregate(
        events=t.count(),
        cooperative=ibis.ifelse(cooperative, 1, 0).sum(),
        conflictual=ibis.ifelse(conflictual, 1, 0).sum(),
        goldstein_sum=t.goldstein.cast(GOLDSTEIN).sum().cast(SUM),
        goldstein_weight=ibis.ifelse(t.goldstein.notnull(), 1, 0).sum(),
    )
    return grouped.select(
        "period",
        "bloc",
        "relation",
        "events",
        "cooperative",
        "conflictual",
        cooperative_share=grouped.cooperative.cast("float64") / grouped.events.cast("float64"),
        conflictual_share=grouped.conflictual.cast("float64") / grouped.events.cast("float64"),
        goldstein_mean=_quotient(grouped.goldstein_sum, grouped.goldstein_weight),
    ).order_by(["period", "bloc", "relation"])
