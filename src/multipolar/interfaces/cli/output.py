"""Rendering answers on the terminal: Rich tables for people, JSON for programs.

``multipolar.answer`` (pandas) is imported by the functions that print one: an answer exists only
once a query has run, and ``--help`` should not pay for it.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from multipolar.numbers import PERCENT_COLUMNS, POINTS_COLUMNS, percent, signed

if TYPE_CHECKING:
    from multipolar.answer import Answer

console = Console()

# Where --json output and error lines go: stdout and stderr, or, while the HTTP API runs a
# command, that request's lists.
json_sink: ContextVar[list | None] = ContextVar("json_sink", default=None)
error_sink: ContextVar[list | None] = ContextVar("error_sink", default=None)


class ErrorLines:
    """stderr (a Rich console) for people; the request's list of plain lines for the HTTP API."""

    def __init__(self) -> None:
        self.console = Console(stderr=True)

    def print(self, *objects: Any, **options: Any) -> None:
        sink = error_sink.get()
        if sink is None:
            self.console.print(*objects, **options)
            return
        from rich.text import Text

        markup = options.get("markup", True)
        sink.append(" ".join(Text.from_markup(str(o)).plain if markup else str(o) for o in objects))


errors = ErrorLines()


def emit(answer: Answer, as_json: bool, title: str | None = None, columns: list[str] | None = None) -> None:
    """Print an answer: its JSON form, or a table with its notes and sources beneath."""
    if as_json:
        print_json(answer.to_dict())
        return
    console.print(table(answer, title, columns))
    footer(answer)


def table(answer: Answer, title: str | None = None, columns: list[str] | None = None) -> Table:
    """The answer's rows as a Rich table (from its records: no pandas needed to print it)."""
    shown = columns or answer.columns
    records = answer.records()
    out = Table(title=title, title_justify="left", header_style="bold")
    formats = []
    for name in shown:
        found = [r[name] for r in records if r.get(name) is not None]
        numeric = bool(found) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in found)
        out.add_column(name, justify="right" if numeric or name in SHARE_FORMATS else "left")
        formats.append(SHARE_FORMATS.get(name, cell))
    for record in records:
        out.add_row(*(show(record.get(name)) for show, name in zip(formats, shown, strict=True)))
    return out


def _share(format_one):
    """A cell formatter for a share column: the shared number format, NA dimmed."""

    def show(value: Any) -> str:
        return "[dim]NA[/]" if value is None else format_one(float(value))

    return show


SHARE_FORMATS = {
    **{name: _share(percent) for name in PERCENT_COLUMNS},
    **{name: _share(signed) for name in POINTS_COLUMNS},
}


def footer(answer: Answer) -> None:
    for note in answer.notes:
        console.print(f"[yellow]note:[/] {note}")
    if answer.sources:
        labels = ", ".join(f"{s['dataset']} {s['version']}" for s in answer.to_dict()["sources"])
        console.print(f"[dim]sources: {labels}[/]")


def cell(value: Any) -> str:
    from multipolar.answer import plain

    value = plain(value)
    if value is None:
        return "[dim]NA[/]"
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def print_json(payload: Any) -> None:
    from multipolar.answer import plain

    sink = json_sink.get()
    if sink is not None:
        sink.append(plain(payload))
        return
    print(json.dumps(plain(payload), indent=2, ensure_ascii=False))
