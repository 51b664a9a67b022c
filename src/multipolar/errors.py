"""Errors that reach the user as one line: what went wrong and how to fix it.

The CLI prints ``str(error)`` and exits non-zero; nothing else ever reaches the terminal as a
traceback. Each subclass names a family of mistakes so callers can catch precisely.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class MultipolarError(Exception):
    """Base class: message says what is wrong, hint says what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}" if hint else message)


class InputError(MultipolarError):
    """The user asked for something that does not exist or cannot be answered."""

    exit_code = 2


class UnknownNameError(InputError):
    """A name that matches nothing; the message lists the closest known names."""


class OutsideListsError(UnknownNameError):
    """A name of a territory, or of a state neither the COW nor the Gleditsch-Ward list holds on
    the day (the Holy See since 1870)."""


class AmbiguousNameError(InputError):
    """A name that matches several things; the message lists them."""


class CoverageError(InputError):
    """A date or year outside what the data can answer."""


class DataError(MultipolarError):
    """A dataset could not be fetched, verified or converted."""

    exit_code = 3


class ChecksumError(DataError):
    """A downloaded file does not have the sha256 the catalog declares."""


class CacheError(DataError):
    """The cache folder (MULTIPOLAR_HOME) cannot hold what it must: read-only, or a file in the way."""


class OutputError(InputError):
    """A file the user asked for (``-o``) cannot be written where they asked."""


def close_matches(word: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Names that look like ``word`` (case-insensitive), best first."""
    choices = list(dict.fromkeys(choices))
    lowered = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.6)
    return [lowered[f] for f in found]


def unknown(kind: str, word: str, choices: Iterable[str], fix: str) -> UnknownNameError:
    """An UnknownNameError that suggests the closest matches."""
    matches = close_matches(word, choices)
    suggestion = f" Did you mean: {', '.join(matches)}?" if matches else ""
    return UnknownNameError(f"Unknown {kind} {word!r}.{suggestion}", fix)
