"""Wars and armed conflicts an article mentions, linked to COW war or UCDP conflict records.

A mention is a conflict word next to the parties the gazetteer found ("Georgia's aggression
against South Ossetia", "the South Ossetian conflict", "the war between Iran and Iraq"). Its
participants are the states named plus the states the named places lie in; its year is the
date written beside it, else the article's year. A record is linked when it involves those
participants in that year (a named place also asks for a territorial conflict in its state);
several candidates are listed as ambiguous, none as "no record", with the data's coverage.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache, lru_cache

import pandas as pd

from multipolar.articles.claims import SYMBOL, SentenceLine
from multipolar.articles.gazetteer import place_until
from multipolar.articles.text import MONTHS

WORDS = (
    "war|wars|conflict|conflicts|aggression|invasion|offensive|fighting|clashes|hostilities|"
    "insurgency|attack|attacks|incursion|intervention|occupation"
)
# a conflict word; the lookahead for the letters the words open with lets the regex engine skip
# to them (twice as quick over a text as the words alone)
OPENING = "".join(sorted({word[0] for word in WORDS.split("|")}))
HINT = re.compile(rf"(?=[{OPENING}])\b(?:{WORDS})\b", re.I)
# the same words in a sentence's line, which is lower case: without re.I (the two letters re.I
# also takes for an "i" or an "s" in lower-case text, dotless ı and long ſ, spelled out), and
# after the space before them, which the engine skips ahead to: see conflict_words
LINE_HINT = re.compile(rf" (?P<word>{WORDS.replace('i', '[iı]').replace('s', '[sſ]')})\b")
PARTY = r"(?:the )?<(?:state|place|region|demonym)#\d+>(?: 's| ’s)?"
# one party or two joined by "and" or a hyphen ("the Iran-Iraq war"); a longer list is more
# often a new clause than a side
PARTIES = rf"{PARTY}(?: (?:and|-|–) {PARTY})?"
# the parties before a conflict word ("Georgia's", "the South Ossetian", "Russia and Georgia")
# and after it ("against South Ossetia", "between Iran and Iraq")
KINDS = "armed|military|border|civil|recent|ongoing|bloody|brutal"
BEFORE = re.compile(rf"(?P<before>{PARTIES}) (?:(?:{KINDS}) )?$")
# after the word, a demonym joins only another demonym: in "China's attack on India and the
# Cuban crisis" the demonym opens a new noun phrase
NAMED_PARTY = r"(?:the )?<(?:state|place|region)#\d+>(?: 's| ’s)?"
DEMONYM_PARTY = r"(?:the )?<demonym#\d+>"
AFTER_PARTIES = rf"{DEMONYM_PARTY} (?:and|-|–) {DEMONYM_PARTY}|{PARTY}(?: (?:and|-|–) {NAMED_PARTY})?"
AFTER = re.compile(rf" (?:against|on|in|with|over|between|of|by) (?P<after>{AFTER_PARTIES})")
# words that make "war" something else: a trade war, the Cold War, a war of words
NOT_ARMED = {
    "trade",
    "price",
    "cold",
    "information",
    "propaganda",
    "cyber",
    "currency",
    "tariff",
    "culture",
    "tax",
}
# opens with a lookahead for the months' first letters, like HINT
MONTH_DAY = re.compile(
    rf"(?=[{''.join(sorted({month[0] for month in MONTHS}))}])\b(?P<month>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.? (?P<day>\d{1,2})\b(?:,? (?P<year>\d{4}))?",
    re.I,
)
YEAR = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")
# a written day or year needs a digit (MONTH_DAY's \d is any script's, so \d here too)
DIGIT = re.compile(r"\d")
# a year counts as the mention's only within this many characters after it, before the next
# conflict word, and not after a word that makes it a boundary ("the largest war in Europe
# since 1945": neither)
YEAR_REACH = 40
NOT_THE_YEAR = re.compile(r"\b(?:since|until|till|before|after|by|from)\W*$", re.I)
# words that make a war hypothetical or not yet begun, in the sentence's lower-case line: "there
# would be no war between", "the threat of war with", "could lead to war", "if ... war", "the
# war ... has not broken out"
HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:no|would be|could be|might be|may be|will be|threat of|threats of|risk of|danger of|"
    r"fear of|fears of|prospect of|possibility of|spectre of|specter of|avert|avoid|prevent|"
    r"lead to|trigger|provoke|spark|threaten|threatens|threatened|possible|potential|future|"
    r"looming|imminent|impending)(?: (?:a|an|the|any))?(?: (?:new|wider|full-scale|all-out|open|"
    r"major|regional|another))? $"
)
CONDITIONAL = re.compile(r"\b(?:if|unless)\b")
NOT_BEGUN_AFTER = re.compile(
    r"[^.;]*?\b(?:has|have|had) (?:not|n't|never)(?: yet)? (?:broken out|begun|started|erupted|happened)\b"
)
DATASETS = ("cow_war_inter", "cow_war_intra", "ucdp_acd")


@cache
def tables() -> dict[str, pd.DataFrame]:
    from multipolar.data import store

    return {name: store.frame(name) for name in DATASETS}


@cache
def coverage(name: str) -> tuple[int, int]:
    """The years the dataset covers (the catalog's), stretched to any later row: CoW's intra-state
    wars cover 1816-2007, and a war ongoing then is listed into 2008."""
    from multipolar.data.catalog import dataset

    first, last = dataset(name).coverage
    years = tables()[name]["year"]
    return min(first, int(years.min())), max(last, int(years.max()))


def conflict_mentions(lines: list[SentenceLine], article: str, date: dt.date | None, resolve) -> list[dict]:
    """Every conflict mention with its participants and the records it links to.

    ``resolve(mention)`` gives the states (dicts with iso3, cow, gw) a mention stands for.
    """
    out = []
    for line in lines:
        for at, word_end, word in conflict_words(line.line):
            prior = line.line[max(0, at - 20) : at].split()
            if prior and prior[-1] in NOT_ARMED:
                continue
            before = BEFORE.search(line.line, before_from(line.line, at), at)
            after = AFTER.match(line.line, word_end)
            if not (before or after):
                continue
            parties_text = " ".join(m.group(1) for m in (before, after) if m)
            mentions = [line.mentions[int(m.group("index"))] for m in SYMBOL.finditer(parties_text)]
            mentions = [as_place_on(mention, date, resolve) for mention in mentions]
            first = before.start() if before else at
            start, end = line.span(first, after.end() if after else word_end)
            context = article[start : min(len(article), end + 40)]
            day, year = when(context, date, end - start)
            row = link(article[start:end], start, end, word, mentions, day, year, resolve)
            if hypothetical(line.line, first, after.end() if after else word_end):
                row["records"], row["verdict"] = [], "not linked"
                row["notes"].append(
                    "The war is hypothetical or has not begun ('would', 'if', 'threat of', "
                    "'has not broken out'); not linked."
                )
            out.append(row)
    return out


def conflict_words(line: str) -> list[tuple[int, int, str]]:
    """Start, end and text of each conflict word in a sentence's line: HINT's matches, found
    three times as quick. The line's words are separated by single spaces, so a word opens the
    line or follows a space (one is put before the line); "İ" lowered is the only exception, an
    "i" and a combining dot, which HINT reads as a word's end."""
    if "\u0307" in line:
        return [(hit.start(), hit.end(), hit.group()) for hit in HINT.finditer(line)]
    return [
        (hit.start("word") - 1, hit.end() - 1, hit.group("word")) for hit in LINE_HINT.finditer(" " + line)
    ]


def as_place_on(mention, date: dt.date | None, resolve):
    """A state's name that names no state on ``date`` but a place in another state then ('the
    Kosovo war' in 1999: Kosovo in Yugoslavia), as that place; other mentions as they are."""
    if mention.kind != "state" or resolve(mention):
        return mention
    place = place_until(mention.key, date)
    return mention._replace(kind="place", key=place) if place else mention


def hypothetical(line: str, first: int, last: int) -> bool:
    """Does the sentence speak of the war at line[first:last] as one that may come, or that has
    not broken out ('there would be no war between', 'the threat of war with', 'if ...')?"""
    return bool(
        HYPOTHETICAL_BEFORE.search(line, max(0, first - 60), first)
        or CONDITIONAL.search(line, 0, first)
        or NOT_BEGUN_AFTER.match(line, last)
    )


def before_from(line: str, at: int) -> int:
    """Where BEFORE can begin for a conflict word at ``at``: within 120 characters, and since its
    parties are at most two symbols, at most "the " before the second symbol back."""
    window = max(0, at - 120)
    last = line.rfind("<", window, at)
    if last < 0:
        return at  # no symbol: BEFORE cannot match
    second = line.rfind("<", window, last)
    return max(window, (second if second >= 0 else last) - len("the "))


def when(context: str, date: dt.date | None, length: int | None = None) -> tuple[dt.date | None, int | None]:
    """The day or year written beside a mention ('on August 8'), read against the article's date;
    a year only inside the mention's ``length`` characters or just after them (before another
    conflict word), not after 'since'. Most mentions have no digit beside them: the article's
    year at once."""
    if not DIGIT.search(context):
        return None, (date.year if date else None)
    found = MONTH_DAY.search(context)
    if found:
        year = int(found.group("year")) if found.group("year") else (date.year if date else None)
        if year is not None:
            try:
                day = dt.date(year, MONTHS[found.group("month").lower()], int(found.group("day")))
            except ValueError:
                day = None
            if day and date and not found.group("year") and day > date:
                day = day.replace(year=year - 1)
            if day:
                return day, day.year
    reach = len(context) if length is None else length + YEAR_REACH
    if length is not None and (next_word := HINT.search(context, length)):
        reach = min(reach, next_word.start())
    for written in YEAR.finditer(context, 0, reach):
        if not NOT_THE_YEAR.search(context, max(0, written.start() - 8), written.start()):
            return None, int(written.group("year"))
    return None, (date.year if date else None)


def link(text, start, end, word, mentions, day, year, resolve) -> dict:
    states, places, regions = [], [], []
    for mention in mentions:
        if mention.kind == "region":
            regions.append(mention.key)
            continue
        if mention.kind == "place":
            places.append(mention.key)
        for state in resolve(mention):
            if state not in states:
                states.append(state)
    result = {
        "text": text,
        "start": start,
        "end": end,
        "word": word,
        "participants": [label(s) for s in states],
        "places": places,
        "regions": regions,
        "date": day.isoformat() if day else None,
        "year": year,
        "records": [],
        "verdict": "not linked",
        "notes": [],
    }
    if not states:
        result["notes"].append("No state or place named as a party; not linked to a record.")
        return result
    if year is None:
        result["notes"].append("No date for the article or the mention; not linked (give --date).")
        return result
    records = []
    parties = tuple(sorted((s.get("cow"), s.get("gw")) for s in states))
    for name in DATASETS:
        first, last = coverage(name)
        if not first <= year <= last:
            result["notes"].append(
                f"{name} covers {first}-{last}; {year} is outside it, so it cannot have this conflict."
            )
            continue
        found = candidates(name, parties, bool(places), year)
        if found and len(states) == 1 and not places:
            result["notes"].append(
                f"Only {label(states[0])} is named: {len(found)} {name} record(s) of its conflicts in "
                f"{year} are possible, none chosen."
            )
            records.extend({**r, "match": "ambiguous"} for r in found)
        elif len(found) > 1:
            result["notes"].append(
                f"{len(found)} {name} records involve these parties in {year}; not choosing between them."
            )
            records.extend({**r, "match": "ambiguous"} for r in found)
        elif found:
            records.extend({**r, "match": "linked"} for r in found)
        else:
            result["notes"].append(
                f"No {name} record involves {', '.join(label(s) for s in states)} in {year}."
            )
    result["records"] = records
    if any(r["match"] == "linked" for r in records):
        result["verdict"] = "linked"
    elif records:
        result["verdict"] = "ambiguous"
    else:
        result["verdict"] = "no record"
    return result


def label(state: dict) -> str:
    return state["iso3"] or f"gw:{state['gw']}"


@cache
def records_by_year(name: str) -> dict[int, list[tuple]]:
    """Dataset ``name``'s rows by year, as named tuples in table order: a new year's records are
    then picked out in microseconds, not by filtering the whole table."""
    out: dict[int, list[tuple]] = {}
    for row in tables()[name].itertuples(index=False):
        out.setdefault(row.year, []).append(row)
    return out


@lru_cache(maxsize=4096)
def candidates(name: str, parties: tuple, territorial: bool, year: int) -> list[dict]:
    """Records of dataset ``name`` in ``year`` involving ``parties`` ((cow, gw) pairs); cached,
    so callers copy before changing one."""
    rows = records_by_year(name).get(year, [])
    cows = {cow for cow, _ in parties if cow is not None}
    gws = {gw for _, gw in parties if gw is not None}
    if name == "cow_war_inter":
        if len(cows) < 2:
            return []
        participants: dict[int, set[int]] = {}  # war number -> the states in its rows
        for r in rows:
            if r.ccode1 in cows and r.ccode2 in cows:
                participants.setdefault(r.warnum, set()).update((r.ccode1, r.ccode2))
        return [
            {"dataset": name, "id": int(warnum), "year": year, "participants": sorted(participants[warnum])}
            for warnum in sorted(participants)
        ]
    if name == "cow_war_intra":
        if len(cows) != 1:
            return []
        wars, seen = [], set()
        for r in rows:
            if r.ccodea in cows and r.warnum not in seen:  # each war once, as its first row
                seen.add(r.warnum)
                wars.append(
                    {
                        "dataset": name,
                        "id": int(r.warnum),
                        "name": r.warname,
                        "year": year,
                        "side_a": r.sidea,
                        "side_b": r.sideb,
                    }
                )
        return wars
    if territorial and len(gws) == 1:
        rows = [r for r in rows if r.gwno_a in gws and r.incompatibility == "territory"]
    else:
        least = min(len(gws), 2)
        if least:  # the records with at least ``least`` sides among gws, in table order
            sides = Counter(at for gw in gws for at in positions_by_side(name, year).get(gw, ()))
            rows = [rows[at] for at in sorted(sides) if sides[at] >= least]
        if len(gws) >= 2 and any(r.type_of_conflict == "interstate" for r in rows):
            rows = [r for r in rows if r.type_of_conflict == "interstate"]  # states named as the two sides
    seen: set[int] = set()  # each conflict once, as its first row
    rows = [r for r in rows if not (r.conflict_id in seen or seen.add(r.conflict_id))]
    return [
        {
            "dataset": name,
            "id": int(r.conflict_id),
            "year": year,
            "type": r.type_of_conflict,
            "incompatibility": r.incompatibility,
            "sides_gw": [int(v) for v in sides_gw(r) if pd.notna(v)],
            "episode_start": r.start_date2,
            "episode_end": r.ep_end_date,
        }
        for r in rows
    ]


@cache
def positions_by_side(name: str, year: int) -> dict[float, list[int]]:
    """Each GW code on a side of a UCDP record (dataset ``name``) in ``year``, with the records'
    positions in records_by_year's list, once for each side it is on: a year's records involving
    some states are then counted from their codes, not by reading every record."""
    out: dict[float, list[int]] = {}
    for at, row in enumerate(records_by_year(name).get(year, [])):
        for side in sides_gw(row):
            if pd.notna(side):
                out.setdefault(side, []).append(at)
    return out


def sides_gw(row: tuple) -> tuple:
    """A UCDP record's four side columns (GW codes; NaN where there is no such side)."""
    return row.gwno_a, row.gwno_a_2nd, row.gwno_b, row.gwno_b_2nd
