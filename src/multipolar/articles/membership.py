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
    ’s effectively technically - fledged among countries nations states one two three four five six seven
    eight nine ten to serve re ( ) – — last country nation state"""
) | words("permanent special formal official enhanced")  # "granted permanent observer status"
# words that may stand between a cue and the list after it ("members of the SCO (China, ...)",
# "founded by", "groups", "invitations were sent to")
OBJECT_GLUE = words(
    """to as such like including include includes are were is was : — – - ( namely the by of in from with
    both all currently now today presently also already still nations countries states , being which
    among them its their together that were 's ’s leaders representatives heads governments one two three
    four five six seven eight nine ten eleven twelve"""
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
STATE_SYMBOL = re.compile(r"<(?:state|capital)#(\d+)>")
ORG_SYMBOL = re.compile(r"<org#(\d+)>")
MAX_GAP = 8  # words between a list and its cue
TOPIC_REACH = 1500  # characters before a sentence in which the organisation it is about was named
NEAR = 4  # words between a claim and the time expression that anchors it
# anaphors that fit any organisation; the others must be a word of its name or kind ("the union")
ANY_ORGANISATION = words(
    "bloc alliance group grouping organisation organization body format association club"
)
# words between an organisation and the status it owns: "the SCO's six full members", "NATO's new"
OWNER_GAP = words("'s ’s full new newest latest permanent founding - nation member")
# words that make a whole clause a condition, wherever they stand in it
CONDITIONS = words("if unless whether once")
# words after "once" that make it "formerly", not "as soon as" ("left the grouping once before")
ONCE_BEFORE = words("before again more - upon")
GAINED = words("joined admitted")
STARTING = re.compile(r"\b(?:beginning|starting|from|effective|as of)(?: on)? $")
# verbs that make the states after them take up a status named after "as"
ADMITTING = words(
    "elected elects elect admitted admits admit accepted accepts accept welcome welcomes welcomed invited"
)
# events whose verb may take an object that is not the organisation
EVENTS = words("joined left withdrew admitted")
# words that may follow an event's verb when it has no object of its own ("A and B joined in 2017")
EVENT_ENDS = words(
    """. , ; : in on at since last this and after before as with to when — – - ) " ” ' it later earlier
    soon again"""
)
# words between a listing verb and the organisation before it ("the bloc, which is currently made up of")
LISTING_GAP = words(
    """, – — - which that is are was were today group bloc grouping alliance organisation organization format
    a an security military political economic regional intergovernmental trade formed founded established
    created launched set up in"""
)  # "Mercosur – comprising A, B and C –", "the SCO is a security bloc comprising", "the council, formed in
# 1996, groups"
# words before a capital that make it a place, not its government ("in Astana")
VENUE = words("in at to from near outside inside via the of")
# words before a state's name in a list that qualify it ("observers from Communist China")
QUALIFIERS = words("communist nationalist red mainland soviet socialist democratic")
# a list opens with one of them, "the" or a name
LIST_OPENERS = QUALIFIERS | {"the"}
# words that may stand between a clause's opening word and a verb that takes the clause before's
# subject ("X is a partner but is not a member", "A joined in 2004 and became ...")
VERB_OPENINGS = words(
    """is are was were has have had will would became become becomes joined join left quit withdrew
    remains remained holds held also still then later now did does do not"""
)
# adverbs left out of a gap before its words are matched ("are also set to join")
ADVERBS = words(
    """also still already now currently formally officially finally eventually later then soon thus
    temporarily previously formerly fully effectively today"""
)
ORDINARY_WHAT = {"member", "observer", "dialogue partner", "partner", "candidate", "associate", "suspended"}


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    what: str
    statuses: tuple[str, ...]  # registry statuses it may mean, the first the organisation records wins
    side: str  # where its states stand: "subject" (before), "object" (after), "both", or "passive":
    # before it after a form of "be" ("were suspended"), else after it ("the AU suspended Niger")
    whole: bool  # a listing verb: the list after it is the whole membership
    beside: bool  # the organisation must be named beside it ("NATO allies", "participated in the treaty")
    denied: bool = False  # the cue itself denies: "remains outside the EU", "has yet to join"


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
    past: bool = False  # "India and Pakistan were observers": held at some time up to the article's day
    notes: list = field(default_factory=list)


@cache
def cues() -> dict[str, list[Cue]]:
    """``data/cues.csv`` by each cue's first word, longest cues first. A row whose cue opens with a
    verb of ``data/verbs.csv`` in its plain form stands for every form of the verb (``inflected``)."""
    rows = read_data("cues.csv")
    given = {tuple(row["cue"].split()) for row in rows}
    out: dict[str, list[Cue]] = {}
    for row in rows:
        cue = Cue(
            tuple(row["cue"].split()),
            row["what"],
            tuple(row["status"].split(";")),
            row["side"],
            row["whole"] == "yes",
            row["beside"] == "yes",
            row.get("polarity") == "denied",
        )
        for form in (cue, *inflected(cue)):
            if form is cue or form.words not in given:
                given.add(form.words)
                out.setdefault(form.words[0], []).append(form)
    for found in out.values():
        found.sort(key=lambda c: -len(c.words))
    return out


def read_data(name: str) -> list[dict]:
    with resources.files("multipolar.articles").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def verb_forms() -> dict[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """``data/verbs.csv``: each verb's plain form (as words) -> its other forms."""
    forms = ("third", "past", "participle", "ing")
    return {
        tuple(row["lemma"].split()): {form: tuple(row[form].split()) for form in forms}
        for row in read_data("verbs.csv")
    }


def inflected(cue: Cue) -> list[Cue]:
    """The other forms of a cue that opens with a verb's plain form: "suspend" (its states after
    it) is also "suspends", "suspending" and, a past form reading as a passive too, "suspended"
    ("the AU suspended Niger", "Niger was suspended"); "join" (its states before it) is also
    "joins", "joined", "joining"."""
    if cue.side not in ("subject", "object"):
        return []
    verb = next((v for v in verb_forms() if cue.words[: len(v)] == v), None)
    if verb is None:
        return []
    rest = cue.words[len(verb) :]
    out = []
    for form, words in verb_forms()[verb].items():
        side = "passive" if cue.side == "object" and form in ("past", "participle") else cue.side
        out.append(Cue((*words, *rest), cue.what, cue.statuses, side, cue.whole, cue.beside, cue.denied))
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
    """The longest of ``role``'s word sequences found in ``tokens`` (adverbs aside: "are also set to")."""
    if not tokens or role_firsts()[role].isdisjoint(tokens):
        return None
    starts = role_starts()[role]
    plain = [t for t in tokens if t not in ADVERBS]
    for i, word in enumerate(plain):  # the first place where one starts; there, the longest
        for phrase in starts.get(word, ()):
            if tuple(plain[i : i + len(phrase)]) == phrase:
                return phrase
    return None


@cache
def role_firsts() -> dict[str, frozenset[str]]:
    """Each role's first words."""
    return {role: frozenset(starts) for role, starts in role_starts().items()}


@cache
def role_starts() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """Each role's word sequences by their first word, longest first."""
    return {role: by_first_word(phrases) for role, phrases in claim_words().items()}


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
    times: dict = field(default_factory=dict)  # mention index -> its own time: "Qatar (1961), Libya (1962)"


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
    breaks: set[int] = field(default_factory=set)  # stream positions right after a time taken out
    day: dt.date | None = None  # the article's
    numbers: list[int] | None = None  # stream positions of numbers and ordinals ("32", "six", "30th")
    occurrences: list | None = None  # the cues in the stream (cue_occurrences)


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
        if not timing.WRITTEN_DIGIT.search(line.line) and not may_claim(line.line):
            continue  # no cue, no number, no bracket after a name: no claim (most sentences)
        reading = read_line(line, day, org_mentions, org_starts)
        if reading is None:
            continue
        out.extend(claims_of(reading, article, day, org_mentions, org_starts))
    return out


def may_claim(line: str) -> bool:
    """Can a line with no digit of its own (a symbol's, "<state#12>", aside) make a claim? It needs
    a cue or one of reading_words(); a cue's first word will do where a time expression ("last
    year") may be taken out from between its words. With no state named, only a count can be
    read, and that needs a number."""
    words = line.split(" ")
    if trigger_words().isdisjoint(words):
        return False
    relative = timing.RELATIVE_HINT.search(line)
    if reading_words().isdisjoint(words) and not relative and not cue_occurrences(words):
        return False
    return bool(STATE_IN_LINE.search(line) or NUMBER_WORD.search(line))


STATE_IN_LINE = re.compile(r"<(?:state|capital)#")


def numbered(tokens: list[str]) -> list[int]:
    """The positions of numbers and ordinals in a stream ("32", "six", "30th", "tenth")."""
    return [i for i, t in enumerate(tokens) if t[0].isdigit() or t in NUMBER_WORDS or t in ORDINAL_WORDS]


def may_read(tokens: list[str], numbers: list[int], occurrences: list) -> bool:
    """Can a line's stream (its times taken out) with ``numbers`` and cue ``occurrences`` at
    those positions make a claim? A count needs a number; any other claim a state's name and a
    cue or one of reading_words()."""
    if numbers:
        return True
    if not any(t.startswith(("<state#", "<capital#")) for t in tokens):
        return False
    return bool(occurrences) or not reading_words().isdisjoint(tokens)


@cache
def reading_words() -> frozenset[str]:
    """The words that open a reading other than a cue's (claims_of): a number or an ordinal
    (counts), a bracket, dash or colon (a list after a name, bracketed), a verb of signing
    (signed_founding). Lines with none of them and no cue are not read (most sentences): a new
    reading that opens with other words must add them here (tests/test_articles_line_filter.py)."""
    return frozenset(NUMBER_WORDS) | frozenset(ORDINAL_WORDS) | {"(", "—", "–", ":", "-"} | SIGNING


@cache
def trigger_words() -> frozenset[str]:
    """A word one of which a line must hold to make a claim: a cue's first word, or a reading word."""
    return frozenset(cues()) | reading_words()


def read_line(line: SentenceLine, day, org_mentions, org_starts) -> Reading | None:
    words = line.line.split(" ")
    positions, at = [], 0
    for word in words:
        positions.append((at, at + len(word)))
        at += len(word) + 1
    found_times = timing.times_in(line.line, day)
    if found_times or "" in words:
        inside = set()
        for time in found_times:
            inside.update(i for i, (a, b) in enumerate(positions) if a >= time.start and b <= time.end)
        keep = [i for i in range(len(words)) if i not in inside and words[i]]
        tokens = [words[i] for i in keep]
        chars = [positions[i] for i in keep]
        breaks = {n for n, i in enumerate(keep) if i - 1 in inside}
    else:  # no time taken out: the stream is the line's words
        tokens, chars, breaks = words, positions, set()
    numbers = numbered(tokens)
    occurrences = cue_occurrences(tokens)
    if not may_read(tokens, numbers, occurrences):
        return None
    reading = Reading(line, tokens, chars, found_times, [], {}, {}, [], [], breaks, day, numbers, occurrences)
    find_orgs(reading, org_mentions, org_starts)
    find_lists(reading)
    find_clauses(reading)
    return reading


def last_org_before(
    position: int,
    org_mentions,
    org_starts,
    day: dt.date | None = None,
    statuses: tuple[str, ...] = (),
    latest: bool = False,
) -> str | None:
    """The organisation an article is talking about at ``position`` when a sentence names none: of
    those named in the stretch before it (TOPIC_REACH characters, or the last one named), the one
    named most often so far, the later on a tie; one that existed on the article's ``day`` before
    one that did not ("the Shanghai Five" of the 1990s named after "the SCO"). With ``latest`` (a
    sentence that names none and uses no word for one), the last named wins over the most named."""
    from multipolar.orgs import registry

    at = bisect.bisect_left(org_starts, position)
    if not at:
        return None
    named = [org_id(m.key) for m in org_mentions[:at]]
    recent = {org_id(m.key) for m in org_mentions[:at] if m.start > position - TOPIC_REACH} | {named[-1]}
    last_seen = {org: i for i, org in enumerate(named)}

    def weight(org: str) -> tuple:
        existed = day is None or registry.organisation(org).existed_on(day)
        if latest:
            return (keeps(org, statuses), existed, last_seen[org])
        return (keeps(org, statuses), existed, named.count(org), last_seen[org])

    return max(recent, key=weight)


def keeps(org: str, statuses: tuple[str, ...]) -> bool:
    """Does the organisation keep one of ``statuses`` other than plain membership (the Security
    Council's "elected" members, an observer)?"""
    from multipolar.articles.verdicts import recorded

    return any(recorded(org, s) for s in statuses if s != "member")


@cache
def org_id(name: str) -> str:
    """The registry id of an organisation's name as the gazetteer matched it ("BRIC": BRICS)."""
    from multipolar.orgs import registry

    return registry.organisation(name).id


def find_orgs(reading: Reading, org_mentions, org_starts) -> None:
    """Organisation symbols, and the words standing for the organisation named last: "the bloc",
    "the six-nation bloc", "the alliance's", "its" (before a cue)."""

    tokens, line = reading.tokens, reading.line
    anaphors = single_words()["anaphor"]
    for i, token in enumerate(tokens):
        symbol = token.startswith("<org#") and ORG_SYMBOL.fullmatch(token)
        if symbol:
            reading.orgs[i] = org_id(line.mentions[int(symbol.group(1))].key)
            reading.org_spans[i] = i
            continue
        if token in anaphors and i > 0:
            # "the bloc", "the six - nation bloc", "the 13 - member international oil cartel": "the"
            # within six words
            back = [j for j in range(max(0, i - 6), i) if tokens[j] == "the"]
            if not back or any(t.startswith("<") or t in (",", ";") for t in tokens[back[-1] + 1 : i]):
                continue
            if i + 1 < len(tokens) and (tokens[i + 1].startswith("<org") or tokens[i + 1] == "of"):
                continue  # "the group of <org>", "the alliance of ..." names something else
            if token in ANY_ORGANISATION:
                named = referent(reading, back[-1], org_mentions, org_starts)
            else:  # "the League", "the Union": the last named whose name or kind has the word
                named = named_with(token, reading, back[-1], org_mentions, org_starts)
            if named is None:
                continue
            reading.orgs[back[-1]] = named
            reading.org_spans[back[-1]] = i
        elif token in ("its", "their") and i + 1 < len(tokens) and tokens[i + 1] in cues():
            named = referent(reading, i, org_mentions, org_starts)
            if named:
                reading.orgs[i] = named
                reading.org_spans[i] = i
    for i in [i for i in reading.orgs if tokens[i - 1 : i] == ["("] and tokens[i + 1 : i + 2] == [")"]]:
        named = spelled_out(reading, i - 1)
        if named is not None:  # "the Organization of Petroleum Exporting Countries (OPEC)": one name
            reading.orgs[named] = reading.orgs[i]
            reading.org_spans[named] = i + 1


# small words inside an organisation's name ("Organization of Petroleum Exporting Countries")
NAME_JOINS = words("of the and for on in")


def spelled_out(reading: Reading, bracket: int) -> int | None:
    """Where a name spelled out before a bracketed abbreviation starts: two or more words before
    ``bracket``, capitalised in the article, that the gazetteer did not match as the organisation
    ("the Assn. of Southeast Asian Nations (ASEAN)"); None when there is none."""
    line, tokens = reading.line, reading.tokens
    k, capitals = bracket - 1, 0
    while k >= 0 and not tokens[k].startswith("<") and k not in reading.orgs:
        start, _ = line.span(*reading.chars[k])
        if line.text[start : start + 1].isupper():
            capitals += 1
        elif tokens[k] not in NAME_JOINS or tokens[k] == "the":
            break
        k -= 1
    k += 1
    while k < bracket and tokens[k] in NAME_JOINS:
        k += 1  # the name opens with a capital
    return k if capitals >= 2 and k < bracket else None


def named_with(word: str, reading: Reading, position: int, org_mentions, org_starts) -> str | None:
    """The organisation named last before ``position`` whose name or kind holds ``word``."""
    from multipolar.orgs import registry

    def fits(key: str) -> bool:
        org = registry.organisation(org_id(key))
        return word in " ".join((org.name, org.kind, *org.aliases)).lower().split()

    for j in range(position - 1, -1, -1):
        symbol = ORG_SYMBOL.fullmatch(reading.tokens[j])
        if symbol and fits(reading.line.mentions[int(symbol.group(1))].key):
            return org_id(reading.line.mentions[int(symbol.group(1))].key)
    at = bisect.bisect_left(org_starts, reading.line.start)
    for mention in reversed(org_mentions[max(0, at - 20) : at]):
        if fits(mention.key):
            return org_id(mention.key)
    return None


def referent(reading: Reading, position: int, org_mentions, org_starts) -> str | None:
    """The organisation named last before stream position ``position``."""
    for j in range(position - 1, -1, -1):
        symbol = ORG_SYMBOL.fullmatch(reading.tokens[j])
        if symbol:
            return org_id(reading.line.mentions[int(symbol.group(1))].key)
    return last_org_before(reading.line.start, org_mentions, org_starts, reading.day)


# words that join a state to a list without closing it ("Russia, Kazakhstan and Kyrgyzstan besides China")
ADDING = tuple(
    (*comma, *words)
    for words in (("besides",), ("apart", "from"), ("in", "addition", "to"), ("alongside",))
    for comma in ((), (",",))
)
LIST_JOINS = ADDING + (
    ("and",), (",", "and"), ("&",), ("as", "well", "as"), (",", "as", "well", "as"), ("nor",),
    ("together", "with"), ("along", "with"),
)  # fmt: skip
JOINS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _join in LIST_JOINS:
    JOINS_BY_FIRST.setdefault(_join[0], []).append(_join)
RUNS_ON = (
    ("and", "other"), (",", "and", "other"), ("along", "with"), ("together", "with"), ("plus",),
    ("and", "others"), (",", "among", "others"), ("among", "others"), ("etc",), ("and", "the", "rest"),
    ("as", "well", "as"), (",", "as", "well", "as"), ("and", "a", "number", "of"),
    (",", "and", "a", "number", "of"), ("and", "several"), ("and", "some"), ("and", "many"),
    ("and", "a", "few"),
)  # fmt: skip


RUNS_ON_LONGEST = max(len(w) for w in RUNS_ON)


def state_at(tokens: list[str], i: int) -> int | None:
    """The position of a state symbol at ``i`` (after a "the" or a word such as "Communist" at
    ``i``), else None."""
    if i < len(tokens) and tokens[i] in LIST_OPENERS:
        i += 1
    if i >= len(tokens) or not STATE_SYMBOL.fullmatch(tokens[i]):
        return None
    if i >= 3 and tokens[i - 1] == "," and tokens[i - 3] in ("in", "at", "near") and tokens[i - 2].isalpha():
        return None  # "the summit in Kazan, Russia": the country of a place
    venue = i > 0 and tokens[i - 1] in VENUE
    owned = tokens[i + 1 : i + 2] in (["'s"], ["’s"]) and i + 2 < len(tokens) and tokens[i + 2] in EVENT_NOUNS
    if tokens[i].startswith("<capital") and (
        venue or i + 1 < len(tokens) and tokens[i + 1] in ("-", "'s", "’s") and not owned
    ):
        return None  # "the summit in Astana", "Moscow-Beijing talks": a place, not a government ("Tehran's
        # admission" is the government's)
    return i


def find_lists(reading: Reading) -> None:
    tokens, i = reading.tokens, 0
    # where a list may open: a state's symbol, or the word before it if that is "the" or a qualifier
    openings = []
    for k, token in enumerate(tokens):
        if token.startswith(("<state#", "<capital#")):
            if k and tokens[k - 1] in LIST_OPENERS:
                openings.append(k - 1)
            openings.append(k)
    for opening in openings:
        if opening < i:
            continue
        i = opening
        at = state_at(tokens, i)
        if at is None:
            continue
        first, states, closed = i, [at], False
        negated = i > 0 and tokens[i - 1] == "neither"
        own_times: dict[int, timing.Time] = {}
        j = bracketed_time(reading, at, own_times)
        while j < len(tokens) and j not in reading.breaks:  # "Germany [in 1955] and Greece ..."
            joins = JOINS_BY_FIRST.get(tokens[j], ())
            join = next((w for w in joins if tuple(tokens[j : j + len(w)]) == w), None)
            if join is None and tokens[j] == ",":
                join = (",",)
            if join is None and one_phrase(reading, states[-1], j):
                states.append(j)  # "the two countries": one phrase standing for a whole list
                closed = True
                j = j + 1
                continue
            if join is None and states[-1] in own_times and state_at(tokens, j) is not None:
                join = ()  # "Qatar (1961) Libya (1962)": a list set out item by item, a time to each
            if join is None:
                break
            following = state_at(tokens, j + len(join))
            if following is None:
                break
            if closed and join[-1:] != ("as",) and join != (",", "as", "well", "as") and join not in ADDING:
                break  # after "A and B", ", C" opens another clause
            if join not in ADDING:
                closed = join[-1:] in (("and",), ("&",), ("nor",))  # after "as well as" a new list opens
            states.append(following)
            j = bracketed_time(reading, following, own_times)
        rest = tokens[j : j + RUNS_ON_LONGEST]
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
                {int(STATE_SYMBOL.fullmatch(tokens[s]).group(1)): t for s, t in own_times.items()},
            )
        )
        i = j


def one_phrase(reading: Reading, before: int, at: int) -> bool:
    """Are the state symbols at stream positions ``before`` and ``at`` one phrase's ("the two
    countries" stands for each state of a list named before: referents.py)?"""
    tokens = reading.tokens
    if (
        at >= len(tokens)
        or not STATE_SYMBOL.fullmatch(tokens[at])
        or not STATE_SYMBOL.fullmatch(tokens[before])
    ):
        return False
    mentions = reading.line.mentions
    first = mentions[int(STATE_SYMBOL.fullmatch(tokens[before]).group(1))]
    second = mentions[int(STATE_SYMBOL.fullmatch(tokens[at]).group(1))]
    return first.start == second.start and first.end == second.end


def bracketed_time(reading: Reading, at: int, found: dict) -> int:
    """The position after the state at ``at``, past a bracketed time of its own ("Qatar (1961)"),
    which ``found`` records by the state's position."""
    tokens = reading.tokens
    if tokens[at + 1 : at + 3] == ["(", ")"] and at + 2 in reading.breaks:
        start, end = reading.chars[at + 1][1], reading.chars[at + 2][0]
        inside = [t for t in reading.times if start <= t.start and t.end <= end]
        if inside:
            found[at] = inside[0]
            return at + 3
    return at + 1


def find_clauses(reading: Reading) -> None:
    tokens = reading.tokens
    number, starts = 0, [0]
    in_list = set()
    for found in reading.lists:
        in_list.update(range(found.first, found.last + 1))
    clause_of = []
    for i, token in enumerate(tokens):
        # "yet" opens a clause, but "has yet to join" is one verb
        ends = token in CLAUSE_ENDS and not (token == "yet" and tokens[i + 1 : i + 2] == ["to"])
        if token == "and" and not ends:
            after = tokens[i + 1 : i + 3]
            following = after[1] if after[:1] == ["the"] and len(after) > 1 else after[0] if after else ""
            ends = (
                i not in in_list and state_at(tokens, i + 1) is None
                and not following[:1].isdigit() and not following.startswith("<org")
            )  # fmt: skip
        if ends and i > 0:
            number += 1
            starts.append(i)
        clause_of.append(number)
    reading.clause_of, reading.clause_starts = clause_of, starts


QUOTES = frozenset('"“”‘’«»')
QUOTE_CHARS = re.compile('["“”‘’«»]')


def cue_occurrences(tokens: list[str]) -> list[tuple[int, int, Cue]]:
    """Where the cues stand: (start, end, cue); quotation marks inside a cue are passed over
    ("had “frozen” its participation", "considers itself “outside of” the CSTO")."""
    out, i = [], 0
    table = cues()
    quotes = [k for k, t in enumerate(tokens) if t in QUOTES] if QUOTE_CHARS.search(" ".join(tokens)) else []
    while i < len(tokens):
        found = table.get(tokens[i], ())
        if not found:
            i += 1
            continue
        match = next((c for c in found if tuple(tokens[i : i + len(c.words)]) == c.words), None)
        end = i + len(match.words) if match else i
        if match is None and quotes and any(i < q <= i + 6 for q in quotes):
            for c in found:
                words, k = [], i
                while k < len(tokens) and len(words) < len(c.words):
                    if tokens[k] not in QUOTES or not words:
                        words.append(tokens[k])
                    k += 1
                if tuple(words) == c.words:  # and past the closing mark: "itself “outside of” the CSTO"
                    match, end = c, k + (k < len(tokens) and tokens[k] in QUOTES)
                    break
        if match:
            if quotes and end < len(tokens) and tokens[end] in QUOTES and match.side != "subject":
                end += 1  # "decided to 'immediately suspend' Gabon": the list after the closing mark
            out.append((i, end, match))
            i = end
        else:
            i += 1
    return out


def glue_ok(words: list[str], glue: frozenset[str], reading: Reading, start: int) -> bool:
    """Are ``words`` (the stream from ``start``) only small words, the phrases of claim_words.csv's
    roles that change a reading ("will", "is set to", "became", "was granted") and organisations?"""
    kept = [(start + n, w) for n, w in enumerate(words) if w not in ADVERBS]  # "are also set to"
    plain = [w for _, w in kept]
    i = 0
    while i < len(kept):
        at = kept[i][0]
        if at in reading.orgs:
            end = reading.org_spans[at]
            while i < len(kept) and kept[i][0] <= end:
                i += 1
            continue
        phrase = next((p for p in role_phrases_from(plain[i]) if tuple(plain[i : i + len(p)]) == p), None)
        if phrase:
            i += len(phrase)
            continue
        if plain[i] not in glue and ordinal(plain[i]) is None:
            return False
        i += 1
    return True


def ordinal(word: str) -> int | None:
    """'30th' -> 30, 'tenth' -> 10; else None."""
    found = ORDINAL.fullmatch(word)
    return int(found.group(1)) if found else ORDINAL_WORDS.get(word)


@cache
def ROLE_PHRASES() -> tuple[tuple[str, ...], ...]:  # noqa: N802 - a constant read from data once
    """The phrases of the roles that may stand between a list and its cue, longest first."""
    roles = claim_words()
    found = {*roles["gain"], *roles["lose"], *roles["future"], *roles["negation"]}
    return tuple(sorted(found, key=len, reverse=True))


def role_phrases_from(word: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of ROLE_PHRASES that open with ``word``, longest first."""
    return role_phrases_by_first().get(word, ())


@cache
def role_phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    return by_first_word(ROLE_PHRASES())


def by_first_word(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word sequences by their first word, each word's in the order given."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(found) for word, found in out.items()}


def claims_of(reading: Reading, article: str, day, org_mentions, org_starts) -> list[Claim]:
    tokens = reading.tokens
    out: list[Claim] = []
    taken: set[tuple] = set()  # (organisation, list start, what) already claimed
    occurrences = reading.occurrences if reading.occurrences is not None else cue_occurrences(tokens)
    for start, end, cue in occurrences:
        if start and titled(reading, start, article):
            continue  # "the Declaration on the Admission of Cambodia": a document's name, not an event
        claim = read_cue(reading, start, end, cue, article, day, org_mentions, org_starts)
        if claim is None or claim[0].org is None:
            continue
        found, first = claim
        # a listing verb adds nothing to a list a status was claimed of ("observers of the organisation
        # include A, B": not members too); joining and being admitted are one event, unless each has a
        # time of its own ("was added on 13 November 2005, and became a member on 3 April 2007")
        kind = ("gained", str(found.time)) if found.what in GAINED else (found.what, found.polarity)
        listing = cue.whole or cue.words[0] in ("include", "includes", "including", "included")
        # "welcome A and B as new members": the status after an event that gained it is that event
        gained_as = found.what in ORDINARY_WHAT and any(
            key[:2] == (found.org, first) and key[2][0] == "gained" and key[3:] == (found.statuses,)
            for key in taken
        )
        if (
            any(key[:3] == (found.org, first, kind) for key in taken)
            or gained_as
            or listing
            and any(key[:2] == (found.org, first) for key in taken)
        ):
            continue
        taken.add((found.org, first, kind, found.statuses))
        out.extend(each_in_its_time(found, reading))
    out.extend(signed_founding(reading, article, taken))
    out.extend(bracketed(reading, article, day, taken))
    out.extend(gapped(reading, article, out, {key[1] for key in taken}))
    out.extend(likewise(reading, article, out, {key[1] for key in taken}))
    out.extend(counts(reading, article, day, org_mentions, org_starts))
    return once_each(out)


def once_each(found: list[Claim]) -> list[Claim]:
    """One claim per sentence for each organisation, kind, states, time and polarity: "welcomed
    Indonesia for its entry into BRICS" says once that Indonesia joined."""
    if len(found) < 2:
        return found
    seen, out = set(), []
    for claim in found:
        kind = "gained" if claim.what in GAINED else claim.what
        states = tuple(m.key for m in claim.states)
        key = (claim.org, kind, states, str(claim.time), claim.polarity, claim.count)
        if claim.states and key in seen:
            continue
        seen.add(key)
        out.append(claim)
    return out


SIGNING = words("sign signs signed signing")
# "sign the Treaty of Rome establishing the EEC", "signed a charter that created the GCC"
FOUNDING_WORDS = words("establishing creating founding instituting")


def signed_founding(reading: Reading, article: str, taken: set) -> list[Claim]:
    """Founding said as a signing: "A, B and C sign the Treaty of Rome establishing the EEC", "In 1981
    A, ... and F signed a charter establishing the GCC", "the treaty establishing NATO was signed by
    A, B and C": the states that signed the document that set the organisation up are its founders."""
    tokens, out = reading.tokens, []
    if "sign" not in reading.line.line:
        return out  # (most lines: no signing)
    for s, token in enumerate(tokens):
        if token not in SIGNING:
            continue
        first, last = clause_range(reading, s)
        # the document and the organisation it set up, within eight words after the verb (or before it
        # in a passive: "the treaty establishing NATO was signed by")
        found = None
        for k in [*range(s + 1, min(last, s + 9)), *range(max(first, s - 9), s)]:
            if tokens[k] in FOUNDING_WORDS:
                j = k + 1 + (tokens[k + 1 : k + 2] == ["the"])
                if j in reading.orgs:
                    found = (k, j)
                break
        if found is None:
            continue
        k, j = found
        org = reading.orgs[j]
        if k > s:  # "A, B and C sign the treaty establishing": the list before the verb
            chosen = next((f for f in reversed(reading.lists) if first <= f.first and f.last < s), None)
            gap = tokens[chosen.last + 1 : s] if chosen else []
            if chosen is None or not glue_ok(gap, SUBJECT_GLUE, reading, chosen.last + 1):
                continue
        else:  # "... was signed by (the representatives of) A, B and C"
            if tokens[s + 1 : s + 2] != ["by"]:
                continue
            chosen = next((f for f in reading.lists if f.first > s and f.first < last), None)
            if chosen is None or not glue_ok(tokens[s + 1 : chosen.first], OBJECT_GLUE, reading, s + 1):
                continue
        if any(key[:2] == (org, chosen.first) for key in taken) or chosen.open:
            continue
        taken.add((org, chosen.first, ("founded by", "affirmed")))
        lo, hi = min(chosen.first, s), max(chosen.last, reading.org_spans[j])
        line_start, line_end = reading.chars[lo][0], reading.chars[hi][1]
        start, end = reading.line.span(line_start, line_end)
        states = [reading.line.mentions[i] for i in chosen.states]
        time = time_of(reading, max(lo, first), hi, first, last, False)
        whole = chosen.closed and len(states) > 1
        cue = f"{tokens[s]} {tokens[k]}"
        text = article[start:end]
        claim = Claim(org, "founded by", ("member",), states, time, "affirmed", whole, text, start, end, cue)
        claim.reported = attributed(start, line_start, line_end, reading.line, article)
        out.append(claim)
    return out


def titled(reading: Reading, start: int, article: str) -> bool:
    """Is the cue word at ``start`` capitalised inside its sentence, in a line that is not a
    title-case headline (the name of a document: "signed the Declaration on the Admission of")?"""
    at = reading.line.span(*reading.chars[start])[0]
    if not article[at].isupper() or reading.tokens[start - 1] in ('"', "“", "«", "‘", "'", ":", "-", "—"):
        return False
    from multipolar.articles.gazetteer import in_title_case

    return not in_title_case(article, at)


GAP_EDGES = words("; , and .")


def gapped(reading: Reading, article: str, found: list[Claim], used: set[int]) -> list[Claim]:
    """Lists that share another clause's verb, each with a time of its own: "A, B and C joined in
    2004; the Czech Republic, Hungary and Poland in 1999; Spain in 1982": each list takes the event
    of the sentence's claim before it (or after it) and its own time."""
    events = [c for c in found if c.what not in ORDINARY_WHAT and c.what != "count"]
    if not events:
        return []
    tokens, out = reading.tokens, []
    for item in reading.lists:
        if item.first in used or item.last + 1 not in reading.breaks:
            continue
        after = tokens[item.last + 1] if item.last + 1 < len(tokens) else "."
        before = tokens[item.first - 1] if item.first else ";"
        if after not in GAP_EDGES or (
            before not in GAP_EDGES and tokens[item.first - 2 : item.first] != ["followed", "by"]
        ):
            continue
        end = reading.chars[item.last][1]
        time = next((t for t in reading.times if t.start > end), None)
        if time is None:
            continue
        at = reading.line.span(reading.chars[item.first][0], end)[0]
        model = min(events, key=lambda c: (c.start > at, abs(c.start - at)))
        start, stop = reading.line.span(reading.chars[item.first][0], time.end)
        states = [reading.line.mentions[i] for i in item.states]
        claim = Claim(model.org, model.what, model.statuses, states, time.anchor(False, reading.day),
                      model.polarity, False, article[start:stop], start, stop, model.cue)  # fmt: skip
        claim.reported = model.reported
        out.append(claim)
    return out


LIKEWISE = (
    ("as", "are"), ("as", "is"), ("as", "were"), ("as", "was"), ("as", "do"), ("as", "does"),
    ("and", "so", "are"), ("and", "so", "is"),
)  # fmt: skip


# words opening a sentence before a list that the listing verb after it adds to
BESIDES = {("besides",), ("in", "addition", "to"), ("alongside",)}
LISTING_CUES = {"includes", "include", "included", "comprises", "comprised", "groups", "brings together"}


def likewise(reading: Reading, article: str, found: list[Claim], used: set[int]) -> list[Claim]:
    """A list that takes the status of the claim before it: "Bolivia is associated with the group,
    as are Chile, Colombia and Peru", "Ghana is a member, and so is Nigeria"."""
    tokens, out = reading.tokens, []
    held = [c for c in found if c.what in ORDINARY_WHAT and c.polarity == "affirmed"]
    if not held:
        return []
    for item in reading.lists:
        if item.first in used:
            continue
        how = next((w for w in LIKEWISE if tuple(tokens[item.first - len(w) : item.first]) == w), None)
        at = reading.line.span(reading.chars[item.first][0], reading.chars[item.first][1])[0]
        if how is None and tuple(tokens[: item.first]) in BESIDES:
            # "Besides A and B, to which the group owes its name, it also includes C": members too
            model = next((c for c in held if c.start > at and c.cue in LISTING_CUES), None)
            how = tuple(tokens[: item.first])
        elif how is None or tokens[item.first - len(how) - 1 : item.first - len(how)] != [","]:
            continue
        else:
            model = None
        model = model or next((c for c in reversed(held) if c.end <= at), None)
        if model is None:
            continue
        start, stop = reading.line.span(reading.chars[item.first - len(how)][0], reading.chars[item.last][1])
        states = [reading.line.mentions[i] for i in item.states]
        claim = Claim(**{**vars(model), "states": states, "exhaustive": False, "text": article[start:stop],
                         "start": start, "end": stop, "notes": []})  # fmt: skip
        out.append(claim)
    return out


def each_in_its_time(claim: Claim, reading: Reading) -> list[Claim]:
    """A claim whose states each carry a time of their own ("Qatar (1961), Libya (1962)") as one
    claim per time; any other as it is."""
    own = next((f.times for f in reading.lists if f.times and claim.states and
                reading.line.mentions.index(claim.states[0]) in f.states), None)  # fmt: skip
    if not own:
        return [claim]
    out: dict[str, Claim] = {}
    for mention in claim.states:
        time = own.get(reading.line.mentions.index(mention))
        # an item set out with no time of its own beside items with theirs has none ("Qatar (1961),
        # Libya (1962), Ecuador and Gabon"): the claim's nearest time is another item's
        anchor = time.anchor(False, reading.day) if time else {"anchor": "article", "value": None}
        key = str(anchor)
        if key not in out:
            out[key] = Claim(**{**vars(claim), "states": [], "time": anchor, "exhaustive": False})
        out[key].states.append(mention)
    return list(out.values())


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
    if qualified(tokens, first, start) or has_any(tokens[start : start + 2], "part"):
        return None  # "former members", "would-be members"; "Russia's partners in the SCO" are its members
    # "granted permanent observer status to China": the states after "to" take the status
    given_to = None
    if cue.side == "both" and tokens[end : end + 1] == ["to"]:
        given_to = object_list(reading, end + 1, last, cue)
    subject = None if given_to else subject_list(reading, first, start, end, cue)
    carried = False
    if subject is None and cue.side != "object" and reading.clause_of[start] > 0:
        subject = carried_subject(reading, first, start, cue)
        carried = subject is not None
    obj = given_to or (object_list(reading, end, last, cue) if subject is None else None)
    if subject is None and obj is None:
        return None
    if obj and obj.open and "," in tokens[end : obj.first]:
        return None  # "OPEC members, Russia and other oil producers": producers listed, not members
    if (
        obj
        and tokens[end : obj.first] == [","]
        and tokens[obj.last + 1 : obj.last + 2]
        and (tokens[obj.last + 1] in VERB_OPENINGS)
    ):
        return None  # "In addition to its founding members, A and B have also become": a new subject
    chosen = subject or obj
    if obj and obj.possessive and tokens[obj.last + 2 : obj.last + 3] not in (["membership"], ["seat"]):
        return None  # "groups Russia, China and Iran's neighbours": the states own something else
    if subject and not carried and chosen.first > first and tokens[chosen.first - 1] in ("had", "were"):
        return None  # "Had Ukraine and Georgia joined NATO, ...": a counterfactual
    if subject and not carried and tokens[max(first, chosen.first - 2) : chosen.first] in CAUSING:
        return None  # "a roadmap to make Syria part of the league": a purpose, not a status
    if carried:
        gap = tokens[first:start]
    elif subject:
        gap = tokens[chosen.last + 1 : start]
    else:  # the words before the cue and between it and its list (a phrase set off by commas aside)
        gap = (
            tokens[max(first, start - 3) : start]
            + tokens[end + parenthetical(tokens[end : obj.first]) : obj.first]
        )
    if has_any(gap, "hedge") or has_any(tokens[chosen.last + 1 : chosen.last + 6] + tokens[end : end + 5],
                                        "hedge after"):  # fmt: skip
        return None
    # "India and Pakistan to become SCO members": a headline's future, its list opening the line
    bare = [w for w in gap if w not in ADVERBS]  # "Switzerland Soon to be UN's 190th Member"
    headline = bare[:1] == ["to"] and subject and not carried and chosen.first == 0
    allowed = subject and not carried and chosen.first > first and tokens[chosen.first - 1] in ALLOWING
    infinitive = not allowed and (
        has_any(gap, "infinitive") or subject and not carried and bare[-1:] == ["to"]
    )
    ranks = ranked([*gap, *cue.words[:1]]) or ranked(gap)  # "was the last country to become a member"
    if not headline and infinitive and not has_any(gap, "future") and not ranks:
        return None  # "invited Argentina ... to become full members": a purpose, not a claim
    if subject and {"a", "an"} & set(gap) and len(chosen.states) > 1 and not chosen.negated:
        return None  # "Poland, Hungary and the Czech Republic, a NATO member": of the last only
    if cue.what in EVENTS and subject and cue.side != "possessive" and not takes_organisation(reading, end):
        return None  # "withdrew from the military wing", "joined the boycott": not the organisation
    if cue.what == "founded by" and subject and not founds_organisation(reading, end):
        return None  # "Russia and China founded a fund": something else
    if cue.what == "founded by" and cue.side == "object" and not founded_thing(reading, first, start):
        return None  # "the proxy regimes set up by Russia": the thing founded is not an organisation
    if unknown_organisation_after(reading, end, article):
        return None  # "a member of the Joint Institute for Nuclear Research": not one the registry knows
    org = organisation_of(reading, start, end, first, last, chosen, cue, org_mentions, org_starts)
    if org is None or org[0] is None:
        return None
    org, org_unsure, org_at = org
    if org_at is not None and qualified(tokens, first, org_at):
        return None  # "non-NATO members", "prospective NATO members", "former CSTO members"
    own = gap if subject else tokens[end : obj.first]  # the words that say what the states did
    what, elected = cue.what, False
    if subject and not carried and "as" in gap and what in ORDINARY_WHAT:
        # "elected Egypt and Japan as non-permanent members", "Belarus was accepted as a full member"
        verb = tokens[chosen.first - 1] if chosen.first > first else ""
        verb = next((w for w in gap if w in ADMITTING), verb)
        if verb not in ADMITTING:
            return None  # "Turkey as a member ..." of no verb that makes it one
        if has_any(tokens[max(first, chosen.first - 5) : chosen.first], "hedge"):
            return None  # "agreed in principle to admit Timor-Leste as a member"
        what = "was invited" if verb.startswith("invit") else "joined"
        # an election to a seat is for a term that begins later (not "elected as a member" of a body)
        elected = verb.startswith("elect") and "elected" in cue.statuses
    statuses = cue.statuses
    if what not in ORDINARY_WHAT and what != "founded by" and (held_as := status_as(reading, end, last)):
        statuses = held_as.statuses  # "joined the council as an observer", "admitted as observers"
    granted = obj is not None and has_any(tokens[max(first, start - 2) : start], "gain")
    if carried and what in ORDINARY_WHAT and [w for w in gap if w not in ("and", ",")] in (["a"], ["an"]):
        granted = granted or gained_before(reading, first) is not None  # "... and an observer in 2015"
    if what in ORDINARY_WHAT and (has_any(own, "gain") or granted):  # "granted observer status to Iran"
        what = "joined"
    elif what in ORDINARY_WHAT and has_any(own, "lose"):
        what = "left"
    opening = tokens[max(first, (org_at if org_at is not None else start) - 3) : start]
    if what == "member" and has_any(opening, "founding"):
        what = "founded by"
    future = has_any(own if cue.what in ORDINARY_WHAT else gap, "future") or (("to",) if headline else None)
    if future == ("decided", "to") and subject is None:
        future = (
            None  # "decided to suspend Mali": the decision is the event ("Angola decided to leave": not yet)
        )
    if cue.side == "possessive" and not future:
        future = completed_later(tokens[end:last])  # "India and Pakistan's admission will be formalised"
    if elected:
        future = future or ("elected",)
    non = tokens[start - 2 : start] == ["non", "-"] or (
        org_at is not None and tokens[org_at - 2 : org_at] == ["non", "-"]
    )  # "non-members", "non-BRICS member states"; not "non-permanent members"
    # "is not outside the EU": a denying cue denied again is a claim affirmed
    negated = bool(chosen.negated or has_any(gap, "negation") or non) != cue.denied
    lo, hi = min(chosen.first, start), max(chosen.last, end - 1)
    if org_at is not None:
        lo = min(lo, org_at)
    condition = (
        None
        if CONDITIONS.isdisjoint(tokens[first:last])
        else next((i for i in range(first, last) if is_condition(tokens, i)), None)
    )
    if condition is not None and (not future or (condition < lo and "," not in tokens[condition:lo])):
        return None  # "If Georgia, a NATO member, were attacked": inside a condition, or no future
    if lo > 0 and tokens[lo - 1] == "such":
        lo -= 1
    time = time_of(reading, max(lo, first), hi, first, last, bool(future))
    after = reading.chars[hi][1]
    if future == ("agreed", "to") and subject is None and not any(t.start > after for t in reading.times):
        # "On 25 February the Council agreed to suspend Russia": with no time after it, the agreement
        # is the event ("agreed to admit Timor-Leste at the summit in October": one to come)
        future, time = None, time_of(reading, max(lo, first), hi, first, last, False)
    if elected:  # the term's first day, if the sentence gives it ("beginning on 1 January next year")
        begins = [
            t for t in reading.times if STARTING.search(reading.line.line, max(0, t.start - 16), t.start)
        ]
        time = begins[0].anchor(True) if begins else {"anchor": "future", "value": None}
    if future and future[0] == "would" and time["value"] is None:
        return None  # "would join": a condition, unless a day says when
    if future and what in ORDINARY_WHAT:
        what = "joined"
    states = [reading.line.mentions[i] for i in chosen.states]
    part = (
        has_any(tokens[max(first, chosen.first - 4) : chosen.first], "part")
        or has_any(tokens[max(first, lo - 4) : lo], "part")
        or partitive(tokens, max(first, lo - 6), lo)
    )
    # "groups Russia, China and other states": the states listed are members, the list is not the whole
    exhaustive = (
        (what in ORDINARY_WHAT or what == "founded by")
        and bool(obj)
        and not part
        and chosen.closed
        and not chosen.open
        and len(states) >= 2
        and (cue.whole or whole_by_form(reading, start, end, chosen, first))
        or what == "founded by"
        and cue.side == "object"
        and chosen.closed
        and len(states) >= 2
        and not {"including", "such", "like", "among"} & set(tokens[end : chosen.first])
    )
    line_start, line_end = reading.chars[lo][0], reading.chars[hi][1]
    text_start, text_end = reading.line.span(line_start, line_end)
    claim = Claim(
        org=org,
        what=what,
        statuses=statuses,
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
    if condition is not None:
        claim.unsure = f"a condition ('{tokens[condition]}') goes with it"
    shared = next((m for m in states if sum(n.start == m.start for n in states) > 1), None)
    if shared is not None and claim.unsure is None:  # "the two countries" (referents.py)
        claim.unsure = f"the states are '{shared.text}', read as the list named before it"
    past = {"was", "were", "had"} & set(own) or "had been" in " ".join(own)  # "It had observer status"
    if past and what in ORDINARY_WHAT and claim.time["anchor"] == "article" and day and not negated:
        claim.time, claim.past = {"anchor": "until", "value": day.isoformat()}, True
    claim.reported = attributed(text_start, line_start, line_end, reading.line, article)
    if claim.reported and claim.time["anchor"] == "article":
        claim.time = reported_time(reading.line.line) or claim.time
    if claim.exhaustive and (counted := count_before(tokens, start, first)) and counted != len(states):
        claim.unsure = f"the text counts {counted} but lists {len(states)}"
    return claim, chosen.first


# "to make Syria part of", "to see Ukraine join": the status is what someone wants to bring about
CAUSING = [["to", verb] for verb in ("make", "see", "help", "let", "get", "have")]
# verbs before a list whose infinitive after it is the event ("decided to allow Syria to rejoin")
ALLOWING = words("allow allows allowed allowing permit permits permitted")
# "the last country to join", "the newest state to become": the infinitive is an event that happened
# ("the first country to join since 2007", "the fourth country to join" rank it among others: not read)
RANK = re.compile(
    r"(?<![^ ])the (?:last|latest|newest) (?:\S+ ){0,2}(?:country|state|nation|countries|states|nations) "
    r"to (?:join|become|leave|quit|exit|withdraw)(?: an?)?$"
)  # "Togo and Gabon have become the latest African countries to join", "the last country to become a"


def partitive(tokens: list[str], start: int, end: int) -> bool:
    """Does "N of the" stand in ``tokens[start:end]`` ("nine of the 23 member countries: A, B"):
    some of the members, not the whole list?"""
    return any(
        number(tokens[i]) is not None and tokens[i + 1 : i + 3] == ["of", "the"] for i in range(start, end)
    )


def ranked(gap: list[str]) -> bool:
    """Does ``gap`` end in "the last" and an infinitive ("was the last country to join")?"""
    return bool(RANK.search(" ".join(gap)))


# words between "as" and the status it names ("as an observer member", "as a full member")
AS_GAP = words("a an the full permanent new its their")


def status_as(reading: Reading, end: int, last: int) -> Cue | None:
    """The status an event's "as" (or "for") names after it: "joined the council as an observer
    member", "were admitted as observers yesterday", "applied for observer status"."""
    tokens = reading.tokens
    for k in range(end, min(last, end + 6)):
        if tokens[k] in (",", ";"):
            return None
        if tokens[k] not in ("as", "for"):
            continue  # "joined as an observer", "applied for observer status"
        j = k + 1
        while j < last and tokens[j] in AS_GAP:
            j += 1
        found = next(
            (c for c in cues().get(tokens[j], ()) if tuple(tokens[j : j + len(c.words)]) == c.words), None
        ) if j < last else None  # fmt: skip
        return found if found and found.what in ORDINARY_WHAT else None
    return None


def unknown_organisation_after(reading: Reading, end: int, article: str) -> bool:
    """Does a name the gazetteer does not know follow the cue ("member of the Joint Institute",
    "joined the Creation Agreement")? Its words are capitalised in the article."""
    tokens = reading.tokens
    k = end
    while k < len(tokens) and k not in reading.orgs and tokens[k] in ("of", "in", "to", "from", "the"):
        k += 1
    if (
        k == end
        or k >= len(tokens)
        or k in reading.orgs
        or tokens[k].startswith("<")
        or not tokens[k].isalpha()
    ):
        return False
    start, stop = reading.line.span(*reading.chars[k])
    return article[start:stop][:1].isupper()


def takes_organisation(reading: Reading, end: int) -> bool:
    """Does an event verb's object, if it has one, stand for the organisation ("joined the bloc",
    "withdrew from NATO", "joined in 2017"), rather than for something else ("joined the boycott")?"""
    tokens = reading.tokens
    if tokens[end : end + 1] == ["as"] and status_as(reading, end, len(tokens)):
        return True  # "Afghan joins as new member"
    k = end
    while (
        k < len(tokens)
        and k not in reading.orgs
        and tokens[k] in ("from", "the", "as", "into", "to", "formally")
    ):
        k += 1
    if k + 2 < len(tokens) and tokens[k].isalpha() and (k + 1 in reading.orgs or k + 2 in reading.orgs):
        return True  # "from the influential G8 group"
    if k >= len(tokens) or k in reading.orgs or k - 1 in reading.orgs or tokens[k] in EVENT_ENDS:
        return True
    # "joined two years later" (not "acceded to 27 agreements"); "was inducted as the eighth member"
    later = tokens[k + 1 : k + 2] and tokens[k + 1] in TIME_UNITS
    return number(tokens[k]) is not None and bool(later) or ordinal(tokens[k]) is not None


TIME_UNITS = words("year years month months week weeks day days decade decades")


def founded_thing(reading: Reading, first: int, start: int) -> bool:
    """Is what "founded by" (set up by, created by) follows an organisation: "NATO was founded by",
    "the SCO, set up by", "the bloc created by"; not "the proxy regimes set up by Russia"?"""
    tokens, ends = reading.tokens, set(reading.org_spans.values())
    k = start - 1
    while k >= first and tokens[k] in FOUNDED_GAP:
        k -= 1
    return k < first or k in ends or k in reading.orgs or tokens[k] in single_words()["roster"]


FOUNDED_GAP = words(", was were is are which that had been jointly originally first initially formally - –")


def founds_organisation(reading: Reading, end: int) -> bool:
    """Is what a founding verb's states set up the organisation: "founded the SCO", "created it in
    2006", "(an association that A and B) created in 2006"; not "founded a fund"?"""
    tokens = reading.tokens
    k = end + (tokens[end : end + 1] == ["the"])
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


def is_condition(tokens: list[str], i: int) -> bool:
    """Does the word at ``i`` open a condition ("if", "once it joins"; not "once before")?"""
    return tokens[i] in CONDITIONS and not (
        tokens[i] == "once" and tokens[i + 1 : i + 2] and tokens[i + 1] in ONCE_BEFORE
    )


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


def subject_list(reading: Reading, first: int, start: int, end: int, cue: Cue) -> Lst | None:
    """The list before the cue, in its clause, joined to it only by small words; for a
    nominalised event, the owners right before it ("India and Pakistan's admission")."""
    if cue.side == "object":
        return None
    if cue.side == "possessive":
        return owners(reading, first, start, end)
    if cue.words == ("joining",) and reading.tokens[start - 1 : start] == [","] and end in reading.breaks:
        # "Ukraine is also a member of the organization, joining in November 1995": the clause's subject
        before = [f for f in reading.lists if first <= f.first and f.last < start and not f.possessive]
        return before[0] if before else None
    for found in reversed(reading.lists):
        if found.last >= start or found.first < first:
            continue
        gap = reading.tokens[found.last + 1 : start]
        if len(gap) > MAX_GAP:
            return None
        if found.possessive:
            return None  # "Russia's western neighbour becoming ...": the state owns the subject
        if cue.words == ("joining",) and not (
            found.first > first and reading.tokens[found.first - 1] == "with"
        ):
            return None  # "with South Africa joining it", not "objections to Sweden joining"
        if (
            cue.side == "passive"
            and not PASSIVE & set(gap)
            and reading.tokens[start + 1 : start + 2] != ["from"]
        ):
            return None  # "the AU, whose members include ..., has suspended": the list is not suspended
        if gap[-1:] and gap[-1] in QUOTES:
            gap = gap[:-1]  # the quotation mark that opens a quoted cue: "had “frozen” its participation"
        if not glue_ok(gap, SUBJECT_GLUE, reading, found.last + 1) and not (
            ranked([*gap, *cue.words[:1]]) or ranked(gap)
        ):
            return None  # (but "Qatar is the first Gulf country to leave")
        if len(found.states) > 1 and gap[:2] in ([",", "which"], [",", "who"]) and gap[2:3] in SINGULAR:
            # "made up of A, B and Paraguay, which was suspended": the relative clause is the last one's
            at = next(
                k for k in range(found.last, found.first - 1, -1) if STATE_SYMBOL.fullmatch(reading.tokens[k])
            )
            return Lst(at, found.last, [found.states[-1]], False, False, False, False,
                       {k: t for k, t in found.times.items() if k == found.states[-1]})  # fmt: skip
        return found
    return None


SINGULAR = (["was"], ["is"], ["has"])


# nouns of a nominalised event (their first words in cues.csv), and the words that may stand
# between the owners and it ("Iran's permanent membership was approved")
EVENT_NOUNS = words(
    """accession admission readmission entry re ascension inclusion return withdrawal exit departure
    expulsion suspension application invitation membership"""
)
OWNED_GAP = words("'s ’s full formal official permanent formal final eventual planned")
# words after a nominalised event that make it a process, not the event ("Iran's accession process")
PROCESS = words(
    """process talks negotiations protocol protocols procedure procedures criteria plan plans roadmap
    bid bids request requests prospects prospect path road treaty agreement documents date"""
)


# verbs that complete a nominalised event: after "will be" they make it a future one
COMPLETING = words(
    "formalised formalized completed finalised finalized approved confirmed decided sealed ratified"
)


def completed_later(after: list[str]) -> tuple[str, ...] | None:
    """The future words before a verb that completes a nominalised event: "... will be formalised
    at the grouping's summit" (but not "Afghanistan's accession will allow ...")."""
    for i, word in enumerate(after[:10]):
        if word in COMPLETING and after[i - 1 : i] == ["be"] and has_any(after[max(0, i - 4) : i], "future"):
            return ("will",)
    return None


def owners(reading: Reading, first: int, start: int, end: int) -> Lst | None:
    """The states that own a nominalised event: "India and Pakistan's admission", "Tehran's
    accession", "Egypt's return to the league"; not an event still in the making ("Ukraine's
    accession talks", "opposes Ukraine's accession")."""
    tokens = reading.tokens
    k = start - 1
    while k >= first and tokens[k] in OWNED_GAP and tokens[k] not in ("'s", "’s"):
        k -= 1
    pronoun = (
        k >= first
        and (symbol := STATE_SYMBOL.fullmatch(tokens[k]))
        and reading.line.mentions[int(symbol.group(1))].text.lower() == "its"
    )  # "Its admission": a state's, as referents.py read it
    if k - 1 >= first and tokens[k] == "whose" and tokens[k - 1] == ",":
        # "Cuba, whose membership was suspended in 1962": the list before the relative pronoun
        found = next((f for f in reading.lists if f.last == k - 2 and not f.possessive), None)
        return found if found is not None and found.first >= first else None
    if k < first or tokens[k] not in ("'s", "’s") and not pronoun:
        return None
    if pronoun:
        k += 1
    found = next((f for f in reading.lists if f.last == k - 1 and (f.possessive or pronoun)), None)
    if found is None or found.first < first:
        return None
    if tokens[end : end + 1] and tokens[end] in PROCESS:
        return None
    before = tokens[max(first, found.first - 3) : found.first]
    if has_any(before, "hedge") or has_any(before, "document"):
        return None  # "opposes Ukraine's accession", "signed the protocol on Montenegro's accession"
    return found


def carried_subject(reading: Reading, first: int, start: int, cue: Cue) -> Lst | None:
    """The subject of the clause before, when this one goes on with a verb and names no states of
    its own ("X is a partner country but is not a full member")."""
    between = reading.tokens[first + 1 : start]
    skipped = 0
    while between[:1] == [","] and first + 1 + skipped in reading.breaks | {first + 1}:
        between, skipped = between[1:], skipped + 1  # "..., and in 2008, applied": the time is out
    pronoun = between[:1] in (["it"], ["they"]) and len(between) > 1 and between[1] in VERB_OPENINGS
    if pronoun:  # "X is a partner of NATO, while it is not a member": the pronoun is the subject before
        between = between[1:]
    opening = between[0] if between else reading.tokens[start]
    verb = opening in VERB_OPENINGS or opening in ADVERBS or (not between and cue.what not in ORDINARY_WHAT)
    # "became a dialogue partner in 2010 and an observer state in 2015": the verb before goes on
    verb = verb or (between in (["a"], ["an"]) and gained_before(reading, first) is not None)
    if not verb or not glue_ok(between, SUBJECT_GLUE, reading, first + 1 + skipped + pronoun):
        return None  # "..., while dialogue partners include": a clause with a subject of its own
    previous = reading.clause_of[first] - 1
    opening = reading.clause_starts[previous]
    candidates = [f for f in reading.lists if opening <= f.first and f.last < first]
    if candidates and pronoun and (len(candidates[0].states) > 1) != (between[0] == "they"):
        return None  # "it" stands for one state, "they" for more
    return candidates[0] if candidates else None


def gained_before(reading: Reading, first: int) -> tuple[str, ...] | None:
    """The words of gaining ("became", "was granted") in the clause before the one opening at
    ``first``: "Belarus became a dialogue partner in 2010 and an observer state in 2015" gains both."""
    number = reading.clause_of[first] - 1
    if number < 0:
        return None
    return has_any(reading.tokens[reading.clause_starts[number] : first], "gain")


def object_list(reading: Reading, end: int, last: int, cue: Cue) -> Lst | None:
    """The list after the cue, in its clause, joined to it only by small words; for a cue whose
    states stand before it, a list it sets out after a colon ("joined the bloc gradually: A (1961),
    B (1962)")."""
    if cue.side == "subject":
        colon = set_out(reading, end, last)
        if colon is None:
            return None
        end = colon
    for found in reading.lists:
        if found.first < end:
            continue
        if found.first >= last:
            return None
        gap = described(reading.tokens[end : found.first])
        aside = parenthetical(gap)
        if aside:  # "the five permanent members, each wielding a veto, are A, B and C"
            gap, end = gap[aside:], end + aside
        # an organisation's words count as one ("member of the 13-member international oil cartel, A")
        named = sum(
            reading.org_spans[p] - p for p in reading.orgs if end <= p and reading.org_spans[p] < found.first
        )
        if len(gap) - named > MAX_GAP or not glue_ok(gap, OBJECT_GLUE, reading, end):
            return None
        return found
    return None


def parenthetical(gap: list[str]) -> int:
    """The length of a phrase set off by commas that opens ``gap`` before a form of "be" (", each
    wielding veto power, are"), naming no state; 0 when there is none."""
    if gap[:1] != [","] or "," not in gap[1:]:
        return 0
    close = gap.index(",", 1)
    inside = gap[1:close]
    if not 0 < len(inside) <= 6 or any(w.startswith("<state") or w in CLAUSE_ENDS for w in inside):
        return 0
    return close + 1 if gap[close + 1 : close + 2] in (["are"], ["is"], ["were"], ["was"]) else 0


def described(gap: list[str]) -> list[str]:
    """A gap without the one or two words that describe a count of states in it ("groups the eight
    Arctic nations -", "the five Central Asian states:"): they are the states', not the claim's."""
    for k, word in enumerate(gap):
        if word not in COUNTED:
            continue
        if k >= 2 and number(gap[k - 2]) is not None and describing(gap[k - 1]):
            return gap[: k - 1] + gap[k:]
        if k >= 3 and number(gap[k - 3]) is not None and describing(gap[k - 1]) and describing(gap[k - 2]):
            return gap[: k - 2] + gap[k:]
    return gap


def describing(word: str) -> bool:
    """A word that may describe a count of states: a plain word, a region ("Arctic"), a demonym."""
    return word.isalpha() or word.startswith(("<region#", "<demonym#", "<place#"))


# words between a cue and the colon that sets out its list ("joined it gradually:", "joined the bloc
# later:", "joined since:"), besides organisations and the words that stand for one
SET_OUT_GAP = words("it them the gradually later since then subsequently thereafter afterwards as follows")


def set_out(reading: Reading, end: int, last: int) -> int | None:
    """The position of the colon or dash after which a cue's list is set out, if only small
    words and the organisation stand between them; else None."""
    tokens = reading.tokens
    k = end
    while k < min(last, end + 6):
        if tokens[k] in (":", "—", "–"):
            return k
        if k in reading.orgs:
            k = reading.org_spans[k] + 1
            continue
        if tokens[k] not in SET_OUT_GAP:
            return None
        k += 1
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
        own = own or (at >= 1 and tokens[at - 1] == "its" and at - 1 in reading.orgs)
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
    if j >= first and tokens[j] == "+":
        return None  # "the 23 Opec+ member countries": another grouping than the one named
    owner = next((p for p in orgs if p <= j <= reading.org_spans[p]), None)
    if owner is not None and reading.org_spans[owner] == j:
        if coordinated(reading, owner):
            return None  # "NATO and SCO officials": whose?
        return orgs[owner], None, owner
    # after the cue: "members of the SCO", "joined the bloc", "withdrew from the CSTO"
    k = end
    while (
        k < last
        and k not in orgs
        and tokens[k] in ("of", "in", "at", "to", "from", "with", "within", "into", "the", "as", "for")
    ):
        k += 1
    if k + 1 < last and k + 1 in orgs and tokens[k].isalpha() and tokens[k] not in ("and", "or"):
        k += 1  # "excluded from the influential G8 group"
    if k in orgs and k < last:
        if reading.org_spans[k] + 1 < len(tokens) and tokens[reading.org_spans[k] + 1] in ("'s", "’s", "-"):
            return None  # "members of NATO's partnership programme", "the NATO-Ukraine Council"
        if tokens[reading.org_spans[k] + 1 : reading.org_spans[k] + 2] and (
            tokens[reading.org_spans[k] + 1] in single_words()["premises"]
        ):
            return None  # "stayed outside the EU office", "members of the SCO delegation"
        return orgs[k], None, None
    # a listing verb's organisation stands before it: "the SCO, which currently groups"
    if cue.whole or cue.words[0] in ("includes", "include", "including"):
        k = start - 1
        # "the grouping also includes": a word for the organisation right before the verb holds the
        # list; before ", including" only its name does ("who want to enter the organization, including X")
        ends = {reading.org_spans[p]: p for p in orgs}
        loose = cue.words[0] == "including"
        while (
            k >= first
            and (k not in ends or loose and "," in tokens[k:start] and not ORG_SYMBOL.fullmatch(tokens[k]))
            and (tokens[k] in LISTING_GAP or tokens[k] in ADVERBS or has_any([tokens[k]], "founding"))
        ):
            k -= 1
        holder = ends.get(k)
        if (
            holder is None
            and k >= first
            and tokens[k] == "it"
            and (named := referent(reading, k, org_mentions, org_starts))
        ):
            return named, None, None  # "Mercosur was created in 1991, and it is currently made up of"
        if holder is None and k >= first and tokens[k] == "membership":
            if k - 1 in orgs:  # "its membership includes", "NATO's membership includes"
                return orgs[k - 1], None, k - 1
            named = referent(reading, k, org_mentions, org_starts)  # "membership includes A, B": of the
            return (named, None, None) if named else None  # organisation named last
        if holder is None and k >= 0 and tokens[k] == "and" and len(set(orgs.values())) == 1:
            holder = next(iter(orgs))  # "The grouping was founded in 2001 and comprises Russia, ..."
        if holder is None or (k == start - 1 and coordinated(reading, holder)):
            return None  # "NATO and the SCO include Russia and China": whose members?
        return orgs[holder], None, holder
    if cue.beside:
        return None  # "Russia's ally Belarus": the organisation must be named beside the cue
    in_clause = {orgs[p] for p in orgs if first <= p < last}
    in_sentence = set(orgs.values())
    for candidates in (in_clause, in_sentence):
        keeping = {org for org in candidates if keeps(org, cue.statuses)}
        if len(candidates) == 1:
            return candidates.pop(), None, None
        if len(keeping) == 1:  # "the UN ... non-permanent members": the UNSC
            org = keeping.pop()
            return (
                org,
                f"the sentence names several organisations; {org} is the one that keeps that status",
                None,
            )
        if candidates:
            return None
    named = last_org_before(reading.line.start, org_mentions, org_starts, reading.day, cue.statuses, True)
    if named is None:
        return None
    recent = {org_id(m.key) for m in org_mentions if reading.line.start - 600 < m.start < reading.line.start}
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
    opening = reading.times[0] if reading.times and reading.times[0].start <= 3 else None  # "- 1995: ..."
    if opening is None and {"currently", "now", "presently"} & set(
        reading.tokens[max(first, lo - 3) : hi + 1]
    ):
        return {"anchor": "future", "value": None} if future else {"anchor": "article", "value": None}
    if not reading.times:  # no time expression: the article's day
        return {"anchor": "future", "value": None} if future else {"anchor": "article", "value": None}
    starts = [a for a, _ in reading.chars]
    tokens = reading.tokens
    named = {  # the words of organisations' names: one word apart from what they name
        k
        for p, end in reading.org_spans.items()
        if ORG_SYMBOL.fullmatch(tokens[end]) or tokens[end] == ")"
        for k in range(p, end + 1)
    }
    near = []
    for time in reading.times:
        at = bisect.bisect_left(starts, time.start)  # the stream word it stands before
        if not (first < at or first == 0) or at > last:
            continue  # in another clause: one before this ends where this one's first word stands
        # words between the claim and the time; an organisation's name with its brackets or its
        # abbreviation counts as one ("would quit the OPEC (OPEC) on January 1, 2020")
        between = range(at, lo) if at <= lo else range(hi + 1, at)
        distance = sum(
            1
            for k in between
            if k not in named and not (tokens[k].startswith("<org") or tokens[k] in NAME_MARKS)
        )
        if at <= lo and {"and", ";"} & set(reading.tokens[at:lo]):
            continue  # "Germany in 1955 and Greece and Turkey joined in 1952": another item's time
        upto = min(at, len(tokens) - 1)
        if at > hi and any(tokens[k] == "," and tokens[k + 1].endswith("ing") for k in range(hi + 1, upto)):
            continue  # "Ukraine is a member of the Council, joining in November 1995": the joining's time
        if tokens[at : at + 1] == [","] and FOUNDED_IN.search(reading.line.line, 0, time.start):
            continue  # "Founded in 2001, the SCO comprises", "the council, formed in 1996, groups"
        if at <= lo and "," in tokens[at:lo] and inside_relative(tokens, first, at):
            continue  # "The Commonwealth, which began as eight nations in 1949, has grown to 56"
        if (
            future
            and reading.day
            and not time.guessed
            and ends_by(time, reading.day)
            and not (time.weekday and at > hi)
        ):
            continue  # "announced on Tuesday it will withdraw in January": the report's day (but
            # "will join on Friday": the next Friday)
        if distance <= NEAR:
            near.append((distance, at < lo, time))
    if not near and reading.times and reading.times[0].start <= 3 and reading.clause_of[lo] == 0:
        near = [(0, True, reading.times[0])]
    if not near:
        return {"anchor": "future", "value": None} if future else {"anchor": "article", "value": None}
    return min(near, key=lambda n: n[:2])[2].anchor(future, reading.day)


NAME_MARKS = words("( ) the")
# a participle that dates the organisation in a phrase of its own ("Founded in 2001, the SCO ...")
FOUNDED_IN = re.compile(r"(?:^|, )(?:founded|established|created|formed|launched|set up|born)(?: [a-z]+)? $")
RELATIVES = words("which who whose where")


def inside_relative(tokens: list[str], first: int, at: int) -> bool:
    """Does stream position ``at`` lie in a relative clause opened by ", which" (or "who", "whose",
    "where") after the last comma before it?"""
    for k in range(at - 1, first - 1, -1):
        if tokens[k] == ",":
            return tokens[k + 1 : k + 2] != [] and tokens[k + 1] in RELATIVES
    return False


def ends_by(time: timing.Time, day: dt.date) -> bool:
    """Is ``time`` over by ``day``: no future claim's time?"""
    return timing.interval(time.value if time.precision != "range" else time.value[1])[1] <= day


def bracketed(reading: Reading, article: str, day, taken: set) -> list[Claim]:
    """'the GCC (Saudi Arabia, ... and Oman)', 'BRICS — Brazil, ... and China —', 'the CSTO: A, ...
    and B.': the whole membership, the list closing where its bracket or dash does."""
    tokens, out = reading.tokens, []
    for position, org in reading.orgs.items():
        k = reading.org_spans[position] + 1
        if tokens[k : k + 1] == ["("] and reading.orgs.get(k + 1) == org and tokens[k + 2 : k + 3] == [")"]:
            k += 3  # "the Eurasian Economic Union (EEU) of ...": the abbreviation
        if k < len(tokens) and tokens[k] in ("group", "bloc", "countries", "nations", "states", "members"):
            k += 1
        spaced = tokens[k : k + 1] == ["-"] and spaced_out(reading, k)  # "the GCC nations - the UAE, ..."
        # "the Eurasian Economic Union of Russia, Belarus and Kazakhstan": of the organisation's name only
        of = tokens[k : k + 1] == ["of"] and ORG_SYMBOL.fullmatch(tokens[reading.org_spans[position]])
        if k >= len(tokens) or tokens[k] not in ("(", "—", "–", ":") and not spaced and not of:
            continue
        opening = tokens[k]
        found = next((f for f in reading.lists if f.first == k + 1), None)
        if found is None or found.open or not found.closed or len(found.states) < 2:
            continue
        if any(key[:2] == (org, found.first) for key in taken):
            continue
        after = tokens[found.last + 1] if found.last + 1 < len(tokens) else ""
        if not (after == ")" if opening == "(" else after in ("", ".", ";", opening, "—", "–")) and not (
            of
            and found.last + 1
            in reading.breaks | {len(tokens) - 1} | {i for i, t in enumerate(tokens) if t == ","}
        ):
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
        if of and not (reading.times and reading.times[0].start <= 3):
            time = {"anchor": "article", "value": None}  # the verb's time is the clause's, not the name's
        claim = Claim(org, what, ("member",), states, time, "affirmed", not part, article[start:end], start,
                      end, opening)  # fmt: skip
        claim.reported = attributed(start, line_start, line_end, reading.line, article)
        out.append(claim)
    return out


def spaced_out(reading: Reading, k: int) -> bool:
    """Does the word at ``k`` (a hyphen) stand apart, a space on each side: a dash, not a hyphen?"""
    start, end = reading.line.span(*reading.chars[k])
    text = reading.line.text
    return text[start - 1 : start].isspace() and text[end : end + 1].isspace()


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def counts(reading: Reading, article: str, day, org_mentions, org_starts) -> list[Claim]:
    """Counts of members: "the six-nation bloc", "the group now has ten members", "the 32-member
    alliance", "NATO's 32 members", "the 26 NATO countries", "Six states are members of the CSTO",
    "raising total membership to fifteen", and the ordinal of a state that joined: "becoming the
    alliance's 30th member", "Sweden has become the 32nd member of NATO"."""
    tokens, out = reading.tokens, []
    numbers = reading.numbers
    if numbers is None:
        numbers = numbered(tokens)
    if not numbers:
        return out  # a count needs a number
    for i in numbers:
        token = tokens[i]
        first, last = clause_range(reading, i)
        noun = counted_noun(tokens, i + 1)
        inner = None  # "Croatia becomes 28th EU member state"
        if ordinal(token) and noun is None and i + 1 in reading.orgs:
            noun = counted_noun(tokens, reading.org_spans[i + 1] + 1)
            inner = reading.orgs[i + 1] if noun is not None else None
        ends = tokens[i + 1 : i + 2] in ([], ["."], [","], [";"])
        if ordinal(token) and noun is None and ends and tokens[max(0, i - 2) : i] in BECOMES_THE:
            noun = i  # "Croatia becomes the 28th."
        if ordinal(token) and noun and tokens[noun] not in ("countries", "nations", "states"):
            # the state: the one-state list before it in its clause ("Sweden has become the 32nd member")
            # as many states as ordinals: "Gabon and Togo are the 55th and 56th members"
            lead = i
            while lead >= 2 and tokens[lead - 1] in ("and", ",") and ordinal(tokens[lead - 2]):
                lead -= 2
            states = 1 + (i - lead) // 2
            subject = [
                f
                for f in reading.lists
                if first <= f.first and f.last < lead and len(f.states) == states and not f.possessive
                and not (inside_relative(tokens, first, f.first) and "," in tokens[f.last + 1 : lead])
            ]  # fmt: skip
            owner = inner or owner_before(reading, lead) or owner_after(reading, noun + 1, last)
            if subject and (owner or (owner := sentence_org(reading, org_mentions, org_starts))):
                # the clause's subject, the list nearest before ("BRUSSELS — North Macedonia became the
                # 30th member": not the dateline's capital); "East Timor, which gained its independence
                # from Indonesia in May, is expected to become the 191st member"
                out.append(count_claim(reading, article, owner, ordinal(token), lead, noun + 1, subject[-1]))
            continue
        counted = number(token)
        found = count_of_a_kind(reading, i, first, last, org_mentions, org_starts) if counted else None
        if found and counted >= 2:
            owner, end, statuses = found  # "four observer states", "a bloc of 55 countries"
            out.append(count_claim(reading, article, owner, counted, i, end, statuses=statuses))
            continue
        if counted and (others := count_of_others(reading, i, last)):
            owner, end = others  # "the 14 other NATO members": a roster of 15 (corpus README)
            claim = count_claim(reading, article, owner, counted + 1, i, end)
            claim.unsure = f"a count of the others: {counted} and the one the sentence is about"
            out.append(claim)
            continue
        if not counted or counted < 2 or i + 1 >= len(tokens) or (i and tokens[i - 1] in NOT_ROSTER):
            continue
        if i and i - 1 in reading.orgs and reading.org_spans[i - 1] == i + 1:
            # "the eight pact members (Albania, ...)": the number inside the words for the organisation
            end = counted_noun(tokens, i + 2)
            if end is not None:
                out.append(count_claim(reading, article, reading.orgs[i - 1], counted, i - 1, end + 1))
                continue
        if tokens[i + 1] in NOT_ROSTER:
            continue
        follows = tokens[i + 1 : i + 4]
        owner = None
        if follows[:1] == ["-"] and follows[1:2] and follows[1] in ("nation", "member", "country", "state"):
            # "the six - nation bloc", "the 32 - member alliance", "the 13 - member international oil cartel"
            at = None
            for k in range(i + 3, min(i + 7, len(tokens))):
                at = next((p for p in reading.orgs if p <= k <= reading.org_spans[p] and p >= i - 1), None)
                if at is not None or not tokens[k].isalpha():
                    break  # a describing word or two before the organisation, nothing else
            if at is not None:
                out.append(
                    count_claim(reading, article, reading.orgs[at], counted, i - 1, reading.org_spans[at] + 1)
                )
            elif (
                tokens[i - 1 : i] == ["the"]
                and (noun_at := next((k for k in range(i + 3, min(i + 6, len(tokens))) if tokens[k] in
                                      single_words()["roster"]), None)) is not None
                and (owner := sentence_org(reading, org_mentions, org_starts))
            ):  # fmt: skip
                # "the four-member grouping of emerging economies": the organisation the sentence is about
                out.append(count_claim(reading, article, owner, counted, i - 1, noun_at + 1))
            continue
        if i + 1 in reading.orgs and counted_noun(tokens, reading.org_spans[i + 1] + 1):
            # "the 26 NATO countries", "the five BRICS nations"
            end = counted_noun(tokens, reading.org_spans[i + 1] + 1) + 1
            if i and tokens[i - 1] in ("the", "all", "its"):
                out.append(count_claim(reading, article, reading.orgs[i + 1], counted, i, end))
            continue
        if noun is None:
            continue
        if tokens[i - 2 : i] in FOUNDED_BY and (owner := sentence_org(reading, org_mentions, org_starts)):
            # "The League was founded in 1945 by seven countries": the founders' number
            out.append(count_claim(reading, article, owner, counted, i, noun + 1, founding=True))
            continue
        owner = owner_before(reading, i)
        verb = i >= 1 and tokens[i - 1] in COUNT_VERBS
        if owner is None and (owner := owner_of_list(reading, i, first)):
            verb = True  # "consists of five permanent members and 10 non-permanent members"
        seats = counted_statuses(tokens[i + 1 : noun])
        if owner and (verb or tokens[i - 1] in ("'s", "’s", "its")):
            # "NATO's 32 members", "the group now has ten members", "The SCO consists of eight ... states",
            # "The Security Council consists of five permanent members and 10 non-permanent members"
            out.append(count_claim(reading, article, owner, counted, i, noun + 1, statuses=seats))
        elif (
            i
            and tokens[i - 1] == "the"
            and tokens[noun] in ("members", "member")
            and noun > i + 1
            and not (noun + 1 < len(tokens) and tokens[noun + 1] == "of")
        ):
            # "The five current members agreed": the organisation the sentence is about
            owner = sentence_org(reading, org_mentions, org_starts)
            if owner:
                out.append(count_claim(reading, article, owner, counted, i - 1, noun + 1))
        elif tokens[noun + 1 : noun + 4] in (["are", "members", "of"], ["members", "of"]) or tokens[
            noun + 1 : noun + 2
        ] == ["of"]:
            # "Six states are members of the CSTO", "the 30 members of NATO", "33 out of 34 members of"
            owner = owner_after(reading, noun + 1, last)
            whole = not i or tokens[i - 1] not in ("of", "by", "among") or tokens[i - 2 : i] == ["out", "of"]
            some = tokens[i - 1 : i] not in (["the"], ["all"], ["its"])
            some = some and tokens[max(0, i - 2) : i] != ["out", "of"]
            if tokens[noun + 1 : noun + 2] == ["of"] and some:
                whole = False  # "Eight members of the OPEC+ group said": some of them, not its size
            if owner and whole:
                out.append(count_claim(reading, article, owner, counted, i, noun + 1))
        elif tokens[noun] in ("members", "member") and (
            tokens[max(0, i - 2) : i] == ["all", "the"] or i and tokens[i - 1] == "with" and noun == i + 1
        ):
            # "the menace which has affected all the eight members", "came into being with three members"
            owner = sentence_org(reading, org_mentions, org_starts)
            if owner and tokens[noun + 1 : noun + 2] != ["of"]:
                out.append(count_claim(reading, article, owner, counted, i, noun + 1))
    stream = " ".join(tokens)
    patterns = [RAISED_TO]
    if " to " in stream:
        patterns.append(GROWING_TO)
    if " as " in stream or " with " in stream:
        patterns.append(BEGAN_AS)
    for pattern in patterns:
        for match in pattern.finditer(stream):
            counted = number(next(group for group in match.groups() if group))
            at = len(stream[: match.start()].split())
            owner = sentence_org(reading, org_mentions, org_starts)
            if counted and owner:
                end = at + len(match.group(0).split())
                claim = count_claim(reading, article, owner, counted, at, end, founding=pattern is BEGAN_AS)
                if pattern is GROWING_TO:
                    claim.time = {"anchor": "future", "value": None}
                out.append(claim)
    return out


NUMBER_WORD = re.compile(r"\b(?:" + "|".join([*NUMBER_WORDS, *ORDINAL_WORDS]) + r")\b")
BECOMES_THE = [["becomes", "the"], ["became", "the"], ["becoming", "the"]]
# "raising total membership to fifteen", "bringing the number of participating countries to 11"
RAISED_TO = re.compile(
    r"(?:raising|bringing|brought|raised|increasing|increased|taking|take|takes|took) (?:the )?(?:total )?"
    r"(?:membership|number of (?:\w+ )?(?:members|countries|states|nations)|<org#\d+>"
    r"|(?:its |their )?(?:members|member states|member countries|member nations)) to (\S+)"
    r"|(?:swells|swelled|grows|grew|rises|rose|expands|expanded|increases|increased) to (\S+) "
    r"(?:members|member states|member nations|member countries|countries|nations)"
    r"|(?:brings|brought|bringing|raises|raised|raising) to (\S+) the (?:total )?number of "
    r"(?:\w+ )?(?:members|countries|states|nations|allies)"
    r"|number of (?:\w+ )?(?:members|countries|states|nations) (?:was|were|has been|have been|had been) "
    r"(?:raised|increased|brought) to (\S+)"  # "the total number of member states were raised to eight"
    r"|(?:has|have|had) (?:now )?(?:grown|risen|expanded|swelled|swollen|increased) to (\S+)(?= [.,;]| ?$)"
)
# "is growing to 56": the roster's size to come
GROWING_TO = re.compile(
    r"(?:is|are) (?:now )?(?:growing|rising|expanding|increasing) to (\S+)"
    r"(?= [.,;]| ?$| (?:members|nations|countries|states)\b)"
)
# "The Commonwealth, which began as eight nations in 1949": the founders' number
BEGAN_AS = re.compile(
    r"(?:began|begun|started|starting|beginning) (?:as|with) (\S+) "
    r"(?:\w+ )?(?:members|nations|countries|states)\b"
)
# nouns a count of members goes with, and words that may stand between the number and them
COUNTED_NOUNS = words("members member states countries nations allies ally economies democracies")
COUNTED_BETWEEN = words("full permanent current founding member - fledged national non")
# verbs an organisation counts its members with ("the group now has ten members")
FOUNDED_BY = [[verb, "by"] for verb in ("founded", "established", "created", "formed", "launched")]
COUNT_VERBS = words(
    "has have had numbers counts of comprises comprised includes included groups unites now by"
)
# words beside a number that make it no roster's size ("six new members", "the other 29 members")
NOT_ROSTER = words("new more other additional further another remaining prospective candidate founding")


def count_of_others(reading: Reading, i: int, last: int) -> tuple[str, int] | None:
    """The organisation and the end of "the 14 other NATO members", "nine other ASEAN members", "the
    other 29 members of the alliance", "NATO's other 29 members" for the number at ``i``; else None."""
    tokens = reading.tokens
    if tokens[i + 1 : i + 2] == ["other"]:
        k = i + 2
    elif i and tokens[i - 1] == "other":
        k = i + 1
    else:
        return None
    if k in reading.orgs:  # "the 14 other NATO members"
        noun = counted_noun(tokens, reading.org_spans[k] + 1)
        return (reading.orgs[k], noun + 1) if noun is not None else None
    noun = counted_noun(tokens, k)
    if noun is None or "permanent" in tokens[k:noun]:
        return None  # "the other five non-permanent members": another part of the roster
    # "the other 29 members of the alliance", "the 30 other nations in the alliance"
    owner = owner_after(reading, noun + 1, last) if tokens[noun + 1 : noun + 2] in (["of"], ["in"]) else None
    lead = i - 1 if k == i + 1 else i  # where "other" or the number opens the phrase
    owner = owner or (owner_before(reading, lead) if tokens[lead - 1 : lead] in (["'s"], ["’s"]) else None)
    if owner is None and "member" in tokens[k : noun + 1] and tokens[lead - 1 : lead] == ["the"]:
        # "the other 29 member countries": members of the organisation the sentence is about
        owner = sentence_org(reading, None, None) if set(reading.orgs.values()) else None
    return (owner, noun + 1) if owner else None


def count_of_a_kind(reading: Reading, i: int, first: int, last: int, org_mentions, org_starts):
    """A count of another roster than the members, or of the members said with a noun for the
    organisation: "the SCO has four observer states", "with eight members, four observer states and
    nine dialogue partners" (a status of ``cues.csv`` after the number); "a bloc of 55 countries",
    "NATO is a family of 30 nations", "the grouping of the four major democracies" (a noun of the
    ``roster`` role before "of"). Returns (organisation, end, statuses) or None."""
    tokens = reading.tokens
    if i and tokens[i - 1] in NOT_ROSTER or tokens[i + 1 : i + 2] and tokens[i + 1] in NOT_ROSTER:
        return None
    status = next(
        (c for c in cues().get(tokens[i + 1], ()) if tuple(tokens[i + 1 : i + 1 + len(c.words)]) == c.words)
        if i + 1 < len(tokens)
        else iter(()),
        None,
    )
    if status is not None and status.what in ORDINARY_WHAT and status.what not in ("member", "suspended"):
        end = i + 1 + len(status.words)
        if tokens[end : end + 1] == ["of"] or has_any(tokens[max(first, i - 2) : i], "part"):
            owner = owner_after(reading, end, last) if tokens[end : end + 1] == ["of"] else None
        else:
            owner = owner_before(reading, i) or owner_of_list(reading, i, first)
            if owner is None and tokens[i - 1 : i] and tokens[i - 1] in COUNT_VERBS | {"with", ",", "and"}:
                owner = sentence_org(reading, org_mentions, org_starts)
        return (owner, end, status.statuses) if owner else None
    if (
        tokens[i + 1 : i + 2]
        and tokens[i + 1] in ("states", "countries", "nations")
        and (tokens[i + 2 : i + 3] == ["of"])
    ):
        # "Four states of A, B, C and D are still observers": the count of the status the list holds
        listed = next((f for f in reading.lists if f.first == i + 3 and f.closed), None)
        k = listed.last + 1 if listed else len(tokens)
        while k < len(tokens) and (tokens[k] in PASSIVE or tokens[k] in ADVERBS):
            k += 1
        held = next((c for c in cues().get(tokens[k], ()) if tuple(tokens[k : k + len(c.words)]) == c.words),
                    None) if k < len(tokens) and k > (listed.last + 1 if listed else k) else None  # fmt: skip
        if held is None or held.what not in ORDINARY_WHAT or held.what == "suspended":
            return None
        end = k + len(held.words)
        owner = owner_after(reading, end, last) if tokens[end : end + 1] == ["of"] else None
        owner = owner or sentence_org(reading, org_mentions, org_starts)
        return (owner, i + 2, held.statuses) if owner else None
    # "a bloc of 55 countries", "the grouping of the four major democracies"
    j = i - 1 if tokens[i - 1 : i] != ["the"] else i - 2
    if j < 1 or tokens[j] != "of" or tokens[j - 1] not in single_words()["roster"]:
        return None
    k = i + 1
    describing = (t.isalpha() or t == "-" for t in tokens[i + 1 :])
    while k < len(tokens) and k - i <= 4 and tokens[k] not in COUNTED_NOUNS and next(describing):
        k += 1
    if k >= len(tokens) or tokens[k] not in COUNTED_NOUNS or tokens[k] in ("ally", "allies"):
        return None
    owner = owner_of_noun(reading, j - 1, org_mentions, org_starts)
    return (owner, k + 1, ("member",)) if owner else None


def owner_of_noun(reading: Reading, noun: int, org_mentions, org_starts) -> str | None:
    """The organisation a noun for an organisation stands in apposition to or is said of: "the
    African Union, a bloc of", "NATO is a security alliance of", "the Quad, as the grouping of"."""
    tokens = reading.tokens
    ends = {reading.org_spans[p]: p for p in reading.orgs}
    for j in range(noun - 1, max(0, noun - 7) - 1, -1):  # across "political and economic"
        if j in ends:
            return reading.orgs[ends[j]]
        if tokens[j].startswith("<") or tokens[j] in (";", "("):
            break  # (a bracket closing a name goes on to the name: "the Gulf Cooperation Council (GCC) is")
    if tokens[noun - 1 : noun] == ["the"]:  # "quit the bloc of 15 countries": the one named last
        return sentence_org(reading, org_mentions, org_starts)
    return None


def owner_of_list(reading: Reading, i: int, first: int) -> str | None:
    """The organisation of the count a list of counts goes on from: "the SCO has eight members, four
    observer states and ..." (the number at ``i`` follows another count of the same owner)."""
    tokens = reading.tokens
    j = i - 1
    while j >= first and tokens[j] in (",", "and", "as", "well"):
        j -= 1
    if j < first or tokens[j] not in COUNTED_NOUNS and not tokens[j].endswith(("s", "r")):
        return None
    k = j
    while k >= first and k - j < 4 and not number(tokens[k]):
        k -= 1
    return owner_before(reading, k) if k >= first and number(tokens[k]) else None


def counted_statuses(between: list[str]) -> tuple[str, ...]:
    """The roster a count counts, by the words between the number and its noun: "five permanent
    members", "10 non-permanent members"."""
    if "permanent" not in between:
        return ("member",)
    return ("elected", "member") if "non" in between else ("permanent", "member")


def counted_noun(tokens: list[str], at: int) -> int | None:
    """Where the noun a count goes with stands, from ``at`` ("full member states", "nations")."""
    k = at
    while k < len(tokens) and tokens[k] in COUNTED_BETWEEN and k - at < 3:
        if tokens[k] in ("member", "members") and (
            k + 1 >= len(tokens) or tokens[k + 1] not in COUNTED_NOUNS
        ):
            return k
        k += 1
    return k if k < len(tokens) and tokens[k] in COUNTED_NOUNS else None


def owner_after(reading: Reading, at: int, last: int) -> str | None:
    """The organisation after a count's noun: "members of the CSTO", "are members of NATO"."""
    tokens = reading.tokens
    k = at
    while k < last and k not in reading.orgs and tokens[k] in ("of", "the", "are", "were", "members", "in"):
        k += 1  # "the alliance" stands where its "the" does
    return reading.orgs.get(k) if k < last else None


def sentence_org(reading: Reading, org_mentions, org_starts) -> str | None:
    """The sentence's only organisation, else the one named last before it."""
    named = set(reading.orgs.values())
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    return last_org_before(reading.line.start, org_mentions, org_starts, reading.day)


# words between an organisation and a count of its members ("the organization has a total of 22")
OWNER_WORDS = words(
    """'s ’s has have had counts numbers all of the consists is made up comprises includes groups a total
    which , composed consisting comprising"""
)


def owner_before(reading: Reading, i: int) -> str | None:
    """The organisation owning a count at ``i``: "NATO's 32", "the alliance's 30th", "the group now
    has ten", "its 10", "The SCO consists of eight"."""
    tokens = reading.tokens
    j = i - 1
    while j >= 0 and (tokens[j] in OWNER_WORDS or tokens[j] in ADVERBS):
        j -= 1
    if j < 0:
        return None
    owner = next((p for p in reading.orgs if reading.org_spans[p] == j), None)
    if owner is None and tokens[j] in single_words()["roster"] and tokens[j - 1 : j] in (["a"], ["an"]):
        # "the Council of Europe, an organisation which already has 46 members"
        return owner_of_noun(reading, j - 1, None, None)
    return reading.orgs[owner] if owner is not None else None


def count_claim(
    reading: Reading,
    article: str,
    org: str,
    count: int,
    start: int,
    end: int,
    found: Lst | None = None,
    founding: bool = False,
    statuses: tuple[str, ...] = ("member",),
):
    lo = min(start, found.first) if found else start
    lo = max(lo, 0)
    end = min(end, len(reading.tokens))
    line_start = reading.chars[lo][0]
    line_end = reading.chars[end - 1][1]
    text_start, text_end = reading.line.span(line_start, line_end)
    first, last = clause_range(reading, lo)
    states = [reading.line.mentions[i] for i in found.states] if found else []
    time = time_of(reading, max(lo, first), end - 1, first, last, False)
    claim = Claim(org, "count", statuses, states, time, "affirmed", False, article[text_start:text_end],
                  text_start, text_end, "ordinal" if found else "founding" if founding else "count",
                  count=count)  # fmt: skip
    between = [w for w in reading.tokens[found.last + 1 : start] if w not in ADVERBS] if found else []
    if found and (has_any(between, "future") or between[:1] == ["to"] and found.first == 0):
        # "it will become the 55th member", "Switzerland Soon to be UN's 190th Member"
        claim.time = {
            "anchor": "future",
            "value": claim.time["value"] if claim.time["anchor"] == "future" else None,
        }
    claim.reported = attributed(text_start, line_start, line_end, reading.line, article)
    return claim
