"""Loading an article: plain text, Markdown or HTML in; clean text, title, author and date out.

HTML goes through trafilatura (main text, title, author) and htmldate (publication date from
the page's metadata). Markdown and plain text are read as they are, with Markdown's markup
taken out so that the offsets reported later point into the text a reader sees. A date in the
text itself ("Global Research, September 07, 2008") is looked for near the top, where bylines
and datelines sit. Bad input (empty, binary, too large) stops here with a one-line error.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from multipolar.dates import parse_date
from multipolar.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
# where bylines and datelines sit: the first characters of the text
DATELINE_SPAN = 600
# publication date confidence by where it was found
# how sure a publication date is, by where it was found; a date inside running text ("On August
# 8, 2008, ...") is more often an event than the publication, so it counts for less than a dateline
# a wire dateline's month and day with a year found elsewhere in the article counts for least
CONFIDENCE = {
    "given": 1.0, "metadata": 0.9, "dateline": 0.7, "sentence": 0.4, "dateline and year": 0.3, "none": 0.0
}  # fmt: skip
DATELINE_WORDS = 12  # a line this short that holds a date is a dateline
DATELINE_LEAD = 30  # and so is a date within this many characters of the start of its line

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    # ISO, also as a datetime ("2024-07-05T09:30:00Z"), and year first with slashes
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?=T\d|\b)"),
    re.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b"),
]
# a wire dateline without a year: "MOSCOW, Aug 26 (Reuters) -", "BEIJING, June 15 (Xinhua) --": a
# place in capitals opening its line, month and day, an agency in brackets or a dash
WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’/\- ]*[A-Z.],(?:[ \t]+[A-Z][\w.'’\- ]*,)?[ \t]+"
    + f"(?i:{_MONTH})"  # the place stays in capitals, the month in any case
    + r"[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d,]|[ \t]+\d{4})[ \t]*"
    r"(?:\([^()\n]{2,40}\)[ \t]*(?:-{1,2}|—|–)?|(?:-{1,2}|—|–))",
    re.M,
)
# where an article's year is written apart from its running text: a copyright line ("© 2008 Reuters",
# "Copyright 2001-2008 RIA Novosti": the last year), or a year in its title ("Astana 2024: ...")
COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)[ \t]*(?:©[ \t]*)?(?:(?:19|20)\d\d[ \t]*[-–][ \t]*)?(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
TITLE_YEAR = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-]|s\b|’s|'s)")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a weekday the dateline's story names as its day ("signed ... on Friday", "said Tuesday"); "last" or
# "next" Tuesday is another week's
NAMED_WEEKDAY = re.compile(
    r"(?<!last )(?<!next )(?<!this )\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I
)
# day and month in either order ("03/25/1999", "25.03.1999"): read only after a label, and only
# when one of the two numbers is above 12, which settles the order
NUMERIC_DATE = re.compile(r"\b(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})\b")
# the label a date on a line of several dates stands after ("Updated: ... | Published: ...")
DATE_LABEL = re.compile(r"\b(published|posted|updated|modified|edited|revised|dated|date)\b", re.I)
PUBLISHED_LABELS = {"published", "posted", "dated", "date"}
UPDATED_LABELS = {"updated", "modified", "edited", "revised"}
BYLINE = re.compile(r"^\s*(?:by|written by)\s+(?P<author>[^\n,|]{3,80})$", re.I | re.M)
# a byline with the author's title or post after a comma ("By Dr. Anna Kowalczyk, Senior Fellow")
TITLED_BYLINE = re.compile(r"^\s*(?:by|written by)\s+(?P<author>[^\n,|]{3,80})[,|][^\n]*$", re.I | re.M)
HONORIFIC = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir)\.?\s+")
NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "and"}
# YAML front matter at the top of a Markdown file (Hugo, Jekyll, Ghost exports)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_FIELD = re.compile(r"^(?P<key>date|published|author):[ \t]*[\"']?(?P<value>[^\"'\n]+)", re.M)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_MARKUP = re.compile(
    r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"
)
MD_SIGN = re.compile(r"(?m)^#{1,6} \S|\]\([^)]*\)|^\*\*[^*]+\*\*")
MD_SIGNS = ("#", "](", "**")  # one of them is in any text MD_SIGN finds
HTML_SIGN = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


@dataclass
class Document:
    """An article's readable text and what is known about it before any matching."""

    text: str
    format: str  # "text", "markdown" or "html"
    origin: str  # the file path, or "<text>"
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    date_source: str = "none"  # "given", "metadata", "text" or "none"
    date_evidence: str | None = None  # the words or metadata field the date came from
    date_confidence: float = 0.0  # see CONFIDENCE
    notes: list[str] = field(default_factory=list)


def named(origin: str) -> str:
    """' PATH' (or ' URL') for an error about an article read from one; '' for text or bytes
    handed over (the HTTP API's), whose "<bytes>" label means nothing to the sender."""
    return "" if origin.startswith("<") else f" {origin}"


def load(text_or_path: str | Path | bytes, date: str | dt.date | None = None) -> Document:
    """The article behind ``text_or_path`` (a path, raw bytes, or the article itself)."""
    raw, origin, suffix = read_input(text_or_path)
    text = decode(raw)
    if not text.strip():
        raise InputError(
            f"The article{named(origin)} is empty.", "Give a file or text with the article in it."
        )
    kind = detect_format(text, suffix)
    if kind == "html":
        doc = from_html(text, origin)
    elif kind == "markdown":
        doc = from_markdown(text, origin)
    else:
        doc = Document(text=text.replace("\r\n", "\n"), format="text", origin=origin)
        doc.author = byline(doc.text)
    if not doc.text.strip():
        raise InputError(
            f"No readable text in the article{named(origin)}.", "Give the article as text, Markdown or HTML."
        )
    if doc.title is None:
        doc.title = first_line(doc.text)
    if date is not None:
        doc.date, doc.date_source, doc.date_evidence = parse_date(date), "given", "--date"
        doc.date_confidence = CONFIDENCE["given"]
    elif doc.date is None:
        found = date_in_text(doc.text)
        wire = wire_dateline(doc.text) if found is None or not found[2] else None
        if wire:
            date_from_wire_dateline(doc, wire)
        if doc.date is None and found:
            doc.date, doc.date_evidence, on_its_line = found
            doc.date_source = "text"
            doc.date_confidence = CONFIDENCE["dateline" if on_its_line else "sentence"]
            if not on_its_line:
                doc.notes.append(
                    f"The date {doc.date.isoformat()} was taken from running text ({doc.date_evidence!r}), "
                    "which may be an event rather than the publication; give --date if it is not."
                )
    if doc.date is None:
        doc.notes.append(
            "No publication date found in the article; membership and alliance claims are left "
            "unchecked. Give the date with --date YYYY-MM-DD (Python: date=...)."
        )
    return doc


def read_input(text_or_path: str | Path | bytes) -> tuple[bytes, str, str]:
    """The raw bytes, a name to show, and the file suffix ('' for inline text)."""
    if isinstance(text_or_path, bytes):
        raw, origin, suffix = text_or_path, "<bytes>", ""
    elif isinstance(text_or_path, str) and URL.match(text_or_path.strip()):
        origin = text_or_path.strip()
        raw, suffix = fetch(origin), ".html"
    elif isinstance(text_or_path, Path) or looks_like_path(text_or_path):
        path = Path(text_or_path)
        if not path.is_file():
            raise InputError(
                f"No article file at {path}.", "Check the path, or pass the article's text itself."
            )
        if path.stat().st_size > MAX_BYTES:
            raise InputError(
                f"The article {path} is {path.stat().st_size / 2**20:.1f} MB; the limit is 5 MB.",
                "Pass the article's own page or text, not a whole site or archive.",
            )
        raw, origin, suffix = path.read_bytes(), str(path), path.suffix.lower()
    else:
        raw, origin, suffix = str(text_or_path).encode("utf-8", "surrogatepass"), "<text>", ""
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"The article{named(origin)} is {len(raw) / 2**20:.1f} MB; the limit is 5 MB.",
            "Pass the article's own page or text, not a whole site or archive.",
        )
    return raw, origin, suffix


URL = re.compile(r"https?://\S+$", re.I)
FETCH_TIMEOUT = 20  # seconds
PRIVATE_ADDRESSES = "MULTIPOLAR_FETCH_PRIVATE"  # set to 1 to fetch from private and loopback addresses


def fetch(url: str) -> bytes:
    """The page at ``url``, fetched with trafilatura's downloader (no more than MAX_BYTES read is
    kept): the one place where the reader touches the network."""
    import logging

    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(FETCH_TIMEOUT))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(10 * MAX_BYTES))  # larger pages are refused here, by name
    # trafilatura refuses private and loopback addresses (no fetching of a server's own network on a
    # user's behalf); a reader of an intranet page, or a test's local server, allows them
    if os.environ.get(PRIVATE_ADDRESSES, "").lower() in ("1", "true", "yes"):
        config.set("DEFAULT", "SSRF_PROTECTION", "false")
    quiet = logging.getLogger("trafilatura")
    level, quiet.level = quiet.level, logging.CRITICAL  # its warnings would repeat the one line below
    try:
        response = fetch_response(url, decode=False, config=config)
    finally:
        quiet.level = level
    if response is None or response.status != 200 or not response.data:
        answered = (
            f"answered {response.status}" if response is not None and response.status else "did not answer"
        )
        raise InputError(
            f"Could not fetch the article: {url} {answered}.",
            "Check the address and the network, or save the page and pass the file.",
        )
    return bytes(response.data)


ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}


def looks_like_path(value: str) -> bool:
    """An existing file, or something written like a file name (one line, few words, an
    article's suffix); anything else is the article's text itself."""
    if "\n" in value or len(value) > 4096:
        return False
    try:
        if Path(value).is_file():
            return True
    except OSError:  # too long for a file name
        return False
    return Path(value).suffix.lower() in ARTICLE_SUFFIXES and len(value.split()) <= 3


BINARY_FORMATS = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "zip (Word, ODF or other archive)",
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\xd0\xcf\x11\xe0": "Microsoft Office (legacy)",
}


CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r")


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-16 or UTF-32 (by byte-order mark or by the zero bytes of mostly-Latin
    text), UTF-8, or the encoding charset-normalizer finds; binary is refused."""
    for magic, kind in BINARY_FORMATS.items():
        if raw.startswith(magic):
            raise InputError(f"The article is a {kind} file, not text.", "Give plain text, Markdown or HTML.")
    wide = wide_unicode(raw)
    if wide is not None:
        return wide
    head = raw[:8192]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if b"\x00" in head or controls > 0.05 * len(head):
        raise InputError("The article is a binary file, not text.", "Give plain text, Markdown or HTML.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError("The article is a binary file, not text.", "Give plain text, Markdown or HTML.")
    return str(best)


BYTE_ORDER_MARKS = {  # UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
    b"\xff\xfe\x00\x00": "utf-32",
    b"\x00\x00\xfe\xff": "utf-32",
    b"\xff\xfe": "utf-16",
    b"\xfe\xff": "utf-16",
}


def wide_unicode(raw: bytes) -> str | None:
    """``raw`` decoded as UTF-16 or UTF-32 if it is that (a byte-order mark, or without one, a
    zero byte beside nearly every character, as in Latin text saved as UTF-16), else None."""
    for mark, encoding in BYTE_ORDER_MARKS.items():
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    head = raw[:8192] if len(raw) % 2 == 0 else raw[:8191]
    if len(head) < 4:
        return None
    for encoding, zeros, letters in (
        ("utf-16-le", head[1::2], head[0::2]),
        ("utf-16-be", head[0::2], head[1::2]),
    ):
        if zeros.count(0) > 0.9 * len(zeros) and letters.count(0) == 0:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def detect_format(text: str, suffix: str) -> str:
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix in {".txt", ".text"}:
        return "text"
    if HTML_SIGN.search(text[:4096]):
        return "html"
    head = text[:20000]
    if any(sign in head for sign in MD_SIGNS) and MD_SIGN.search(head):
        return "markdown"
    return "text"


def from_html(html: str, origin: str) -> Document:
    import htmldate
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    # a page too small for trafilatura's main-text heuristics still has text
    text = (extracted.text if extracted else None) or trafilatura.html2txt(html) or ""
    doc = Document(text=text, format="html", origin=origin)
    if extracted:
        doc.title = extracted.title or None
        doc.author = extracted.author or None
    published = htmldate.find_date(html, original_date=True, extensive_search=False)
    if published:
        doc.date, doc.date_source = dt.date.fromisoformat(published), "metadata"
        doc.date_confidence = CONFIDENCE["metadata"]
        doc.date_evidence = "HTML metadata (htmldate)"
    return doc


def from_markdown(markdown: str, origin: str) -> Document:
    text = MD_MARKUP.sub("", MD_LINK.sub(r"\1", markdown.replace("\r\n", "\n")))
    title = next((m.group(1).strip() for m in re.finditer(r"(?m)^#\s+(.+)$", markdown)), None)
    doc = Document(text=text, format="markdown", origin=origin, title=title)
    doc.author = byline(text)
    front = FRONT_MATTER.match(markdown.lstrip("\ufeff"))
    if front:
        fields = {
            m.group("key"): m.group("value").strip() for m in FRONT_MATTER_FIELD.finditer(front.group("body"))
        }
        day = next(
            (to_date(m) for m in (first_date(fields.get(k, "")) for k in ("date", "published")) if m), None
        )
        if day:
            doc.date, doc.date_source = day, "metadata"
            doc.date_confidence = CONFIDENCE["metadata"]
            doc.date_evidence = "front matter date"
        if fields.get("author") and doc.author is None:
            doc.author = HONORIFIC.sub("", fields["author"])
    return doc


def first_date(value: str) -> re.Match | None:
    """The first written date in ``value`` (a front-matter field)."""
    return next((m for pattern in DATE_PATTERNS if (m := pattern.search(value))), None)


def byline(text: str) -> str | None:
    """The author of a 'By ...' line near the top; a title after a comma is left off, and so is
    an honorific ('By Dr. Anna Kowalczyk, Senior Fellow': Anna Kowalczyk)."""
    head = text[:DATELINE_SPAN]
    found = BYLINE.search(head)
    if found:
        return HONORIFIC.sub("", found.group("author").strip())
    titled = TITLED_BYLINE.search(head)
    if titled:
        author = HONORIFIC.sub("", titled.group("author").strip())
        words = author.split()
        if 2 <= len(words) <= 6 and all(w[0].isupper() or w in NAME_PARTICLES for w in words):
            return author
    return None


def first_line(text: str) -> str | None:
    line = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return line if line and len(line) <= 200 else None


def date_in_text(text: str) -> tuple[dt.date, str, bool] | None:
    """The date near the top of the text, with the words it came from and whether it stands on
    a short line of its own (a dateline, preferred) rather than inside a sentence."""
    head = text[:DATELINE_SPAN]
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(head):
            day = to_date(match)
            if day:
                line_start = head.rfind("\n", 0, match.start()) + 1
                line_end = head.find("\n", match.end())
                line = head[line_start : line_end if line_end >= 0 else len(head)]
                # a dateline stands on a short line, or opens its line after nothing but a place
                # in capitals ("KIEV, March 18, 2014 (Reuters) -"; not "On August 8, 2008, ...")
                lead = head[line_start : match.start()]
                dateline = len(line.split()) <= DATELINE_WORDS or (
                    len(lead) <= DATELINE_LEAD and not any(c.islower() for c in lead)
                )
                label = date_label(head, line_start, match.start())
                updated = label in UPDATED_LABELS
                found.append(
                    (updated, not dateline, label not in PUBLISHED_LABELS, match.start(), day, match.group(0))
                )
    for match in NUMERIC_DATE.finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        label = date_label(head, line_start, match.start())
        day = numeric_date(match) if label in PUBLISHED_LABELS | UPDATED_LABELS else None
        if day:
            found.append(
                (
                    label in UPDATED_LABELS,
                    False,
                    label not in PUBLISHED_LABELS,
                    match.start(),
                    day,
                    match.group(0),
                )
            )
    if not found:
        return None
    _, in_sentence, _, _, day, words = min(found)
    return day, words, not in_sentence


def wire_dateline(text: str) -> re.Match | None:
    """A wire dateline near the top that gives a month and day but no year."""
    return WIRE_DATELINE.search(text[:DATELINE_SPAN])


def date_from_wire_dateline(doc: Document, dateline: re.Match) -> None:
    """The dateline's month and day with the article's year where the article writes its year
    apart from the story: a copyright line (unless the weekdays the story's first paragraph names
    do not fit), or its title or a short line near the top (only if a weekday named fits). Years
    that disagree, or none, leave the date unset, with a note: a year is never guessed."""
    words = dateline.group(0).strip(" \t-—–")
    month, day = MONTHS[dateline.group("month").lower()], int(dateline.group("day"))
    copyrights = {int(m.group("year")): m.group(0) for m in COPYRIGHT_YEAR.finditer(doc.text)}
    clues = heading_years_in(doc) | copyrights
    if len(clues) != 1:
        given = (
            "no year outside its running text"
            if not clues
            else "years that disagree: " + ", ".join(map(str, sorted(clues)))
        )
        doc.notes.append(f"The dateline {words!r} has no year, and the article gives {given}.")
        return
    ((year, evidence),) = clues.items()
    try:
        day_found = dt.date(year, month, day)
    except ValueError:
        return
    paragraph_end = doc.text.find("\n", dateline.end())
    paragraph = doc.text[dateline.end() : paragraph_end if paragraph_end >= 0 else len(doc.text)]
    named = {WEEKDAYS.index(m.group("weekday").lower()) for m in NAMED_WEEKDAY.finditer(paragraph)}
    # the story's day is the dateline's or, for news of the day before, that one
    fitting = {day_found.weekday(), (day_found - dt.timedelta(days=1)).weekday()}
    if (named and named.isdisjoint(fitting)) or (not named and year not in copyrights):
        doc.notes.append(
            f"The dateline {words!r} has no year; {year} (from {evidence!r}) is not borne out by "
            "a weekday its story names, so it is not used."
        )
        return
    doc.date, doc.date_source = day_found, "text"
    doc.date_evidence = f"{words} + {year} from {evidence!r}"
    doc.date_confidence = CONFIDENCE["dateline and year"]
    doc.notes.append(
        f"The date {day_found.isoformat()} joins the month and day of the dateline {words!r} with the "
        f"year {year} from {evidence!r}; give --date if it is not the publication date."
    )


def heading_years_in(doc: Document) -> dict[int, str]:
    """Years written in the title or on a short line near the top (not in running text, where a
    year is most often an event's), with the words each was found in."""
    lines = [doc.title or ""] + [
        line.strip() for line in doc.text[:DATELINE_SPAN].splitlines() if len(line.split()) <= DATELINE_WORDS
    ]
    years: dict[int, str] = {}
    for line in lines:
        for match in TITLE_YEAR.finditer(line):
            years.setdefault(int(match.group("year")), line)
    return years


def date_label(head: str, line_start: int, at: int) -> str | None:
    """The label a date stands after on its line, if any ('Published: 09:30 GMT, 9 July 2015'
    gives 'published'); a '|' or an earlier date on the line closes a label's reach."""
    lead = head[line_start:at]
    lead = lead[lead.rfind("|") + 1 :]
    labels = DATE_LABEL.findall(lead)
    return labels[-1].lower() if labels else None


def numeric_date(match: re.Match) -> dt.date | None:
    """A numeric day and month whose order one number above 12 settles; else None."""
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def to_date(match: re.Match) -> dt.date | None:
    month = match.group("month")
    month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


# words whose full stop does not end a sentence
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
}  # fmt: skip
# a sentence end: a full stop, question or exclamation mark (and closing quotes or brackets)
# and a space before a capital, or a line break before anything but a lower-case word; it opens
# with the class of the characters it opens with, so the regex engine skips to them
SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*[ \t]+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=\n)\s*(?=[^\sa-z]))"
)
LAST_WORD = re.compile(r"([\w.]+)[.!?][\"”’')\]]*[ \t]+$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences: a full stop (not after an abbreviation or an initial)
    followed by a capital, or a line break before anything but a lower-case word."""
    out, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.group(0)[0] == "\n":  # the sentence ends before the spaces at its line's end
            out.append((start, start + len(text[start : match.start()].rstrip(" \t"))))
        elif match.start() - 5 >= start and text[match.start() - 5 : match.start()].isalnum():
            out.append((start, match.start() + 1))  # a word of five letters or more: no abbreviation
        else:
            before = LAST_WORD.search(text, max(start, match.start() - 20), match.end())
            word = before.group(1).lower() if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            out.append((start, match.start() + 1))
        start = match.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


@cache
def stop_words() -> dict[str, frozenset[str]]:
    """spaCy's stop-word lists for English and the languages news most often comes in.

    Each list's file is loaded on its own: importing ``spacy.lang.fr.stop_words`` would first
    import the ``spacy.lang.fr`` package, whose tokenizer exceptions take about 3 s to compile
    for all twelve languages, and the lists are all that is needed here."""
    import importlib.util

    languages = Path(importlib.util.find_spec("spacy.lang").submodule_search_locations[0])
    out = {}
    for code in ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "tr", "pl", "sv"):
        spec = importlib.util.spec_from_file_location(
            f"spacy_stop_words_{code}", languages / code / "stop_words.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out[code] = frozenset(w.lower() for w in module.STOP_WORDS if len(w) > 1)
    return out


@cache
def stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages whose lists hold it."""
    out: dict[str, tuple[str, ...]] = {}
    for code, stops in stop_words().items():
        for word in stops:
            out[word] = (*out.get(word, ()), code)
    return out


WORD = re.compile(r"[^\W\d_]{2,}", re.U)


def language(text: str) -> str | None:
    """The language whose stop words cover the most words; "und" (undetermined) when none
    covers a tenth of them (another script, a list of names); None for too little text."""
    words = [w.lower() for w in WORD.findall(text[:1000])]
    if len(words) < 20:
        return None
    scores = dict.fromkeys(stop_words(), 0)
    languages = stop_word_languages()
    for word in words:
        for code in languages.get(word, ()):
            scores[code] += 1
    best = max(scores, key=scores.get)
    return best if scores[best] >= 0.1 * len(words) else "und"
