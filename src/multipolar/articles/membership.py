"""Membership claims read clause by clause: an organisation, a cue, the states the cue governs.

Each sentence is a SentenceLine (claims.py): lower-case words in which every name the gazetteer
matched is a symbol. The line is cut into clauses at "while", "whereas", "but", ";" and at an
"and" that opens a new clause rather than a list. In a clause, a cue from ``data/cues.csv`` (a
status such as "observers" or "dialogue partners", an event such as "joined", "withdrew from",
"was invited", a listing verb such as "groups") governs the list of states beside it:

- before it, joined to it only by small words ("Mongolia and Belarus hold observer status",
  "Finland, which joined the alliance in 2023", "X is a partner country but is not a full member");
- after it ("NATO members Poland and Hungary", "the SCO, which groups Russia, China, ...", "the
  group was founded in 2006 by A, B, C and D", "Joined in 2004: A, B, C").

A list ends after its item behind "and" ("Unlike NATO members Poland and Hungary, Austria stayed
neutral" lists two; Austria is no member). The organisation is the one named beside the cue, or
the word for it ("the bloc", "the alliance", "its"), which stands for the organisation the article
named last; else the clause's or sentence's only one; else the last one named before.
The words of ``data/claim_words.csv`` turn a status into an event ("became", "was granted"),
set it in the future ("will"), deny it ("not", "no longer"), hedge it ("if", "wants to": no
claim) or make it nobody's ("former", "prospective": no claim). Time expressions (times.py)
anchor each claim; a count ("the six-nation bloc", "the alliance's 30th member") is a claim too.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from multipolar.articles import times as timing
from multipolar.articles.claims import QUESTION, REPORTED_IN, SentenceLine, attributed


def words(text: str) -> frozenset[str]:
    """A set of words written as one string, a space between each."""
    return frozenset(text.split())


# words that may stand between a list of states and a cue after it ("Mongolia and Belarus hold
# observer status", "Z, which joined"), besides the words of claim_words.csv and organisations
SUBJECT_GLUE = words(
    """is are was were be been being has have had do does did also now already still currently formally
    officially finally eventually later then subsequently recently just both all each a an the full
    fully jointly together hold holds held holding remain remains remained enjoy enjoys enjoyed , which
    who that as its their thereby thus too respectively new newest latest first only official formal 's
    ’s effectively technically"""
)
# words that may stand between a cue and the list after it ("members of the SCO (China, ...)",
# "founded by", "groups", "invitations were sent to")
OBJECT_GLUE = words(
    """to as such like including include includes are were is was : — – - ( namely the by of in from with
    both all currently now today presently also already still nations countries states , being which
    among them its their together that were 's ’s"""
)
# a form of "be" before a cue read as a passive ("were suspended", "was invited", "are admitted")
PASSIVE = words("is are was were be been being remain remains remained")
# words that end a clause; "and" ends one too where no state follows it
CLAUSE_ENDS = words("; while whereas but however although though whilst meanwhile yet")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
# nouns a count of states goes with: "ten members", "the six-nation bloc", "32 member states"
COUNTED = words("member members nation nations country countries state states")
STATE_SYMBOL = re.compile(r"<state#(\d+)>")
ORG_SYMBOL = re.compile(r"<org#(\d+)>")
MAX_GAP = 8  # words between a list and its cue
NEAR = 3  # words between a claim and the time expression that anchors it
# anaphors that fit any organisation; the others must be a word of its name or kind ("the union")
ANY_ORGANISATION = words("bloc alliance group grouping organisation organization body format")
# words between an organisation and the status it owns: "the SCO's six full members", "NATO's new"
OWNER_GAP = words("'s ’s full new newest latest permanent founding - nation member")
# words that make a whole clause a condition, wherever they stand in it
CONDITIONS = words("if unless whether once")
# events whose verb may take an object that is not the organisation
EVENTS = words("joined left withdrew admitted")
# words that may follow an event's verb when it has no object of its own ("A and B joined in 2017")
EVENT_ENDS = words(". , ; : in on at since last this and after before as with to when — – - ) \" ” '")
ORDINARY_WHAT = {"member", "observer", "dialogue partner", "partner", "candidate", "associate", "suspended"}


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    what: str
    statuses: tuple[str, ...]  # registry statuses it may mean, the first the organisation records wins
    side: str  # where its states stand: "subject" (before), "object" (after), "both", or "passive":
    # before it after a form of "be" ("were suspended"), else after it ("the AU suspended Niger")
    whole: bool  # a listing verb: the list after it is the whole membership


@dataclass
class Claim:
    """A membership claim as read: organisation, what is claimed, states, time, polarity."""

    org: str
    what: str  # member, observer, ..., joined, admitted, left, withdrew, was suspended, ..., count
    statuses: tuple[str, ...]
    states: list  # Mention objects of the states, in order
    time: dict
    polarity: str  # "affirmed" or "denied"
    exhaustive: bool
    text: str
    start: int
    end: int
    cue: str
    count: int | None = None
    reported: bool = False
    unsure: str | None = None
    perfect: bool = False  # "has joined": the state holds the status on the article's day
    notes: list = field(default_factory=list)


@cache
def cues() -> dict[str, list[Cue]]:
    """``data/cues.csv`` by each cue's first word, longest cues first."""
    out: dict[str, list[Cue]] = {}
    with resources.files("multipolar.articles").joinpath("data/cues.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cue = Cue(
                tuple(row["cue"].split()),
                row["what"],
                tuple(row["status"].split(";")),
                row["side"],
                row["whole"] == "yes",
            )
            out.setdefault(cue.words[0], []).append(cue)
    for found in out.values():
        found.sort(key=lambda c: -len(c.words))
    return out


@cache
def claim_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``data/claim_words.csv``: role -> its word sequences, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    with resources.files("multipolar.articles").joinpath("data/claim_words.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["role"], []).append(tuple(row["words"].split()))
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in out.items()}


def words_of(role: str) -> frozenset[str]:
    return frozenset(w for words in claim_words()[role] for w in words)


@cache
def single_words() -> dict[str, frozenset[str]]:
    return {role: words_of(role) for role in claim_words()}


def has_any(tokens: list[str], role: str) -> tuple[str, ...] | None:
    """The first of ``role``'s word sequences found in ``tokens``."""
    joined = " " + " ".join(tokens) + " "
    for words in claim_words()[role]:
        if f" {' '.join(words)} " in joined:
            return words
    return None


@dataclass
class Lst:
    """A coordinated list of states in the reading stream: positions first..last (inclusive)."""

    first: int
    last: int
    states: list[int]  # mention indices
    closed: bool  # its last item follows "and" (or "as well as", "&")
    open: bool  # it runs on: "and other states", "along with four others"
    possessive: bool  # "Mali's membership"
    negated: bool  # "neither A nor B"


@dataclass
class Reading:
    """One sentence line as a stream of words (times taken out), with its lists, organisations and
    clauses."""

    line: SentenceLine
    tokens: list[str]  # the stream's words
    chars: list[tuple[int, int]]  # each word's characters in line.line
    times: list[timing.Time]
    lists: list[Lst]
    orgs: dict[int, str]  # stream position -> organisation id (a symbol or a word standing for one)
    org_spans: dict[int, int]  # stream position of an org reference -> its last position
    clause_of: list[int]  # stream position -> clause number
    clause_starts: list[int]


def membership_claims(
    lines: list[SentenceLine], article: str, day: dt.date | None, org_mentions: list
) -> list[Claim]:
    """Every membership claim in ``lines``; ``org_mentions`` are the article's organisation
    mentions in order, for the words that stand for the last one named ("the bloc")."""
    org_starts = [m.start for m in org_mentions]
    out: list[Claim] = []
    for line in lines:
        if QUESTION.search(line.line):
            continue
        reading = read_line(line, day, org_mentions, org_starts)
        if reading is None:
            continue
        out.extend(claims_of(reading, article, day, org_mentions, org_starts))
    return out


def read_line(line: SentenceLine, day, org_mentions, org_starts) -> Reading | None:
    words = line.line.split(" ")
    positions, at = [], 0
    for word in words:
        positions.append((at, at + len(word)))
        at += len(word) + 1
    found_times = timing.times_in(line.line, day)
    inside = set()
    for time in found_times:
        inside.update(i for i, (a, b) in enumerate(positions) if a >= time.start and b <= time.end)
    keep = [i for i in range(len(words)) if i not in inside and words[i]]
    tokens = [words[i] for i in keep]
    chars = [positions[i] for i in keep]
    reading = Reading(line, tokens, chars, found_times, [], {}, {}, [], [])
    find_orgs(reading, org_mentions, org_starts)
    find_lists(reading)
    find_clauses(reading)
    return reading


def last_org_before(position: int, org_mentions, org_starts) -> str | None:
    at = bisect.bisect_left(org_starts, position)
    return org_id(org_mentions[at - 1].key) if at else None


@cache
def org_id(name: str) -> str:
    """The registry id of an organisation's name as the gazetteer matched it ("BRIC": BRICS)."""
    from multipolar.orgs import registry

    return registry.organisation(name).id


def find_orgs(reading: Reading, org_mentions, org_starts) -> None:
    """Organisation symbols, and the words standing for the organisation named last: "the bloc",
    "the six-nation bloc", "the alliance's", "its" (before a cue)."""
    from multipolar.orgs import registry

    tokens, line = reading.tokens, reading.line
    anaphors = single_words()["anaphor"]
    for i, token in enumerate(tokens):
        symbol = ORG_SYMBOL.fullmatch(token)
        if symbol:
            reading.orgs[i] = org_id(line.mentions[int(symbol.group(1))].key)
            reading.org_spans[i] = i
            continue
        if token in anaphors and i > 0:
            # "the bloc", "the six - nation bloc", "the expanded alliance": "the" within three words
            back = [j for j in range(max(0, i - 5), i) if tokens[j] == "the"]
            if not back or any(t.startswith("<") or t in (",", ";") for t in tokens[back[-1] + 1 : i]):
                continue
            if i + 1 < len(tokens) and (tokens[i + 1].startswith("<org") or tokens[i + 1] == "of"):
                continue  # "the group of <org>", "the alliance of ..." names something else
            named = referent(reading, back[-1], org_mentions, org_starts)
            if named is None:
                continue
            org = registry.organisation(named)
            if token not in ANY_ORGANISATION and token not in f"{org.name} {org.kind}".lower():
                continue
            reading.orgs[back[-1]] = named
            reading.org_spans[back[-1]] = i
        elif token in ("its", "their") and i + 1 < len(tokens) and tokens[i + 1] in cues():
            named = referent(reading, i, org_mentions, org_starts)
            if named:
                reading.orgs[i] = named
                reading.org_spans[i] = i


def referent(reading: Reading, position: int, org_mentions, org_starts) -> str | None:
    """The organisation named last before stream position ``position``."""
    for j in range(position - 1, -1, -1):
        symbol = ORG_SYMBOL.fullmatch(reading.tokens[j])
        if symbol:
            return org_id(reading.line.mentions[int(symbol.group(1))].key)
    return last_org_before(reading.line.start, org_mentions, org_starts)


LIST_JOINS = (
    ("and",), (",", "and"), ("&",), ("as", "well", "as"), (",", "as", "well", "as"), ("nor",),
    ("together", "with"), ("along", "with"),
)  # fmt: skip
RUNS_ON = (
    ("and", "other"), (",", "and", "other"), ("along", "with"), ("together", "with"), ("plus",),
    ("and", "others"), (",", "among", "others"), ("among", "others"), ("etc",), ("and", "the", "rest"),
    ("as", "well", "as"), (",", "as", "well", "as"),
)  # fmt: skip


def state_at(tokens: list[str], i: int) -> int | None:
    """The position of a state symbol at ``i`` (or after a "the" at ``i``), else None."""
    if i < len(tokens) and tokens[i] == "the":
        i += 1
    return i if i < len(tokens) and STATE_SYMBOL.fullmatch(tokens[i]) else None


def find_lists(reading: Reading) -> None:
    tokens, i = reading.tokens, 0
    while i < len(tokens):
        at = state_at(tokens, i)
        if at is None:
            i += 1
            continue
        first, states, closed = i, [at], False
        negated = i > 0 and tokens[i - 1] == "neither"
        j = at + 1
        while j < len(tokens):
            join = next((w for w in LIST_JOINS if tuple(tokens[j : j + len(w)]) == w), None)
            if join is None and tokens[j] == ",":
                join = (",",)
            if join is None:
                break
            following = state_at(tokens, j + len(join))
            if following is None:
                break
            if closed and join[-1] != "as" and join != (",", "as", "well", "as"):
                break  # after "A and B", ", C" opens another clause
            closed = join[-1] in ("and", "&", "nor")  # after "as well as" a new list opens
            states.append(following)
            j = following + 1
        rest = tokens[j:]
        runs_on = any(tuple(rest[: len(w)]) == w for w in RUNS_ON)
        possessive = bool(rest) and rest[0] in ("'s", "’s")
        reading.lists.append(
            Lst(
                first,
                j - 1,
                [int(STATE_SYMBOL.fullmatch(tokens[s]).group(1)) for s in states],
                closed,
                runs_on,
                possessive,
                negated,
            )
        )
        i = j


def find_clauses(reading: Reading) -> None:
    tokens = reading.tokens
    number, starts = 0, [0]
    in_list = set()
    for found in reading.lists:
        in_list.update(range(found.first, found.last + 1))
    clause_of = []
    for i, token in enumerate(tokens):
        following = (
            tokens[i + 2 if tokens[i + 1 : i + 2] == ["the"] else i + 1] if i + 1 < len(tokens) else ""
        )
        ends = token in CLAUSE_ENDS or (
            token == "and" and i not in in_list and state_at(tokens, i + 1) is None
            and not following[:1].isdigit() and not following.startswith("<org")
        )  # fmt: skip
        if ends and i > 0:
            number += 1
            starts.append(i)
        clause_of.append(number)
    reading.clause_of, reading.clause_starts = clause_of, starts


def cue_occurrences(tokens: list[str]) -> list[tuple[int, int, Cue]]:
    out, i = [], 0
    table = cues()
    while i < len(tokens):
        match = next(
            (c for c in table.get(tokens[i], ()) if tuple(tokens[i : i + len(c.words)]) == c.words), None
        )
        if match:
            out.append((i, i + len(match.words), match))
            i += len(match.words)
        else:
            i += 1
    return out


def glue_ok(words: list[str], glue: frozenset[str], reading: Reading, start: int) -> bool:
    """Are ``words`` (the stream from ``start``) only small words, claim words and organisations?"""
    allowed = glue | ROLE_WORDS()
    i = 0
    while i < len(words):
        if start + i in reading.orgs:
            i = reading.org_spans[start + i] - start + 1
            continue
        if words[i] not in allowed:
            return False
        i += 1
    return True


@cache
def ROLE_WORDS() -> frozenset[str]:  # noqa: N802 - a constant read from data once
    roles = single_words()
    return roles["gain"] | roles["lose"] | roles["future"] | roles["negation"]


def claims_of(reading: Reading, article: str, day, org_mentions, org_starts) -> list[Claim]:
    tokens = reading.tokens
    out: list[Claim] = []
    taken: set[tuple] = set()  # (organisation, list start, what) already claimed
    occurrences = cue_occurrences(tokens)
    for start, end, cue in occurrences:
        claim = read_cue(reading, start, end, cue, article, day, org_mentions, org_starts)
        if claim is None or claim[0].org is None:
            continue
        found, first = claim
        if (found.org, first, found.what) in taken:
            continue
        taken.add((found.org, first, found.what))
        out.append(found)
    out.extend(bracketed(reading, article, day, taken))
    out.extend(counts(reading, article, day, org_mentions, org_starts))
    return out


def clause_range(reading: Reading, position: int) -> tuple[int, int]:
    number = reading.clause_of[position]
    start = reading.clause_starts[number]
    end = (
        reading.clause_starts[number + 1] if number + 1 < len(reading.clause_starts) else len(reading.tokens)
    )
    return start, end


def read_cue(reading: Reading, start: int, end: int, cue: Cue, article, day, org_mentions, org_starts):
    """The claim a cue at stream positions ``start``..``end`` makes, with the position of its list's
    first word; None when it makes none that can be read without doubt."""
    tokens = reading.tokens
    first, last = clause_range(reading, start)
    if qualified(tokens, first, start) or set(tokens[first:last]) & CONDITIONS:
        return None  # "former members", "non-members", "would-be members"; "if ..."
    subject = subject_list(reading, first, start, cue)
    carried = False
    if subject is None and cue.side != "object" and reading.clause_of[start] > 0:
        subject = carried_subject(reading, first, start)
        carried = subject is not None
    obj = object_list(reading, end, last, cue) if subject is None else None
    if subject is None and obj is None:
        return None
    chosen = subject or obj
    if obj and obj.possessive and tokens[obj.last + 2 : obj.last + 3] not in (["membership"], ["seat"]):
        return None  # "groups Russia, China and Iran's neighbours": the states own something else
    if subject and not carried and chosen.first > first and tokens[chosen.first - 1] in ("had", "were"):
        return None  # "Had Ukraine and Georgia joined NATO, ...": a counterfactual
    if carried:
        gap = tokens[first:start]
    elif subject:
        gap = tokens[chosen.last + 1 : start]
    else:  # the words before the cue and between it and its list
        gap = tokens[max(first, start - 3) : start] + tokens[end : obj.first]
    if has_any(gap, "hedge") or has_any(tokens[chosen.last + 1 : chosen.last + 6] + tokens[end : end + 5],
                                        "hedge after"):  # fmt: skip
        return None
    if has_any(gap, "infinitive") and not has_any(gap, "future"):
        return None  # "invited Argentina ... to become full members": a purpose, not a claim
    if {"a", "an"} & set(gap) and len(chosen.states) > 1 and not chosen.negated:
        return None  # "Poland, Hungary and the Czech Republic, a NATO member": of the last only
    if cue.what in EVENTS and subject and not takes_organisation(reading, end):
        return None  # "withdrew from the military wing", "joined the boycott": not the organisation
    org = organisation_of(reading, start, end, first, last, chosen, cue, org_mentions, org_starts)
    if org is None or org[0] is None:
        return None
    org, org_unsure, org_at = org
    if org_at is not None and qualified(tokens, first, org_at):
        return None  # "non-NATO members", "prospective NATO members", "former CSTO members"
    what = cue.what
    if what in ORDINARY_WHAT and has_any(gap, "gain"):
        what = "joined"
    elif what in ORDINARY_WHAT and has_any(gap, "lose"):
        what = "left"
    opening = tokens[max(first, (org_at if org_at is not None else start) - 3) : start]
    if what == "member" and has_any(opening, "founding"):
        what = "founded by"
    future = has_any(gap, "future")
    negated = chosen.negated or has_any(gap, "negation")
    lo, hi = min(chosen.first, start), max(chosen.last, end - 1)
    if org_at is not None:
        lo = min(lo, org_at)
    if lo > 0 and tokens[lo - 1] == "such":
        lo -= 1
    time = time_of(reading, max(lo, first), hi, first, last, bool(future))
    if future and future[0] == "would" and time["value"] is None:
        return None  # "would join": a condition, unless a day says when
    if future and what in ORDINARY_WHAT:
        what = "joined"
    states = [reading.line.mentions[i] for i in chosen.states]
    part = has_any(tokens[max(first, chosen.first - 4) : chosen.first], "part") or has_any(
        tokens[max(first, lo - 4) : lo], "part"
    )
    if chosen.open and cue.whole:
        return None  # "groups Russia, China and other states": not the whole list, nor a claim
    exhaustive = (
        bool(obj)
        and not part
        and chosen.closed
        and len(states) >= 2
        and (cue.whole or whole_by_form(reading, start, end, chosen, first))
        or what == "founded by"
        and cue.side == "object"
        and chosen.closed
        and len(states) >= 2
    )
    line_start, line_end = reading.chars[lo][0], reading.chars[hi][1]
    text_start, text_end = reading.line.span(line_start, line_end)
    claim = Claim(
        org=org,
        what=what,
        statuses=cue.statuses,
        states=states,
        time=time,
        polarity="denied" if negated else "affirmed",
        exhaustive=exhaustive,
        text=article[text_start:text_end],
        start=text_start,
        end=text_end,
        cue=" ".join(cue.words),
        perfect=bool({"has", "have"} & set(gap)) or cue.words[0] in ("has", "have"),
        unsure=org_unsure,
    )
    claim.reported = attributed(text_start, line_start, line_end, reading.line, article)
    if claim.reported and claim.time["anchor"] == "article":
        claim.time = reported_time(reading.line.line) or claim.time
    if claim.exhaustive and (counted := count_before(tokens, start, first)) and counted != len(states):
        claim.unsure = f"the text counts {counted} but lists {len(states)}"
    return claim, chosen.first


def takes_organisation(reading: Reading, end: int) -> bool:
    """Does an event verb's object, if it has one, stand for the organisation ("joined the bloc",
    "withdrew from NATO", "joined in 2017"), rather than for something else ("joined the boycott")?"""
    tokens = reading.tokens
    k = end
    while k < len(tokens) and tokens[k] in ("from", "the", "as", "formally", "officially", "fully"):
        k += 1
    return k >= len(tokens) or k in reading.orgs or k - 1 in reading.orgs or tokens[k] in EVENT_ENDS


def qualified(tokens: list[str], first: int, at: int) -> bool:
    """Do the words right before ``at`` make the status another day's or nobody's ("former",
    "prospective", "non-", "would-be")?"""
    before = tokens[max(first, at - 3) : at]
    while before and (before[-1] in ("the", "a", "an") or number(before[-1])):
        before = before[:-1]
    skip = single_words()["skip"]
    if before[-1:] == ["-"]:
        before = before[:-1]  # "non-members", "ex-members"
    return bool(before) and before[-1] in skip


def count_before(tokens: list[str], start: int, first: int) -> int | None:
    """A count right before a status ("The CSTO's six members are ...")."""
    for word in tokens[max(first, start - 2) : start]:
        if number(word):
            return number(word)
    return None


def reported_time(line: str) -> dict | None:
    """The year a report is dated with ("Lula said in 2009", "In 2009, Lula said that"): the claim
    it reports is about that year."""
    dated = REPORTED_IN.search(line)
    if dated is None:
        return None
    return {"anchor": "year", "value": dated.group("year") or dated.group("year_before")}


def subject_list(reading: Reading, first: int, start: int, cue: Cue) -> Lst | None:
    """The list before the cue, in its clause, joined to it only by small words."""
    if cue.side == "object":
        return None
    for found in reversed(reading.lists):
        if found.last >= start or found.first < first:
            continue
        gap = reading.tokens[found.last + 1 : start]
        if len(gap) > MAX_GAP:
            return None
        if found.possessive and gap[:1] in (["'s"], ["’s"]):
            gap = gap[1:]
        if cue.side == "passive" and not PASSIVE & set(gap):
            return None  # "the AU, whose members include ..., has suspended": the list is not suspended
        if glue_ok(gap, SUBJECT_GLUE, reading, found.last + 1):
            return found
        return None
    return None


def carried_subject(reading: Reading, first: int, start: int) -> Lst | None:
    """The subject of the clause before, when this one goes on with a verb and names no states of
    its own ("X is a partner country but is not a full member")."""
    if not glue_ok(reading.tokens[first + 1 : start], SUBJECT_GLUE, reading, first + 1):
        return None
    previous = reading.clause_of[first] - 1
    opening = reading.clause_starts[previous]
    candidates = [f for f in reading.lists if opening <= f.first and f.last < first]
    return candidates[0] if candidates else None


def object_list(reading: Reading, end: int, last: int, cue: Cue) -> Lst | None:
    """The list after the cue, in its clause, joined to it only by small words."""
    if cue.side == "subject" and not (end < len(reading.tokens) and reading.tokens[end] in (":", "—", "–")):
        return None
    for found in reading.lists:
        if found.first < end:
            continue
        if found.first >= last:
            return None
        gap = reading.tokens[end : found.first]
        if len(gap) > MAX_GAP or not glue_ok(gap, OBJECT_GLUE, reading, end):
            return None
        return found
    return None


def whole_by_form(reading: Reading, start: int, end: int, found: Lst, first: int) -> bool:
    """Is a list after a status presented as the whole: "such observer nations as A, B and C",
    "the members of the SCO (A, ... and B)", "The CSTO's members are A, ... and B"?"""
    tokens = reading.tokens
    gap = tokens[end : found.first]
    after = tokens[found.last + 1 : found.last + 2]
    if start > 0 and tokens[start - 1] == "such" and gap[-1:] == ["as"]:
        return True
    if gap[-1:] == ["("] and after == [")"]:
        return True
    if gap[-1:] == [":"] and (not after or after[0] in (".", ";")):
        return True
    if gap[-1:] == ["are"] and not {"such", "like", "including"} & set(gap):
        # "The CSTO's members are", "The members of the CSTO are", opening the clause
        at = start - 1 if start >= 1 and number(tokens[start - 1]) else start
        own = (
            at >= 2
            and tokens[at - 1] in ("'s", "’s")
            and any(reading.org_spans[p] == at - 2 for p in reading.orgs)
        )
        of = tokens[start - 1 : start] == ["the"] and any(end <= p < found.first for p in reading.orgs)
        return (own or of) and at - 2 <= first + 2
    return False


def organisation_of(
    reading: Reading, start, end, first, last, found: Lst, cue: Cue, org_mentions, org_starts
):
    """The organisation the cue is about, and why it is unsure, if it is: the one beside the cue,
    the clause's only one, the sentence's only one, or the one named last before."""
    tokens, orgs = reading.tokens, reading.orgs
    # right before the cue: "NATO members", "the SCO's observers", "the bloc's", "its"
    j = start - 1
    while j >= first and (tokens[j] in OWNER_GAP or number(tokens[j])):
        j -= 1
    owner = next((p for p in orgs if p <= j <= reading.org_spans[p]), None)
    if owner is not None and reading.org_spans[owner] == j:
        if coordinated(reading, owner):
            return None  # "NATO and SCO officials": whose?
        return orgs[owner], None, owner
    # after the cue: "members of the SCO", "joined the bloc", "withdrew from the CSTO"
    k = end
    while k < last and tokens[k] in ("of", "in", "at", "to", "from", "with", "within", "into", "the", "as"):
        k += 1
    if k in orgs and k < last:
        if reading.org_spans[k] + 1 < len(tokens) and tokens[reading.org_spans[k] + 1] in ("'s", "’s", "-"):
            return None  # "members of NATO's partnership programme", "the NATO-Ukraine Council"
        return orgs[k], None, None
    # a listing verb's organisation stands before it: "the SCO, which currently groups"
    if cue.whole or cue.words[0] in ("includes", "include", "including"):
        k = start - 1
        while k >= first and tokens[k] in (
            ",",
            "which",
            "that",
            "currently",
            "now",
            "today",
            "still",
            "also",
        ):
            k -= 1
        holder = next((p for p in orgs if reading.org_spans[p] == k), None)
        if holder is None or (k == start - 1 and coordinated(reading, holder)):
            return None  # "NATO and the SCO include Russia and China": whose members?
        return orgs[holder], None, holder
    in_clause = {orgs[p] for p in orgs if first <= p < last}
    if len(in_clause) == 1:
        return in_clause.pop(), None, None
    if in_clause:
        return None
    in_sentence = set(orgs.values())
    if len(in_sentence) == 1:
        return in_sentence.pop(), None, None
    if in_sentence:
        return None
    named = last_org_before(reading.line.start, org_mentions, org_starts)
    if named is None:
        return None
    recent = {m.key for m in org_mentions if reading.line.start - 600 < m.start < reading.line.start}
    if len(recent) > 1:
        return named, f"the sentence names no organisation; {named}, the one named last, is assumed", None
    return named, None, None


def coordinated(reading: Reading, position: int) -> bool:
    """Is the organisation at ``position`` the second of two joined by "and" ("NATO and the SCO")?"""
    tokens = reading.tokens
    j = position - 1
    if j >= 0 and tokens[j] == "the":
        j -= 1
    return j >= 1 and tokens[j] in ("and", "or", "&") and j - 1 in reading.org_spans.values()


def time_of(reading: Reading, lo: int, hi: int, first: int, last: int, future: bool) -> dict:
    """The anchor of a claim over stream positions ``lo``..``hi``: the time expression in its clause
    nearest to it (at most NEAR words away), else one opening the sentence ("In 2015, ..."), else
    the article's day; "currently", "now" and "today" beside the claim keep the article's day."""
    if {"currently", "now", "presently"} & set(reading.tokens[max(first, lo - 3) : hi + 1]):
        return {"anchor": "future", "value": None} if future else {"anchor": "article", "value": None}
    starts = [a for a, _ in reading.chars]
    near = []
    for time in reading.times:
        at = bisect.bisect_left(starts, time.start)  # the stream word it stands before
        if not (first < at or first == 0) or at > last:
            continue  # in another clause: one before this ends where this one's first word stands
        distance = lo - at if at <= lo else max(0, at - hi - 1)
        if distance <= NEAR:
            near.append((distance, at < lo, time))
    if not near and reading.times and reading.times[0].start <= 3 and reading.clause_of[lo] == 0:
        near = [(0, True, reading.times[0])]
    if not near:
        return {"anchor": "future", "value": None} if future else {"anchor": "article", "value": None}
    return min(near, key=lambda n: n[:2])[2].anchor(future)


def bracketed(reading: Reading, article: str, day, taken: set) -> list[Claim]:
    """'the GCC (Saudi Arabia, ... and Oman)', 'BRICS — Brazil, ... and China —', 'the CSTO: A, ...
    and B.': the whole membership, the list closing where its bracket or dash does."""
    tokens, out = reading.tokens, []
    for position, org in reading.orgs.items():
        k = reading.org_spans[position] + 1
        if k < len(tokens) and tokens[k] in ("group", "bloc", "countries", "nations", "states", "members"):
            k += 1
        if k >= len(tokens) or tokens[k] not in ("(", "—", "–", ":"):
            continue
        opening = tokens[k]
        found = next((f for f in reading.lists if f.first == k + 1), None)
        if found is None or found.open or not found.closed or len(found.states) < 2:
            continue
        if any(key[:2] == (org, found.first) for key in taken):
            continue
        after = tokens[found.last + 1] if found.last + 1 < len(tokens) else ""
        if not (after == ")" if opening == "(" else after in ("", ".", ";", opening, "—", "–")):
            continue
        before = tokens[max(0, position - 5) : position]
        if has_any(before, "skip"):
            continue
        part = has_any(before, "part")
        what = "founded by" if has_any(before, "founding") else "member"
        taken.add((org, found.first, "member"))
        line_start, line_end = reading.chars[position][0], reading.chars[found.last][1]
        start, end = reading.line.span(line_start, line_end)
        states = [reading.line.mentions[i] for i in found.states]
        time = time_of(reading, position, found.last, *clause_range(reading, k), False)
        claim = Claim(org, what, ("member",), states, time, "affirmed", not part, article[start:end], start,
                      end, opening)  # fmt: skip
        claim.reported = attributed(start, line_start, line_end, reading.line, article)
        out.append(claim)
    return out


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def counts(reading: Reading, article: str, day, org_mentions, org_starts) -> list[Claim]:
    """Counts of members: "the six-nation bloc", "the group now has ten members", "the 32-member
    alliance", "NATO's 32 members", and the ordinal of a state that joined: "becoming the
    alliance's 30th member"."""
    tokens, out = reading.tokens, []
    for i, token in enumerate(tokens):
        ordinal = ORDINAL_WORDS.get(token) or (int(m.group(1)) if (m := ORDINAL.fullmatch(token)) else None)
        if ordinal and i + 1 < len(tokens) and tokens[i + 1] in ("member", "member state", "state"):
            owner = owner_before(reading, i)
            subject = [f for f in reading.lists if f.last < i]
            if owner is None or not subject or len(subject[-1].states) != 1:
                continue
            out.append(count_claim(reading, article, owner, ordinal, i, i + 2, subject[-1]))
            continue
        counted = number(token)
        if not counted or counted < 2 or i + 1 >= len(tokens):
            continue
        follows = tokens[i + 1 : i + 4]
        if follows[:1] == ["-"] and follows[1:2] and follows[1] in ("nation", "member", "country", "state"):
            # "the six - nation bloc", "the 32 - member alliance"
            k = i + 3
            if k < len(tokens) and tokens[k] in ("military", "security", "regional", "economic", "political"):
                k += 1
            owner = next((p for p in reading.orgs if p <= k <= reading.org_spans[p] and p >= i - 1), None)
            if owner is None:
                continue
            out.append(
                count_claim(
                    reading, article, reading.orgs[owner], counted, i - 1, reading.org_spans[owner] + 1
                )
            )
            continue
        if follows[:1] and follows[0] in COUNTED:
            # "NATO's 32 members", "the group now has ten members", "its 10 member states"
            owner = owner_before(reading, i)
            has = i >= 1 and tokens[i - 1] in (
                "has",
                "have",
                "had",
                "now",
                "counts",
                "numbers",
                "of",
                "all",
                "its",
            )
            if owner is None or not (has or (i >= 1 and tokens[i - 1] in ("'s", "’s"))):
                continue
            if tokens[i - 1] in ("of", "all") and not (i >= 2 and tokens[i - 2] in ("'s", "’s", "its")):
                continue
            out.append(count_claim(reading, article, owner, counted, i, i + 2))
    return out


def owner_before(reading: Reading, i: int) -> str | None:
    """The organisation owning a count at ``i``: "NATO's 32", "the alliance's 30th", "the group now
    has ten", "its 10"."""
    tokens = reading.tokens
    j = i - 1
    while j >= 0 and tokens[j] in ("'s", "’s", "now", "has", "have", "had", "counts", "numbers", "all",
                                    "of", "currently", "already", "also", "the"):  # fmt: skip
        j -= 1
    if j < 0:
        return None
    if tokens[j] == "its":
        return reading.orgs.get(j)
    owner = next((p for p in reading.orgs if reading.org_spans[p] == j), None)
    return reading.orgs[owner] if owner is not None else None


def count_claim(
    reading: Reading, article: str, org: str, count: int, start: int, end: int, found: Lst | None = None
):
    lo = min(start, found.first) if found else start
    line_start = reading.chars[max(lo, 0)][0]
    line_end = reading.chars[min(end, len(reading.chars)) - 1][1]
    text_start, text_end = reading.line.span(line_start, line_end)
    first, last = clause_range(reading, max(start, 0))
    states = [reading.line.mentions[i] for i in found.states] if found else []
    time = {"anchor": "article", "value": None}
    if found is None:
        time = time_of(reading, max(start, 0), min(end, len(reading.tokens)) - 1, first, last, False)
    claim = Claim(org, "count", ("member",), states, time, "affirmed", False, article[text_start:text_end],
                  text_start, text_end, "ordinal" if found else "count", count=count)  # fmt: skip
    claim.reported = attributed(text_start, line_start, line_end, reading.line, article)
    return claim
