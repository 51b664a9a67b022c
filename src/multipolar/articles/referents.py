"""Words that stand for a state the article named before: "the country", "the kingdom", "it",
"its" (before a membership event). A claim's subject is often one of them ("The country obtained
observer status in June 2005", "It had observer status at the international body", "Its
admission represents a victory"), so the membership reader reads them as the state they stand
for: each becomes a mention of that state (same kind and key), for the membership claims only.

A noun such as "the country" stands for the one state the sentence names before it, else for the
one state the sentence before names (or, naming several, the one it opens with). "it" and "its"
stand for a state only where that state is what the text was last about: the nearest name before
them in their sentence, or the first name of the sentence before, is a state's and not an
organisation's ("The Arab League met ... It said" keeps "it" the League's).
"""

from __future__ import annotations

import bisect
import re

from multipolar.articles.claims import SentenceLine
from multipolar.articles.gazetteer import Mention

# "the country", "this Balkan nation", "the oil-rich South American country" (not "the procedure of the
# country": the words between are describing words)
# (not "the first country to join", "the only nation", "the other country", "the host country")
STATE_NOUN = re.compile(
    r"\b(?:[Tt]he|[Tt]his) (?!(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|only|"
    r"other|same|next|previous|host|member|\d)\w*\b)"
    r"(?:(?!(?:of|the|a|an|in|to|and|for|by)\b)[A-Za-z][\w-]* ){0,3}?"
    r"(?:country|nation|kingdom|republic|emirate|sultanate)(?![\w-])(?! of\b)"
)
# "it" before a verb of the kind a membership claim takes; "Its" opening a sentence before a membership
# event ("Its admission represents ..."; after a verb, "suspended its membership" is a cue of its own)
PRONOUN = re.compile(
    # (not before an organisation's roster: "it now also includes Egypt, Ethiopia")
    r"\b(?:It|it)(?! (?:(?:now|also|still|currently|today|is|was) )*(?:includes?|included|comprises|"
    r"comprised|groups|grouped|consists|consisted|made up|composed|brings together|unites|united|numbers|"
    r"counts)\b)"
    r"(?= (?:is|was|has|had|have|will|would|became|becomes|joined|joins|left|quit|quits|withdrew|"
    r"also|officially|formally|then|later|now|already|still|did|does|remains|remained|applied|obtained|"
    r"gained|received|was|rejoined|suspended|acceded)\b)"
    r"|\bIts(?= (?:(?:full|formal|permanent|eventual) )?(?:accession|admission|entry|withdrawal|exit|"
    r"suspension|expulsion|return|readmission|application|inclusion|ascension)\b)"
)
# words before a capital that make it a place ("in Astana"), not its government
VENUE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|via|of) $")
STATE_KINDS = ("state", "capital")
REACH = 2  # sentences back in which a noun's state may have been named


def with_referents(lines: list[SentenceLine], text: str, mentions: list, spans: list[tuple[int, int]]):
    """``lines`` with the words that stand for a state as mentions of it, and the sentences that
    hold such a word and an organisation's name (or follow one) added as lines of their own."""
    found = referents(text, mentions, spans)
    if not found:
        return lines
    by_sentence: dict[int, list] = {}
    for mention in found:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    first_org = next((m.sentence for m in mentions if m.kind == "org"), None)
    out = {line.start: line for line in lines}
    mentions_in: dict[int, list] = {}
    for mention in mentions:
        if mention.sentence in by_sentence:
            mentions_in.setdefault(mention.sentence, []).append(mention)
    for number, added in by_sentence.items():
        start, end = spans[number]
        if start not in out and (first_org is None or number < first_org):
            continue  # no organisation named yet: no membership claim to read here
        inside = sorted(mentions_in.get(number, []) + added, key=lambda m: m.start)
        out[start] = SentenceLine(text, start, end, inside)
    return [out[start] for start in sorted(out)]


def referents(text: str, mentions: list, spans: list[tuple[int, int]]) -> list[Mention]:
    """Each word that stands for a state, as a mention of that state."""
    starts = [start for start, _ in spans]
    states: dict[int, list] = {}
    entities: dict[int, list] = {}
    for mention in mentions:
        if mention.kind in STATE_KINDS and not (
            mention.kind == "capital" and VENUE_BEFORE.search(text, max(0, mention.start - 6), mention.start)
        ):
            states.setdefault(mention.sentence, []).append(mention)
        if mention.kind in (*STATE_KINDS, "org"):
            entities.setdefault(mention.sentence, []).append(mention)
    out = []
    for match in STATE_NOUN.finditer(text):
        sentence = bisect.bisect_right(starts, match.start()) - 1
        state = noun_antecedent(states, sentence, match.start(), spans)
        if state is not None:
            out.append(Mention(state.kind, state.key, match[0], match.start(), match.end(), sentence))
    for match in PRONOUN.finditer(text):
        sentence = bisect.bisect_right(starts, match.start()) - 1
        state = pronoun_antecedent(entities, sentence, match.start())
        if state is not None:
            out.append(Mention(state.kind, state.key, match[0], match.start(), match.end(), sentence))
    return out


def noun_antecedent(states: dict[int, list], sentence: int, at: int, spans) -> Mention | None:
    """The state "the country" stands for: the only one named before it in its sentence, else
    the only one (or the first, opening it) of the nearest sentence before that names one."""
    before = [m for m in states.get(sentence, []) if m.end <= at]
    if before:
        return before[-1] if len({m.key for m in before}) == 1 else None
    for back in range(sentence - 1, max(-1, sentence - 1 - REACH), -1):
        named = states.get(back)
        if not named:
            continue
        if len({m.key for m in named}) == 1:
            return named[0]
        opening = named[0]
        return opening if opening.start - spans[back][0] <= 40 else None
    return None


def pronoun_antecedent(entities: dict[int, list], sentence: int, at: int) -> Mention | None:
    """The state "it" stands for: the nearest name before it in its sentence, else the first
    of the sentence before, when that name is a state's."""
    before = [m for m in entities.get(sentence, []) if m.end <= at]
    if before:
        nearest = before[-1]
        return nearest if nearest.kind in STATE_KINDS else None
    named = entities.get(sentence - 1)
    if named and named[0].kind in STATE_KINDS:
        return named[0]
    return None
