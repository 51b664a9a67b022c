"""What a country name or code means on a given day.

The entity table has one row per identity spell (name, ISO, COW and Gleditsch-Ward codes,
valid_from..valid_to). It is built from the state lists themselves (``cow_states``,
``gw_system``): a code used by both lists is one entity, named as COW names it, with ISO codes
from country_converter. Where the lists disagree or history splits a code (Germany, Serbia and
Yugoslavia, Russia and the USSR, Yemen, Vietnam, the Pacific microstates ...) the curated rows
of ``data/entities.csv`` take over every spell of those codes.

Names come from the state lists, country_converter and pycountry (official, short and common
names, "Korea, Republic of" read both ways), the curated aliases of ``data/entities.csv`` and the
everyday forms of ``data/aliases.csv`` (short names such as "US" and "Britain", former names and
demonyms such as "American", one sourced row per alias and state). A name that fits several
entities on the day is an AmbiguousNameError, never a guess: "Congo" and "Korea" are ambiguous;
"Germany" between 1949 and 1990 is West Germany by convention (the curated note says so).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from multipolar import lazy
from multipolar.answer import Answer
from multipolar.data import store
from multipolar.dates import change_days, parse_date, stretch_start
from multipolar.errors import (
    AmbiguousNameError,
    CoverageError,
    InputError,
    MultipolarError,
    OutsideListsError,
    UnknownNameError,
    unknown,
)
from multipolar.states import lists

pd = lazy.load("pandas")

CURATED = Path(__file__).parent / "data" / "entities.csv"
CURATED_SOURCE = "states/data/entities.csv"
COMMON = Path(__file__).parent / "data" / "aliases.csv"
COMMON_SOURCE = "states/data/aliases.csv"
SOURCES = ["cow_states", "gw_states", "gw_system", CURATED_SOURCE, COMMON_SOURCE]
ISO_START = dt.date(1974, 1, 1)  # first edition of ISO 3166; older entities get codes only if curated
CODE_SYSTEMS = {"cow": "COW", "gw": "Gleditsch-Ward", "iso3": "ISO3", "iso2": "ISO2"}
CODE_NAMES = {"iso3": "ISO3", "iso2": "ISO2", "cow_abb": "COW abbreviation", "gw_abb": "G-W abbreviation"}
COLUMNS = ["name", "iso3", "iso2", "cow", "cow_abb", "gw", "gw_abb", "valid_from", "valid_to"]


@dataclass(frozen=True)
class Country:
    name: str
    iso3: str | None
    iso2: str | None
    cow: int | None
    cow_abb: str | None
    gw: int | None
    valid_from: dt.date
    valid_to: dt.date | None  # None: still exists


def entities() -> pd.DataFrame:
    """One row per entity spell: name, iso3, iso2, cow, cow_abb, gw, gw_abb, valid_from, valid_to."""
    return _entities()[COLUMNS].copy()


def aliases() -> pd.DataFrame:
    """Every known spelling of every entity: alias, iso3, cow, gw, valid_from, valid_to, kind.

    ``kind`` is "name" (state lists, libraries, curated entities), or from ``data/aliases.csv``
    "short_name", "former_name" or "demonym" (an adjective: weaker evidence of a state mention)."""
    table = _aliases().merge(_entities(), left_on="entity", right_index=True)
    return table[["alias", "iso3", "cow", "gw", "valid_from", "valid_to", "kind"]].reset_index(drop=True)


def valid_on(day: dt.date) -> pd.DataFrame:
    """The entity spells that exist on ``day``."""
    table = _entities()
    inside = (table["valid_from"] <= day) & (table["valid_to"].isna() | (table["valid_to"] >= day))
    return table.loc[inside, COLUMNS]


def by_code_on(day: dt.date, system: str) -> dict[int, dict]:
    """Entity records (name, iso3, cow, gw, ...) that exist on ``day``, keyed by their code in ``system``."""
    out: dict[int, dict] = {}
    for record in _records():
        if record[system] is not None and _exists(record, day):
            out.setdefault(record[system], record)
    return out


def identify(text: str, date: str | dt.date | None = None, code: str = "cow") -> Country:
    """The one entity that ``text`` (a name or code) means on ``date`` (default: today)."""
    return _identify(str(text), date, code)[0]


def resolve(text: str | list[str], date: str | dt.date | None = None, code: str = "cow") -> Answer:
    """Names or codes as date-aware country records (numbers are COW codes unless code="gw").

    One name that means nothing (or several things) is an error. In a list, the names that do
    mean a country are answered, and the others are listed under ``unresolved`` (in the JSON,
    and ``answer.extra``) with the error each would raise: one bad name does not sink the batch.
    """
    single = isinstance(text, str)
    texts = [text] if single else list(text)
    if not texts:
        raise InputError("Nothing to resolve.", "Give at least one country name or code.")
    day = parse_date(date, allow_future=False)
    rows, notes, unresolved = [], [], []
    for one in texts:
        try:
            country, read_as, said = _identify(str(one), date, code)
        except InputError as error:
            if single:
                raise
            unresolved.append({"input": one, "error": str(error)})
            continue
        rows.append({"input": one, "read_as": read_as, **asdict(country)})
        notes.extend(said)
    columns = ["input", "read_as", *(f.name for f in fields(Country))]
    frame = pd.DataFrame(rows, columns=columns).astype({"cow": "Int64", "gw": "Int64"})
    if unresolved:
        notes.append(f"Not resolved: {', '.join(repr(u['input']) for u in unresolved)} (see unresolved).")
    return Answer(
        "resolve",
        {"date": day.isoformat(), "code": code},
        frame,
        "countries",
        list(dict.fromkeys(notes)),
        list(SOURCES),
        {"unresolved": unresolved},
    )


def reading(text: str) -> str | None:
    """How ``text`` would be read today ("name", "demonym", "ISO3 code", ...), or None if it
    names no entity. Unknown words are turned away before any error message (with its
    spelling suggestions, a fuzzy search over every alias) is built: the article reader asks
    this of many capitalised words that are not states."""
    word = text.strip()
    key = normalise(word) if word else ""
    letters = re.fullmatch(r"[A-Za-z]{2,3}", word) is not None
    if not (key in _alias_index() or letters or _by_pattern(word)):
        return None
    try:
        return _identify(word, None, "cow")[1]
    except MultipolarError:
        return None


def record_on(system: str, code, day: dt.date) -> dict | None:
    """The entity spell that names ``code`` (in "cow", "gw", "iso3", ...) on ``day``: the one
    valid that day, else the latest before it, else the first after it; None if no spell holds
    the code. Lets answers name a state that ceased to exist (or did not exist yet) that day."""
    return _record_in_stretch(system, code, unchanged_since(day))


@functools.lru_cache(maxsize=65536)
def _record_in_stretch(system: str, code, day: dt.date) -> dict | None:
    # the choice is the same on every day of a stretch: which spells exist, and which began
    # before the day, change only on the stretch's first day
    best, best_rank = None, None
    for i in _code_index().get((system, code), ()):
        record = _records()[i]
        before = record["valid_from"] <= day
        rank = (2 * _exists(record, day) + before, (record["valid_from"] - day).days * (1 if before else -1))
        if best_rank is None or rank >= best_rank:  # on a tie the later spell in the table wins
            best, best_rank = record, rank
    return best


def unchanged_since(day: dt.date) -> dt.date:
    """The first day of the stretch around ``day`` in which no entity spell begins or ends:
    every identity answer is the same on each day of it, so callers may ask for that day."""
    return stretch_start(_change_days(), day)


@functools.cache
def _change_days() -> list[dt.date]:
    return change_days((r["valid_from"] for r in _records()), (r["valid_to"] for r in _records()))


def _identify(text: str, date, code: str) -> tuple[Country, str, list[str]]:
    if code not in ("cow", "gw"):
        raise InputError(f"Unknown code system {code!r}.", "Use --code cow or --code gw.")
    day = parse_date(date)
    word = text.strip()
    if not word:
        raise InputError("Empty country name.", "Give a name, ISO code, or COW/GW code.")
    notes: list[str] = []
    prefix, _, rest = word.partition(":")
    value = word
    if rest and prefix.strip().lower() in CODE_SYSTEMS:
        system, value = prefix.strip().lower(), rest.strip()
        found, read_as = _by_code(system, value), f"{CODE_SYSTEMS[system]} code"
    elif word.isdigit():
        found, read_as = _by_code(code, word), f"{CODE_SYSTEMS[code]} code"
        other = "gw" if code == "cow" else "cow"
        notes.append(
            f"{word} read as a {CODE_SYSTEMS[code]} code (write {other}:{word} for {CODE_SYSTEMS[other]})."
        )
    else:
        key = normalise(word)
        found, read_as = _alias_index().get(key, []), "demonym" if key in _demonyms() else "name"
        if not found and re.fullmatch(r"[A-Za-z]{2,3}", word):
            found, read_as = _by_letters(word, day), "code"
        if not found:
            found, read_as = _by_pattern(word), "name"
    if not found and read_as != "name":
        system = read_as.removesuffix(" code")
        raise UnknownNameError(f"No country has {system} code {value!r}.", "Check the code, or give a name.")
    if not found:
        outside = _outside(word)
        if outside:  # country_converter knows it, yet no entity holds its code: a territory or a non-member
            raise OutsideListsError(
                f"{word!r} ({', '.join(outside)}) is not a state in the COW or Gleditsch-Ward lists "
                "(a territory, or a state neither system includes).",
                "multipolar covers the states of those lists; `multipolar states` shows them.",
            )
        raise unknown(
            "country", word, _aliases()["alias"], "Check the spelling, or give an ISO3, COW or G-W code."
        )
    try:
        row = _records()[_on_day(word, found, day, date is not None, notes)]
    except CoverageError as error:
        outside = _outside(word) if read_as == "name" else []
        if not outside:
            raise
        # a state of the lists once, outside them on the day (the Holy See: the Papal States to 1870)
        spans = "; ".join(_label(_records()[i]) for i in dict.fromkeys(found))
        raise OutsideListsError(
            f"{word!r} ({', '.join(outside)}) is not a state in the COW or Gleditsch-Ward lists on "
            f"{day.isoformat()} (a territory, or a state neither system includes); it names {spans}.",
            "multipolar covers the states of those lists; `multipolar states` shows them.",
        ) from error
    if read_as == "code":
        read_as = " / ".join(CODE_NAMES[c] for c in CODE_NAMES if row[c] == word.upper())
    if read_as == "name" and row["note_for"] and normalise(row["note_for"]) == normalise(word):
        notes.append(row["note"])  # the curated convention for exactly this name
    return Country(**{f: row[f] for f in Country.__dataclass_fields__}), read_as, notes


def _on_day(word: str, found: list[int], day: dt.date, explicit: bool, notes: list[str]) -> int:
    """The single candidate valid on ``day``; without a date, the latest if none is current."""
    records = _records()
    found = list(dict.fromkeys(found))
    valid = [i for i in found if _exists(records[i], day)]
    if not valid:
        if explicit:
            spans = "; ".join(_label(records[i]) for i in found)
            raise CoverageError(
                f"{word!r} names no state on {day.isoformat()} (known: {spans}).",
                "Give a date inside one of these spans.",
            )
        latest = max(found, key=lambda i: records[i]["valid_to"] or dt.date.max)
        notes.append(f"{word!r} names no state today; showing the latest: {_label(records[latest])}.")
        valid = [latest]
    distinct = {(records[i]["cow"], records[i]["gw"], records[i]["iso3"]): i for i in valid}
    if len(distinct) > 1:
        options = "; ".join(
            f"{r['name']} (iso3 {r['iso3'] or 'none'}, cow {r['cow'] or 'none'}, gw {r['gw'] or 'none'})"
            for r in (records[i] for i in distinct.values())
        )
        raise AmbiguousNameError(
            f"{word!r} is ambiguous on {day.isoformat()}: {options}.",
            "Use a fuller name or an ISO3/COW code.",
        )
    return valid[0]


def _by_code(system: str, value: str) -> list[int]:
    if system in ("cow", "gw") and value.isdigit():
        return _code_index().get((system, int(value)), [])
    if system in ("cow", "gw"):
        system = f"{system}_abb"
    elif not value.isalpha():
        raise InputError(
            f"{value!r} is not an {CODE_SYSTEMS[system]} code.", "ISO codes are letters, e.g. iso3:DEU."
        )
    return _code_index().get((system, value.upper()), [])


def _by_letters(word: str, day: dt.date) -> list[int]:
    """A bare 2-3 letter code: ISO3, ISO2, COW or G-W abbreviation; each system must agree."""
    upper, records = word.upper(), _records()
    found = {system: _code_index().get((system, upper), []) for system in CODE_NAMES}
    current = {s: [i for i in hits if _exists(records[i], day)] for s, hits in found.items()}
    entities = {
        (records[i]["cow"], records[i]["gw"], records[i]["iso3"]) for h in current.values() for i in h
    }
    if len(entities) > 1:
        readings = [f"{CODE_NAMES[s]} of {records[i]['name']}" for s, hits in current.items() for i in hits]
        prefixes = {"iso3": "iso3", "iso2": "iso2", "cow_abb": "cow", "gw_abb": "gw"}
        ways = [f"{prefixes[s]}:{upper}" for s, hits in current.items() if hits]
        raise AmbiguousNameError(
            f"{word!r} is ambiguous on {day.isoformat()}: {'; '.join(dict.fromkeys(readings))}.",
            f"Write {' or '.join(dict.fromkeys(ways))}.",
        )
    return [i for hits in found.values() for i in hits]


def _by_pattern(word: str) -> list[int]:
    """country_converter's regular expressions, for spellings no list holds ('Kyrgyz Republic')."""
    if word.isascii() and not _any_pattern().search(word.lower()):
        return []
    hits = {iso3 for iso3, pattern in _patterns() if pattern.search(word)}
    return [i for iso3 in sorted(hits) for i in _code_index().get(("iso3", iso3), [])]


def _exists(record: dict, day: dt.date) -> bool:
    return record["valid_from"] <= day and (record["valid_to"] is None or record["valid_to"] >= day)


@functools.cache
def _records() -> list[dict]:
    """Entity rows as plain dicts (None for missing), for lookups without pandas.

    Built once and kept in the cache (``store.derived``, which rebuilds them when the state lists,
    the curated files or this code change): building them runs country_converter's patterns over
    every name, which quick commands (``multipolar members NATO``) should not pay for each time.
    """
    return store.derived(
        "state_entities", _entity_records, [installed("country_converter"), installed("pycountry")]
    )


def installed(package: str) -> str:
    """Where ``package`` is installed and when its files were written, which an upgrade changes as
    it changes the version: found without importing it or reading package metadata (which alone
    costs a quick command 0.05 s)."""
    import importlib.util
    import os

    origin = importlib.util.find_spec(package).origin
    return f"{origin} {os.stat(origin).st_mtime_ns}"


def _entity_records() -> list[dict]:
    out = []
    for row in _build_entities().to_dict("records"):
        out.append(
            {
                k: (None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v)
                for k, v in row.items()
            }
        )
    for row in out:
        for key in ("cow", "gw"):
            row[key] = None if row[key] is None else int(row[key])
    return out


@functools.cache
def _code_index() -> dict[tuple[str, object], list[int]]:
    index: dict[tuple[str, object], list[int]] = {}
    for i, row in enumerate(_records()):
        for system in ("cow", "gw", "iso3", "iso2", "cow_abb", "gw_abb"):
            if row[system] is not None:
                index.setdefault((system, row[system]), []).append(i)
    return index


def normalise(name: str) -> str:
    """A matching key: no accents, case, punctuation, leading 'the' or 'St.' abbreviations."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"\bst\b", "saint", text)
    return text


def spellings(name: str, with_brackets: bool = True) -> list[str]:
    """A name and its parts: 'Korea, Republic of' -> Republic of Korea, Korea; 'Myanmar (Burma)'."""
    name = name.strip()
    out = [name]
    inner = re.findall(r"\(([^)]*)\)", name)
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    out.append(bare)
    if with_brackets:
        out += [part for part in inner if not part.lower().endswith(" of")]
    plain = [part for part in out[1:] if "(" not in part]
    for part in list(plain):
        plain += [p.strip() for p in part.split("/")] if "/" in part else []
    out += plain
    for part in plain:
        head, comma, tail = part.partition(", ")
        if comma:
            out.append(head)
            if re.search(r"\b(of|of the)$", tail, flags=re.I):
                out.append(f"{tail} {head}")
    return [s for s in dict.fromkeys(out) if s]


@functools.cache
def _alias_index() -> dict[str, list[int]]:
    return _aliases().groupby("key")["entity"].agg(list).to_dict()


@functools.cache
def _demonyms() -> frozenset[str]:
    """Keys that are only ever demonyms (read_as "demonym" rather than "name")."""
    kinds = _aliases().groupby("key")["kind"].agg(set)
    return frozenset(key for key, found in kinds.items() if found == {"demonym"})


@functools.cache
def _entities() -> pd.DataFrame:
    """Curated entity spells, plus one entity per code no curated row covers (same code, same
    state), as a table: ``_records`` in rows (row i is record i)."""
    return pd.DataFrame(_records()).astype({"cow": "Int64", "gw": "Int64"})


def _build_entities() -> pd.DataFrame:
    curated = pd.read_csv(CURATED, dtype=str, keep_default_na=False).replace("", None)
    curated = curated.assign(
        curated=True, cow=curated["cow"].astype("Int64"), gw=curated["gw"].astype("Int64")
    )
    skip = set(curated["cow"].dropna()) | set(curated["gw"].dropna())
    by_code: dict[int, dict[str, list]] = {}
    for system, spells in (("cow", lists.cow_spells()), ("gw", lists.gw_system_spells())):
        last = spells["end"].max()  # the list's censoring day: the state still exists
        for spell in spells.itertuples():
            if spell.code not in skip:
                by_code.setdefault(spell.code, {"cow": [], "gw": []})[system].append(
                    (spell, spell.end == last)
                )
    rows = []
    for code, found in sorted(by_code.items()):
        c, g = found["cow"], found["gw"]
        spells = [spell for spell, _ in c + g]
        rows.append(
            {
                "name": (c or g)[-1][0].name,
                "cow": code if c else None,
                "cow_abb": c[-1][0].abb if c else None,
                "gw": code if g else None,
                "gw_abb": g[-1][0].abb if g else None,
                "valid_from": min(spell.start for spell in spells),
                "valid_to": None if any(o for _, o in c + g) else max(spell.end for spell in spells),
                "source": "cow_states v2016 / gw_system: same code in both lists",
                "curated": False,
            }
        )
    derived = pd.DataFrame(rows).astype({"cow": "Int64", "gw": "Int64"})
    modern = [end is None or end >= ISO_START for end in derived["valid_to"]]
    derived["iso3"] = [
        _iso3_of(name) if new else None for name, new in zip(derived["name"], modern, strict=True)
    ]
    table = pd.concat([curated, derived], ignore_index=True)
    table["valid_from"] = table["valid_from"].map(lists.as_date)
    table["valid_to"] = table["valid_to"].map(lambda v: None if v is None or pd.isna(v) else lists.as_date(v))
    table["iso2"] = [
        i2 if isinstance(i2, str) else _iso2_of(i3)
        for i2, i3 in zip(table["iso2"], table["iso3"], strict=True)
    ]
    table = table.sort_values(["valid_from", "name"]).reset_index(drop=True)
    return table.astype({"name": object, "iso3": object, "iso2": object})


@functools.cache
def _aliases() -> pd.DataFrame:
    """Alias table: alias (as written), key (normalised), entity (row of _entities()), kind.
    Where one spelling of an entity is both a name and an everyday form, it is a name."""
    records = _records()
    found: list[tuple[str, int]] = []
    iso_names = _iso_names()
    for index, record in enumerate(records):
        found += [(name, index) for name in spellings(record["name"])]
        found += [(name, index) for name in (record["aliases"] or "").split(";") if name]
        if record["iso3"] and (record["valid_to"] or dt.date.max) >= ISO_START:
            for official in iso_names.get(record["iso3"], []):
                found += [(name, index) for name in spellings(official, with_brackets=False)]
    named = ((lists.cow_spells(), "cow"), (lists.gw_spells(), "gw"), (lists.gw_system_spells(), "gw"))
    codes = _code_index()
    for spells, system in named:
        for spell in spells.itertuples():
            for index in codes.get((system, spell.code), []):
                record = records[index]
                if record["valid_from"] <= spell.end and (record["valid_to"] or dt.date.max) >= spell.start:
                    names = spellings(spell.name, with_brackets=not record["curated"])
                    found += [(name, index) for name in names]
    out = pd.DataFrame(found, columns=["alias", "entity"]).assign(kind="name")
    out = pd.concat([out, _common_aliases()], ignore_index=True)
    out["key"] = out["alias"].map(normalise)
    return out.drop_duplicates(subset=["key", "entity"]).reset_index(drop=True)


def _common_aliases() -> pd.DataFrame:
    """``data/aliases.csv`` as alias, entity, kind: each row applies to every spell of its ISO3."""
    table = pd.read_csv(COMMON, dtype=str, keep_default_na=False)
    codes = _code_index()
    rows = []
    for row in table.itertuples(index=False):
        spells = codes.get(("iso3", row.iso3))
        if not spells:
            raise ValueError(f"{COMMON_SOURCE}: no entity has ISO3 {row.iso3!r} (alias {row.alias!r}).")
        rows += [(row.alias, index, row.kind) for index in spells]
    return pd.DataFrame(rows, columns=["alias", "entity", "kind"])


def _iso3_of(name: str) -> str | None:
    """The ISO3 code whose country_converter pattern alone matches ``name``."""
    found = {iso3 for iso3, pattern in _patterns() if pattern.search(name)}
    return found.pop() if len(found) == 1 else None


def _iso2_of(iso3: str | None) -> str | None:
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        data = _converter().data
        match = data.loc[data["ISO3"] == iso3, "ISO2"]
        return match.iloc[0] if len(match) else None
    return found.alpha_2


@functools.cache
def _iso_names() -> dict[str, list[str]]:
    """Official, short and common names by ISO3, from country_converter and pycountry."""
    import pycountry

    names: dict[str, list[str]] = {}
    data = _converter().data
    for row in data[["ISO3", "name_short", "name_official"]].itertuples(index=False):
        names.setdefault(row.ISO3, []).extend([row.name_short, row.name_official])
    for country in (*pycountry.countries, *pycountry.historic_countries):
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(country.alpha_3, []).append(value)
    return names


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    data = _converter().data
    return [
        (row.ISO3, re.compile(row.regex, re.I)) for row in data[["ISO3", "regex"]].itertuples(index=False)
    ]


def _outside(word: str) -> list[str]:
    """The ISO3 codes country_converter reads in ``word`` that no entity holds (territories, and
    states neither list includes, such as the Holy See since 1870)."""
    held = set(_entities()["iso3"].dropna())
    return sorted({iso3 for iso3, pattern in _patterns() if pattern.search(word)} - held)


@functools.cache
def _any_pattern() -> re.Pattern:
    """One pattern that finds, in a lower-case ASCII word, whether any of country_converter's
    case-blind patterns would: three times quicker than trying them one by one, and most words
    asked about (an article's capitalised words) are no country's. Patterns written with capitals
    (codes such as 'BVI', escapes such as '\\D') stay case-blind inside it."""
    parts = [
        f"(?:{p.pattern})" if p.pattern == p.pattern.lower() else f"(?i:{p.pattern})" for _, p in _patterns()
    ]
    return re.compile("|".join(parts))


@functools.cache
def _converter():
    import country_converter

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter()


def _span(record: dict) -> str:
    end = record["valid_to"]
    return f"{record['valid_from'].isoformat()}..{end.isoformat() if end else ''}"


def _label(record: dict) -> str:
    return f"{record['name']} {_span(record)}"
