"""What a brief is made of: sections that carry their data and how they are shown.

A :class:`Section` holds its JSON payload (``data``) and the display built from it: sentences,
tables of already-formatted cells and optional bar charts. Every number a section shows is
formatted from its payload, so the JSON always holds what the reader sees. Renderers in
``render.py`` know nothing about particular sections; adding a section to ``Brief.sections``
(see ``docs/brief.md``) is all it takes to extend the brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = ("text", "md", "json", "html")
DEFAULT_MEASURES = ("cinc", "gdp", "milex")
# before LONG_RUN_UNTIL the World Bank has no figures and SIPRI none for the Soviet bloc and China
LONG_RUN_MEASURES = ("cinc", "gdp_longrun", "milex_nmc")
LONG_RUN_UNTIL = 1960


def check_format(fmt: str) -> str:
    """``fmt`` if the brief can be rendered in it, else an error listing the formats."""
    if fmt not in FORMATS:
        from multipolar.errors import unknown

        raise unknown("format", fmt, FORMATS, f"Choose one of {', '.join(FORMATS)}.")
    return fmt


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]  # formatted cells
    title: str | None = None


@dataclass
class Chart:
    """Grouped horizontal bars: one bar per series for each category."""

    title: str
    categories: list[str]
    series: dict[str, list[float | None]]  # series name -> value per category
    unit: str = "share of world, %"
    scale: float = 100.0  # values are multiplied by this when drawn
    caption: str = ""  # where the figures come from, printed under the chart


@dataclass
class Section:
    key: str  # the section's key in the brief's JSON
    title: str
    data: Any  # JSON payload: everything shown below is formatted from it
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Brief:
    """The structure of the world on one day, section by section, with notes and sources."""

    date: dt.date
    measures: list[str]
    sections: list[Section] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"The international system on {self.date.isoformat()}"

    def add(self, section: Section, notes: list[str] = (), sources: list[str] = ()) -> None:
        """Append a section (and its notes and sources) to the brief."""
        self.sections.append(section)
        self.notes.extend(n for n in notes if n not in self.notes)
        self.sources.extend(s for s in sources if s not in self.sources)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def to_dict(self) -> dict[str, Any]:
        from multipolar.answer import plain, sources_payload

        out: dict[str, Any] = {"date": self.date.isoformat(), "measures": list(self.measures)}
        out.update({s.key: plain(s.data) for s in self.sections})
        out["notes"] = list(self.notes)
        out["sources"] = sources_payload(self.sources)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_text(self, width: int = 110) -> str:
        from multipolar.brief import render

        return render.text(self, width)

    def to_markdown(self) -> str:
        from multipolar.brief import render

        return render.markdown(self)

    def to_html(self) -> str:
        from multipolar.brief import render

        return render.html(self)

    def _repr_html_(self) -> str:
        """Jupyter shows the brief as its HTML report (tables, charts, notes, sources)."""
        return self.to_html()

    def render(self, fmt: str) -> str:
        """The brief as text, md, json or html."""
        renderers = {"text": self.to_text, "md": self.to_markdown, "json": self.to_json, "html": self.to_html}
        return renderers[check_format(fmt)]()

    def save(self, path: str | Path, fmt: str) -> Path:
        """Write the rendered brief atomically: rendered in full first, then renamed into place."""
        from multipolar.brief import render

        return render.write_atomic(Path(path), self.render(fmt))
