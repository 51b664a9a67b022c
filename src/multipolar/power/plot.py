"""Charts of power over time: polarity indices, and the shares of the leading powers.

Drawn with matplotlib's object API (no pyplot, no global backend state), captioned with the
datasets and versions the figures came from, and written atomically (temporary file, then
rename), so a failed run never leaves half a PNG behind. ``line_chart`` is the shared helper:
the blocs chart uses it too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from multipolar import files
from multipolar.answer import Answer, sources_payload
from multipolar.errors import CoverageError, InputError, unknown
from multipolar.power import capabilities as caps
from multipolar.power import measures
from multipolar.power.choices import CHART_KINDS as KINDS
from multipolar.power.polarity import polarity

FORMATS = (".png", ".svg", ".pdf")


def check_path(path: str | os.PathLike) -> Path:
    """The output path, if its extension is one matplotlib writes here and its folder exists."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise InputError(
            f"Cannot write a chart as {target.suffix or 'a file without extension'!r}.",
            f"Name the file with one of: {', '.join(FORMATS)}, e.g. -o polarity.png.",
        )
    return files.check_output(target)


def caption(sources: list[str]) -> str:
    labels = ", ".join(f"{s['dataset']} ({s['version']})" for s in sources_payload(sources))
    return f"Sources: {labels}. Made with multipolar."


def require_values(frame: pd.DataFrame, what: str, first: int, last: int, why: str) -> None:
    """Refuse, before anything is drawn or written, a chart whose every value is NA."""
    if frame.empty or not frame["value"].notna().any():
        raise CoverageError(f"No {what} values to draw in {first}-{last}.", why)


def coverage_hint(name: str, weights: Mapping[str, float] | str | None = None) -> str:
    """Which years ``name`` covers, and the measure that covers the others."""
    data = measures.series(name, weights)
    instead = measures.instead_of(name)
    return f"{name} covers {data.first}-{data.last}" + (
        f"; measure {instead} covers other years." if instead else "; give years inside it."
    )


def line_chart(
    frame: pd.DataFrame,
    path: str | os.PathLike,
    title: str,
    ylabel: str,
    sources: list[str],
    panels: Mapping[str, str] | None = None,
) -> Path:
    """Draw ``frame`` (year, series, value) as lines and save it atomically to ``path``.

    ``panels`` optionally maps a series to a second, lower panel's y label (e.g. the effective
    number of poles, which is not on a 0-1 scale).
    """
    from matplotlib.figure import Figure

    target = check_path(path)
    lower = dict(panels or {})
    rows = 2 if lower else 1
    figure = Figure(figsize=(9, 5.5 if rows == 1 else 7), layout="constrained")
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False, height_ratios=[2, 1][:rows])[:, 0]
    years = pd.RangeIndex(int(frame["year"].min()), int(frame["year"].max()) + 1, name="year")
    for name, part in frame.groupby("series", sort=False):
        axis = axes[1] if name in lower else axes[0]
        # reindexed on every year, so a state's absence (Germany 1946-1990) breaks its line
        line = part.groupby("year")["value"].first().reindex(years)
        axis.plot(line.index, line.to_numpy(dtype=float), label=str(name), linewidth=1.6)
    axes[0].set_ylabel(ylabel)
    axes[0].set_title(title, loc="left", fontsize=13)
    if lower:
        axes[1].set_ylabel(next(iter(lower.values())))
    from matplotlib.ticker import MaxNLocator

    for axis in axes:
        axis.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, never 2002.5
        axis.grid(True, alpha=0.3)
        axis.spines[["top", "right"]].set_visible(False)
        if axis.get_legend_handles_labels()[0]:
            axis.legend(frameon=False, fontsize=9, ncols=2 if frame["series"].nunique() > 6 else 1)
    axes[-1].set_xlabel("Year")
    figure.text(0.01, 0.0, caption(sources), fontsize=7.5, color="0.35", ha="left", va="top", wrap=True)
    _save(figure, target)
    return target


def _save(figure, target: Path) -> None:
    with files.replacing(target, suffix=target.suffix) as temporary:
        figure.savefig(temporary, dpi=200, bbox_inches="tight", format=target.suffix.lower()[1:])


def shares(
    measure: str = "cinc",
    start: int | str | None = None,
    end: int | str | None = None,
    weights: Mapping[str, float] | str | None = None,
) -> pd.DataFrame:
    """World shares (year, cow, name, share) of every state that was a major power in the range."""
    data = measures.series(measure, weights)
    first = measures.check_year(start) if start is not None else max(measures.FIRST_YEAR, data.first)
    last = measures.check_year(end) if end is not None else data.last
    if first > last:
        raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")
    rows = data.rows[(data.rows["year"] >= first) & (data.rows["year"] <= last)]
    rows = rows.assign(share=rows["value"] / rows.groupby("year")["value"].transform("sum"))
    majors, _ = measures.majors_by_year(first, last)
    rows = caps.with_labels(rows[rows["cow"].isin(majors["cow"])][["cow", "year", "share"]])
    # one label per line: the state's name in the last year it appears
    last_name = rows.sort_values("year").groupby("cow")["name"].last()
    return rows.assign(name=rows["cow"].map(last_name))


def plot(
    kind: str,
    path: str | os.PathLike,
    measure: str = "cinc",
    start: int | str | None = None,
    end: int | str | None = None,
    among: str = "majors",
    weights: Mapping[str, float] | str | None = None,
    org: str | None = None,
    **alignment: object,
) -> Answer:
    """Draw a chart to ``path`` (.png, .svg or .pdf); the Answer holds the plotted numbers.
    The alignment, cohesion and network charts take their own options (``state``, ``with_``,
    ``blocs``, ``issue``, ``obligation``, ``signed``; see ``multipolar.alignment.charts``); the
    membership chart takes ``org`` (see ``multipolar.power.membership``)."""
    if kind not in KINDS:
        raise unknown("chart", kind, KINDS, f"Choose one of: {', '.join(KINDS)}.")
    target = check_path(path)
    if kind == "membership":
        from multipolar.power.membership import chart as membership_chart

        return membership_chart(target, org, start, end)
    if kind in ("alignment", "cohesion", "network"):
        from multipolar.alignment.charts import chart as alignment_chart

        return alignment_chart(kind, target, start, end, **alignment)
    name = measures.measure_name(measure)
    if kind == "blocs":
        from multipolar.power.blocs import chart

        return chart(target, start=start, end=end, measure=name)
    if kind == "polarity":
        answer = polarity(
            start=start if start is not None else 1816, end=end, measure=name, among=among, weights=weights
        )
        table = answer.rows
        long = table.melt(id_vars="year", value_vars=["con", "hhi", "leader_share", "enp"], var_name="series")
        long["series"] = long["series"].map(
            {
                "con": "Concentration (CON)",
                "hhi": "HHI",
                "leader_share": "Leader's share",
                "enp": "Effective poles",
            }
        )
        span = f"{answer.params['from']}-{answer.params['to']}"
        require_values(
            long,
            name,
            answer.params["from"],
            answer.params["to"],
            f"{coverage_hint(name, weights)} `multipolar polarity --measure {name}` says why a year is NA.",
        )
        title = f"Polarity among the {_among(answer.params['among'])}, {name}, {span}"
        line_chart(
            long,
            target,
            title,
            "Index (0-1)",
            answer.sources,
            {"Effective poles": "Effective number of poles"},
        )
        notes, sources, params = answer.notes, answer.sources, answer.params
    else:
        table = shares(name, start, end, weights)
        long = table.rename(columns={"name": "series", "share": "value"})[["year", "series", "value"]]
        data = measures.series(name, weights)
        require_values(
            long,
            name,
            measures.check_year(start) if start is not None else max(measures.FIRST_YEAR, data.first),
            measures.check_year(end) if end is not None else data.last,
            coverage_hint(name, weights),
        )
        first, last = int(table["year"].min()), int(table["year"].max())
        title = f"Shares of the world total of {name}: the major powers, {first}-{last}"
        sources = measures.sources_of(name, weights)
        line_chart(long, target, title, "Share of the world total", sources)
        notes, params = (
            list(measures.series(name, weights).notes),
            {"measure": name, "from": first, "to": last},
        )
    return Answer("plot", {"kind": kind, **params}, table, "data", notes, sources, {"path": str(target)})


def _among(group: str) -> str:
    return "major powers" if group == "majors" else f"top {group[3:]} states"
