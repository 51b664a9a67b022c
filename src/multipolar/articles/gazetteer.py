"""The names an article can mention, taken from the project's own registries, and one matcher.

States and their spellings come from the identity layer, capitals from the ``cow_capitals``
dataset, organisations from the curated organisations registry, and sub-state places and
regions from ``data/places.csv`` (each row sourced). All of them go into one spaCy
PhraseMatcher on a blank English pipeline, built once per process; no model is downloaded.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import pandas as pd

# which reading wins when one stretch of text is several things ("Luxembourg", "Kuwait"); a
# curated place beats a state list's entry for it (G-W lists South Ossetia from 2008, COW never)
PRIORITY = {"place": 0, "state": 1, "demonym": 2, "org": 3, "region": 4, "capital": 5}
# longest article the pipeline accepts, in characters (the loader already caps bytes at 5 MB)
MAX_CHARS = 6_000_000


class Mention(NamedTuple):
    """One stretch of text that names something the gazetteer knows (a named tuple: an article
    has a hundred or more, and a tuple is quicker to make than a frozen dataclass)."""

    kind: str  # "state", "capital", "org", "place", "region" or "demonym"
    key: str  # the alias as listed (states), capital name, organisation id or place name
    text: str  # the words as written
    start: int  # character offsets into the article text
    end: int
    sentence: int  # index of the sentence it sits in


@cache
def pipeline():
    """A blank English pipeline (nothing to download, no statistical model) whose tokenizer is
    a ``WordSplitter``."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS
    nlp.tokenizer = WordSplitter(nlp.vocab)
    return nlp


# a word (letters and digits) or one other sign, with the single space after it if there is one;
# or a run of whitespace
PIECE = re.compile(r"(\w+|[^\w\s])( ?)|(\s+)")
# a word that opens with a capital or a digit, where a name can open (every name's first letter is
# ASCII); and what stands between the stretches the matcher reads. The character class comes first,
# the word boundary after it, so that the regex engine can skip to candidates
OPENING = re.compile(r"[A-Z0-9](?<=\b.)\w*")
# a word or a sign, as PIECE finds them
WORD_OR_SIGN = re.compile(r"\w+|[^\w\s]")
BARRIER = "\n"


class WordSplitter:
    """Splits a text into words, single signs and whitespace, as one regular expression finds
    them, for the PhraseMatcher: the names and their patterns are split alike, and a name
    matches on word boundaries ('Nigeria' not in 'Nigerian', 'Russia' in "Russia's" and
    "Russia-China").

    spaCy's rule-based tokenizer caches nothing in a text after the first special case it
    meets ("U.S.", "Mr."; spaCy issue #1250), so on real articles it splits every chunk afresh
    with its affix rules, about 4 ms per 1,000 words; this takes under 1 ms and the matcher
    needs nothing more."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        pieces = PIECE.findall(text)
        words = [word or whitespace for word, _, whitespace in pieces]
        spaces = [space == " " for _, space, _ in pieces]  # a single space belongs to its word, as in spaCy
        return Doc(self.vocab, words=words, spaces=spaces)


@cache
def place_rows() -> dict[str, dict]:
    """The curated places by name."""
    return {row["name"]: row for row in places().to_dict("records")}


@cache
def places() -> pd.DataFrame:
    """The curated sub-state places and regions, one row per place with its state(s)."""
    with resources.files("multipolar.articles").joinpath("data/places.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f, dtype=str, keep_default_na=False)
    return table


@cache
def dated_places() -> dict[str, tuple[str, dt.date]]:
    """The places of ``places.csv`` with an ``until`` day, by each of their names: states that
    were places in another state until then (Kosovo in Yugoslavia until 2008-02-16, Montenegro
    until 2006-06-02). They are not in the matcher, where a place would shadow the state on
    later days; a reader that knows the day asks ``place_until``."""
    out = {}
    for row in places().itertuples(index=False):
        if row.until:
            for name in (row.name, *(a for a in row.aliases.split(";") if a)):
                out[name] = (row.name, dt.date.fromisoformat(row.until))
    return out


def place_until(name: str, day: dt.date | None) -> str | None:
    """The place a state's name stands for on ``day`` when the state was still a place in
    another then ('Kosovo' in 1999: the place Kosovo, in Yugoslavia); else None."""
    found = dated_places().get(name)
    return found[0] if found and day is not None and day <= found[1] else None


@cache
def capitals() -> pd.DataFrame:
    """Capital cities of COW states with the days they were capital (``cow_capitals``)."""
    from multipolar.data import store

    table = store.frame("cow_capitals", columns=["ccode", "capital", "stdate", "enddate"])
    table["stdate"] = pd.to_datetime(table["stdate"]).dt.date
    table["enddate"] = pd.to_datetime(table["enddate"]).dt.date
    return table


@cache
def capital_spells() -> dict[str, tuple[tuple[dt.date, dt.date, int], ...]]:
    """Each capital's spells as (start, end, COW code), the latest end last; spells that end
    on the same day keep the table's order."""
    spells: dict[str, list[tuple[dt.date, dt.date, int]]] = {}
    table = capitals()
    columns = (table["capital"], table["stdate"], table["enddate"], table["ccode"])
    for name, start, end, code in zip(*columns, strict=True):
        spells.setdefault(name, []).append((start, end, int(code)))
    return {name: tuple(sorted(rows, key=lambda spell: spell[1])) for name, rows in spells.items()}


@lru_cache(maxsize=65536)
def capital_state(name: str, date: dt.date | None) -> int | None:
    """The COW code of the state whose capital ``name`` was on ``date`` (latest if no date)."""
    spells = capital_spells().get(name, ())
    held = [code for start, end, code in spells if date is None or start <= date <= end]
    return held[-1] if held else None


@cache
def state_aliases() -> pd.DataFrame:
    from multipolar.states import identity

    return identity.aliases()


@cache
def organisation_names() -> pd.DataFrame:
    """Every organisation name and alias with the organisation's id: columns alias, id."""
    from multipolar.orgs import registry

    rows = []
    for org in registry.organisations().values():
        # an id is a name only as an acronym: COMMONWEALTH would read every "Commonwealth"
        ids = (org.id,) if is_acronym(org.id) else ()
        for alias in (org.name, *ids, *org.aliases):
            if alias:
                rows.append({"alias": alias, "id": org.id})

    return pd.DataFrame(rows, columns=["alias", "id"]).drop_duplicates()


DOTTABLE = re.compile(r"[A-Z]{2,3}")


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class Gazetteer:
    """Every known name, matched case-insensitively but kept only when written as a name:
    'Turkey' but not 'turkey', and an acronym only in capitals ('US', not 'us')."""

    def __init__(self) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = pipeline()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str, str]] = {}  # match id -> kind, key, alias
        self.acronyms: set[str] = set()
        self.word_acronyms: set[str] = set()  # acronyms that are also English words ("US")
        self.first_words: set[str] = set()  # the first word of every name, in lower case
        # each word (or sign) of a name, in lower case, with those that follow it in some name
        self.followers: dict[str, set[str]] = {}
        spelled = state_aliases()
        demonym = spelled["kind"] == "demonym"
        self.add("state", spelled.loc[~demonym, "alias"])
        self.add("demonym", spelled.loc[demonym, "alias"])
        self.add("org", organisation_names()["alias"])
        for alias in organisation_names()["alias"]:
            if DOTTABLE.fullmatch(alias):  # "U.N." for "UN", as the American press writes it
                self.add("org", [".".join(alias) + "."], key=alias)
            if "Association " in alias:  # "the Assn. of Southeast Asian Nations", as AP writes it
                self.add("org", [alias.replace("Association ", "Assn. ")], key=alias)
        self.add("capital", capitals()["capital"])
        table = places()
        for row in table.itertuples(index=False):
            if row.until:  # a state's earlier standing as a place: see place_until
                continue
            names = [row.name, *(a for a in row.aliases.split(";") if a)]
            self.add(row.kind if row.kind == "region" else "place", names, key=row.name)
        # an acronym of four letters or more may be written as a word ("Nato", "Opec", "Saarc": the
        # style of the British and South Asian press) unless that word is English or another name
        # ("Guam" is an island before it is GUAM)
        words = {label[2].lower() for label in self.labels.values() if label[2] not in self.acronyms}
        self.title_acronyms = {
            a for a in self.acronyms
            if sum(c.isalpha() for c in a) >= 4 and a.rstrip("+").isalpha()  # "Opec+"
            and a.lower() not in words | stop_words()
        }  # fmt: skip
        assert BARRIER not in self.followers and not any(
            BARRIER in after for after in self.followers.values()
        )
        assert all(OPENING.fullmatch(word.upper()) for word in self.first_words), "a name opens otherwise"

    def add(self, kind: str, aliases, key: str | None = None) -> None:
        for alias in dict.fromkeys(str(a).strip() for a in aliases if isinstance(a, str) and a.strip()):
            label = f"{kind}|{key or alias}|{alias}"
            match_id = self.nlp.vocab.strings.add(label)
            self.labels[match_id] = (kind, key or alias, alias)
            if is_acronym(alias):
                self.acronyms.add(alias)
                if alias.lower() in stop_words():
                    self.word_acronyms.add(alias)
            pattern = self.nlp.make_doc(alias)
            self.first_words.add(pattern[0].lower_)
            for before, after in itertools.pairwise(pattern):
                self.followers.setdefault(before.lower_, set()).add(after.lower_)
            self.matcher.add(label, [pattern])

    def runs(self, text: str):
        """The stretches of ``text`` a name can lie in, as one Doc for the matcher, with its
        words and where each starts. Every name opens with a capital or a digit (the matches ``read`` keeps
        do), so a stretch opens with a word that opens some name, and runs on while each word (or
        sign) follows the one before it in some name; a BARRIER token stands between stretches.
        The matcher finds in it what it would find in the whole text, from a Doc a tenth as long."""
        from spacy.tokens import Doc

        words: list[str] = []
        starts: list[int] = []  # each token's first character in ``text``
        followers, firsts = self.followers, self.first_words
        position = 0  # where the last stretch ended
        for opening in OPENING.finditer(text):
            at, word = opening.start(), opening[0]
            lowered = word.lower()
            if at < position or lowered not in firsts:
                continue
            words.append(word)
            starts.append(at)
            at = opening.end()
            # the next word or sign, right after this one or one space after it
            while lowered in followers and (piece := WORD_OR_SIGN.match(text, at + text.startswith(" ", at))):
                word = piece[0]
                if word.lower() not in followers[lowered]:
                    break  # no name has the two in a row
                words.append(word)
                starts.append(piece.start())
                at, lowered = piece.end(), word.lower()
            words.append(BARRIER)
            starts.append(at)
            position = at
        return Doc(self.nlp.vocab, words=words), words, starts

    def read(self, text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
        """Every name in ``text`` (split into ``sentences``, character spans), in order; where
        names overlap the longest wins, then the reading PRIORITY prefers."""
        doc, words, starts = self.runs(text)
        found = []
        for match_id, start, end in self.matcher(doc):
            kind, key, alias = self.labels[match_id]
            first, last = starts[start], starts[end - 1] + len(words[end - 1])
            if alias in self.acronyms:
                written = text[first:last]
                if not same_acronym(written, alias) and not (
                    alias in self.title_acronyms and written == alias.capitalize()
                ):
                    continue
                if alias in self.word_acronyms and in_capitals(text, first):
                    continue
            elif not (text[first].isupper() or text[first].isdigit()):
                continue
            if kind == "demonym" and GEOGRAPHY.match(text, last):
                continue
            if kind == "org" and text.startswith("+", last):
                continue  # "OPEC+" is another grouping than OPEC (an alias such as "BRICS+" is longer)
            found.append((start - end, PRIORITY[kind], start, end, kind, key, first, last))
        found.sort()
        taken = bytearray(len(doc))
        chosen = []
        for _, _, start, end, kind, key, first, last in found:
            if taken.find(1, start, end) < 0:
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((first, last, kind, key))
        chosen = [c for c in chosen if c[2] != "capital" or not part_of_a_name(text, c[0], c[1])]
        chosen, dropped = without_states_in_longer_names(text, chosen)
        # the names dropped stay taken, so that no second look finds them again
        taken_spans = Spans(chosen + dropped)
        chosen += abbreviations(text, taken_spans)
        chosen += listed_names(text, sorted(chosen), taken_spans)
        chosen += misspelled(text, taken_spans)
        chosen += demonyms(text, taken_spans)
        chosen += combining_forms(text, taken_spans)
        chosen += short_names(text, chosen, taken_spans)
        starts = [start for start, _ in sentences]
        mentions = []
        for first, last, kind, key in sorted(chosen):
            sentence = bisect.bisect_right(starts, first) - 1
            mentions.append(Mention(kind, key, text[first:last], first, last, sentence))
        return mentions


def same_acronym(words: str, alias: str) -> bool:
    """'US' but not 'us' or 'Us': an acronym counts only as written (full stops aside)."""
    return words == alias or words.replace(".", "") == alias.replace(".", "")


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def in_capitals(text: str, at: int) -> bool:
    """Is the line around ``at`` without lower-case letters (a headline: 'WHAT IT MEANS FOR
    US')? There an acronym that is also an English word says nothing."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return not any(c.islower() for c in text[line_start : line_end if line_end >= 0 else len(text)])


NEIGHBOUR_BEFORE = re.compile(r"[A-Z][\w'’-]* $")
NEIGHBOUR_AFTER = re.compile(r" [A-Z][\w'’-]*")


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """A capital's name inside a longer name: 'Victoria Nuland', 'Lake Victoria', 'Washington
    Post'. A capitalised stop word before it ('In Moscow') or punctuation ('Moscow-Beijing')
    does not make a longer name."""
    if NEIGHBOUR_AFTER.match(text, end):
        return True
    before = NEIGHBOUR_BEFORE.search(text, max(0, start - 30), start)
    if before is None or (before.start() > 0 and text[before.start() - 1] not in " \t\n"):
        return False
    return before.group(0).strip().lower() not in stop_words()


# words after a state's name that keep it the state ("Israel Defense Forces", "Iraq War", wire
# copy's "Kazakhstan Tuesday signed")
STATE_AFTER = """president presidential prime premier foreign defence defense minister ministry government
    army navy military parliament embassy ambassador chancellor king queen vice deputy secretary
    war wars crisis conflict invasion intervention campaign offensive occupation revolution
    uprising insurgency emergency
    monday tuesday wednesday thursday friday saturday sunday"""
STATE_AFTER_WORDS = frozenset(STATE_AFTER.split())
# words before a state's name that qualify it rather than make a longer name ("Communist China")
STATE_BEFORE = """communist nationalist red free vichy weimar nazi fascist soviet tsarist imperial mainland
    greater occupied divided united independent democratic socialist modern ancient medieval
    north south east west northern southern eastern western central upper lower continental
    like unlike despite including excluding following versus amid today yesterday tomorrow
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday ottoman islamic catholic protestant
    orthodox muslim christian buddhist shia shiite sunni postwar prewar wartime colonial
    revolutionary republican royalist"""
STATE_BEFORE_WORDS = frozenset(STATE_BEFORE.split())
NEXT_WORD = re.compile(r" ([A-Z][\w'’-]*)")
# food after a state's name makes it the bird, not the state ("Turkey sandwiches")
FOOD_AFTER = re.compile(
    r" (?:sandwich|sandwiches|dinner|dinners|breast|roast|burgers?|recipes?|stuffing|gravy)\b"
)
# (opening with the capital, so that the regex engine skips to capitals)
PREVIOUS_WORD = re.compile(r"([A-Z](?<![^\s(\"“][A-Z])[\w'’]*) $")
# Georgia the US state: a US title before "of Georgia", a Georgian city of the US before
# ", Georgia", US offices after "Georgia's" (a state's names never take these)
US_OFFICE_OF = re.compile(
    r"(?:\b(?:Sen|Gov|Rep)\.|\b(?:Senator|Governor|Representative|Congressman|Congresswoman)\b)"
    r"(?: [A-Z][\w.'’-]*){0,3} of $|\bUniversity of $"
)
US_GEORGIA_CITY = re.compile(
    r"\b(?:Atlanta|Savannah|Augusta|Macon|Athens|Columbus|Albany|Marietta|Valdosta|Decatur|Plains"
    r"|Fort Benning|Fort Stewart|Fort Gordon|Warner Robins|Sandy Springs|Alpharetta), $"
)
US_GEORGIA_AFTER = re.compile(
    r"(?:'s|’s) (?:governor|legislature|senators?|general assembly|attorney general)\b"
)


def without_states_in_longer_names(text: str, chosen: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Drop a state's name that is part of something else's name: a person's ('Jordan Li',
    'Michael Jordan', 'Chad Mahamat'), a newspaper's ('China Daily'), a river's ('Jordan
    River'), or the US state of Georgia ('Senator Sam Nunn of Georgia', 'Atlanta, Georgia').
    A name counts as longer when a capitalised word stands right beside the state's name, is
    not itself a known name, and is not a word that qualifies a state ('Communist China',
    'Israel Defense Forces'); a word before it must not open the sentence ('Neutral India');
    title-case headlines are left alone. Returns the names kept and the spans dropped (kind
    "-")."""
    starts = {first for first, _, _, _ in chosen}
    ends = {last for _, last, _, _ in chosen}
    dropped: set[tuple[int, int]] = set()
    for first, last, kind, key in chosen:
        if kind != "state":
            continue
        if key == "Georgia" and us_georgia(text, first, last):
            dropped.add((first, last))
            city = US_GEORGIA_CITY.search(text, max(0, first - 20), first)
            if city:  # 'Athens, Georgia': the city is not Greece's capital either
                dropped.update((f, e) for f, e, _, _ in chosen if city.start() <= f < city.end())
            continue
        after = NEXT_WORD.match(text, last)
        # a word before ends in a word character or an apostrophe, then one space (and perhaps a
        # newline) up to the name: after ', ' or '. ' there is nothing to search for
        before = (
            PREVIOUS_WORD.search(text, max(0, first - 30), first)
            if first >= 2 and (text[first - 2].isalnum() or text[first - 2] in "_'’ ")
            else None
        )
        longer = (
            after is not None
            and last + 1 not in starts
            and after.group(1).lower() not in STATE_AFTER_WORDS
            and after.group(1).lower() not in stop_words()
        ) or (
            before is not None
            and first - 1 not in ends
            and before.group(1).lower() not in STATE_BEFORE_WORDS
            and before.group(1).lower() not in stop_words()
            and not before.group(1).endswith(("ly", "ist", "'s", "’s"))  # 'Maoist China'
            and not opens_a_sentence(text, before.start())
        )
        if (longer and not in_title_case(text, first)) or FOOD_AFTER.match(text, last):
            dropped.add((first, last))
    for first, last, kind, _ in chosen:
        if kind == "org" and " " in text[first:last] and org_in_longer_name(text, first, last, ends):
            dropped.add((first, last))
    if not dropped:
        return chosen, []
    kept = [c for c in chosen if (c[0], c[1]) not in dropped]
    return kept, [(first, last, "-", "") for first, last in sorted(dropped)]


OF_A_NAME = re.compile(r" of (?:the )?[A-Z]")
AND_A_NAME = re.compile(r"[A-Z][\w'’]* and $")


def org_in_longer_name(text: str, first: int, last: int, ends: set[int]) -> bool:
    """Is an organisation's name of several words part of another's: 'the Peace and Security
    Council' (the AU's), 'MERCOSUR (Common Market of the South)'? A name of its own after it
    ('of the South') or a capitalised word before it that is no known name, no stop word and does
    not open the sentence ('Southern Common Market' where that were not an alias) says so."""
    if OF_A_NAME.match(text, last):
        return True
    if AND_A_NAME.search(text, max(0, first - 30), first):
        return True
    before = PREVIOUS_WORD.search(text, max(0, first - 30), first) if first >= 2 else None
    return bool(
        before
        and first - 1 not in ends
        and before.group(1).lower() not in stop_words()
        and not opens_a_sentence(text, before.start())
        and not in_title_case(text, first)
    )


def opens_a_sentence(text: str, at: int) -> bool:
    """Does the word at ``at`` open its sentence or line? A capital there says nothing
    ('Neutral India', 'Observers India, Pakistan and Iran')."""
    before = text[max(0, at - 5) : at].rstrip(' \t"“(')
    return not before or before[-1] in ".!?:;\n"


def us_georgia(text: str, first: int, last: int) -> bool:
    """Is 'Georgia' here the US state ('Senator Max Cleland of Georgia', 'Atlanta, Georgia',
    "Georgia's governor")?"""
    return bool(
        US_OFFICE_OF.search(text, max(0, first - 60), first)
        or US_GEORGIA_CITY.search(text, max(0, first - 20), first)
        or US_GEORGIA_AFTER.match(text, last)
    )


def in_title_case(text: str, at: int) -> bool:
    """Is the line around ``at`` a title-case headline ('Russia Joins China In New Bloc'),
    where a capital beside a name says nothing?"""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    if len(words) > 20:
        return False
    content = [w for w in words if w[:1].isalpha() and w.lower() not in stop_words()]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


class Spans:
    """Character spans already taken by a name, for quick overlap tests; each second look adds
    the names it finds."""

    def __init__(self, chosen: list[tuple]):
        self.spans = sorted([span[:2] for span in chosen])
        self.starts = {start for start, _ in self.spans}  # most spans asked about start with a name

    def overlaps(self, start: int, end: int) -> bool:
        if start in self.starts:
            return True
        at = bisect.bisect_left(self.spans, (end, end))  # the spans that start before end
        return at > 0 and self.spans[at - 1][1] > start  # spans never overlap, so ends are sorted

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.starts.add(start)


# 'U.S.', 'U.S.A.' or two to five capitals, from a word boundary. The patterns over the whole
# text open with a capital and check the boundary behind it ("(?<=\b[A-Z])"), not with "\b":
# a pattern that opens with a character class lets the regex engine skip to candidate capitals.
ABBREVIATION = re.compile(r"[A-Z](?<=\b[A-Z])(?:\.(?:[A-Z]\.){1,2}(?!\w)|[A-Z]{1,4}\b)")


def abbreviations(text: str, taken: Spans) -> list[tuple]:
    """Abbreviations the alias table lacks but the identity layer reads as a state's name or
    ISO3 code ('ROK', 'SWE'): a second look at capitals no name covered. Not in all-capital
    lines (headlines), not English stop words, and not two-letter ISO codes ('IN', 'IT' are
    words too often)."""
    out = []
    for match in ABBREVIATION.finditer(text):
        word = match.group(0)
        if taken.overlaps(match.start(), match.end()) or word.lower() in stop_words():
            continue
        if in_capitals(text, match.start()):
            continue
        if reads_as_state(word):
            out.append((match.start(), match.end(), "state", word))
            taken.add(match.start(), match.end())
    return out


LIST_NEIGHBOUR_AFTER = re.compile(r"(?:,| and|, and) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\b")
LIST_NEIGHBOUR_BEFORE = re.compile(
    r"([A-Z](?<=\b[A-Z])[\w'’-]+(?: [A-Z][\w'’-]+)?)(?:,| and|, and) (?:the )?$"
)


# what stands between two items of a list, as LIST_NEIGHBOUR_AFTER and LIST_NEIGHBOUR_BEFORE read it
LIST_SEPARATORS = frozenset({", ", " and ", ", and ", ", the ", " and the ", ", and the "})


def listed_names(text: str, chosen: list[tuple], taken: Spans) -> list[tuple]:
    """Names the alias table lacks but the identity layer reads as a state's ('Britain'), when
    they stand in a list next to a state the gazetteer found ('..., Britain, France and ...').
    ``chosen`` is in text order: where the next name stands right after a list separator, the
    neighbour a pattern would find there is that name, already taken, and is not looked for."""
    out: list[tuple] = []
    states = [(first, last) for first, last, kind, _ in chosen if kind == "state"]
    named_after: set[int] = set()  # the ends of names with a name listed after them
    named_before: set[int] = set()  # the starts of names with a name listed before them
    for (_, end, _, _), (start, _, _, _) in itertools.pairwise(chosen):
        if text[end:start] in LIST_SEPARATORS:
            named_after.add(end)
            named_before.add(start)
    while states:
        found = []
        for first, last in states:
            before = text[max(0, first - 6) : first]
            for match in (
                LIST_NEIGHBOUR_AFTER.match(text, last)
                if last not in named_after and text.startswith((",", " and "), last)
                else None,
                LIST_NEIGHBOUR_BEFORE.search(text, max(0, first - 40), first)
                if first not in named_before and before.endswith((", ", " and ", " the "))
                else None,
            ):
                if match is None:
                    continue
                span = match.span(1)
                if taken.overlaps(*span):
                    continue
                if reads_as_state(match.group(1), name_only=True):
                    found.append((*span, "state", match.group(1)))
                    taken.add(*span)
        out += found
        states = [(first, last) for first, last, _, _ in found]
    return out


# a capitalised word as long as the names misspelled() looks for ("Kyrgystan"), in a lower-case run
LONG_WORD = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]{7,}+(?![\w'’-])")  # a capital first: the engine skips to one
MISSPELT_MIN = 8  # letters in a misspelling that is read ("Kyrgystan"; not "Bali", "Cameron")
# the capitalised word before a misspelling that makes it part of a name ("David Cameroon")
NAME_BEFORE = re.compile(r"\b([A-Z][\w.]*) $")


@cache
def misspellings() -> dict[str, str]:
    """Every spelling one edit from a one-word state name of MISSPELT_MIN letters or more (a letter
    left out, doubled, swapped with the next, or replaced: "Kyrgystan", "Phillipines" is two,
    "Bahrein") -> that name; none that is itself a name, a demonym or an organisation's, nor a
    plural or a demonym's ending ("Germans", "Albanin"), nor one that two names share."""
    spelled = state_aliases()
    names = spelled.loc[spelled["kind"] != "demonym", "alias"]
    known = {str(a).lower() for a in spelled["alias"]} | {
        str(a).lower() for a in organisation_names()["alias"]
    }
    known |= {str(c).lower() for c in capitals()["capital"]} | {w.lower() for w in NOT_MISSPELT}
    out: dict[str, str] = {}
    shared: set[str] = set()
    letters = "abcdefghijklmnopqrstuvwxyz"
    for name in dict.fromkeys(str(n) for n in names):
        word = name.lower()
        if len(word) < MISSPELT_MIN - 1 or not word.isalpha():
            continue
        variants = {word[:i] + word[i + 1 :] for i in range(len(word))}
        variants |= {word[:i] + word[i] + word[i:] for i in range(len(word))}
        variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        variants |= {word[:i] + c + word[i + 1 :] for i in range(1, len(word)) for c in letters}
        for variant in variants - {word}:
            if (
                len(variant) < MISSPELT_MIN
                or variant in known
                or variant.endswith("s")
                or variant[:-1] == word[:-1]
                and variant[-1] == "n"
            ):
                continue
            if variant in out and out[variant] != name:
                shared.add(variant)
            out[variant] = name
    return {v: n for v, n in out.items() if v not in shared}


# capitalised words one edit from a state's name that are other words or places
NOT_MISSPELT = ("Columbia", "Romanian", "Austrian", "Algerian", "Ukrainian", "Argentine", "Philippine")


def misspelled(text: str, taken: Spans) -> list[tuple]:
    """Capitalised words one edit from a long state name (misspellings(): "Kyrgystan" is
    Kyrgyzstan), outside lines written in capitals and the names already found."""
    table = misspellings()
    out = []
    for match in LONG_WORD.finditer(text):
        name = table.get(match.group(0).lower())
        if name is None or taken.overlaps(*match.span()) or in_capitals(text, match.start()):
            continue
        before = NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if text.startswith(" ", match.end()) and text[match.end() + 1 : match.end() + 2].isupper():
            continue  # "Kyrgystan Airlines": part of a longer name
        if before and before.group(1).lower() not in stop_words():
            continue  # "Ms Kyrgystan", "David Cameroon"
        out.append((*match.span(), "state", name))
        taken.add(*match.span())
    return out


DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "kh", "ek", "ik", "yz", "men", "ss", "ine")
# a capitalised word with a demonym's ending, not the first part of a hyphenated word. The ending is
# checked behind the whole lower-case run, taken possessively, so that the engine never backs up
# through a word to try each ending at each letter; one lookbehind per length of ending, as a
# lookbehind has one width
ENDING_BEHIND = "|".join(
    "(?<=" + "|".join(e for e in DEMONYM_ENDINGS if len(e) == n) + ")"
    for n in sorted({len(e) for e in DEMONYM_ENDINGS})
)
DEMONYM_LIKE = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]*+(?:" + ENDING_BEHIND + r")\b(?!-)")
# the words after a demonym that make it part of a place's name ("Indian Ocean")
GEOGRAPHY = re.compile(r" (?:Ocean|Sea|Gulf|Peninsula|Subcontinent|Basin|Mountains|Plain|Plateau|Steppe)\b")


def demonyms(text: str, taken: Spans) -> list[tuple]:
    """Adjectives of nationality that are not in the alias table's demonyms (those the matcher
    finds) but that the identity layer reads as a state's name ('Croatian', 'Nigerien'), as
    kind "demonym": they count as mentions of the state and as parties to a conflict ('the
    Croatian offensive'), never as items of a membership list."""
    out = []
    for match in DEMONYM_LIKE.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        if GEOGRAPHY.match(text, match.end()):
            continue
        if reads_as_state(match.group(0), name_only=True):
            out.append((match.start(), match.end(), "demonym", match.group(0)))
            taken.add(match.start(), match.end())
    return out


# the combining forms of a few states' names, with the demonym they stand for, before a hyphen
# and a capital: "the Sino-Indian war", "the Indo-Pakistani war", "the Russo-Japanese war"
COMBINING_FORMS = {
    "Sino": "Chinese",
    "Indo": "Indian",
    "Russo": "Russian",
    "Franco": "French",
    "Anglo": "British",
    "Italo": "Italian",
    "Austro": "Austrian",
}
# the hyphen after a form's closing "o", before a capital: a literal the regex engine skips to
# quickly, where a pattern for the forms themselves is tried at every capital; then the form itself,
# and the words after it that make a region or a people of it ("Indo-Pacific", "Anglo-Saxon")
HYPHEN_AFTER_O = re.compile(r"o-(?=[A-Z])")
FORM_BEFORE = re.compile(r"\b(?:" + "|".join(COMBINING_FORMS) + r")$")
NOT_A_STATE_AFTER = re.compile(r"-(?:Pacific|European|Aryan|Saxon|China|Catholic)\b")


def combining_forms(text: str, taken: Spans) -> list[tuple]:
    """'Sino-', 'Indo-', 'Russo-' and the like before a capitalised word, as kind "demonym" of
    their state: parties to a conflict ('the Sino-Indian war'), never items of a list. Not
    before words they make a region or a people of ('Indo-Pacific', 'Anglo-Saxon')."""
    out = []
    for hyphen in HYPHEN_AFTER_O.finditer(text):
        end = hyphen.start() + 1
        form = FORM_BEFORE.search(text, max(0, end - 6), end)
        if form and not NOT_A_STATE_AFTER.match(text, end) and not taken.overlaps(form.start(), end):
            out.append((form.start(), end, "demonym", COMBINING_FORMS[form.group(0)]))
            taken.add(form.start(), end)
    return out


@cache
def short_forms() -> dict[str, tuple[re.Pattern, tuple[tuple[str, str], ...]]]:
    """``data/short_names.csv``: the word an organisation goes by once the article has named it
    ("the Commonwealth" for the CIS, "the Alliance" for NATO) or the organisation in ``after``
    ("the Security Council" once it has named the UN), or anywhere (``after`` "*": "the
    Commonwealth", unless another it may stand for was named), with the pattern that finds it and
    the organisations it may stand for, each with the one that must be named first."""
    with resources.files("multipolar.articles").joinpath("data/short_names.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f, dtype=str, keep_default_na=False)
    orgs: dict[str, tuple[tuple[str, str], ...]] = {}
    for org, short, after in zip(table["org"], table["short"], table["after"], strict=True):
        orgs[short] = (*orgs.get(short, ()), (org, after or org))
    # the word first, a literal the regex engine finds quickly, then "the" behind it; not before
    # "of" ("the Commonwealth of Nations") or another capitalised word ("the Alliance Party")
    out = {}
    for short, named in orgs.items():
        word = re.escape(short)
        out[short] = (
            re.compile(rf"{word}(?:(?<=\b[Tt]he {word})|{MEMBER_WORD})\b(?! of\b)(?! [A-Z])"),
            named,
        )
    return out


ANYWHERE = "*"  # short_names.csv's ``after`` for a short name that needs no name before it
# a short name without "the" before a word for its members: "a Commonwealth member", "fellow Alliance nations"
MEMBER_WORD = r"(?= (?:member|members|nation|nations|country|countries|state|states|ally|allies)\b)"


def short_names(text: str, chosen: list[tuple], taken: Spans) -> list[tuple]:
    """'the Commonwealth', 'the Alliance' after the article has named the CIS, NATO ('the Council'
    after the Security Council): the organisation, when exactly one of those the word may stand for
    was named (or had the organisation it goes with named) before it; a short name found names its
    organisation for the rows after it."""
    from multipolar.orgs import registry

    first_named: dict[str, int] = {}  # organisation id -> where the article first names it
    for start, _, kind, key in sorted(chosen):
        if kind == "org":
            first_named.setdefault(registry.organisation(key).id, start)
    out = []
    for pattern, orgs in short_forms().values():
        if not any(after in first_named or after == ANYWHERE for _, after in orgs):
            continue
        for found in pattern.finditer(text):
            start, end = found.span()
            named = [org for org, after in orgs if first_named.get(after, end) < start] or [
                org for org, after in orgs if after == ANYWHERE
            ]  # "the Commonwealth": the CIS's once the CIS is named, else the Commonwealth of Nations
            if len(named) == 1 and not taken.overlaps(start, end):
                out.append((start, end, "org", named[0]))
                taken.add(start, end)
                # a short name names its organisation for the rows after it ("the Council" once
                # "the Security Council" has named the UNSC)
                first_named[named[0]] = min(first_named.get(named[0], start), start)
    return out


@lru_cache(maxsize=65536)
def reads_as_state(word: str, name_only: bool = False) -> bool:
    """Does the identity layer read ``word`` as a state's name (or, unless ``name_only``, its
    ISO3 code)? Asked once per word and process."""
    from multipolar.states import identity

    read_as = identity.reading(word)
    return read_as == "name" or (read_as is not None and read_as.startswith("ISO3") and not name_only)


@cache
def gazetteer() -> Gazetteer:
    """The one matcher per process (building it takes about a second)."""
    return Gazetteer()
