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

STATUS_WORDS = {
    "member": "member", "members": "member", "member states": "member", "member countries": "member",
    "member nations": "member", "full members": "member", "full member": "member",
    "founding members": "member", "founding member": "member", "founding member states": "member",
    "founding states": "member", "founding countries": "member", "founding nations": "member",
    "founder members": "member", "founder member": "member", "founders": "member", "founder": "member",
    "original members": "member", "original member": "member", "original member states": "member",
    "observer": "observer", "observers": "observer", "observer states": "observer",
    "observer nations": "observer", "observer countries": "observer", "observer state": "observer",
    "dialogue partner": "dialogue_partner", "dialogue partners": "dialogue_partner",
    "partner countries": "partner_country", "partner country": "partner_country",
    "candidate": "candidate", "candidates": "candidate", "candidate countries": "candidate",
    "candidate country": "candidate", "associate member": "associate", "associate members": "associate",
}  # fmt: skip
# words that make a status the one held on the organisation's founding day, not on the article's
FOUNDING = {"founding", "founder", "founders", "original"}
# a status word; the lookahead for the words' first letters lets the regex engine skip to them
# where a pattern opens with it (LIST's likewise)
STATUS = (
    f"(?=[{''.join(sorted({word[0] for word in STATUS_WORDS}))}])"
    + "(?P<status>"
    + "|".join(sorted(map(re.escape, STATUS_WORDS), key=len, reverse=True))
    + ")"
)
STATE = r"(?:the )?<state#\d+>"
# a list of states: items after commas, then at most one joined by "and" (after "Poland and
# Hungary", ", Austria" opens another clause: "Unlike NATO members Poland and Hungary, Austria
# stayed neutral"); such lists joined by "as well as"; possessive so that a list that ends
# badly is refused, not shortened
ITEMS = rf"{STATE}(?: , {STATE})*+(?: (?:and|, and|&) {STATE})?+"
LIST = rf"(?=[t<])(?P<list>{ITEMS}(?: (?:as well as|, as well as) {ITEMS})*+)"
# what may not follow a list: a dangling conjunction ("and other states", ", as well as the three
# new members") or a possessive
END = r"(?! (?:, )?(?:and|as well as|along with|together with|plus|&) )(?! 's\b)(?! ’s\b)(?! -)"
ORG = r"<org#(?P<org>\d+)>"
# an organisation named whole, not a part or programme of it ("members of NATO's partnership
# programme", "of the NATO-Ukraine Council", "joined NATO's Partnership for Peace")
ORG_ITSELF = rf"{ORG}(?! (?:'s|’s|-) )"
NOW = r"(?:(?:currently|now|today|still|presently|already|also) )?"
LISTING_VERBS = {
    "groups": True, "comprises": True, "consists of": True, "is made up of": True,
    "is composed of": True, "brings together": True, "unites": True, "includes": False,
    "encompasses": True, "counts": False,
}  # fmt: skip
VERB = "(?P<verb>" + "|".join(sorted(map(re.escape, LISTING_VERBS), key=len, reverse=True)) + ")"

GROUP = "group|bloc|grouping|club|format|alliance"
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}  # fmt: skip
COUNT = r"(?P<count>" + "|".join(NUMBERS) + r"|\d+)"
# one state: not the last of a list ("..., and the Czech Republic, a NATO member"), whole with its "the";
# the lookahead (as LIST's) lets the engine skip to where a state can open
ONE_STATE = rf"(?=[t<])(?<!, )(?<!and )(?<!& )(?<!the )(?P<list>{STATE})"
AN = r"(?:itself |also |now |already )?(?:a|an) (?:full )?"
MEMBERSHIP_PATTERNS = [
    # "the SCO, which currently groups Russia, China, ... and Uzbekistan"
    ("groups", re.compile(rf"{ORG} (?:, )?(?:(?:which|that) )?{NOW}{VERB} {LIST}{END}")),
    # "BRIC, that brings Russia together with Brazil, India and China"
    (
        "together",
        re.compile(
            rf"{ORG} (?:, )?(?:(?:which|that) )?{NOW}(?:brings|unites) (?P<first>{STATE}) "
            rf"together with {LIST}{END}"
        ),
    ),
    # "the SCO's observers Iran, India and Pakistan", "NATO members Poland and Romania"
    (
        "apposition",
        re.compile(rf"{ORG} (?:'s |’s )?{STATUS} (?:, |: )?(?:such as |like |including )?{LIST}{END}"),
    ),
    # "members of NATO such as Poland and Romania", "observers of the SCO, including Iran and India"
    (
        "of",
        re.compile(rf"{STATUS} of (?:the )?{ORG} (?:, )?(?:such as|like|including|:) {LIST}{END}"),
    ),
    # "such observer nations as Iran, India and Pakistan"
    ("such", re.compile(rf"such {STATUS} as {LIST}{END}")),
    # "observers such as Iran, India and Pakistan", "observers: Iran, India and Pakistan"
    ("such as", re.compile(rf"{STATUS} (?:, )?(?P<how>such as|like|including|:) {LIST}{END}")),
    # "the BRICS group of Brazil, Russia, India, China and South Africa"
    ("grouping", re.compile(rf"{ORG} (?:{GROUP}) (?:of|comprising) {LIST}{END}")),
    # "the GCC (Saudi Arabia, Kuwait, ... and Oman)", "BRICS — Brazil, Russia, ... and South Africa —"
    (
        "bracketed",
        re.compile(
            rf"{ORG} (?:(?:{GROUP}|countries|nations|states|members) )?(?P<open>\(|—|–|:) {LIST}{END}"
        ),
    ),
    # "Albania and Croatia are members of NATO"
    (
        "are",
        re.compile(
            rf"{LIST} (?:are|is|remain|remains) (?:all |both |now |still )?(?:the |a |an )?"
            rf"{STATUS} (?:of|in) (?:the )?{ORG_ITSELF}"
        ),
    ),
    # "The NATO members are the United States, ...", "The CSTO's six members are Russia, ...",
    # "The SCO's dialogue partners include Turkey, ..."
    (
        "members are",
        re.compile(
            rf"(?<![^ ])(?P<the>the )?{ORG} (?P<own>'s |’s )?(?:{COUNT} )?{STATUS} "
            rf"{NOW}(?P<verb>are|include) {LIST}{END}"
        ),
    ),
    # "The members of the CSTO are Russia, ...", "The six members of the CSTO are ..."
    (
        "members of are",
        re.compile(
            rf"(?<![^ ])(?P<the>the )?(?:{COUNT} )?{STATUS} of (?:the )?{ORG} "
            rf"{NOW}(?P<verb>are|include) {LIST}{END}"
        ),
    ),
    # "Kazakhstan and Belarus, both members of the Eurasian Economic Union"
    ("both", re.compile(rf"{LIST} , (?:both|all) (?:(?:full|founding) )?{STATUS} of (?:the )?{ORG_ITSELF}")),
    # "Britain, France and West Germany, all NATO members"
    ("both org", re.compile(rf"{LIST} , (?:both|all) {ORG} {STATUS}(?= |$)")),
    # "the European Union, whose members include Poland, Lithuania and Latvia"
    ("whose", re.compile(rf"{ORG} , whose {STATUS} (?P<verb>include|are) {LIST}{END}")),
    # "Albania and Croatia joined NATO"
    ("joined", re.compile(rf"{LIST} (?:have |has |had |formally |officially )?joined (?:the )?{ORG_ITSELF}")),
    # "Turkey, a NATO member, ..." (one state, not the last of a list)
    ("one", re.compile(rf"{ONE_STATE} , {AN}{ORG} {STATUS}(?= |$)")),
    # "Armenia, a member of the CSTO, ..."
    ("one of", re.compile(rf"{ONE_STATE} , {AN}{STATUS} of (?:the )?{ORG_ITSELF}(?= |$)")),
]
# a cheap test of each line before its patterns run: for each pattern, sets of words of which the
# line must hold one each (whole words of the line: a space or the line's end on either side)
STATUS_NEEDS = {"member", "members", "observer", "observers", "partner", "partners", "candidate",
                "candidates", "associate", "founders", "founder", "founding"}  # fmt: skip
LISTING_NEEDS = {"groups", "comprises", "consists", "made", "composed", "brings", "unites", "includes",
                 "encompasses", "counts"}  # fmt: skip
SUCH_AS_NEEDS = {"such", "like", "including", ":"}
NEEDS = {
    "groups": [LISTING_NEEDS],
    "together": [{"together"}],
    "grouping": [{"group", "bloc", "grouping", "club", "format", "alliance"}, {"of", "comprising"}],
    "bracketed": [{"(", "—", "–", ":"}],
    "apposition": [STATUS_NEEDS],
    "of": [STATUS_NEEDS, {"of"}, SUCH_AS_NEEDS],
    "such": [{"such"}],
    "such as": [STATUS_NEEDS, SUCH_AS_NEEDS],
    "are": [STATUS_NEEDS, {"are", "is", "remain", "remains"}, {"of", "in"}],
    "joined": [{"joined"}],
    "both": [{"both", "all"}, STATUS_NEEDS, {"of"}],
    "both org": [{"both", "all"}, STATUS_NEEDS],
    "members are": [{"are", "include"}, STATUS_NEEDS],
    "members of are": [{"are", "include"}, STATUS_NEEDS, {"of"}],
    "whose": [{"whose"}],
    "one": [STATUS_NEEDS, {"a", "an"}],
    "one of": [STATUS_NEEDS, {"a", "an"}, {"of"}],
}


def needs_met_by() -> dict[str, set[tuple[str, int]]]:
    """NEEDS turned around, to test a line against every pattern at once: each word -> the needs it
    meets, a need being a pattern's name and the place in its NEEDS of a set holding the word."""
    met_by: dict[str, set[tuple[str, int]]] = {}
    for name, needs in NEEDS.items():
        for place, words in enumerate(needs):
            for word in words:
                met_by.setdefault(word, set()).add((name, place))
    return met_by


MET_BY = needs_met_by()
# each pattern with all of its needs, every one of which a line must meet for the pattern to run
PATTERN_NEEDS = [
    (name, pattern, {(name, place) for place in range(len(NEEDS[name]))})
    for name, pattern in MEMBERSHIP_PATTERNS
]


# words before a status that make it another day's or nobody's
NOT_NOW = {"former", "ex", "prospective", "future", "potential", "aspiring", "would-be", "possible", "non",
           "new", "newest", "old"}  # fmt: skip
# words before an organisation that make a list after it only part of the membership: "Russia's
# partners in the SCO (China, ...)", "the other members of NATO (...)", "fellow BRICS members"
PART_OF = re.compile(
    r"(?:\b(?:other|fellow|remaining|rest of)|\b(?:partners|allies|neighbours|neighbors|colleagues|"
    r"counterparts) (?:in|of|from|within)) (?:(?:members|member states|states|countries|partners) "
    r"(?:of|in) )?(?:the )?$"
)
# a list whose last state follows "and", "as well as" or "&", as a list of the whole membership must
CLOSED_LIST = re.compile(rf"(?:and|as well as|&) {STATE}$")
# an organisation right before a claim's words ("the SCO's" + "observers Iran, India ...")
ORG_BEFORE = re.compile(rf"{ORG} (?:'s |’s )?$")
# where a clause opens: the line's start, after a comma, colon, dash or quote, after "and" or "but"
CLAUSE_OPENS = re.compile(r"(?:^|[,:;—–\"“] |\b(?:and|but) )$")
# a status named before "of ORG", for the patterns that name none ("the observers of the SCO (...)")
STATUS_BEFORE = re.compile(rf"{STATUS} (?:of|in) (?:the )?$")
# words before a list that undo a "joined"/"are members" claim ("Had Ukraine joined NATO, ...")
UNDOING = {"not", "never", "will", "would", "could", "might", "may", "to", "should", "if", "once", "n't",
           "had", "unless", "nor", "neither"}  # fmt: skip

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
class Claim:
    """A membership claim as written: which organisation, which status, which states."""

    org: str
    status: str
    listed: list  # Mention objects of the states listed, in order
    exhaustive: bool  # does the text present the list as the whole membership?
    text: str
    start: int
    end: int
    pattern: str
    as_of: str | None = None  # "founding": the list is of the founders, to check on the founding day
    attributed: bool = False  # inside quotation marks or reported ("X said that ..."): someone's claim


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
        start = self.mentions[symbols - 1].end if symbols else self.start
        end = self.mentions[symbols].start if symbols < len(self.mentions) else self.end
        first = self.symbol_words[symbols - 1] + 1 if symbols else 0  # the number of the text's first word
        for count, token in enumerate(TOKEN.finditer(self.text, start, end)):
            if count == number - first:
                return token.span()
        raise IndexError(number)

    def orgs(self) -> list:
        return [m for m in self.mentions if m.kind == "org"]


# the kinds of mention a conflict's party can be (conflicts.PARTY)
PARTY_KINDS = {"state", "place", "region", "demonym"}


def sentence_lines(text: str, mentions, spans: list[tuple[int, int]], hint: re.Pattern) -> list[SentenceLine]:
    """The sentences (character ``spans``) that can hold a claim or a conflict, each as a
    SentenceLine: an organisation with a state (membership) or with an alliance word (its
    nature), or a match of ``hint`` beside a possible party (conflicts). The rest are skipped;
    ``hint`` is looked for only in sentences with a party, a third of the text less to read."""
    by_sentence: dict[int, list] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    out = []
    for number, (start, end) in enumerate(spans):
        inside = by_sentence.get(number, [])
        kinds = {m.kind for m in inside}
        if (
            "org" in kinds
            and ("state" in kinds or NATURE_WORD.search(text, start, end))
            or not kinds.isdisjoint(PARTY_KINDS)
            and hint.search(text, start, end)
        ):
            out.append(SentenceLine(text, start, end, inside))
    return out


def listed_states(line: SentenceLine, text: str) -> list:
    return [line.mentions[int(index)] for index in STATE_SYMBOL.findall(text)]


def membership_claims(lines: list[SentenceLine], article: str, year: int | None = None) -> list[Claim]:
    """Every membership claim the patterns can read without doubt. A claim reported with another
    year than ``year``, the article's ("Lula said in 2009"), or set in another time ("In 2015, ...",
    "an SCO observer until 2023") is left out: it was true, or not, then; without ``year`` every
    such dated claim is left out."""
    claims = []
    for line in lines:
        if "<state#" not in line.line or "<org#" not in line.line or QUESTION.search(line.line):
            continue
        if another_time(TIME_FRAME.match(line.line), year):
            continue
        met = set().union(*map(MET_BY.get, MET_BY.keys() & line.line.split()))  # the needs its words meet
        taken: list[tuple[int, int]] = []
        for name, pattern, needs in PATTERN_NEEDS:
            if not needs <= met:
                continue
            for match in pattern.finditer(line.line):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                claim = read_claim(name, match, line, article)
                if claim is None:
                    continue
                taken.append((match.start(), match.end()))
                claim.attributed = attributed(claim.start, match.start(), match.end(), line, article)
                dated = REPORTED_IN.search(line.line) if claim.attributed else None
                if dated and int(dated.group("year") or dated.group("year_before")) != year:
                    continue
                if another_time(BOUNDED.match(line.line, match.end()), year) or HEDGED.match(
                    line.line, match.end()
                ):
                    continue
                claims.append(claim)
    return claims


def another_time(frame: re.Match | None, year: int | None) -> bool:
    """Does a TIME_FRAME or BOUNDED match set a claim in another time than the article's ``year``:
    a year or decade not the article's, a span of years ("until 2023"), "ten years ago"?"""
    if frame is None:
        return False
    groups = frame.groupdict()
    written = groups.get("frame") or groups.get("bound")
    if written is None or groups.get("decade") or groups.get("span") or groups.get("years"):
        return True
    return int(written) != year


def read_claim(name: str, match: re.Match, line: SentenceLine, article: str) -> Claim | None:
    groups = match.groupdict()
    states = listed_states(line, groups["list"])
    if groups.get("first"):
        states = listed_states(line, groups["first"]) + states
    org = org_of(match, line)
    if org is None or not states:
        return None
    before_org = line.line[: org_symbol_at(match, line)]
    if qualified(before_org):  # "non-NATO members", "prospective NATO members"
        return None
    status_named = groups.get("status")
    if status_named is None and name == "bracketed":
        named = STATUS_BEFORE.search(before_org)  # "the observers of the SCO (Iran, ...)"
        if named and qualified(before_org[: named.start()]):
            return None
        status_named = named.group("status") if named else None
    if name in ("are", "joined", "both", "both org", "one", "one of") and undone(line.line[: match.start()]):
        return None
    if groups.get("status") and qualified(line.line[: match.start("status")]):
        return None
    status = STATUS_WORDS[status_named] if status_named else "member"
    words_before = line.line[: match.start("status")].split()[-1:] if groups.get("status") else []
    founders = {*(status_named or "").split()[:1], *words_before, *before_org.split()[-1:]} & FOUNDING
    closed = bool(CLOSED_LIST.search(groups["list"]))
    if name == "groups":
        exhaustive = LISTING_VERBS[groups["verb"]]
    elif name == "whose":
        exhaustive = groups["verb"] == "are"
    elif name in ("together", "grouping"):
        exhaustive = True
    elif name == "bracketed":
        exhaustive = closes(groups["open"], line.line[match.end() :])
        if not exhaustive:
            return None
    elif name == "such as":
        exhaustive = groups["how"] != "including"
    elif name in ("members are", "members of are"):
        # the whole list only as "The CSTO's (six) members are" or "The members of the CSTO are",
        # opening a clause: not "Among the members of NATO are", nor "NATO members include"; and not
        # "The NATO members are", which may mean those of a group named before ("Of the five
        # neighbours, the NATO members are Poland and Romania")
        opens = CLAUSE_OPENS.search(line.line, 0, match.start())
        named = groups.get("own") or (name == "members of are" and groups["the"])
        exhaustive = groups["verb"] == "are" and bool(opens) and bool(named)
        if groups["count"] and (not exhaustive or count_of(groups["count"]) != len(states)):
            return None
    else:
        exhaustive = name == "such"
    if exhaustive and (len(states) < 2 or not closed):
        return None
    if exhaustive and PART_OF.search(line.line, 0, org_symbol_at(match, line)):
        exhaustive = False  # the others: each is a member, but not all of them are named
    start, end = line.span(match.start(), match.end())
    as_of = "founding" if founders else None
    return Claim(org, status, states, exhaustive, article[start:end], start, end, name, as_of)


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


def count_of(word: str) -> int:
    return NUMBERS[word] if word in NUMBERS else int(word)


def closes(opening: str, rest: str) -> bool:
    """Does a list opened by '(' or a dash or a colon end where it should: ')' for '(', a dash
    or the end of the sentence for a dash, the end of the sentence for a colon?"""
    following = rest.split(" ", 2)[1] if rest.startswith(" ") else ""
    if opening == "(":
        return following == ")"
    if opening == ":":
        return following in ("", ".", ";")
    return following in ("—", "–", "", ".", ";")


def org_of(match: re.Match, line: SentenceLine) -> str | None:
    """The organisation a claim is about: named in the pattern, or the sentence's only one."""
    if match.groupdict().get("org") is not None:
        return line.mentions[int(match.group("org"))].key
    before = ORG_BEFORE.search(line.line, 0, match.start())
    if before:
        return line.mentions[int(before.group("org"))].key
    ids = {m.key for m in line.orgs()}
    return ids.pop() if len(ids) == 1 else None


def org_symbol_at(match: re.Match, line: SentenceLine) -> int:
    """Where the symbol of the organisation named next to the claim starts in the line (in the
    pattern, or right before it); 0 when the claim names none there."""
    if match.groupdict().get("org") is not None:
        return line.line.rfind("<org#", 0, match.start("org"))
    before = ORG_BEFORE.search(line.line, 0, match.start())
    return before.start() if before else 0


def qualified(before: str) -> bool:
    """'former members', 'prospective members', 'non-members': not the status on the day."""
    words = before.split()
    return bool(words) and (words[-1] in NOT_NOW or words[-2:] == ["non", "-"] or words[-2:-1] == ["non"])


def undone(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1] in UNDOING


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
