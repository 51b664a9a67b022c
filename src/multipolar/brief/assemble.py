"""The brief: the structure of the world on one day, on one page.

Polarity under each measure side by side, the top powers, the big blocs as constituted that day
(with their observers as a what-if), and the largest ATOP alliances in force. Each measure's
figures come from the last complete year before the date (or its latest year with data before
that), and say so; shares lacking a major power say whose total they are (see ``brief``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from multipolar.answer import plain, sources_payload
from multipolar.brief.model import (
    DEFAULT_MEASURES,
    LONG_RUN_MEASURES,
    LONG_RUN_UNTIL,
    Brief,
    Chart,
    Section,
    Table,
)
from multipolar.dates import parse_date
from multipolar.errors import CoverageError
from multipolar.numbers import percent, signed
from multipolar.orgs import alliances, atop
from multipolar.orgs.queries import roster_difference
from multipolar.power import blocs
from multipolar.power import measures as measures_module
from multipolar.power.measures import MEASURES, check_year, coverage_note, instead_of, measure_name
from multipolar.power.plot import caption as sourced
from multipolar.power.polarity import polarity, rule

TOP = 10
ALLIANCES = 5
POLARITY_KEYS = ("year", "measure", "n", "con", "enp", "hhi", "leader", "leader_share", "poles", "verdict")


def decimal(value: float | None, digits: int = 2) -> str:
    return "NA" if value is None else f"{value:.{digits}f}"


def shown(value) -> str:
    return "NA" if value is None else str(value)


def brief(
    date: str | dt.date | None = None,
    measures: Iterable[str] | str | None = None,
    year: int | str | None = None,
) -> Brief:
    """The world on ``date`` (default today) under each of ``measures``.

    Figures are those of the last complete year before the date (``year`` picks another). The
    default measures are cinc, gdp and milex, or before 1960 their long-run versions; a default
    measure with no value for a major power gives way to the long-run measure that has one
    (milex_nmc for milex, gdp_longrun for gdp), as a note says. A measure still lacking a major
    power shows shares of the states with data, with their coverage, and no polarity verdict.
    """
    day = parse_date(date, allow_future=False)
    explicit = bool(measures)
    given = [measures] if isinstance(measures, str) else list(measures or default_measures(day))
    chosen = list(dict.fromkeys(measure_name(m) for m in given))
    check_year(day.year)  # before 1816 no measure has data
    if year is not None:
        year = check_year(year)  # one line for a year that cannot be, not one per measure
    weighed, skipped, hint, swapped = {}, [], None, []
    for name in chosen:
        try:
            found = blocs.weigh(name, day, year=year)
        except CoverageError as error:  # no data yet on that day: said, not shown
            skipped.append(f"{error.message} {coverage_note(name, day.year) or ''}".strip())
            hint = error.hint
            continue
        if found.majors_lacking and not explicit:
            found, said = long_run_instead(found, day, year)
            swapped += [said] if said else []
        weighed.setdefault(found.measure, found)
    if not weighed:
        raise CoverageError(" ".join(skipped), hint)
    result = Brief(date=day, measures=list(weighed), notes=skipped + swapped)
    result.notes += [n for n in (partial_note(w) for w in weighed.values()) if n]
    polarity_section(result, weighed)
    top_powers_section(result, weighed)
    blocs_section(result, weighed)
    alliances_section(result, day)
    alignment_section(result, day)
    measures_section(result, weighed)
    return result


def default_measures(day: dt.date) -> tuple[str, ...]:
    return LONG_RUN_MEASURES if day.year < LONG_RUN_UNTIL else DEFAULT_MEASURES


def long_run_instead(found: blocs.Weighed, day: dt.date, year) -> tuple[blocs.Weighed, str | None]:
    """The measure's long-run counterpart if it has a value for every major power the measure
    lacks (milex_nmc for SIPRI's milex in 1962), and the note saying so; else the measure as is."""
    instead = instead_of(found.measure)
    if instead is None:
        return found, None
    try:
        other = blocs.weigh(instead, day, year=year)
    except CoverageError:
        return found, None
    if other.majors_lacking:
        return found, None
    said = (
        f"{found.measure} ({', '.join(found.sources)}) has no {found.year} value for "
        f"{majors_named(found.majors_lacking)}; the brief shows {instead} ({', '.join(other.sources)}) "
        "instead, which has."
    )
    return other, said


def partial_note(w: blocs.Weighed) -> str | None:
    """For a measure lacking a major power: its shares are of the states with data, and how much
    of the world those cover; no polarity verdict is given."""
    if not w.majors_lacking:
        return None
    covered = coverage(w)
    return (
        f"{w.measure} {w.year}: no value for {majors_named(w.majors_lacking)}, so its shares "
        f"are of the states with data ({covered}) and it gives no polarity verdict."
    )


def majors_named(codes) -> str:
    """'the major power SUN' or 'the major powers SUN and CHN'."""
    codes = list(codes)
    if len(codes) == 1:
        return f"the major power {codes[0]}"
    return f"the major powers {', '.join(codes[:-1])} and {codes[-1]}"


def coverage(w: blocs.Weighed) -> str:
    """'5 of 7 major powers, 61% of world population': what the states with values cover."""
    majors = measures_module.majors_by_year(w.year, w.year)[0]["cow"]
    valued = set(w.values.loc[w.values["value"].notna(), "cow"])
    said = f"{sum(c in valued for c in majors)} of {len(majors)} major powers"
    people = measures_module.values("pop_nmc" if w.year <= 2022 else "pop", w.year).rows
    people = people.dropna(subset=["value"])
    if len(people):
        inside = people.loc[people["cow"].isin(valued), "value"].sum() / people["value"].sum()
        said += f", {percent(float(inside))} of world population"
    return said


def heading(measure: str, w: blocs.Weighed) -> str:
    """A share column's heading: measure and year, and whose total when not the world's."""
    return f"{measure} {w.year}" + (" (of states with data)" if w.majors_lacking else "")


def polarity_section(result: Brief, weighed: dict) -> None:
    rows, notes, sources, groups, limits = [], [], [], set(), {}
    for measure, w in weighed.items():
        answer = polarity(year=w.year, measure=measure)
        limits = answer.extra["thresholds"]
        row = answer.rows.iloc[0].to_dict()
        found = {k: plain(row.get(k)) for k in POLARITY_KEYS} | {"year": w.year, "measure": measure}
        found["thresholds"] = limits
        if plain(row.get("missing")):  # a major power without a value: indices NA, and who
            found["missing"] = row["missing"]
        rows.append(found)
        groups.add(answer.params["among"])
        notes += answer.notes
        sources += answer.sources
    among = "the COW major powers" if groups == {"majors"} else ", ".join(sorted(groups))
    years = ", ".join(sorted({str(w.year) for w in weighed.values()}))
    lines = [f"Shares within {among}, in {years}: the last complete year before the date with data."]
    lines += [f"Rule: {rule(limits)}."] if limits else []
    lines.append(verdict_line(rows))
    table = Table(
        columns=["measure", "year", "verdict", "poles", "leader", "leader share", "ENP", "HHI"],
        rows=[
            [
                r["measure"],
                str(r["year"]),
                shown(r["verdict"]),
                shown(r["poles"]),
                shown(r["leader"]),
                percent(r["leader_share"]),
                decimal(r["enp"]),
                decimal(r["hhi"], 3),
            ]
            for r in rows
        ],
    )
    result.add(Section("polarity", "Polarity", rows, lines=lines, tables=[table]), notes, sources)


def verdict_line(rows: list[dict]) -> str:
    """One sentence: the verdict all measures share, or plainly which measure says what."""
    by_verdict: dict[str, list[str]] = {}
    for r in rows:
        by_verdict.setdefault(r["verdict"] or "unknown (indices NA, see notes)", []).append(r["measure"])
    if len(rows) == 1:
        return f"Under {rows[0]['measure']} the system is {next(iter(by_verdict))}."
    if len(by_verdict) == 1:
        verdict, names = next(iter(by_verdict.items()))
        return f"The measures agree: {verdict} under {' and '.join(names)}."
    parts = [f"{verdict} under {' and '.join(names)}" for verdict, names in by_verdict.items()]
    return "The measures disagree: " + "; ".join(parts) + "."


def top_powers_section(result: Brief, weighed: dict) -> None:
    first, w = next(iter(weighed.items()))
    ranked = w.values.dropna(subset=["value"]).sort_values("value", ascending=False).head(TOP)
    rows = []
    for rank, state in enumerate(ranked.itertuples(index=False), start=1):
        shares = {}
        for measure, other in weighed.items():
            match = other.values[(other.values["cow"] == state.cow) & other.values["share"].notna()]
            shares[measure] = float(match["share"].iloc[0]) if len(match) else None
        iso3 = state.iso3 if isinstance(state.iso3, str) else None
        rows.append({"rank": rank, "iso3": iso3, "cow": int(state.cow), "name": state.name, "share": shares})
    table = Table(
        columns=["#", "state", *(heading(m, weighed[m]) for m in weighed)],
        rows=[[str(r["rank"]), label(r), *(percent(r["share"][m]) for m in weighed)] for r in rows],
        title=f"Share of world total; ranked by {first}",
    )
    chart = Chart(
        title=f"Top {len(rows)} by {first}",
        categories=[r["iso3"] or r["name"] for r in rows],
        series={heading(m, weighed[m]): [r["share"][m] for r in rows] for m in weighed},
        caption=caption([s for w in weighed.values() for s in w.sources]),
    )
    result.add(
        Section("top_powers", f"Top {len(rows)} powers", rows, tables=[table], charts=[chart]),
        [n for x in weighed.values() for n in x.notes],
        [s for x in weighed.values() for s in x.sources],
    )


def caption(sources: list[str]) -> str:
    return sourced(list(dict.fromkeys(sources)))


def label(state: dict) -> str:
    """'China (CHN)'; states without an ISO code (Prussia, Two Sicilies) by name alone. A year's
    world counts each state once, so no two rows share a code (power/capabilities.py)."""
    if not state["iso3"]:
        return str(state["name"])
    return f"{state['name']} ({state['iso3']})"


def blocs_section(result: Brief, weighed: dict) -> None:
    rows, scenarios, notes, sources = [], [], [], []
    for spec in blocs.major_blocs(result.date):
        found = blocs.bloc(spec, result.date)
        notes += found.notes  # why it is empty, or members known but not dated
        if not found.iso3:
            continue
        sources += found.sources
        rows.append(
            {
                "org": found.name,
                "members_n": len(found.iso3),
                "members": list(found.iso3),
                "share": {m: w.share(found) for m, w in weighed.items()},
            }
        )
        notes += [n for n in (w.missing(found) for w in weighed.values()) if n]
        observers = blocs.org_bloc(found.name, result.date, status="observer")
        if observers.iso3:
            # observers without a value are named; if none has one, the change is NA, never +0
            observers = replace(observers, name=f"{found.name} observers")
            notes += [n for n in (w.missing(observers) for w in weighed.values()) if n]
            grown = found.changed(
                f"{found.name} + observers",
                [*found.iso3, *observers.iso3],
                [*found.cow, *observers.cow],
                "adds its observers",
            )
            scenarios.append(
                {
                    "org": found.name,
                    "label": grown.name,
                    "added": list(observers.iso3),
                    "members_n": len(grown.iso3),
                    "share": {m: w.share(grown) for m, w in weighed.items()},
                    "change": {
                        m: blocs.difference(w.share(grown), w.share(found))
                        if w.value(observers) is not None
                        else None
                        for m, w in weighed.items()
                    },
                }
            )
    headers = [heading(m, weighed[m]) for m in weighed]
    section = Section("blocs", "Blocs", rows)
    if rows:
        section.tables.append(
            Table(
                ["bloc", "members", *headers],
                [[r["org"], str(r["members_n"]), *(percent(r["share"][m]) for m in weighed)] for r in rows],
                title="Members and share of world total",
            )
        )
        section.charts.append(
            Chart(
                title="Blocs as constituted that day",
                categories=[r["org"] for r in rows],
                series={h: [r["share"][m] for r in rows] for h, m in zip(headers, weighed, strict=True)},
                caption=caption(sources + [s for w in weighed.values() for s in w.sources]),
            )
        )
    else:
        section.lines.append(
            f"None of the blocs a brief follows ({', '.join(blocs.BLOCS_OVER_TIME)}) had members on this day."
        )
    result.add(section, notes, sources)
    if scenarios:
        lines = [
            f"What if {s['org']} took in its observers ({', '.join(s['added'])})? "
            + "; ".join(f"{m}: {percent(s['share'][m])} ({signed(s['change'][m])})" for m in weighed)
            + "."
            for s in scenarios
        ]
        table = Table(
            ["scenario", "members", *headers],
            [
                [s["label"], str(s["members_n"]), *(percent(s["share"][m]) for m in weighed)]
                for s in scenarios
            ],
        )
        result.add(Section("scenarios", "Scenarios", scenarios, lines=lines, tables=[table]))


def alliances_section(result: Brief, day: dt.date) -> None:
    """The largest ATOP alliances in force; past ATOP's coverage, as on its last day, labelled."""
    as_of = min(day, atop.LAST_DAY)
    answer = alliances(as_of)
    current = answer.rows.assign(members_n=answer.rows["members"].map(len))
    largest = current.sort_values(["members_n", "atopid"], ascending=[False, True]).head(ALLIANCES)
    rows = [
        {
            "atopid": int(r["atopid"]),
            "name": r["name"] or None,
            "members_n": int(r["members_n"]),
            "members": list(r["members"]),
            "obligations": [o for o in atop.OBLIGATIONS if r[o]],
            "conditional": [o for o in atop.OBLIGATIONS if r[o] and o in r["conditional"]],
        }
        for r in largest.to_dict("records")
    ]
    for row in rows:  # an organisation's own count beside ATOP's, and why they differ
        row["differs"] = roster_difference(row["atopid"], as_of)
    notes = list(answer.notes)
    if any(r["conditional"] for r in rows):
        notes.append("obligations marked * are conditional in ATOP.")
    if as_of == day:
        lines = [f"ATOP alliances in force on {as_of.isoformat()}, largest first."]
    else:
        lines = [
            f"ATOP coverage ends {as_of.year}: the alliances shown are those in force on {as_of.isoformat()}."
        ]
        notes.append(atop.coverage_note(day))
    lines += [r["differs"] for r in rows if r["differs"]]
    table = Table(
        ["ATOP id", "known as", "members", "obligations", "member states"],
        [
            [
                str(r["atopid"]),
                r["name"] or "",
                str(r["members_n"]),
                ", ".join(o + ("*" if o in r["conditional"] else "") for o in r["obligations"]),
                abridged(r["members"]),
            ]
            for r in rows
        ],
    )
    data = {"as_of": as_of.isoformat(), "rows": rows}
    result.add(
        Section("alliances", "Largest alliances in force", data, lines, [table]), notes, answer.sources
    )


def alignment_section(result: Brief, day: dt.date) -> None:
    """How the blocs compared above vote in the UN General Assembly: cohesion in the latest
    year with votes on or before the day (members as of the day), beside the assembly's mean."""
    from multipolar.alignment import cohesion

    specs = list(blocs.major_blocs(day))
    if "SCO" in specs and blocs.org_bloc("SCO", day, status="observer").iso3:
        specs.insert(specs.index("SCO") + 1, "SCO+observers")
    section = Section("alignment", "Alignment", [])
    answer = None
    try:
        answer = cohesion(specs or ["NATO"], date=day)
    except CoverageError as error:  # no UN vote yet on that day
        section.lines.append(error.message)
    if answer is not None and not specs:
        section.lines.append(f"None of the blocs a brief follows existed on {day.isoformat()}.")
        answer = None
    if answer is not None:
        rows = [r for r in answer.records() if r["pairs"]]
        year = answer.params["from"]
        assembly = rows[0]["assembly_agree"] if rows else None
        section.data = {"year": year, "session": year - 1945, "assembly_agree": assembly, "blocs": rows}
        mean = percent(assembly)
        section.lines.append(
            f"Votes of {year} (session {year - 1945}), the latest UN General Assembly year with votes on or "
            f"before {day.isoformat()}; members as of that day. Assembly mean: {mean}."
        )
        if day.year > year + 1:
            section.lines.append(
                f"The vote data (unvotes 2021) end with {year}: later sessions are not covered."
            )
        section.tables.append(
            Table(
                ["bloc", "members voting", "agree", "S score", "vs assembly"],
                [
                    [
                        r["bloc"],
                        str(r["voting_n"]),
                        percent(r["agree"]),
                        decimal(r["s_score"]),
                        signed(r["difference"]),
                    ]
                    for r in rows
                ],
                title="How often each bloc's members vote alike (mean over pairs)",
            )
        )
        result.add(section, [n for n in answer.notes if "left out" in n], answer.sources)
        return
    result.add(section)


def abridged(names: list[str], shown: int = 12) -> str:
    """A long member list cut to its first names (the JSON has them all)."""
    if len(names) <= shown:
        return ", ".join(names)
    return ", ".join(names[:shown]) + ", …"


def measures_section(result: Brief, weighed: dict) -> None:
    """Where each measure's figures come from: data year and dataset versions."""
    rows = [
        {
            "measure": m,
            "year": w.year,
            "description": MEASURES[m],
            "sources": sources_payload(list(w.sources)),
            "shares_of": "states with data" if w.majors_lacking else "world",
            "coverage": coverage(w) if w.majors_lacking else None,
        }
        for m, w in weighed.items()
    ]
    table = Table(
        ["measure", "data year", "what it is", "source"],
        [
            [
                r["measure"],
                str(r["year"]),
                r["description"],
                "; ".join(f"{s['dataset']} {s['version']}" for s in r["sources"]),
            ]
            for r in rows
        ],
    )
    result.add(Section("measures_used", "Measures and their sources", rows, tables=[table]))
