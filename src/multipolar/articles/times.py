"""When a claim is set: the time expressions of a sentence line, read against the article's day.

A claim is checked as of its own time, never dropped for being in another: "joined in 2017" is
about 2017, "observers since 2010" about every day from 2010 to the article's, "will become
partners from 1 January 2025" about that day. The expressions are read from a SentenceLine's
lower-case words (claims.SentenceLine), so "January 1, 2024" is "january 1 , 2024".

An anchor is one of: ``article`` (the article's day), ``day``, ``month``, ``year`` (an explicit
time: value "2024-01-01", "1993-12", "2017"), ``since`` and ``until`` (value at its own
precision), ``range`` (value [from, to]) and ``future`` (value a day, month or year, or None).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTH_NAMES = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH = "(?:" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")(?: \.)?"
DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
# a written date, most precise first; "may" is a month only with a day or a year beside it
DATE = (
    rf"(?P<{{p}}iso>{YEAR} - (?:0[1-9]|1[0-2]) - (?:0[1-9]|[12]\d|3[01]))"
    rf"|(?P<{{p}}md>{MONTH} {DAY}(?: ,)? {YEAR})|(?P<{{p}}dm>{DAY} (?:of )?{MONTH}(?: ,)? {YEAR})"
    rf"|(?P<{{p}}my>{MONTH}(?: ,)? {YEAR})|(?P<{{p}}y>{YEAR})(?! s\b)|(?P<{{p}}decade>(?:1[89]|20)\d0s)"
    rf"|(?P<{{p}}mdn>(?!may ){MONTH} {DAY})(?! ,? {YEAR})"
    rf"|(?P<{{p}}dmn>{DAY} (?:of )?(?!may\b){MONTH})(?! ,? {YEAR})"
)
FIRST = DATE.format(p="a_")
SECOND = DATE.format(p="b_")
PREPOSITION = (
    r"(?P<prep>since|until|till|through|up to|by|as of|from|between|in|on|during|at|of|effective|"
    r"with effect from|starting|beginning|as from|after|before|prior to)"
)
TIME = re.compile(
    rf"(?<![^ ])(?:{PREPOSITION} )?(?:(?:the )?(?:early|late|mid|end of|beginning of|start of|spring of|"
    rf"summer of|autumn of|fall of|winter of) )?(?:(?P<first>{FIRST}))"
    rf"(?: (?P<joint>to|until|till|and|-|–|—) (?:(?:the )?end of )?(?P<second>{SECOND}))?(?![^ ])"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1, "fifteen": 15, "twenty": 20, "thirty": 30}  # fmt: skip
RELATIVE = re.compile(
    r"(?<![^ ])(?:(?P<prep>since|until|in|by|from|as of) )?(?:earlier |later )?(?P<which>last|this|next) "
    r"(?P<unit>year|month)(?![^ ])|(?<![^ ])(?P<day>yesterday|today)(?![^ ])"
    r"|(?<![^ ])(?P<ago>\d+|" + "|".join(NUMBERS) + r") (?P<ago_unit>years?|decades?) ago(?![^ ])"
    r"|(?<![^ ])(?P<month_prep>since|in|from|until|by|as of|last|this|next) (?:(?:early|late|mid|mid -) )?"
    r"(?P<month>"
    + "(?:"
    + "|".join(m for m in sorted(MONTH_NAMES, key=len, reverse=True) if m != "may")
    + r"|(?<=last )may|(?<=next )may))(?![^ ])(?! \d)"
    r"|(?<![^ ])(?:on |last )?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?![^ ])"
)
TODAY_FROM = re.compile(r"(?:from|of|until|till|by|since) $")
RELATIVE_YEAR = re.compile(r" (next|last) year\b")
# a digit of the text, not of a name's symbol ("<state#12>"): every TIME match holds one
WRITTEN_DIGIT = re.compile(r"\d(?!\d*>)")
# a word every RELATIVE match holds
RELATIVE_HINT = re.compile(
    r"\b(?:"
    + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
    + "|"
    + "|".join(WEEKDAYS)
    + r"|last|this|next|ago|yesterday|today)\b"
)
FOLLOWING = re.compile(r"(?<![^ ])(?:in )?(?:the following|the next|a) year(?: later)?(?![^ ])")
# the words of a time expression that say it is an event's, not a span's
SPAN_PREPOSITIONS = {
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "up to": "until",
}


@dataclass
class Time:
    """A time expression in a line: where it stands (line characters) and what it says."""

    start: int
    end: int
    precision: str  # "day", "month", "year" or "range"
    value: str | list  # "2024-01-01", "1993-12", "2017", or [from, to] for a range
    preposition: str | None
    guessed: bool = False  # the year is the article's, not written ("in January", "on 3 March")
    weekday: bool = False  # a weekday read as the last such day ("on Friday"): the next one in a future claim

    def anchor(self, future: bool, day: dt.date | None = None) -> dict:
        """The claim's time anchor with this expression: "since 2010", "from 1 January 2025" in a
        future claim, "in December 1993". Given the article's ``day``, a time after it makes the
        claim a future one ("the three will cease to be members from January 29, 2025"), and a
        future claim's month or day without a year is the next one ("will withdraw in January",
        written in October)."""
        value = self.value
        if day is not None and self.guessed and future and interval(value)[1] < day:
            value = f"{int(value[:4]) + 1}{value[4:]}"
        if day is not None and self.weekday and future and interval(value)[1] < day:
            value = (interval(value)[0] + dt.timedelta(7)).isoformat()  # "will join on Friday": the next one
        if day is not None and not future and self.precision != "range" and interval(value)[0] > day:
            future = self.preposition not in SPAN_PREPOSITIONS
        if future:
            return {"anchor": "future", "value": value if self.precision != "range" else value[0]}
        if self.precision == "range":
            return {"anchor": "range", "value": self.value}
        if self.preposition in SPAN_PREPOSITIONS:
            return {"anchor": SPAN_PREPOSITIONS[self.preposition], "value": self.value}
        if self.preposition in ("from", "starting", "beginning", "as from", "with effect from", "effective"):
            return {"anchor": "since", "value": self.value}
        return {"anchor": self.precision, "value": self.value}


def times_in(line: str, day: dt.date | None) -> list[Time]:
    """Every time expression in ``line``; a month and day without a year, and "last year", take
    the year from the article's ``day`` (and are left out when there is none)."""
    out = []
    digit, relative = WRITTEN_DIGIT.search(line), RELATIVE_HINT.search(line)
    if not digit and not relative:
        return out  # no digit, month, weekday or relative word: no time (most sentences)
    for match in TIME.finditer(line, time_scan_start(line, digit.start())) if digit else ():
        first = written(match, "a_", day)
        if first is None:
            continue
        precision, value = first
        second = written(match, "b_", day) if match.group("second") else None
        if (
            second is not None
            and match.group("joint") != "and"
            or (second is not None and match.group("prep") == "between")
        ):
            precision, value = "range", [value, second[1]]
        elif match.group("a_decade"):
            decade = int(match.group("a_decade")[:4])
            precision, value = "range", [str(decade), str(decade + 9)]
        end = match.end() if precision == "range" else match.end("first")
        if (match.group("a_mdn") or match.group("a_dmn")) and precision == "day":
            shift = RELATIVE_YEAR.match(line, end)  # "on 1 January next year"
            if shift:
                year = int(value[:4]) + {"next": 1, "last": -1}[shift.group(1)]
                value, end = f"{year}{value[4:]}", shift.end()
        guessed = bool(match.group("a_mdn") or match.group("a_dmn")) and end == match.end("first")
        out.append(Time(match.start(), end, precision, value, match.group("prep"), guessed))
    for match in FOLLOWING.finditer(line) if out else ():
        # "founded in 2009 ..., while South Africa joined the following year"
        earlier = [t for t in out if t.end <= match.start() and t.precision in ("year", "month", "day")]
        if earlier:
            year = int(str(earlier[-1].value)[:4]) + 1
            out.append(Time(match.start(), match.end(), "year", str(year), None))
    for match in RELATIVE.finditer(line) if relative and day is not None else ():
        if day is None:
            continue
        if match.group("ago"):
            count = int(match.group("ago")) if match.group("ago").isdigit() else NUMBERS[match.group("ago")]
            years = count * (10 if match.group("ago_unit").startswith("decade") else 1)
            out.append(Time(match.start(), match.end(), "year", str(day.year - years), None))
            continue
        if match.group("weekday"):  # the last such day up to the article's: news reports the past
            back = (day.weekday() - WEEKDAYS.index(match.group("weekday"))) % 7
            if match.group(0).startswith("last ") and back == 0:
                back = 7
            when = (day - dt.timedelta(back)).isoformat()
            out.append(Time(match.start(), match.end(), "day", when, None, weekday=True))
            continue
        if match.group("month"):
            month = MONTH_NAMES[match.group("month")]
            prep = match.group("month_prep")
            year = day.year if month <= day.month else day.year - 1  # "since July": the last July
            if prep == "last" and month == day.month:
                year = day.year - 1
            elif prep == "next" or (prep == "this" and month > day.month):
                year = day.year + (month <= day.month and prep == "next")
            guessed = prep not in ("last", "this", "next")
            prep = None if prep in ("last", "this", "next") else prep
            out.append(Time(match.start(), match.end(), "month", f"{year}-{month:02d}", prep, guessed))
            continue
        if match.group("day"):
            if match.group("day") == "today" and not TODAY_FROM.search(line, 0, match.start()):
                continue  # "today" is the article's day, as "now" is (the article anchor, not a day);
                # "as from today", "until today" are days
            out.append(Time(match.start(), match.end(), "day", (day - dt.timedelta(1)).isoformat(), None))
            continue
        shift = {"last": -1, "this": 0, "next": 1}[match.group("which")]
        if match.group("unit") == "year":
            out.append(Time(match.start(), match.end(), "year", str(day.year + shift), match.group("prep")))
        else:
            month = day.month - 1 + shift
            year, month = day.year + month // 12, month % 12 + 1
            out.append(Time(match.start(), match.end(), "month", f"{year}-{month:02d}", match.group("prep")))
    out.sort(key=lambda t: t.start)
    # "at midnight Sunday (1 July)": the day written in the brackets is the day the weekday means
    for i in range(len(out) - 1):
        if (
            out[i].precision == out[i + 1].precision == "day"
            and line[out[i].end : out[i + 1].start].strip() == "("
        ):
            out[i] = Time(out[i].start, out[i].end, "day", out[i + 1].value, out[i].preposition)
    return out


# each date's forms as TIME names its groups, in the order they are tried
FORMS = {
    prefix: tuple(name for name in TIME.groupindex if name.startswith(prefix)) for prefix in ("a_", "b_")
}
NUMBERS_IN = re.compile(r"\d+")


# no time expression has more words before its first digit than this ("with effect from the
# beginning of sept . , 2004": nine)
WORDS_BEFORE_DIGIT = 12


def time_scan_start(line: str, digit: int) -> int:
    """Where TIME may first match in ``line`` whose first digit of its own is at ``digit``: every
    match holds a digit, so none starts more than WORDS_BEFORE_DIGIT words before it."""
    at = digit
    for _ in range(WORDS_BEFORE_DIGIT):
        at = line.rfind(" ", 0, at)
        if at < 0:
            return 0
    return at


def written(match: re.Match, prefix: str, day: dt.date | None) -> tuple[str, str] | None:
    """The precision and value of the date a TIME match's first (or second) group holds."""
    found = next(((name, match[name]) for name in FORMS[prefix] if match[name]), None)
    if found is None:
        return None
    form, words = found[0][len(prefix) :], found[1]
    numbers = NUMBERS_IN.findall(words)
    month = next((MONTH_NAMES[w] for w in words.split() if w in MONTH_NAMES), None)
    try:
        if form == "iso":  # "2002-07-24"
            return "day", dt.date(*(int(n) for n in numbers[:3])).isoformat()
        if form == "md" or form == "dm":
            found = dt.date(int(numbers[-1]), month, int(numbers[0]))
            return "day", found.isoformat()
        if form in ("mdn", "dmn"):
            if day is None:
                return None
            return "day", dt.date(day.year, month, int(numbers[0])).isoformat()
    except ValueError:
        return None
    if form == "my":
        return "month", f"{int(numbers[-1])}-{month:02d}"
    if form == "y":
        return "year", numbers[0]
    if form == "decade":
        return "range", numbers[0]
    return None


def interval(value: str | int) -> tuple[dt.date, dt.date]:
    """The first and last day of a written value: "2017", "1993-12" or "2024-01-01"."""
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day
