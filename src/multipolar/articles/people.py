"""People named in an article, found by a conservative rule, and names spelled two ways.

A person is a run of two to four capitalised words (with particles such as "de" or "von")
that a title or role introduces ("President Dmitry Medvedev", "Sergei Kuzyanin, head of ...")
or that a verb of saying accompanies ("Sergei Luzyanin says", "according to ..."). Anything
the gazetteer already knows (a state, capital, organisation or place) is never a person.
Precision over recall: a capitalised pair with no such cue is left alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

TITLES = {
    "president", "vice-president", "premier", "minister", "chancellor", "secretary", "secretary-general",
    "ambassador", "general", "gen.", "admiral", "adm.", "colonel", "col.", "senator", "sen.", "rep.",
    "representative", "governor", "king", "queen", "prince", "princess", "sheikh", "emir", "pope",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "professor", "prof.", "analyst", "expert",
    "spokesman", "spokeswoman", "spokesperson", "envoy", "leader", "chief", "director", "head",
    "commander", "pundit", "correspondent", "journalist", "adviser", "advisor", "diplomat",
    "official", "economist", "scholar", "researcher", "historian", "mayor", "chairman",
    "chairwoman", "chair", "deputy", "foreign", "defence", "defense", "prime", "lt.", "sir", "lord",
    "lady", "marshal", "commissioner", "rapporteur", "negotiator", "strategist", "author", "writer",
    "editor", "founder", "ceo", "aide", "counsellor", "counselor", "presidential", "candidate",
    "ayatollah", "imam", "cardinal", "archbishop", "patriarch",
}  # fmt: skip
SAYING = {
    "said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "noted", "notes",
    "argued", "argues", "contended", "contends", "warned", "warns", "explained", "explains",
    "announced", "announces", "claimed", "claims", "insisted", "insists", "underscored",
    "underscores", "underlined", "underlines", "emphasized", "emphasised", "emphasizes",
    "emphasises", "believes", "believed", "wrote", "writes", "declared", "declares", "stated",
    "states", "observed", "observes", "suggested", "suggests", "asserted", "asserts", "remarked",
    "maintained", "maintains", "acknowledged", "acknowledges", "predicted", "predicts",
    "confirmed", "confirms", "denied", "denies", "urged", "urges", "pointed", "recalled", "recalls",
}  # fmt: skip
# lower-case words inside names: Jaap de Hoop Scheffer, Ursula von der Leyen
PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "ter", "dos"}
ADVERBS = {"also", "further", "later", "then", "recently", "earlier", "previously", "once", "has", "had"}
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "of", "and", "but", "or", "if", "as", "this", "that", "these",
    "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "according", "meanwhile", "however", "yesterday", "today", "tomorrow",
    "north", "south", "east", "west", "western", "eastern", "northern", "southern", "central",
    "new", "old", "great", "united", "republic", "kingdom", "federation", "state", "states",
    "union", "organization", "organisation", "council", "institute", "academy", "center",
    "centre", "university", "ministry", "department", "committee", "party", "army", "force",
    "forces", "office", "house", "group", "treaty", "bank", "fund", "agency", "news", "press",
    "times", "post", "global", "research", "world", "international", "national", "security",
    "comment", "copyright", "disclaimer", "region", "theme", "voice", "by", "for", "with", "from",
    # words of institutions, media and places that speak too ("Human Rights Watch said")
    "watch", "rights", "human", "white", "commission", "foundation", "journal", "daily", "herald",
    "tribune", "guardian", "telegraph", "street", "square", "kremlin", "pentagon", "parliament",
    "congress", "senate", "court", "police", "embassy", "government", "administration", "company",
    "corporation", "association", "society", "network", "service", "services", "airlines", "media",
    "television", "radio", "magazine", "amnesty", "reuters", "agence", "associated", "bloomberg",
    "staff", "federal", "royal", "supreme", "general", "high", "party's", "movement", "front",
    # quantifiers and regions that open a capitalised noun phrase ("Several Gulf states")
    "several", "many", "some", "most", "all", "both", "few", "other", "each", "every", "various",
    "such", "any", "gulf", "baltic", "nordic", "balkan", "arab", "persian", "caucasus", "pacific",
    "atlantic", "middle",
}  # fmt: skip


@dataclass
class Person:
    """One person and every spelling of their name the article uses, with offsets."""

    name: str  # the fullest spelling, as first written
    spellings: list[str] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)  # {"text", "start", "end"}

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def to_dict(self) -> dict:
        return {"name": self.name, "spellings": list(self.spellings), "mentions": list(self.mentions)}


# capital and small letters of the Latin scripts (Niinistö, Šefčovič, Erdoğan)
UPPER = "".join(sorted({c for c in map(chr, range(0x250)) if c.isalpha() and c.isupper()}))
LOWER = "".join(sorted({c for c in map(chr, range(0x250)) if c.isalpha() and c.islower()}))
# a name word may carry one inner capital ("McCain", "MacArthur", "LaRouche") and never ends
# inside a word (no "John Mc" out of "John McCain"); possessive runs of small letters: giving
# one back never helps a name word match
NAME_WORD = (
    rf"[{UPPER}][{LOWER}]++(?:[{UPPER}][{LOWER}]++)?(?:[-'’][{UPPER}]?[{LOWER}]++)?(?![{UPPER}{LOWER}])"
)
PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"
INITIAL = rf"[{UPPER}]\.[ \t]+"  # a middle initial: "John F. Kennedy"
ONE_NAME_WORD = re.compile(NAME_WORD)
RUN = re.compile(rf"{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*(?:{INITIAL})?{NAME_WORD})+")
SAYING_AFTER = re.compile(
    rf"[ \t]*(?:,[ \t]*(?:who[ \t]+)?)?(?:(?:{'|'.join(sorted(ADVERBS))})[ \t]+)*(?P<verb>[a-z]+)\b"
)
A_WORD = re.compile(r"[\w.'-]+")
ACCORDING_TO = re.compile(r"according[ \t]+to[ \t]*$", re.I)
# a role after a comma, with up to three words before it: "Zbigniew Brzezinski, the national
# security adviser"; "Javier Solana, NATO's secretary general" (the organisation masked)
ROLE_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:(?:a|an|the)[ \t]+|#+(?:'s|’s)[ \t]+)?(?P<words>[a-z-]+(?:[ \t]+[a-z.-]+){0,3})"
)
# words that end the phrase a role is looked for in ("..., who met the president")
NOT_IN_A_ROLE = {"who", "which", "that", "and", "but", "or", "while", "as", "where", "when", "to", "of", "in"}


def people(text: str, mentions) -> list[Person]:
    """The people introduced by a title, a role or a verb of saying, in order of first mention."""
    pieces, position = [], 0
    for mention in mentions:  # a state, capital, organisation or place is never a name
        pieces += [text[position : mention.start], "#" * (mention.end - mention.start)]
        position = mention.end
    masked = "".join([*pieces, text[position:]])
    found: dict[str, Person] = {}
    for run in RUN.finditer(masked):
        for first, last in names_in(run):
            if cued(masked, first, last):
                add(found, text[first:last], first, last)
    if not found:
        return []
    surnames = {person.surname: person for person in found.values()}
    names_by_surname: dict[str, list[str]] = {}
    for name in found:
        names_by_surname.setdefault(found[name].surname, []).append(name)
    surname_places = whole_word_places(names_by_surname, masked)
    # the only places found twice: a cued name is found again where it was cued (each pass finds
    # a place once, and the surnames' pass skips every place a name covers)
    cued_at = {(m["start"], name) for name, person in found.items() for m in person.mentions}
    for start, end, name in leftmost_longest(names_ending_at(surname_places, names_by_surname, masked)):
        if (start, name) not in cued_at:
            add(found, name, start, end, found[name])
    named = sorted((m["start"], m["end"]) for person in found.values() for m in person.mentions)
    starts = [start for start, _ in named]
    for start, end, surname in leftmost_longest(surname_places):
        inside = bisect.bisect_right(starts, start) - 1
        if inside >= 0 and start < named[inside][1]:
            continue
        first_name = word_before(masked, start)
        if ONE_NAME_WORD.fullmatch(first_name) and first_name.lower() not in NOT_TITLE_CASE:
            continue  # another first name: a different person with the same surname
        add(found, surname, start, end, surnames[surname])
    for person in found.values():
        person.mentions.sort(key=lambda m: m["start"])
    return list(found.values())


# capitalised words that may stand before a surname without being a first name
NOT_TITLE_CASE = TITLES | NOT_NAMES


def names_in(run: re.Match) -> list[tuple[int, int]]:
    """Stretches of two to four name words inside a capitalised run, cut at titles and at
    words that are never names ('Chancellor Angela Merkel' -> 'Angela Merkel'): each from its
    first to its last name word (every word of a run that is not a particle is a capitalised
    name word or an initial)."""
    spans, first, last, names = [], 0, 0, 0
    at = run.start()
    for written in run.group().split():
        at = run.string.find(written, at)
        if written.lower() in NOT_TITLE_CASE:
            if 2 <= names <= 4:
                spans.append((first, last))
            names = 0
        elif written not in PARTICLES:
            if not names:
                first = at
            last = at + len(written)
            names += 1
        at += len(written)
    if 2 <= names <= 4:
        spans.append((first, last))
    return spans


def whole_word_places(words, text: str) -> list[tuple[int, int, str]]:
    """Every place where one of ``words`` (each opening and closing with a letter) stands in
    ``text`` as a whole word, as (start, minus its length, word), overlapping places too."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and is_word_char(text[at - 1])) and not (end < len(text) and is_word_char(text[end])):
                found.append((at, -len(word), word))
            at = text.find(word, at + 1)
    return found


def names_ending_at(
    surname_places, names_by_surname: dict[str, list[str]], text: str
) -> list[tuple[int, int, str]]:
    """Every place where one of the names stands in ``text`` as whole words, as
    whole_word_places gives them: a name's place ends where its surname's does, so the text is
    searched once for the surnames, not again for each name."""
    found = []
    for surname_start, minus_length, surname in surname_places:
        end = surname_start - minus_length
        for name in names_by_surname[surname]:
            at = end - len(name)
            if at >= 0 and text.startswith(name, at) and not (at and is_word_char(text[at - 1])):
                found.append((at, -len(name), name))
    return found


def leftmost_longest(places: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of whole_word_places' places, those left to right without overlaps, the longest first where
    several start, as (start, end, text): what one alternation pattern would find, without
    compiling one per article."""
    out, reached = [], 0
    for start, minus_length, name in sorted(places):
        if start >= reached:
            out.append((start, start - minus_length, name))
            reached = start - minus_length
    return out


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern: a letter, a digit or the underscore."""
    return char.isalnum() or char == "_"


def word_before(text: str, start: int) -> str:
    """The word just before ``start`` on the same line, or '' after punctuation or a line break."""
    head = text[max(0, start - 40) : start]
    if not head or head[-1] not in " \t":
        return ""
    words = head.rstrip(" \t").rsplit(None, 1)
    word = words[-1] if words else ""
    return word if "\n" not in head[head.rfind(word) :] and A_WORD.fullmatch(word) else ""


def add(found: dict[str, Person], text: str, start: int, end: int, person: Person | None = None) -> None:
    """A mention of ``person`` (of a new person named ``text`` if none) at a place it has no
    mention at yet."""
    if person is None:
        person = found.setdefault(text, Person(name=text))
    if text not in person.spellings:
        person.spellings.append(text)
    person.mentions.append({"text": text, "start": start, "end": end})


def cued(text: str, start: int, end: int) -> bool:
    """Does a title, role or verb of saying stand next to the name text[start:end]?"""
    word = word_before(text, start).lower()
    if word in TITLES or word in {"said", "says", "told"}:
        return True
    if word == "to" and ACCORDING_TO.search(text[max(0, start - 20) : start]):
        return True
    role = ROLE_AFTER.match(text, end)
    if role and has_a_role(role.group("words").split()):
        return True
    saying = SAYING_AFTER.match(text, end)
    return bool(saying) and saying.group("verb") in SAYING


def has_a_role(words: list[str]) -> bool:
    """Is one of ``words`` (after a comma) a title, before any word that ends the phrase?"""
    for word in words:
        if word in NOT_IN_A_ROLE:
            return False
        if word in TITLES:
            return True
    return False


def spelling_clashes(found: list[Person]) -> list[dict]:
    """Pairs of people whose names differ by one letter: likely one person spelled two ways."""
    out = []
    words = [person.name.split() for person in found]
    letters = [len("".join(name)) for name in words]
    for a_index, a in enumerate(found):
        for b_index in range(a_index + 1, len(found)):
            # one letter apart, so are their lengths; a letter differs, not a word more or less
            if abs(letters[a_index] - letters[b_index]) > 1 or len(words[a_index]) != len(words[b_index]):
                continue
            b, a_words, b_words = found[b_index], words[a_index], words[b_index]
            distance = Levenshtein.distance(a.name, b.name)
            differing = [(x, y) for x, y in zip(a_words, b_words, strict=True) if x != y]
            if distance == 1 or (len(differing) == 1 and Levenshtein.distance(*differing[0]) == 1):
                out.append(
                    {
                        "kind": "name spelled two ways",
                        "spellings": [a.name, b.name],
                        "mentions": [*a.mentions, *b.mentions],
                        "message": (
                            f"{a.name!r} and {b.name!r} differ by one letter and are probably "
                            "the same person; check which spelling is right."
                        ),
                    }
                )
    return out
