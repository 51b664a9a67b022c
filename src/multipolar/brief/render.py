"""Showing a brief: Rich text for the terminal, Markdown and HTML reports with charts.

Charts are drawn with matplotlib (imported only here, only when a report has charts) as PNG and
embedded as base64 ``data:`` URIs, so a Markdown or HTML report is one self-contained file.
"""

from __future__ import annotations

import base64
import html as escape
import io
import re
from pathlib import Path

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table as RichTable
from rich.text import Text

from multipolar import files
from multipolar.answer import sources_payload
from multipolar.brief.model import Brief, Chart, Table


def renderables(brief: Brief) -> Group:
    """The brief as Rich renderables, for the terminal or a recorded console."""
    parts: list = [Text(brief.title, style="bold")]
    for section in brief.sections:
        parts.append(Rule(section.title, align="left", style="dim"))
        parts.extend(Text(line) for line in section.lines)
        for table in section.tables:
            shown = RichTable(title=table.title, title_justify="left", header_style="bold")
            for column, right in zip(table.columns, numeric_columns(table), strict=True):
                shown.add_column(column, justify="right" if right else "left")
            for row in table.rows:
                shown.add_row(*row)
            parts.append(shown)
    if brief.notes:
        parts.append(Rule("Notes", align="left", style="dim"))
        parts.extend(Text(f"- {note}", style="yellow") for note in brief.notes)
    parts.append(Rule("Sources", align="left", style="dim"))
    parts.extend(Text(f"- {label}", style="dim") for label in source_labels(brief))
    return Group(*parts)


NUMBER = re.compile(r"^(NA|[+-]?[\d,]+(\.\d+)?%?)$")


def numeric_columns(table: Table) -> list[bool]:
    """Which columns hold only numbers (shown right-aligned)."""
    return [all(NUMBER.match(row[i]) for row in table.rows) for i in range(len(table.columns))]


def text(brief: Brief, width: int = 110) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(renderables(brief))
    return console.export_text()


def source_labels(brief: Brief) -> list[str]:
    return [f"{s['dataset']} ({s['version']})" for s in sources_payload(brief.sources)]


def markdown(brief: Brief) -> str:
    out = [f"# {brief.title}", ""]
    for section in brief.sections:
        out += [f"## {section.title}", ""]
        out += [line + "\n" for line in section.lines]
        for table in section.tables:
            if table.title:
                out += [f"**{table.title}**", ""]
            out.append("| " + " | ".join(table.columns) + " |")
            out.append("|" + "|".join("---:" if right else "---" for right in numeric_columns(table)) + "|")
            out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in table.rows]
            out.append("")
        for chart in section.charts:
            out += [f"![{chart.title}](data:image/png;base64,{png_base64(chart)})", ""]
    if brief.notes:
        out += ["## Notes", ""] + [f"- {note}" for note in brief.notes] + [""]
    out += ["## Sources", ""] + [f"- {label}" for label in source_labels(brief)] + [""]
    return "\n".join(out)


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; }
.notes li { color: #7a5a00; }
img { max-width: 100%; }
"""


def html(brief: Brief) -> str:
    e = escape.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(brief.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(brief.title)}</h1>",
    ]
    for section in brief.sections:
        out.append(f"<section><h2>{e(section.title)}</h2>")
        out += [f"<p>{e(line)}</p>" for line in section.lines]
        for table in section.tables:
            out.append("<table>")
            if table.title:
                out.append(f"<caption>{e(table.title)}</caption>")
            kinds = ["num" if right else "" for right in numeric_columns(table)]
            head = "".join(f'<th class="{k}">{e(c)}</th>' for k, c in zip(kinds, table.columns, strict=True))
            out.append(f"<thead><tr>{head}</tr></thead><tbody>")
            for row in table.rows:
                cells = "".join(f'<td class="{k}">{e(c)}</td>' for k, c in zip(kinds, row, strict=True))
                out.append(f"<tr>{cells}</tr>")
            out.append("</tbody></table>")
        for chart in section.charts:
            out.append(f'<img alt="{e(chart.title)}" src="data:image/png;base64,{png_base64(chart)}">')
        out.append("</section>")
    if brief.notes:
        out.append('<section><h2>Notes</h2><ul class="notes">')
        out += [f"<li>{e(note)}</li>" for note in brief.notes]
        out.append("</ul></section>")
    out.append("<section><h2>Sources</h2><ul>")
    out += [f"<li>{e(label)}</li>" for label in source_labels(brief)]
    out.append("</ul></section></body></html>")
    return "\n".join(out)


def png_base64(chart: Chart) -> str:
    """The chart drawn as grouped horizontal bars, PNG, base64. NA draws no bar (never 0)."""
    from matplotlib.figure import Figure  # the object API: no pyplot, no global backend state

    count = len(chart.series)
    height = 0.8 / max(count, 1)
    figure = Figure(figsize=(7, 0.45 * len(chart.categories) * max(1, count / 2) + 1.2))
    axes = figure.subplots()
    positions = range(len(chart.categories))
    for i, (name, values) in enumerate(chart.series.items()):
        drawn = [float("nan") if v is None else v * chart.scale for v in values]
        axes.barh([p + i * height for p in positions], drawn, height=height, label=name)
    axes.set_yticks([p + height * (count - 1) / 2 for p in positions], chart.categories)
    axes.invert_yaxis()
    axes.set_xlabel(chart.unit)
    axes.set_title(chart.title, loc="left")
    if count > 1:
        axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    if chart.caption:
        figure.text(0.01, 0.005, chart.caption, fontsize=7, color="0.35", ha="left", va="bottom", wrap=True)
    figure.tight_layout(rect=(0, 0.04 if chart.caption else 0, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def write_atomic(path: Path, content: str) -> Path:
    """Write content to path via a temporary file and a rename: never a half-written file."""
    with files.replacing(path) as tmp:
        tmp.write_text(content, encoding="utf-8")
    return path


__all__ = ["Table", "html", "markdown", "renderables", "text", "write_atomic"]
