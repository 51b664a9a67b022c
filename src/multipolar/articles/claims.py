"""Claims an article makes about organisations, found by careful patterns over its sentences.

Each sentence is rewritten as a line of lower-case words in which every name the gazetteer
matched becomes one symbol (``<org#3>``, ``<state#7>``), and a handful of regular expressions
read that line: "<org>, which currently groups <state>, <state> and <state>", "such observer
nations as <state> and <state>", "<state> and <state> are members of <org>", "<state> joined
<org>", "<org> is not a military alliance". A pattern fires only when it is unambiguous:
a list must end cleanly (no "and other states", no possessive), the organisation must be
named next to the claim or be the only one in the sentence. A missed claim costs little; a
wrong verdict misleads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

ORG = r"<org#(?P<org>\d+)>"
KIND = (
    r"(?P<kind>military - political|military-political|military|defensive|defence|defense|"
    r"collective defen[cs]e|collective security)"
)
# the lookaheads name the letters a match can open with, so the regex engine skips to them
NATURE = re.compile(
    rf"(?=[nartgfmdc])(?P<neg>(?:not|no|never|n't|neither|nor) )?(?:(?:a|an|the) )?"
    rf"(?:(?:real|true|genuine|formal) )?{KIND} (?P<noun>alliance|bloc|pact)s?\b"
)
# NATURE's nouns as they follow its other words in a line: a line without one of them has no
# nature claim, which plain substring tests tell a tenth as slowly as a regular expression
NATURE_NOUNS = (" alliance", " bloc", " pact")
# a NATURE noun in the text as written
NATURE_WORD = re.compile(r"(?=[abp])\b(?:alliance|bloc|pact)", re.I)
# verbs that report someone else's words: a claim after them is that person's, not the article's
REPORTING = (
    r"(?:said|says|say|claimed|claims|claim|argued|argues|argue|wrote|writes|write|insisted|insists|"
    r"stated|believes|believed|believe|asserted|asserts|maintained|maintains|suggested|suggests|noted|"
    r"added|warned|warns|alleged|alleges|told|tells|thinks|thought|declared|declares|announced|"
    r"explained|recalled|stressed|contended|contends|underscored|emphasised|emphasized|acknowledged|"
    r"admitted|observed|remarked|reported|confirmed|conceded|cautioned|repeated|reiterated)"
)
# words that open a clause of the article's own: a report after one of them (", but Lavrov said ...",
# ", which Lavrov noted", ", as Lavrov noted", ", days after Lavrov warned") is not the claim's source
CLAUSE_OPENERS = (
    r"(?:and|but|or|nor|yet|so|which|who|whom|whose|where|when|while|whereas|as|although|though|after|"
    r"before|since|because|if|unless|until|once|than|despite|unlike|even)"
)
# a clause of the article's own begins between a report and a later claim: a semicolon, or a comma
# and a coordinating word (", and that" goes on with what is reported); a relative clause (", which
# included NATO members ...") may be the speaker's own words and does not end the report
CLAUSE_BREAK = re.compile(r"(?:^| )(?:;|, (?:and|but|yet|so|whereas) (?!that ))")
# a report inside a subordinate or relative clause ("When Lavrov said that talks were over, ...",
# "Putin, who said in May that ..., met"): its reach ends at the next comma
SUBORDINATE = re.compile(
    r"(?:^|[,;:] )(?:when|after|before|although|though|while|because|since|if|as|once|until|unless|"
    r"whereas|who|whom|which) (?:(?![,;:] )\S+ )*$"
)
# before a claim: "commentators claim that", "Lula said in 2009 that", "according to", "Lavrov said the"
REPORTED_BEFORE = re.compile(
    rf"\b{REPORTING}(?: \S+){{0,4}} that\b|\baccording to\b|\b{REPORTING} (?:the )?$"
)
# after it: ", Lula said", ", a senior U.S. official told reporters", ", according to Lavrov", ", said
# Lavrov" (whose last word must be a name: see ``named``), with no clause of the article's own
# (OWN_CLAUSE_AFTER) between the claim and the report
SUBJECT_WORD = rf"(?!{CLAUSE_OPENERS} )[^ ,;]+ "
NOT_A_SPEAKER = (
    r"(?:it|he|she|they|we|i|you|this|that|these|those|there|so|nothing|little|on|in|at|to|yes|no)"
)
SPEAKER_WORD = r"(?!(?:would|will|was|were|is|are|had|has|have|could|should|might|may|can) )[^ ,;]+ "
REPORTED_AFTER = re.compile(
    rf" , (?:"
    rf"(?:{SUBJECT_WORD}){{1,8}}{REPORTING}\b|according to\b"
    rf"|(?:said|says|added|wrote|noted|stressed|insisted) (?!{NOT_A_SPEAKER} )"
    rf"(?P<speaker>(?:{SPEAKER_WORD}){{0,5}}[^ ,;]+)(?: ,| \.|$))"
)
OWN_CLAUSE_AFTER = re.compile(rf" (?:;|, {CLAUSE_OPENERS} (?!that ))")
# a reporting verb dated with a year: "said in 2009", "wrote in a 2009 essay", "In 2009, Lula said"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
REPORTED_IN = re.compile(
    rf"\b{REPORTING} (?:[^ ,]+ ){{0,3}}?(?:in|back in) (?:[a-z]+ )?{YEAR}\b"
    rf"|\bin (?:[a-z]+ )?(?P<year_before>1[5-9]\d\d|20\d\d) , (?:[^ ,]+ ){{0,4}}{REPORTING}\b"
)
# a sentence that opens on another time than the article's day: "In 2015, SCO observers Iran and
# Belarus ...", "Back in 2008 the SCO groups ...", "By March 2010,", "In the 1990s", "Ten years ago,";
# its claims were true, or not, then ("Since 2017, ..." runs on to the article's day and is read)
TIME_FRAME = re.compile(
    r"^(?:back in|in|by|until|till|before|after|during|as of) (?:the )?(?:[a-z]+ )?(?:- )?"
    r"(?P<frame>1[5-9]\d\d|20\d\d)(?P<decade>s)?\b"
    r"|^(?:\S+ ){1,2}(?:years|decades|months|weeks) ago\b|^at the time\b"
)
# the words right after a claim that bound its time: "Iran, an SCO observer until 2023,", "Georgia
# joined the CSTO in 1994", "(2005 - 2023)"; a claim "in" the article's own year is read
BOUNDED = re.compile(
    r" (?:(?P<span>until|till|up to|through|from|between|prior to)|in|during) (?:[a-z]+ )?"
    r"(?P<bound>1[5-9]\d\d|20\d\d)\b| \( (?P<years>1[5-9]\d\d|20\d\d) -"
)
# words right after a claim that say it is not the formal status: "Ukraine, a NATO member in all but name"
HEDGED = re.compile(r" in (?:all|everything) but name\b")
# the organisation, a relative clause about it and the verb: "The SCO, which groups China, ..., is not";
# the clause names no other organisation, so the verb can only be the organisation's
RELATIVE_THEN_VERB = re.compile(
    rf"{ORG} , (?:which|that|whose) (?:(?!<org#)[^.;:])*? , (?:is|remains|was)(?: still)? $"
)
# a sentence that asks ("Is the SCO a military alliance?", "NATO members Finland and Sweden?") claims nothing
QUESTION = re.compile(r"\?(?: [\"”’'»)])*$")
SYMBOL = re.compile(r"<(?P<kind>\w+)#(?P<index>\d+)>")
STATE_SYMBOL = re.compile(r"<state#(\d+)>")


@dataclass
class NatureClaim:
    """A claim that an organisation is, or is not, a military alliance."""

    org: str
    military: bool  # True: "is a military alliance"; False: "is not"
    text: str
    start: int
    end: int
    words: str = ""
    attributed: bool = False  # inside quotation marks or reported, as for Claim


TOKEN = re.compile(r"n't|[’']s\b|\w+(?=n't)|\w+|[^\w\s]")
# TOKEN for text without "n't" (most sentences), where its two "n't" readings cannot match: the
# same words, found quicker
TOKEN_WITHOUT_NT = re.compile(r"[’']s\b|\w+|[^\w\s]")


@dataclass
class SentenceLine:
    """A sentence as one line of lower-case words and symbols, and the mentions behind each
    symbol. Word offsets are worked out only when a pattern matches (``span``)."""

    text: str  # the whole article
    start: int  # the sentence's character span in it
    end: int
    mentions: list  # index in symbol -> Mention
    line: str = ""
    # the number of each symbol's word in the line; the words between two symbols are TOKEN's
    # words of the text between their mentions
    symbol_words: list = field(default_factory=list)
    # the spans of the words between two symbols, by the number of the symbols before them
    between: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        words_in = (TOKEN if self.text.find("n't", self.start, self.end) >= 0 else TOKEN_WITHOUT_NT).findall
        parts, position = [], self.start
        for index, mention in enumerate(self.mentions):
            parts += words_in(self.text, position, mention.start)
            self.symbol_words.append(len(parts))
            parts.append(f"<{mention.kind}#{index}>")
            position = mention.end
        parts += words_in(self.text, position, self.end)
        self.line = " ".join(parts).lower()

    def span(self, line_start: int, line_end: int) -> tuple[int, int]:
        """Article offsets of the words that the line's characters [line_start, line_end) cover.
        Words are separated by single spaces in the line, so counting spaces gives their number."""
        first = self.line.count(" ", 0, line_start)
        last = self.line.count(" ", 0, line_end) - (line_end > 0 and self.line[line_end - 1] == " ")
        return self.word(first)[0], self.word(max(last, first))[1]

    def word(self, number: int) -> tuple[int, int]:
        """Article offsets of the line's word ``number``: a symbol's mention, or a word of the text
        between the mentions of the symbols around it."""
        symbols = bisect.bisect_right(self.symbol_words, number)  # those up to the word, itself included
        if symbols and self.symbol_words[symbols - 1] == number:
            mention = self.mentions[symbols - 1]
            return mention.start, mention.end
        spans = self.between.get(symbols)
        if spans is None:
            start = self.mentions[symbols - 1].end if symbols else self.start
            end = self.mentions[symbols].start if symbols < len(self.mentions) else self.end
            spans = self.between[symbols] = [token.span() for token in TOKEN.finditer(self.text, start, end)]
        first = self.symbol_words[symbols - 1] + 1 if symbols else 0  # the number of the text's first word
        if number - first >= len(spans):
            raise IndexError(number)
        return spans[number - first]

    def orgs(self) -> list:
        return [m for m in self.mentions if m.kind == "org"]


# a word a count of members goes with ("the group now has ten members", "the six-nation bloc")
COUNTED_WORD = re.compile(r"(?=[mnsca])\b(?:members?|nations?|states|countries|allies)\b")
# the kinds of mention a conflict's party can be (conflicts.PARTY)
PARTY_KINDS = {"state", "place", "region", "demonym"}


def sentence_lines(text: str, mentions, spans: list[tuple[int, int]], hint: re.Pattern) -> list[SentenceLine]:
    """The sentences (character ``spans``) that can hold a claim or a conflict, each as a
    SentenceLine: one naming an organisation, or a state once the article has named one (a
    membership claim or the organisation's nature; "the bloc" stands for the one named before),
    or a match of ``hint`` beside a possible party (conflicts). The rest are skipped;
    ``hint`` is looked for only in sentences with a party, a third of the text less to read."""
    by_sentence: dict[int, list] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    out = []
    named = False  # has the article named an organisation yet?
    for number, (start, end) in enumerate(spans):
        inside = by_sentence.get(number, [])
        kinds = {m.kind for m in inside}
        named = named or "org" in kinds
        if (
            "org" in kinds
            or named
            and ("state" in kinds or "capital" in kinds or COUNTED_WORD.search(text, start, end))
            or not kinds.isdisjoint(PARTY_KINDS)
            and hint.search(text, start, end)
        ):
            out.append(SentenceLine(text, start, end, inside))
    return out


def attributed(start: int, line_start: int, line_end: int, line: SentenceLine, article: str) -> bool:
    """Is the claim someone's the article reports: inside quotation marks opened in its paragraph,
    or with a reporting verb before it ("commentators claim that") or after it (", Lula said") whose
    reach a clause of the article's own does not end first ("..., but Lavrov said")?"""
    paragraph = article.rfind("\n", 0, start) + 1
    quoted = article.count('"', paragraph, start) % 2 == 1
    if quoted or article.count("“", paragraph, start) > article.count("”", paragraph, start):
        return True
    after = REPORTED_AFTER.search(line.line, line_end)
    if (
        after
        and not OWN_CLAUSE_AFTER.search(line.line, line_end, after.start())
        and (after.group("speaker") is None or named(after, line, article))
    ):
        return True
    return any(
        reaches(report, line.line[:line_start])
        for report in REPORTED_BEFORE.finditer(line.line, 0, line_start)
    )


def reaches(report: re.Match, before_claim: str) -> bool:
    """Does a report before a claim still govern it: no clause of the article's own opens in
    between, and a report in a subordinate clause ("When Lavrov said that ..., ") ends at its comma?"""
    between = before_claim[report.end() :]
    if CLAUSE_BREAK.search(between):
        return False
    return not (SUBORDINATE.search(before_claim, 0, report.start()) and " , " in between)


def named(report: re.Match, line: SentenceLine, article: str) -> bool:
    """Is the speaker after an inverted report (", said Lavrov") named, its last word capitalised in
    the article? ", said the talks failed" has a lower-case end and is no report of the claim."""
    start, end = line.span(report.start("speaker"), report.end("speaker"))
    return article[start:end].split()[-1][:1].isupper()


def nature_claims(lines: list[SentenceLine], article: str) -> list[NatureClaim]:
    """'<org> military alliance', '<org> is (not) a military alliance', '..., it is not a ...'."""
    out = []
    for line in lines:
        if (
            "<org#" not in line.line
            or not any(noun in line.line for noun in NATURE_NOUNS)
            or QUESTION.search(line.line)
        ):
            continue
        for match in NATURE.finditer(line.line):
            before = line.line[: match.start()]
            negated = bool(match.group("neg"))
            adjacent = re.search(
                rf"{ORG} (?:'s |’s )?(?:(?:is|was|remains|as|becomes|become|being|,) )?$", before
            )
            pronoun = re.search(r"\b(?:it|which|that) (?:is|remains|'s)(?: still)? $", before)
            if negated:
                adjacent = adjacent or re.search(rf"{ORG} (?:is|remains|was) $", before)
            adjacent = adjacent or RELATIVE_THEN_VERB.search(before)
            if adjacent:
                org = line.mentions[int(adjacent.group("org"))].key
            elif pronoun:
                earlier = [m for m in SYMBOL.finditer(before) if m.group("kind") == "org"]
                if not earlier:
                    continue
                org = line.mentions[int(earlier[-1].group("index"))].key
            else:
                continue
            start, end = line.span(match.start(), match.end())
            words = " ".join(match.group("kind").replace(" - ", "-").split()) + " " + match.group("noun")
            subject = (adjacent or pronoun).start()  # where the claim's sentence part opens
            said = attributed(start, subject, match.end(), line, article)
            out.append(NatureClaim(org, not negated, article[start:end], start, end, words, said))
    return out
