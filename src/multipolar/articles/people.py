"""People named in an article, found by a conservative rule, and names spelled two ways.

A person is a run of two to four capitalised words (with particles such as "de" or "von")
that a title or role introduces ("President Dmitry Medvedev", "Sergei Kuzyanin, head of ...")
or that a verb of saying accompanies ("Sergei Luzyanin says", "according to ..."). Anything
the gazetteer already knows (a state, capital, organisation or place) is never a person.
Precision over recall: a capitalised pair with no such cue is left alone.
"""

from __future__ import annotations

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


def name_word(token) -> bool:
    text = token.text
    return (
        token.is_alpha
        and len(text) > 1
        and text[0].isupper()
        and not text.isupper()
        and text.lower() not in NOT_NAMES
        and text.lower() not in TITLES
    )


def people(doc, mentions) -> list[Person]:
    """The people introduced by a title, a role or a verb of saying, in order of first mention."""
    known = set()
    for mention in mentions:
        known.update(range(mention.token, mention.token_end))
    found: dict[str, Person] = {}
    i = 0
    while i < len(doc):
        if i in known or not name_word(doc[i]):
            i += 1
            continue
        j, capitals = i, 0
        while j < len(doc) and capitals < 4 and j not in known:
            if name_word(doc[j]):
                capitals += 1
            elif not (doc[j].text in PARTICLES and j + 1 < len(doc) and name_word(doc[j + 1])):
                break
            j += 1
        if capitals >= 2 and (j >= len(doc) or not name_word(doc[j])) and cued(doc, i, j):
            span = doc[i:j]
            add(found, span.text, span.start_char, span.end_char)
        i = j
    for person in list(found.values()):
        for match in re.finditer(rf"\b{re.escape(person.name)}\b", doc.text):
            add(found, person.name, match.start(), match.end(), person)
    surnames = {person.surname: person for person in found.values()}
    named = [(m["start"], m["end"]) for person in found.values() for m in person.mentions]
    for token in doc:
        person = surnames.get(token.text)
        if person is None or any(start <= token.idx < end for start, end in named):
            continue
        if not (token.i > 0 and name_word(doc[token.i - 1])):
            add(found, token.text, token.idx, token.idx + len(token.text), person)
    for person in found.values():
        person.mentions.sort(key=lambda m: m["start"])
    return list(found.values())


def add(found: dict[str, Person], text: str, start: int, end: int, person: Person | None = None) -> None:
    if person is None:
        person = found.setdefault(text, Person(name=text))
    if text not in person.spellings:
        person.spellings.append(text)
    if not any(m["start"] == start for m in person.mentions):
        person.mentions.append({"text": text, "start": start, "end": end})


def cued(doc, start: int, end: int) -> bool:
    """Does a title, role or verb of saying stand next to the name doc[start:end]?"""
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in TITLES:
        return True
    if before in {"said", "says", "told"} or (
        start > 1 and doc[start - 2].lower_ == "according" and before == "to"
    ):
        return True
    k = end
    if k < len(doc) and doc[k].text == ",":
        k += 1
        if k < len(doc) and doc[k].lower_ in TITLES | {"a", "the", "an"}:
            return doc[k].lower_ in TITLES or (k + 1 < len(doc) and doc[k + 1].lower_ in TITLES)
        if k < len(doc) and doc[k].lower_ == "who":
            k += 1
    while k < len(doc) and doc[k].lower_ in ADVERBS:
        k += 1
    return k < len(doc) and doc[k].lower_ in SAYING


def spelling_clashes(found: list[Person]) -> list[dict]:
    """Pairs of people whose names differ by one letter: likely one person spelled two ways."""
    out = []
    for a_index, a in enumerate(found):
        for b in found[a_index + 1 :]:
            a_words, b_words = a.name.split(), b.name.split()
            if len(a_words) != len(b_words):
                continue
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
