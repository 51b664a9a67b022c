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
# "the two countries", "these two historically French-speaking countries", "both nations", "the three
# states" (a number, or "these"/"those"/"both"; not "the countries", "the other countries"): the list of
# states named just before; "these two new members" and the like refer with their first words only
NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
PLURAL_NOUN = re.compile(
    rf"\b(?:(?:[Tt]he|[Tt]hese|[Tt]hose) (?P<n>{NUMBER})|[Tt]hese|[Tt]hose|[Bb]oth)"
    r"(?: (?!(?:of|the|a|an|in|to|and|for|by|other|remaining|first|last|only|member|non|same|new|rest)\b)"
    r"[A-Za-z][\w-]*){0,3}? (?:countries|nations|states|governments|republics)(?![\w-])(?! of\b)"
    rf"|\b(?:[Tt]he|[Tt]hese|[Tt]hose) (?P<m>{NUMBER})(?= (?:(?:new|newest|latest|full|founding) )?"
    r"(?:members|observers|partners|allies|candidates)\b)"
)
# "They" opening a sentence before a verb: the states the sentence before opens with ("Mali and Niger
# left the bloc. They had been suspended in 2023.")
THEY = re.compile(
    r"They(?= (?:(?:also|then|later|now|both|all|still|had|have|were|are|will) )*"
    r"(?:were|are|had|have|will|joined|left|quit|withdrew|became|applied|remain|remained|hold|held|"
    r"obtained|received|gained|signed|rejoined)\b)"
)
# the nouns a plural phrase ends with (PLURAL_NOUN is looked for only before one of them, which is
# quicker than trying it at every "the")
PLURAL_HEADS = (
    "countries", "nations", "states", "governments", "republics", "members", "observers", "partners",
    "allies", "candidates",
)  # fmt: skip
# what may stand between two items of a list of states ("A, B and C", "A and the B")
LIST_GAP = re.compile(r"\s*(?:,|,? and|&|,? as well as)?\s*(?:the\s+)?")
# a demonym before a word for a state's government: "the Mongolian government was admitted", "the
# Iranian side applied" stand for the state (a demonym alone never does: "Iranian diplomats")
GOVERNMENT = re.compile(r" (?:government|authorities|leadership|side|state)\b(?!['’]s)")
THE_BEFORE = re.compile(r"\b[Tt]he $")
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
        kept = [m for m in mentions_in.get(number, []) if not any(a.start <= m.start < a.end for a in added)]
        inside = sorted(kept + added, key=lambda m: m.start)  # "these French-speaking countries": one
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
        state = pronoun_antecedent(entities, sentence, match.start(), text)
        if state is not None:
            out.append(Mention(state.kind, state.key, match[0], match.start(), match.end(), sentence))
    for mention in mentions:
        if mention.kind != "demonym" or not (government := GOVERNMENT.match(text, mention.end)):
            continue
        the = THE_BEFORE.search(text, max(0, mention.start - 4), mention.start)
        if the is not None:
            start, end = the.start(), government.end()
            out.append(Mention("state", mention.key, text[start:end], start, end, mention.sentence))
    for match in plural_phrases(text):
        sentence = bisect.bisect_right(starts, match.start()) - 1
        number = match.group("n") or match.group("m")
        named = list_antecedent(text, states, sentence, match.start(), count(number) if number else None)
        out += [Mention(m.kind, m.key, match[0], match.start(), match.end(), sentence) for m in named]
    for match in THEY.finditer(text):
        if (
            match.start()
            and text[match.start() - 1] != "\n"
            and text[match.start() - 2 : match.start()] not in (". ", "! ", "? ", '" ', "” ")
        ):
            continue  # "They" opening a sentence only
        sentence = bisect.bisect_right(starts, match.start()) - 1
        opening = runs(text, states.get(sentence - 1, []))
        if opening and opening[0][0].start - spans[sentence - 1][0] <= 4 and len(opening[0]) > 1:
            out += [
                Mention(m.kind, m.key, match[0], match.start(), match.end(), sentence) for m in opening[0]
            ]
    return out


def plural_phrases(text: str) -> list[re.Match]:
    """PLURAL_NOUN's matches, each looked for in the words before a noun it can end with."""
    out: dict[tuple[int, int], re.Match] = {}
    for head in PLURAL_HEADS:  # str.find: quicker than any regex over the whole text
        at = text.find(head)
        while at >= 0:
            end = at + len(head)
            if not text[at - 1 : at].isalpha() and not text[end : end + 1].isalpha():
                for found in PLURAL_NOUN.finditer(text, max(0, at - 70), end):
                    if found.end() >= at - 40:
                        out[found.span()] = found
            at = text.find(head, end)
    return [out[span] for span in sorted(out)]


NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}  # fmt: skip


def count(word: str) -> int:
    return NUMBERS.get(word.lower()) or int(word)


def runs(text: str, named: list) -> list[list]:
    """The lists of states among ``named`` (one sentence's state mentions in order): mentions
    joined only by commas, "and", "&", "as well as" and "the"."""
    out: list[list] = []
    for mention in named:
        if out and LIST_GAP.fullmatch(text, out[-1][-1].end, mention.start):
            out[-1].append(mention)
        else:
            out.append([mention])
    return out


def list_antecedent(text: str, states: dict[int, list], sentence: int, at: int, number: int | None) -> list:
    """The states "the two countries" stands for: the last list of two or more states (of
    ``number`` states, if it says how many) named before it in its sentence, else in the nearest
    sentence before that names such a list; none when that list is not the one wanted."""
    for back in range(sentence, max(-1, sentence - 1 - REACH), -1):
        named = [m for m in states.get(back, []) if back < sentence or m.end <= at]
        lists = [run for run in runs(text, named) if len({m.key for m in run}) > 1]
        if lists:
            found = lists[-1]
            return found if number is None or len({m.key for m in found}) == number else []
    return []


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


# between an organisation and "it": a relative clause of place about the organisation ("OPEC, where it")
WHERE = re.compile(r"(?:\s*\([^()]{1,12}\))?\s*,?\s*(?:where|in which|of which|which|that)\s+")


def pronoun_antecedent(
    entities: dict[int, list], sentence: int, at: int, text: str | None = None
) -> Mention | None:
    """The state "it" stands for: the nearest name before it in its sentence, else the first
    of the sentence before, when that name is a state's."""
    before = [m for m in entities.get(sentence, []) if m.end <= at]
    if before:
        nearest = before[-1]
        if nearest.kind == "org" and text is not None and WHERE.fullmatch(text, nearest.end, at):
            # "Ecuador's decision to leave OPEC, where it has been a member": the state before
            return next((m for m in before if m.kind in STATE_KINDS), None)
        return nearest if nearest.kind in STATE_KINDS else None
    named = entities.get(sentence - 1)
    if named and named[0].kind in STATE_KINDS:
        return named[0]
    return None
