"""Blocs compared on one day, and what-ifs: who would lead if a bloc grew, shrank or merged.

A bloc is an organisation as constituted on the day (curated memberships), an ATOP alliance in
force on the day (``atop:3180``), a list of states (``USA,GBR,FRA`` or ``WEST=USA,GBR,FRA``), or a
single state. Its weight under a measure is the sum of its members' values in the measure's
latest data year at or before the date; its share is that sum over the world's total.

Polarity "with blocs merged" treats each bloc as one actor: its members leave the list of
states and the bloc takes their place with their summed share; everyone else stays a state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from multipolar import progress
from multipolar.answer import Answer
from multipolar.dates import parse_date
from multipolar.errors import CoverageError, InputError, MultipolarError, UnknownNameError
from multipolar.orgs import alliances, registry
from multipolar.orgs.queries import gap_notes, member_notes
from multipolar.power import measures, polarity
from multipolar.power.plot import check_path, line_chart, require_values
from multipolar.power.polarity import _span  # the project's one way of writing year runs
from multipolar.states import identity


@dataclass(frozen=True)
class Bloc:
    name: str  # how the bloc is shown: "NATO", "atop:3180", "WEST", "USA"
    iso3: tuple[str, ...]
    cow: tuple[int, ...]
    origin: str  # what the membership rests on, e.g. "curated memberships, status member"
    sources: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())  # e.g. that an organisation did not exist yet

    def changed(self, name: str, iso3: Iterable[str], cow: Iterable[int], how: str) -> Bloc:
        return replace(self, name=name, iso3=tuple(iso3), cow=tuple(cow), origin=f"{self.origin}; {how}")


@dataclass(frozen=True)
class Weighed:
    """A measure's values and world shares for one data year (from ``measures.values``)."""

    measure: str
    year: int
    values: pd.DataFrame  # cow, iso3, name, value, share
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    unit: str = ""  # of the values, e.g. "constant 2015 US$"
    majors_lacking: tuple[str, ...] = ()  # major powers (iso3) with no value this year

    def members_of(self, bloc: Bloc) -> pd.DataFrame:
        return self.values.iloc[sorted(self._positions(bloc))]

    @cached_property
    def _lookup(self) -> tuple[dict, dict, list[float], list[float]]:
        """Row positions by COW code and by ISO3, and the values and shares: a brief asks about
        dozens of blocs, and set look-ups answer each without filtering the table again."""
        rows = self.values
        by_cow: dict[int, list[int]] = {}
        by_iso: dict[str, list[int]] = {}
        for position, (cow, iso3) in enumerate(zip(rows["cow"], rows["iso3"], strict=True)):
            by_cow.setdefault(int(cow), []).append(position)
            if isinstance(iso3, str):
                by_iso.setdefault(iso3, []).append(position)
        return by_cow, by_iso, rows["value"].tolist(), rows["share"].tolist()

    def _positions(self, bloc: Bloc) -> set[int]:
        by_cow, by_iso, _, _ = self._lookup
        found = {p for cow in bloc.cow if cow is not None for p in by_cow.get(int(cow), ())}
        return found | {p for iso3 in bloc.iso3 for p in by_iso.get(iso3, ())}

    def _total(self, bloc: Bloc, column: int) -> float | None:
        """The members' summed values (column 2) or shares (3), NA as ``value`` and ``share`` say."""
        numbers = [self._lookup[column][p] for p in self._positions(bloc)]
        numbers = [n for n in numbers if n == n]  # NaN is no number: left out, never 0
        return float(sum(numbers)) if numbers and not self.majors_missing(bloc) else None

    def value(self, bloc: Bloc) -> float | None:
        """The members' summed value; None (NA) when no member has one, or a major power has none."""
        return self._total(bloc, 2)

    def share(self, bloc: Bloc) -> float | None:
        """The members' summed share of the world; None (NA) when no member has a value, or a
        major power among them has none (the rest would stand for the bloc, as if it were 0)."""
        return self._total(bloc, 3)

    def absent(self, bloc: Bloc) -> list[tuple[str, int | None]]:
        """Members (iso3, cow) with no value this year."""
        by_cow, by_iso, values, _ = self._lookup

        def valued(positions) -> bool:
            return any(values[p] == values[p] for p in positions)

        return [
            (iso, cow)
            for iso, cow in zip(bloc.iso3, bloc.cow, strict=True)
            if not valued(by_iso.get(iso, ())) and (cow is None or not valued(by_cow.get(int(cow), ())))
        ]

    @cached_property
    def _majors(self) -> set[int]:
        return set(measures.majors_by_year(self.year, self.year)[0]["cow"])

    def majors_missing(self, bloc: Bloc) -> list[str]:
        """Members without a value that are major powers this year (the bloc's sum is then NA)."""
        return [iso for iso, cow in self.absent(bloc) if cow in self._majors]

    def missing(self, bloc: Bloc) -> str | None:
        """A note naming members with no value this year: left out of sums, never counted as 0;
        the bloc is NA if a major power is among them."""
        gone = self.absent(bloc)
        if not gone:
            return None
        names = ", ".join(iso for iso, _ in gone)
        if majors := self.majors_missing(bloc):
            return (
                f"{bloc.name}: no {self.measure} value in {self.year} for {names}; its value and share are "
                f"NA, since the major power {', '.join(majors)} is among them (never counted as 0)."
            )
        return f"{bloc.name}: no {self.measure} value in {self.year} for {names}; left out (missing, not 0)."


def weigh(
    measure: str,
    date: dt.date,
    weights: Mapping[str, float] | str | None = None,
    year: int | None = None,
) -> Weighed:
    """The measure's values as they stood on ``date``: in the last complete year before it (the
    year before, unless the date is 31 December), or the latest year with data before that; with
    ``year``, in that year (or the latest with data before it). A day in 2022 is not described by
    figures for all of 2022."""
    name = measures.measure_name(measure)
    measures.check_year(date.year)  # before 1816 no measure has data: said as such
    through = measures.check_year(year) if year is not None else complete_year(date)
    found = measures.latest_year(name, through, weights)
    if found is None and year is None:  # no complete year before the day (1816): the day's own
        found = measures.latest_year(name, date.year, weights)
    if found is None:
        raise CoverageError(f"No {name} data on or before {through}.", covering_hint(through))
    weighed = weigh_year(name, found, weights)
    if year is not None and found == year:
        return weighed
    if year is not None:
        said = f"{name}: no data for {year}; figures are for {found}, the latest year before it with data."
    elif found == through:
        said = f"{name}: figures are for {found}, the last complete year before {date.isoformat()}."
    elif found < through:
        said = f"{name}: figures are for {found}, the latest year with data before {date.isoformat()}."
    else:
        said = f"{name}: no complete year with data before {date.isoformat()}; figures are for {found}."
    return replace(weighed, notes=(*weighed.notes, said))


def complete_year(date: dt.date) -> int:
    """The last calendar year that had ended by the end of ``date``."""
    return date.year if (date.month, date.day) == (12, 31) else date.year - 1


def covering_hint(year: int) -> str:
    """Which measures do have data on or before ``year`` (the fix for a measure that has none)."""
    found = [m for m in measures.MEASURES if m != "composite" and measures.latest_year(m, year) is not None]
    if not found:
        return "Pick a later date."
    return f"Pick a later date or a measure with data by then: {', '.join(found)}."


def weigh_year(measure: str, year: int, weights: Mapping[str, float] | str | None = None) -> Weighed:
    """The measure's values in exactly this year (NA where the source does not cover it)."""
    answer = measures.values(measure, year, weights=weights)
    rows = answer.rows[["cow", "iso3", "name", "value", "share"]]
    unit = answer.extra.get("unit", "")
    majors = measures.majors_by_year(year, year)[0]["cow"]
    lacking = [int(c) for c in majors if c not in set(rows.loc[rows["value"].notna(), "cow"])]
    known = identity.by_code_on(measures.year_end(year), "cow")
    names = tuple(known.get(c, {}).get("iso3") or str(c) for c in lacking)
    return Weighed(measure, year, rows, tuple(answer.notes), tuple(answer.sources), unit, names)


def bloc(spec: str, date: dt.date) -> Bloc:
    """Read one bloc: ``atop:ID``, ``NAME=ISO3,...``, ``ISO3,ISO3``, an organisation, or a state."""
    text = spec.strip()
    if not text:
        raise InputError("An empty bloc name.", "Name an organisation (NATO), atop:ID, or ISO3 codes.")
    if text.lower().startswith("atop:"):
        return atop_bloc(text[5:].strip(), date)
    if "=" in text:
        name, _, listed = text.partition("=")
        if not name.strip() or not listed.strip():
            raise InputError(
                f"Bad bloc {spec!r}.", "Write a custom bloc as NAME=ISO3,ISO3, e.g. WEST=USA,GBR."
            )
        return states_bloc(name.strip(), split_names(listed), date)
    if "," in text:
        return states_bloc(text, split_names(text), date)
    try:
        return org_bloc(text, date)
    except UnknownNameError as org_error:
        try:
            return states_bloc(text, [text], date)
        except UnknownNameError as state_error:
            raise UnknownNameError(
                f"{org_error.message} {state_error.message}",
                "Name an organisation (`multipolar orgs`), an alliance as atop:ID, or states as ISO3 codes.",
            ) from None


def org_bloc(name: str, date: dt.date, status: str = "member") -> Bloc:
    """An organisation's states in one status (member, observer, ...) on the day.

    The curated spells are read directly (cheap enough to do for every year of a chart); only
    when there are none is ``members`` asked, for the note that says why (not founded yet, or
    no member spell in force yet).
    """
    org = registry.organisation(name)
    rows = [
        spell
        for spell in registry.spell_records(org.id)
        if registry.holds_on(spell, date) and org.counts(status, spell["status"])
    ]
    notes = () if rows else tuple(member_notes(org.id, date, status, [])[0])
    sources = (registry.ORGANISATIONS_SOURCE, registry.MEMBERSHIPS_SOURCE)
    if rows and (gaps := gap_notes(org.id, date, status, {r["iso3"] for r in rows})):
        # states known to belong whose days are not curated: named, since the bloc lacks them
        notes = tuple(f"{org.id}: n{gap[1:]}" for gap in gaps)
        sources += (registry.GAPS_SOURCE,)
    return Bloc(
        name=org.id,
        iso3=tuple(r["iso3"] for r in rows),
        cow=tuple(r["cow"] for r in rows),
        origin=f"{org.name} on {date.isoformat()} ({status}s)",
        sources=sources,
        notes=notes,
    )


def atop_bloc(atopid: str, date: dt.date) -> Bloc:
    try:
        number = int(atopid)
    except ValueError:
        raise InputError(
            f"Bad ATOP alliance id {atopid!r}.", "Write it as atop:NUMBER, e.g. atop:3180."
        ) from None
    answer = alliances(date)
    if answer.rows.empty:
        raise CoverageError(" ".join(answer.notes), "Give a date ATOP covers.")
    found = answer.rows[answer.rows["atopid"] == number]
    if found.empty:
        raise InputError(
            f"ATOP alliance {number} is not in force on {date.isoformat()}.",
            f"See `multipolar alliances --date {date.isoformat()}` for those that are.",
        )
    cows = [int(c) for c in found.iloc[0]["cows"]]
    states = identity.valid_on(date).dropna(subset=["cow"]).drop_duplicates("cow").set_index("cow")["iso3"]
    label = found.iloc[0]["name"]
    return Bloc(
        name=f"atop:{number}",
        iso3=tuple(states.get(c) or f"cow:{c}" for c in cows),
        cow=tuple(cows),
        origin=f"ATOP alliance {number}{f' ({label})' if label else ''} in force on {date.isoformat()}",
        sources=tuple(answer.sources),
    )


def states_bloc(name: str, names: list[str], date: dt.date) -> Bloc:
    countries = [country(n, date) for n in names]
    return Bloc(
        name=name,
        iso3=tuple(c.iso3 for c in countries),
        cow=tuple(c.cow for c in countries),
        origin="states listed by the user",
    )


def country(text: str, date: dt.date) -> identity.Country:
    """A state named in a bloc: three letters are read as ISO3 first (MNG is Mongolia here, not
    COW's Montenegro), anything else as the identity layer reads it."""
    if re.fullmatch(r"[A-Za-z]{3}", text.strip()):
        try:
            return identity.identify(f"iso3:{text.strip()}", date)
        except UnknownNameError:
            pass
    return identity.identify(text, date)


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def changes(
    value: Mapping[str, Iterable[str]] | Iterable[str] | str | None, flag: str
) -> dict[str, list[str]]:
    """``{"SCO": ["IRN", "IND"]}`` from that dict or from ``"SCO=IRN,IND"`` strings."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {k: split_names(v) if isinstance(v, str) else list(v) for k, v in value.items()}
    out: dict[str, list[str]] = {}
    for item in [value] if isinstance(value, str) else value:
        name, sep, listed = item.partition("=")
        if not sep or not name.strip() or not split_names(listed):
            raise InputError(
                f"Bad {flag} {item!r}.", f"Write {flag} BLOC=ISO3,ISO3, e.g. {flag} SCO=IRN,IND."
            )
        out.setdefault(name.strip(), []).extend(split_names(listed))
    return out


def mergers(value: Iterable[str] | str | None) -> list[list[str]]:
    """``[["NATO", "EU"]]`` from ``"NATO+EU"``."""
    if value is None:
        return []
    out = []
    for item in [value] if isinstance(value, str) else value:
        parts = [p.strip() for p in item.split("+")]
        if len(parts) < 2 or not all(parts):
            raise InputError(f"Bad --merge {item!r}.", "Write --merge BLOC+BLOC, e.g. --merge NATO+EU.")
        out.append(parts)
    return out


class Blocs:
    """The blocs of one comparison, found by the names users gave them."""

    def __init__(self, date: dt.date):
        self.date = date
        self.items: dict[str, Bloc] = {}

    def get(self, spec: str) -> Bloc:
        key = self.key(spec)
        if key is None:
            found = bloc(spec, self.date)
            key = found.name
            known = self.items.setdefault(key, found)
            if set(known.iso3) != set(found.iso3):
                raise InputError(
                    f"Two blocs are named {key!r}: {spec!r} and another.",
                    "Give each bloc its own name, e.g. WEST=USA,GBR EAST=CHN,RUS.",
                )
        return self.items[key]

    def key(self, spec: str) -> str | None:
        """The compared bloc that spec names (its label, or an alias of the same organisation)."""
        for name in self.items:
            if name.lower() == spec.strip().lower():
                return name
        try:
            org = registry.organisation(spec)
        except MultipolarError:
            return None
        return org.id if org.id in self.items else None


def apply(blocs: Blocs, add: dict[str, list[str]], remove: dict[str, list[str]]) -> dict[str, Bloc]:
    """The blocs after adding and removing members."""
    after = dict(blocs.items)
    for verb, table in (("adds", add), ("removes", remove)):
        for spec, names in table.items():
            name = blocs.get(spec).name
            current = after.get(name, blocs.items[name])
            roster = dict(zip(current.iso3, current.cow, strict=True))
            moved = [country(who, blocs.date) for who in names]
            for state in moved:
                if verb == "adds":
                    roster[state.iso3] = state.cow
                elif roster.pop(state.iso3, False) is False:
                    raise InputError(
                        f"{state.iso3} is not a member of {name} on {blocs.date.isoformat()}.",
                        f"Check `multipolar members {name} --date {blocs.date.isoformat()}`.",
                    )
            how = f"{verb} {', '.join(c.iso3 for c in moved)}"
            after[name] = current.changed(name, roster, roster.values(), how)
    return after


def merge_groups(blocs: dict[str, Bloc], groups: list[list[str]], lookup: Blocs) -> dict[str, Bloc]:
    """Blocs with each group replaced by one bloc holding all their members."""
    out = dict(blocs)
    for group in groups:
        parts = [out.get(lookup.get(spec).name, lookup.get(spec)) for spec in group]
        roster: dict[str, int | None] = {}
        for part in parts:
            roster.update(zip(part.iso3, part.cow, strict=True))
            out.pop(part.name, None)
        name = "+".join(p.name for p in parts)
        out[name] = Bloc(
            name=name,
            iso3=tuple(roster),
            cow=tuple(roster.values()),
            origin="merger of " + " and ".join(p.name for p in parts),
            sources=tuple(dict.fromkeys(s for p in parts for s in p.sources)),
        )
    return out


def merged_polarity(weighed: Weighed, blocs: Iterable[Bloc]) -> tuple[dict, list[str]]:
    """Polarity with each bloc as one actor and every other state as itself.

    A state in two blocs counts once, in the bloc listed first (said in the notes; the bloc table
    counts it in each). If a major
    power has no value that year the indices are NA, with ``missing`` naming it, as in
    ``mp.polarity``: shares of a world without it would describe a different system.
    """
    if weighed.majors_lacking:
        return {c: None for c in polarity.COLUMNS} | {"missing": ", ".join(weighed.majors_lacking)}, []
    rows = weighed.values.dropna(subset=["value"])
    taken = pd.Series(False, index=rows.index)
    owner = pd.Series("", index=rows.index)  # the bloc that counts each state as an actor
    shares: dict[str, float] = {}
    notes = []
    for b in blocs:
        inside = rows["cow"].isin(b.cow) | rows["iso3"].isin(b.iso3)
        if not inside.any():
            continue  # a bloc with no member valued this year is no actor
        twice = inside & taken
        if twice.any():
            first = " and ".join(dict.fromkeys(owner[twice]))
            notes.append(
                f"{', '.join(rows.loc[twice, 'iso3'].astype(str))} belong to {first} and to {b.name}: the "
                f"table counts them in each bloc; polarity with blocs as single actors counts them once, "
                f"in {first} (the bloc listed first)."
            )
        shares[b.name] = float(rows.loc[inside & ~taken, "share"].sum())
        owner[inside & ~taken] = b.name
        taken |= inside
    for row in rows[~taken].itertuples(index=False):
        shares[row.iso3 if isinstance(row.iso3, str) else str(row.cow)] = float(row.share)
    return polarity.indices(shares), notes


def compare(
    blocs: Iterable[str] | str,
    date: str | dt.date | None = None,
    measure: str = "cinc",
    add: Mapping[str, Iterable[str]] | Iterable[str] | str | None = None,
    remove: Mapping[str, Iterable[str]] | Iterable[str] | str | None = None,
    merge: Iterable[str] | str | None = None,
    weights: Mapping[str, float] | str | None = None,
) -> Answer:
    """Blocs side by side on a day: members, value, share of the world, ratios, and polarity.

    ``add``/``remove`` change members (``{"SCO": ["IRN", "IND"]}`` or ``"SCO=IRN,IND"``);
    ``merge`` joins blocs into one (``"NATO+EU"``). With any change, each row also shows the
    share before it and the change, and polarity is given before and after. ``weights`` are
    for the composite measure (``"gdp=.5,milex=.5"``).
    """
    day = parse_date(date, allow_future=False)
    specs = [blocs] if isinstance(blocs, str) else list(blocs)
    additions, removals, groups = changes(add, "--add"), changes(remove, "--remove"), mergers(merge)
    measure = measures.measure_name(measure)
    if not specs and not groups:
        raise InputError("No blocs to compare.", "Name at least one, e.g. `multipolar compare NATO SCO`.")
    lookup = Blocs(day)
    for spec in specs:
        lookup.get(spec)
    after = merge_groups(apply(lookup, additions, removals), groups, lookup)
    before = dict(lookup.items)  # every bloc named anywhere, as constituted on the day
    scenario = bool(additions or removals or groups)
    weighed = weigh(measure, day, weights)

    rows = []
    for b in after.values():
        share = weighed.share(b)
        row = {
            "bloc": b.name,
            "members_n": len(b.iso3),
            "members": list(b.iso3),
            "value": weighed.value(b),
            "share": share,
        }
        if scenario:
            old = before.get(b.name)
            row["share_before"] = weighed.share(old) if old else None
            row["change"] = difference(share, row["share_before"])
        row["origin"] = b.origin
        rows.append(row)
    notes = list(weighed.notes) + [n for b in before.values() for n in b.notes]
    notes += [n for n in map(weighed.missing, after.values()) if n]
    ratios = [
        {
            "bloc": a["bloc"],
            "to": b["bloc"],
            "ratio": a["share"] / b["share"] if a["share"] and b["share"] else None,
        }
        for a in rows
        for b in rows
        if a is not b
    ]
    states_view, _ = merged_polarity(weighed, [])
    blocs_view, overlap = merged_polarity(weighed, before.values() if scenario else after.values())
    views = [{"actors": "states", **states_view}, {"actors": "blocs", **blocs_view}]
    if scenario:
        scenario_view, more = merged_polarity(weighed, after.values())
        views.append({"actors": "scenario", **scenario_view})
        overlap += [m for m in more if m not in overlap]
    notes += overlap
    sources = list(weighed.sources) + [s for b in [*before.values(), *after.values()] for s in b.sources]
    return Answer(
        kind="scenario" if scenario else "compare",
        params={
            "date": day,
            "measure": measure,
            "year": weighed.year,
            "unit": weighed.unit,
            **({"weights": dict(measures.parse_weights(weights))} if measure == "composite" else {}),
            **(
                {"add": additions, "remove": removals, "merge": ["+".join(g) for g in groups]}
                if scenario
                else {}
            ),
        },
        rows=pd.DataFrame(rows),
        key="blocs",
        notes=notes,
        sources=list(dict.fromkeys(sources)),
        extra={"ratios": ratios, "polarity": views},
    )


def difference(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else after - before


def scenario(
    blocs: Iterable[str] | str,
    date: str | dt.date | None = None,
    measure: str = "cinc",
    add: Mapping[str, Iterable[str]] | Iterable[str] | str | None = None,
    remove: Mapping[str, Iterable[str]] | Iterable[str] | str | None = None,
    merge: Iterable[str] | str | None = None,
    weights: Mapping[str, float] | str | None = None,
) -> Answer:
    """A what-if: :func:`compare` with at least one bloc grown, shrunk or merged."""
    if not (add or remove or merge):
        raise InputError(
            "A scenario needs a change.", "Give add=, remove= or merge=, e.g. add={'SCO': ['IRN']}."
        )
    return compare(blocs, date, measure, add=add, remove=remove, merge=merge, weights=weights)


MAJOR_BLOCS = ("NATO", "SCO", "CSTO", "BRICS", "EU")  # today's; the default of history and plots
# the blocs a brief weighs, Cold War ones first; a brief shows those that existed on its day
BLOCS_OVER_TIME = tuple(
    dict.fromkeys(("NATO", "WARSAW_PACT", "SEATO", "CENTO", "EEC", "COMECON", *MAJOR_BLOCS))
)


def major_blocs(date: dt.date) -> tuple[str, ...]:
    """The blocs of ``BLOCS_OVER_TIME`` that existed on ``date``: NATO and the Warsaw Pact in
    1962, NATO, the SCO, the CSTO, BRICS and the EU in 2008."""
    return tuple(b for b in BLOCS_OVER_TIME if registry.organisation(b).existed_on(date))


def history(
    blocs: Iterable[str] | str = MAJOR_BLOCS,
    start: int | str | None = None,
    end: int | str | None = None,
    measure: str = "cinc",
) -> Answer:
    """Each bloc's share of the world every year, its members as constituted at each year's end.

    A year before a bloc existed (or outside the measure's coverage) is NA, never 0.
    """
    name = measures.measure_name(measure)
    data = measures.series(name)
    first = measures.check_year(start) if start is not None else max(measures.FIRST_YEAR, data.first)
    last = measures.check_year(end) if end is not None else data.last
    if first > last:
        raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")
    specs = [blocs] if isinstance(blocs, str) else list(blocs)
    rows, notes, sources = [], [], []
    with progress.bar("bloc shares", total=last - first + 1) as shown:
        for year in range(first, last + 1):
            day = measures.year_end(year)
            weighed = weigh_year(name, year)
            for spec in specs:
                found = bloc(spec, day)
                rows.append(
                    {
                        "year": year,
                        "bloc": found.name,
                        "members_n": len(found.iso3),
                        "share": weighed.share(found),
                    }
                )
                sources += found.sources
            notes += weighed.notes
            sources += weighed.sources
            shown.advance()
    notes = fold_years(notes)
    notes.append("Members as constituted on 31 December of each year (today for the current year).")
    return Answer(
        "bloc_history",
        {"measure": name, "from": first, "to": last, "blocs": specs},
        pd.DataFrame(rows),
        "shares",
        notes,
        list(dict.fromkeys(sources)),
    )


YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def fold_years(notes: list[str]) -> list[str]:
    """Notes that differ only in their year said once: 'No gdp value in 1960-1990 for ...'."""
    years: dict[str, list[int]] = {}
    for note in dict.fromkeys(notes):
        found = YEAR.findall(note)
        key = YEAR.sub("{years}", note) if len(found) == 1 else note
        years.setdefault(key, []).extend(int(y) for y in found[:1] if len(found) == 1)
    return [key.replace("{years}", _span(pd.Series(ys))) if ys else key for key, ys in years.items()]


def chart(
    path: str | Path,
    blocs: Iterable[str] | str = MAJOR_BLOCS,
    start: int | str | None = None,
    end: int | str | None = None,
    measure: str = "cinc",
) -> Answer:
    """Draw the blocs' world shares over time to a .png, .svg or .pdf file (``plot blocs``)."""
    target = check_path(path)
    answer = history(blocs, start, end, measure)
    frame = answer.rows.rename(columns={"bloc": "series", "share": "value"})
    params = answer.params
    title = f"Blocs' share of the world total of {params['measure']}, {params['from']}-{params['to']}"
    require_values(
        frame,
        params["measure"],
        params["from"],
        params["to"],
        f"None of {', '.join(frame['series'].unique())} has a value in those years "
        "(not founded yet, or no data); give later years.",
    )
    line_chart(frame[["year", "series", "value"]], target, title, "Share of the world total", answer.sources)
    return replace(
        answer, kind="plot", key="data", params={"kind": "blocs", **params}, extra={"path": str(target)}
    )
