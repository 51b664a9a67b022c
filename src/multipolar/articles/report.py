"""Reading one article and checking it against the data as of its date: ``read_article``.

The report lists what the article names (organisations, states, places, people, conflicts)
with character offsets into its text, and every claim it makes about who belongs to an
organisation or whether that organisation is a military alliance, each with a verdict and
the data that decided it. Nothing is judged without a date: an undated article gets its
names, not verdicts, until a date is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar.answer import Answer, Records
from multipolar.articles import claims as claiming
from multipolar.articles import conflicts as conflicting
from multipolar.articles import gazetteer as names
from multipolar.articles import membership, referents, verdicts
from multipolar.articles import people as persons
from multipolar.articles import text as loading
from multipolar.errors import CoverageError, MultipolarError

PLACES_SOURCE = "articles/data/places.csv"
CLAIM_COLUMNS = [
    "org", "what", "status", "states", "count", "time", "polarity", "reported", "exhaustive", "verdict",
    "reason", "unsure", "missing", "not_holding", "rows", "cue", "text", "start", "end",
]  # fmt: skip
LANGUAGES = {  # how the note names the language detected
    "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "pl": "Polish", "sv": "Swedish",
}  # fmt: skip


class ClaimRecords(Records):
    """The claims as dicts; as a DataFrame (``claims_table``) only when someone asks for one."""

    def frame(self) -> pd.DataFrame:
        return claims_table(list(self.rows))


@dataclass
class ArticleReport(Answer):
    """An Answer whose rows are the membership claims; everything else sits in ``extra``."""

    def __post_init__(self):
        # ``rows`` may be given as the claim dicts; the DataFrame is built only when asked for
        if isinstance(self.__dict__["_rows"], list):
            self.__dict__["_rows"] = ClaimRecords(tuple(CLAIM_COLUMNS), tuple(self.__dict__["_rows"]))

    def __getattr__(self, name: str):
        extra = self.__dict__.get("extra", {})
        if name in extra:
            return extra[name]
        raise AttributeError(name)

    @property
    def date(self) -> dt.date | None:
        value = self.params.get("date")
        return dt.date.fromisoformat(value) if value else None

    @property
    def claims(self) -> list[dict]:
        return self.records()


def read_article(text_or_path: str | Path | bytes, date: str | dt.date | None = None) -> ArticleReport:
    """Names, claims and conflicts in an article, each checked against the data on its date."""
    doc = loading.load(text_or_path, date)
    notes = list(doc.notes)
    language = loading.language(doc.text)
    english = language in (None, "en")
    if not english:
        described = (
            f"looks {LANGUAGES[language]}, not English" if language in LANGUAGES else "does not look English"
        )
        notes.append(
            f"The article {described}: names are matched, but claims and conflicts are read only in English."
        )
    spans = loading.sentences(doc.text)
    day = doc.date
    dated = names.dated_places()  # the few names whose standing changed (Kosovo, Montenegro)
    mentions = [as_place_on(m, day) if m.key in dated else m for m in names.gazetteer().read(doc.text, spans)]
    resolver = Resolver(day)
    lines = claiming.sentence_lines(doc.text, mentions, spans, conflicting.HINT)
    sources = ["cow_capitals", PLACES_SOURCE]
    org_mentions = [m for m in mentions if m.kind == "org"]
    found_claims = []
    if english:
        member_lines = referents.with_referents(lines, doc.text, mentions, spans)  # "the country", "it"
        found_claims = membership.membership_claims(member_lines, doc.text, day, org_mentions)
    found_nature = claiming.nature_claims(lines, doc.text) if english else []
    claim_rows = [row for c in found_claims if (row := check_membership(c, day, resolver)) is not None]
    if claim_rows:
        from multipolar.orgs import registry

        sources.append(registry.MEMBERSHIPS_SOURCE)
    nature_rows = [check_nature(c, day, sources) for c in found_nature]
    conflict_rows = conflicting.conflict_mentions(lines, doc.text, day, resolver.states_of) if english else []
    if conflict_rows:
        sources.extend(conflicting.DATASETS)
    if any(m.kind == "org" for m in mentions):
        from multipolar.orgs import registry

        sources.append(registry.ORGANISATIONS_SOURCE)
    people = persons.people(doc.text, mentions)
    inconsistencies = persons.spelling_clashes(people) + nature_tensions(nature_rows)
    if not any(m.kind == "state" for m in mentions) and english and len(doc.text.split()) > 50:
        notes.append("No state is named in the article.")
    notes.extend(resolver.notes)
    if day is not None and day > dt.date.today():
        notes.append(
            f"{day.isoformat()} is in the future: memberships are checked as the data record them today."
        )
    report = ArticleReport(
        kind="article",
        params={"article": doc.origin, "date": day.isoformat() if day else None},
        rows=claim_rows,
        key="claims",
        notes=list(dict.fromkeys(notes)),
        sources=list(dict.fromkeys([*resolver.sources, *sources])),
        extra={
            "title": doc.title,
            "author": doc.author,
            "format": doc.format,
            "language": language,
            "date_source": doc.date_source,
            "date_evidence": doc.date_evidence,
            "date_confidence": doc.date_confidence,
            "organisations": organisations(mentions),
            "states": states(mentions, resolver),
            "places": places(mentions, resolver),
            "people": [p.to_dict() for p in people],
            "nature_claims": nature_rows,
            "conflicts": conflict_rows,
            "inconsistencies": inconsistencies,
        },
    )
    return report


def as_place_on(mention, day: dt.date | None):
    """A state's name that on ``day`` named a place in another state ('Montenegro' in 1999, in
    Yugoslavia) as a mention of that place."""
    place = names.place_until(mention.key, day) if mention.kind == "state" else None
    return mention._replace(kind="place", key=place) if place else mention


def claims_table(rows: list[dict]) -> pd.DataFrame:
    """The claims as a DataFrame of plain Python objects (lists and dicts stay as they are);
    built from an object array, which is several times quicker than from records."""
    cells = np.empty((len(rows), len(CLAIM_COLUMNS)), dtype=object)
    for i, row in enumerate(rows):
        for j, column in enumerate(CLAIM_COLUMNS):
            cells[i, j] = row[column]
    return pd.DataFrame(cells, columns=CLAIM_COLUMNS)


class Resolver:
    """States as of the article's day: what a state name, a capital or a place stands for."""

    def __init__(self, day: dt.date | None):
        from multipolar.states import identity

        self.day = day
        # the first day on which the state lists were as on ``day``: names are resolved for it
        self.stretch = identity.unchanged_since(day) if day else None
        self.notes: list[str] = []
        self.sources = list(identity.SOURCES)
        if day is None:
            self.notes.append("States are resolved as of today because the article has no date.")

    def states_of(self, mention) -> list[dict]:
        """The states a mention stands for on the day: itself, its capital's state, a place's."""
        if mention.kind == "capital":  # capitals move on days of their own
            cow = names.capital_state(mention.key, self.day)
            found = identified(f"cow:{cow}", self.stretch) if cow is not None else None
            return [found] if found else []
        return list(states_on(mention.kind, mention.key, self.stretch))


@lru_cache(maxsize=65536)
def states_on(kind: str, key: str, stretch: dt.date | None) -> tuple[dict, ...]:
    """The states a name, demonym or place stands for on every day of the ``stretch`` that
    begins on that day (see identity.unchanged_since): looked up once per stretch."""
    if kind in ("state", "demonym"):
        # a demonym never stands for a state long gone ('Serbian' in 1999 is not 1918's Serbia)
        found = identified(key, stretch, former=kind == "state")
        return (found,) if found else ()
    if kind == "place":
        codes = names.place_rows()[key]["iso3"].split(";")
        return tuple(s for s in (identified(iso3, stretch) for iso3 in codes if iso3) if s)
    return ()


@lru_cache(maxsize=65536)
def identified(text: str, day: dt.date | None, former: bool = True) -> dict | None:
    """The state ``text`` names on ``day``, or (``former``) the one state it named before (see
    historical)."""
    from multipolar.states import identity

    try:
        country = identity.identify(text, day)
    except CoverageError:  # no state that day (a state outside the lists, the Holy See in 2017, is not one)
        return historical(text, day) if former else None
    except MultipolarError:
        return None
    return {"iso3": country.iso3, "cow": country.cow, "gw": country.gw, "name": country.name}


def historical(alias: str, day: dt.date | None) -> dict | None:
    """A name that means no state on the day but exactly one in the past ('the Soviet Union'
    in 2008): that state, marked with the day it ceased to exist."""
    rows = alias_spells().get(alias, ())
    if len(rows) != 1 or day is None:
        return None
    iso3, cow, gw, valid_to = rows[0]
    if valid_to is None or valid_to >= day:
        return None
    return {"iso3": iso3, "cow": cow, "gw": gw, "name": alias, "existed_until": valid_to}


@cache
def alias_spells() -> dict[str, tuple[tuple, ...]]:
    """Every alias -> its distinct (iso3, cow, gw, valid_to), the first spell of each (iso3, cow)
    in the identity layer's alias table."""
    from multipolar.states import identity

    table = identity.aliases()
    out: dict[str, dict[tuple, tuple]] = {}
    for alias, iso3, cow, gw, valid_to in zip(
        table["alias"], table["iso3"], table["cow"], table["gw"], table["valid_to"], strict=True
    ):
        iso3 = None if pd.isna(iso3) else iso3
        cow = None if pd.isna(cow) else int(cow)
        gw = None if pd.isna(gw) else int(gw)
        valid_to = None if valid_to is None or pd.isna(valid_to) else valid_to
        out.setdefault(alias, {}).setdefault((iso3, cow), (iso3, cow, gw, valid_to))
    return {alias: tuple(spells.values()) for alias, spells in out.items()}


def where(mention) -> dict:
    return {"text": mention.text, "start": mention.start, "end": mention.end}


def organisations(mentions) -> list[dict]:
    from multipolar.orgs import registry

    out: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind == "org":
            org = registry.organisation(mention.key)
            entry = out.setdefault(org.id, {"id": org.id, "name": org.name, "mentions": []})
            entry["mentions"].append(where(mention))
    return list(out.values())


MENTIONED_AS = {"state": "name", "capital": "capital", "demonym": "demonym"}


def states(mentions, resolver: Resolver) -> list[dict]:
    out: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind not in MENTIONED_AS:
            continue
        for state in resolver.states_of(mention):
            key = state["iso3"] or f"gw:{state['gw']}"
            entry = out.get(key) or out.setdefault(key, {**state, "mentions": []})
            written = MENTIONED_AS[mention.kind]
            entry["mentions"].append(
                {"text": mention.text, "start": mention.start, "end": mention.end, "as": written}
            )
    return list(out.values())


def places(mentions, resolver: Resolver) -> list[dict]:
    table = names.place_rows()
    out: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind not in ("place", "region"):
            continue
        row = table[mention.key]
        entry = out.get(mention.key)
        if entry is None:
            entry = out[mention.key] = {
                "name": mention.key,
                "kind": row["kind"],
                "in": [s["iso3"] for s in resolver.states_of(mention)],
                "note": row["note"] or None,
                "source": row["source"],
                "mentions": [],
            }
        entry["mentions"].append(where(mention))
    return list(out.values())


def check_membership(claim, day: dt.date | None, resolver: Resolver) -> dict | None:
    """A claim as a row: what it says, its verdict and the rows that decided it (verdicts.check).
    Its states are read as of its own time ("West Germany joined NATO in 1955")."""
    from multipolar.states import identity

    period = verdicts.period_of(claim.time, day) if day else None
    when = period[0] if period and period[0] <= dt.date.today() else day
    states = []
    for mention in claim.states:
        found = list(states_on(mention.kind, mention.key, identity.unchanged_since(when))) if when else []
        found = found or resolver.states_of(mention)
        for state in found:
            if state["iso3"] and state["iso3"] not in {s["iso3"] for s in states}:
                states.append(same_code_member(claim.org, state))
    if claim.states and not states:
        return None  # "Congo joined": a name that stands for no one state names nobody
    checked = verdicts.check(claim, day, states)
    return {
        "org": checked.get("predecessor_named", claim.org),
        "what": checked.get("what", claim.what),
        "status": checked.get("status", claim.statuses[0]),
        "states": [s["iso3"] for s in states],
        "count": claim.count,
        "time": claim.time,
        "polarity": claim.polarity,
        "reported": claim.reported,
        "exhaustive": claim.exhaustive,
        "verdict": checked["verdict"],
        "reason": checked["reason"],
        "unsure": claim.unsure,
        "missing": checked["missing"],
        "not_holding": checked["not_holding"],
        "rows": checked["rows"],
        "cue": claim.cue,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
    }


def same_code_member(org_id: str, state: dict) -> dict:
    """A state as the organisation's spells name it: 'Russia' on 1991-12-21 is the Soviet Union to
    the state lists, while the CIS's founding member is Russia (RUS, the same COW code 365)."""
    by_state = verdicts.spells_of(org_id)
    if state["cow"] is None or state["iso3"] in by_state:
        return state
    same = next((iso3 for iso3, spells in by_state.items() if spells[0]["cow"] == state["cow"]), None)
    return {**state, "iso3": same} if same else state


def check_nature(claim, day: dt.date | None, sources: list[str]) -> dict:
    """Weigh 'is (not) a military alliance' against ATOP defence and offence pledges among the
    organisation's members on the day."""
    from multipolar.orgs import atop, registry

    org = registry.organisation(claim.org)
    row = {
        "org": org.id,
        "claim": ("is a " if claim.military else "is not a ") + claim.words,
        "military": claim.military,
        "attributed": bool(getattr(claim, "attributed", False)),
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "verdict": "unchecked",
        "evidence": {},
    }
    if day is None:
        row["evidence"] = {"reason": "The article has no date; give one to check this claim."}
        return row
    if not org.existed_on(day):
        row["verdict"] = "not founded yet" if org.founded and day < org.founded else "dissolved"
        row["evidence"] = {"reason": f"{org.name} {org.lifetime()} according to the curated data."}
        return row
    outside = atop.coverage_note(day)
    if outside:
        row["evidence"] = {"reason": outside}
        return row
    binding, partial, evidence = weigh_alliances(org.id, day)
    sources.extend(atop.SOURCES)
    if claim.military:
        row["verdict"] = "supported" if binding else ("partly supported" if partial else "not supported")
    else:
        row["verdict"] = "contradicted" if binding else "supported"
    row["evidence"] = {**evidence, "alliances": [dict(a) for a in evidence["alliances"]]}
    return row


def roster(org: str, day: dt.date, status: str) -> tuple[dict, ...]:
    """Who held ``status`` in ``org`` on ``day``, as JSON-ready records (``members``' rows),
    worked out once per stretch of days with the same rows (see queries.holders)."""
    from multipolar.orgs.queries import membership_stretch

    return roster_in_stretch(org, membership_stretch(org, day), status)


@lru_cache(maxsize=4096)
def roster_in_stretch(org: str, stretch: dt.date, status: str) -> tuple[dict, ...]:
    from multipolar.orgs.queries import holders

    return tuple({**row, "since": row["since"].isoformat()} for row in holders(org, stretch, status))


def weigh_alliances(org_id: str, day: dt.date) -> tuple[int, int, dict]:
    """How many ATOP defence or offence pledges bind all of the organisation's members on
    ``day``, how many bind only some, and the evidence: those pledges and its own treaties.
    Weighed once per stretch of days in which neither its members nor the alliances that hold
    two of them change."""
    from multipolar.orgs import atop
    from multipolar.orgs.queries import membership_stretch

    members = membership_stretch(org_id, day)
    stretch = max(members, atop.unchanged_among_since(day, member_cows(org_id, members)))
    binding, partial, evidence = weigh_alliances_in_stretch(org_id, stretch)
    return binding, partial, {**evidence, "date": day.isoformat()}


def member_cows(org_id: str, day: dt.date) -> frozenset[int]:
    """The COW codes of the organisation's members on ``day``."""
    return frozenset(int(r["cow"]) for r in roster(org_id, day, "member") if r["cow"] is not None)


@lru_cache(maxsize=4096)
def weigh_alliances_in_stretch(org_id: str, day: dt.date) -> tuple[int, int, dict]:
    from multipolar.orgs import atop, registry

    org = registry.organisation(org_id)
    cows = sorted(member_cows(org_id, day))
    pacts = atop.alliance_summaries(day, set(cows))
    shown = []
    binding = partial = 0
    for pact in pacts:
        military = bool(pact["defense"] or pact["offense"])
        covers_all = set(cows) <= set(pact["members"])
        binding += military and covers_all
        partial += military and not covers_all
        own = pact["atopid"] in org.atop_ids
        if not (military or own):
            continue
        shown.append(
            {
                "atopid": pact["atopid"],
                "organisation_treaty": own,
                "members_of_org_in_it": sorted(set(pact["members"]) & set(cows)),
                "covers_all_members": covers_all,
                "obligations": [o for o in atop.OBLIGATIONS if pact[o]],
            }
        )
    own_treaties = [e for e in shown if e["organisation_treaty"]]
    evidence = {
        "dataset": "atop5_1m",
        "date": day.isoformat(),
        "members": cows,
        "alliances": shown,
        "shown": "alliances with a defence or offence pledge, and the organisation's own treaties",
        "reason": nature_reason(org_label(org), len(cows), binding, partial, own_treaties),
    }
    return binding, partial, evidence


def org_label(org) -> str:
    """An organisation as a reader knows it: its acronym (NATO, SCO), else its name (not 'WARSAW_PACT')."""
    return org.name if "_" in org.id else org.id


def nature_reason(org: str, size: int, binding: int, partial: int, own: list[dict]) -> str:
    """The verdict's reason in words; ``org`` as a reader knows it (NATO, Warsaw Treaty Organization)."""
    if binding:
        said = f"ATOP records a defence or offence pledge binding all {size} {org} members."
    elif partial:
        said = (
            f"ATOP records defence or offence pledges among some {org} members, but none binding "
            f"all {size} of them."
        )
    else:
        said = f"ATOP records no defence or offence pledge among the {size} {org} members."
    for treaty in own:
        pledges = ", ".join(treaty["obligations"]) or "no obligation"
        said += f" Its own treaty (ATOP {treaty['atopid']}) carries: {pledges}."
    return said


def nature_tensions(rows: list[dict]) -> list[dict]:
    """An organisation the text calls a military alliance in one place and not one in another."""
    out = []
    for org in dict.fromkeys(r["org"] for r in rows):
        said = [r for r in rows if r["org"] == org and r["military"]]
        denied = [r for r in rows if r["org"] == org and not r["military"]]
        if said and denied:
            out.append(
                {
                    "kind": "contradictory characterisation",
                    "org": org,
                    "mentions": [
                        {"text": r["text"], "start": r["start"], "end": r["end"]} for r in said + denied
                    ],
                    "message": (
                        f"The text calls {org} a military alliance ({said[0]['text']!r}) and also says it is "
                        f"not one ({denied[0]['text']!r})."
                    ),
                }
            )
    return out
