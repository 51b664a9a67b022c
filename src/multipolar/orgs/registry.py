"""The curated organisations and their membership spells, read once from the committed CSVs.

``organisations.csv`` has one row per organisation (id, name, ;-separated aliases and former
names, founded, dissolved, kind, ;-separated ATOP ids, source, and the ;-separated statuses that
make a state a member when nothing else is asked: 'member' unless the organisation names its seats
otherwise, as the Security Council's 'permanent' and 'elected'); ``memberships.csv`` one row per
spell of a state in a status (start and end inclusive, empty end = ongoing). Conventions for
choosing dates are in docs/membership-data.md.

The files are read with the ``csv`` module into plain records, which the per-day questions use
(``multipolar members NATO`` needs no pandas); ``spells()``, ``gaps()`` and ``on()`` give the
same rows as DataFrames for the analyses that want tables.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from multipolar import lazy
from multipolar.errors import AmbiguousNameError, unknown

pd = lazy.load("pandas")

DATA = Path(__file__).parent / "data"
ORGANISATIONS_FILE = DATA / "organisations.csv"
MEMBERSHIPS_FILE = DATA / "memberships.csv"
GAPS_FILE = DATA / "gaps.csv"
ENTITIES_FILE = DATA / "entities.csv"
STATUSES_FILE = DATA / "statuses.csv"
TREATIES_FILE = DATA / "treaties.csv"
# how curated files are named in an Answer's sources
ORGANISATIONS_SOURCE = "orgs/data/organisations.csv"
MEMBERSHIPS_SOURCE = "orgs/data/memberships.csv"
GAPS_SOURCE = "orgs/data/gaps.csv"
TREATIES_SOURCE = "orgs/data/treaties.csv"


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    founded: dt.date | None
    dissolved: dt.date | None  # last day it existed
    kind: str
    atop_ids: tuple[int, ...]
    source: str
    member_statuses: tuple[str, ...] = ("member",)  # what 'member' means in this organisation
    cow_igo: tuple[str, ...] = ()  # the Correlates of War IGO organisation(s) it corresponds to
    coverage: str = ""  # what the curated spells leave out, when the roster is known to be incomplete
    note: str = ""  # what a reader of its roster must know (APEC's members are economies, not all states)

    def statuses_meant(self, status: str) -> tuple[str, ...] | None:
        """The spell statuses a query for ``status`` means here: 'all' -> None (every status),
        'member' -> the organisation's member statuses, anything else -> itself."""
        if status == "all":
            return None
        return self.member_statuses if status == "member" else (status,)

    def counts(self, status: str, spell_status: str) -> bool:
        """Does a spell in ``spell_status`` answer a query for ``status``? It does if the status is
        meant, or if it is also the meant one (``statuses.csv``: an observer in an accession
        procedure is still an observer, a member that froze its participation still a member)."""
        meant = self.statuses_meant(status)
        return meant is None or spell_status in meant or status_also().get(spell_status) in meant

    def existed_on(self, date: dt.date) -> bool:
        started = self.founded is None or self.founded <= date
        return started and (self.dissolved is None or date <= self.dissolved)

    def lifetime(self) -> str:
        """'founded 2001-06-15' or 'existed from 1955-05-14 to 1991-07-01'."""
        founded = self.founded.isoformat() if self.founded else "an unknown date"
        if self.dissolved:
            return f"existed from {founded} to {self.dissolved.isoformat()}"
        return f"was founded on {founded}"


def _read(path: Path) -> list[dict[str, str]]:
    """A curated CSV's rows, every field a string ('' when empty)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _date(value) -> dt.date | None:
    if value is None or str(value).strip() == "":
        return None
    return dt.date.fromisoformat(str(value).strip())


def _number(value) -> int | None:
    return None if value is None or str(value).strip() == "" else int(value)


def _split(value) -> list[str]:
    if value is None:
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


@cache
def organisations() -> dict[str, Organisation]:
    """Every curated organisation by id, in file order."""
    out = {}
    for r in _read(ORGANISATIONS_FILE):
        out[r["id"]] = Organisation(
            id=r["id"],
            name=r["name"],
            aliases=tuple(_split(r["aliases"])),
            founded=_date(r["founded"]),
            dissolved=_date(r["dissolved"]),
            kind=r["kind"],
            atop_ids=tuple(int(a) for a in _split(r["atop_ids"])),
            source=r["source"],
            member_statuses=tuple(_split(r["member_statuses"])) or ("member",),
            cow_igo=tuple(_split(r["cow_igo"])),
            coverage=r["coverage"].strip(),
            note=r["note"].strip(),
        )
    return out


@cache
def _names_index() -> dict[str, tuple[str, ...]]:
    """Every id, name and alias (lower-cased) -> the ids of the organisations it names."""
    index: dict[str, list[str]] = {}
    for org in organisations().values():
        for word in (org.id, org.id.replace("_", " "), org.name, *org.aliases):
            ids = index.setdefault(word.strip().lower(), [])
            if org.id not in ids:
                ids.append(org.id)
    return {word: tuple(ids) for word, ids in index.items()}


def organisation(name: str) -> Organisation:
    """The organisation called ``name``: its id, name, an alias or a former name, any case."""
    if name in organisations():  # an id, as the other modules pass them
        return organisations()[name]
    word = " ".join(str(name).split())
    ids = _names_index().get(word.lower())
    if not ids:
        choices = [o.id for o in organisations().values()] + [o.name for o in organisations().values()]
        choices += [a for o in organisations().values() for a in o.aliases]
        raise unknown("organisation", word, choices, "Run `multipolar orgs` to list the organisations known.")
    if len(ids) > 1:
        raise AmbiguousNameError(
            f"Organisation name {word!r} could mean {', '.join(ids)}.", "Give the organisation's id instead."
        )
    return organisations()[ids[0]]


def spells() -> pd.DataFrame:
    """Every curated membership spell: org, iso3, cow (Int64), status, start, end (inclusive;
    NaT = ongoing), source, note, and since: the first day of the unbroken run of spells in the
    same status it belongs to. Sorted by org, iso3 and start."""
    return _spells().copy()


@cache
def _spells() -> pd.DataFrame:
    table = pd.DataFrame(_spell_rows())
    table["cow"] = table["cow"].astype("Int64")
    table["end"] = [pd.NaT if end is None else end for end in table["end"]]
    return table


@cache
def _spell_rows() -> tuple[dict, ...]:
    """memberships.csv as records (cow int or None, start and end dates, end None while ongoing),
    sorted by org, iso3 and start, each with its ``since``."""
    rows = [
        {**r, "cow": _number(r["cow"]), "start": _date(r["start"]), "end": _date(r["end"])}
        for r in _read(MEMBERSHIPS_FILE)
    ]
    rows.sort(key=lambda r: (r["org"], r["iso3"], r["start"]))
    for row, since in zip(rows, unbroken_since(rows, ["org", "iso3", "status"]), strict=True):
        row["since"] = since
    return tuple(rows)


@cache
def gaps() -> pd.DataFrame:
    """Spells known to exist whose days could not be confirmed, so they are not in the
    memberships file: org, iso3, cow, status, from_year, to_year (NA = ongoing), note, source.
    Answers name them instead of staying silent about a member they cannot date."""
    table = pd.DataFrame(_gap_rows())
    return table.astype({"cow": "Int64", "from_year": "Int64", "to_year": "Int64"})


def gap_records(org: str) -> tuple[dict, ...]:
    """The gaps of one organisation id as plain dicts (to_year None while ongoing)."""
    return _gap_records().get(org, ())


@cache
def _gap_rows() -> tuple[dict, ...]:
    return tuple(
        {**r, "cow": _number(r["cow"]), "from_year": int(r["from_year"]), "to_year": _number(r["to_year"])}
        for r in _read(GAPS_FILE)
    )


@cache
def _gap_records() -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for row in _gap_rows():
        out.setdefault(row["org"], []).append(dict(row))
    return {org: tuple(rows) for org, rows in out.items()}


@cache
def entity_names() -> dict[str, dict]:
    """Members the state lists do not hold (Palestine, the Holy See, the SADR, Zanzibar, economies
    such as Hong Kong): iso3 -> {cow, name, note, source}, from ``entities.csv``."""
    return {r["iso3"]: r for r in _read(ENTITIES_FILE)}


@cache
def statuses() -> dict[str, str]:
    """The status vocabulary, 'member' first: status -> what it means (``statuses.csv``)."""
    return {r["status"]: r["meaning"] for r in _read(STATUSES_FILE)}


@cache
def status_also() -> dict[str, str]:
    """Status -> the status its holders also hold (accession -> observer, frozen -> member)."""
    return {r["status"]: r["also"] for r in _read(STATUSES_FILE) if r["also"]}


def held_as(org_id: str, status: str) -> tuple[str, ...]:
    """The spell statuses that hold ``status`` in the organisation (its member statuses for
    'member', and the statuses that also are it)."""
    org = organisations()[org_id]
    return tuple(s for s in statuses() if org.counts(status, s))


def holds_on(spell: dict, date: dt.date) -> bool:
    """Is ``spell`` (a row of ``spells``) in force on ``date``? Both ends are in force."""
    return spell["start"] <= date and (spell["end"] is None or date <= spell["end"])


def spell_records(org: str) -> tuple[dict, ...]:
    """The spells of one organisation id as plain dicts (end None while ongoing), in the order
    of ``spells``: per-day questions about one organisation without pandas."""
    return _spells_by_org().get(org, ())


@cache
def _spells_by_org() -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for row in _spell_rows():
        out.setdefault(row["org"], []).append(dict(row))
    return {org: tuple(rows) for org, rows in out.items()}


def on(date: dt.date, org: str | None = None) -> pd.DataFrame:
    """The spells in force on ``date`` (optionally of one organisation id)."""
    table = _spells() if org is None else _spells()[_spells()["org"] == org]
    ends = table["end"].where(table["end"].notna(), dt.date.max)
    return table[(table["start"] <= date) & (ends >= date)].reset_index(drop=True)


def unbroken_since(spells: Iterable[Mapping], keys: list[str]) -> list[dt.date]:
    """For spells (records with ``keys``, start and end, end None while open) sorted by ``keys``
    and start: the start of the unbroken run each belongs to. A spell continues the run of the
    spells before it with the same keys if it begins by the day after the run's last day (a
    split in the file, a new ATOP phase, a new COW code)."""
    since: list[dt.date] = []
    run_key = run_start = run_end = None  # run_end None: the run is still open
    for r in spells:
        key = tuple(r[k] for k in keys)
        end = r["end"]
        if key == run_key and (run_end is None or r["start"] <= run_end + dt.timedelta(days=1)):
            run_end = None if run_end is None or end is None else max(run_end, end)
        else:
            run_key, run_start, run_end = key, r["start"], end
        since.append(run_start)
    return since


@cache
def successions() -> list[tuple[Organisation, Organisation]]:
    """(predecessor, successor) pairs: one organisation founded on the day another was dissolved
    or the day after, most of whose first members were the other's last members (EEC -> EU)."""
    pairs = []
    for old in organisations().values():
        if old.dissolved is None:
            continue
        last = {s["iso3"] for s in spell_records(old.id) if holds_on(s, old.dissolved)}
        for new in organisations().values():
            if new.founded not in (old.dissolved, old.dissolved + dt.timedelta(days=1)):
                continue
            first = {s["iso3"] for s in spell_records(new.id) if holds_on(s, new.founded)}
            if last and len(last & first) * 2 > len(last):
                pairs.append((old, new))
    return pairs


@cache
def treaties() -> dict[int, str]:
    """ATOP id -> the treaty's name, for the ATOP alliances that an organisation's name would
    misdescribe (the Rio Treaty is not the OAS) or that no organisation codes (``treaties.csv``:
    one row per alliance with the date it was signed, the COW codes of its signatories and the
    source of the name)."""
    return {int(r["atopid"]): r["treaty"] for r in _read(TREATIES_FILE)}


def atop_labels(day: dt.date | None = None) -> dict[int, str]:
    """ATOP id -> a name: the treaty's (``treaties``), after the organisation(s) it belongs to
    ("Organization of American States: Inter-American Treaty of Reciprocal Assistance (Rio
    Treaty)"), else the name of the curated organisation(s) whose treaty it codes.

    With ``day``, the organisations of that day name it: the 1992 Tashkent treaty (4220) is the
    Collective Security Treaty in 1997 and the CSTO from 2002-10-07; when none existed that day
    the label says so: the Manila Pact (3260) in 2010 is "Southeast Asia Treaty Organization's
    treaty (the organisation existed from 1954-09-08 to 1977-06-30)".
    """
    coding: dict[int, list[Organisation]] = {}
    for org in organisations().values():
        for atopid in org.atop_ids:
            coding.setdefault(atopid, []).append(org)
    out = {}
    for atopid, orgs in coding.items():
        names = [o.name for o in orgs]
        if day is not None:
            names = [o.name for o in orgs if o.existed_on(day)] or [
                f"{o.name}'s treaty (the organisation {o.lifetime()})" for o in orgs
            ]
        out[atopid] = " / ".join(names)
    for atopid, treaty in treaties().items():
        owners = " / ".join(o.name for o in coding.get(atopid, []))
        out[atopid] = f"{owners}: {treaty}" if owners else treaty
    return out
