"""An organisation's membership over time: a row per state, its spells drawn as bars coloured by
status (member, observer, suspended, ...), from the curated spells; a member whose days are a
documented gap (``gaps.csv``) is drawn hatched over the years it is known to have held. Drawn with
matplotlib's object API and written atomically, like the power charts (``plot.check_path``,
``plot.caption``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from multipolar.answer import Answer
from multipolar.dates import parse_year
from multipolar.errors import CoverageError, InputError
from multipolar.orgs import registry
from multipolar.orgs.queries import CURATED, STATE_NAMES, state_name

# one colour per status (Okabe-Ito, readable by the colour-blind); unlisted statuses are grey
COLOURS = {
    "member": "#0072B2",
    "permanent": "#000000",
    "elected": "#56B4E9",
    "participating": "#009E73",
    "frozen": "#CC79A7",
    "suspended": "#D55E00",
    "associate": "#117733",
    "associate_partner": "#44AA99",
    "candidate": "#E69F00",
    "accession": "#F0E442",
    "invited": "#E69F00",
    "observer": "#999999",
    "dialogue_partner": "#BBBBBB",
    "partner_country": "#BBBBBB",
}
COLUMNS = ["iso3", "cow", "name", "status", "start", "end", "days_known"]


def chart(
    path: str | Path, org: str | None, start: int | str | None = None, end: int | str | None = None
) -> Answer:
    """Draw ``org``'s membership (every state that held any status, a row each, in order of first
    entry) from ``start`` to ``end`` (years; default the organisation's life up to today) to
    ``path``; the Answer holds the spells drawn."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    from multipolar.power.plot import _save, caption, check_path

    if not org:
        raise InputError(
            "A membership chart needs an organisation.",
            "Name it: multipolar plot membership NATO -o nato.png.",
        )
    found = registry.organisation(org)
    target = check_path(path)
    today = dt.date.today()
    first = dt.date(parse_year(start, allow_future=False), 1, 1) if start is not None else found.founded
    last = dt.date(parse_year(end, allow_future=False), 12, 31) if end is not None else today
    last = min(last, found.dissolved or last, today)
    if first > last:
        raise InputError(f"The range {first.year}-{last.year} runs backwards.", "Give --from before --to.")
    spells = registry.spells()
    spells = spells[spells["org"] == found.id]
    ends = spells["end"].where(spells["end"].notna(), last)
    spells = spells.assign(end=ends)[(spells["start"] <= last) & (ends >= first)]
    if spells.empty:
        raise CoverageError(
            f"{found.name} ({found.id}) has no membership spell "
            f"between {first.isoformat()} and {last.isoformat()}.",
            f"It {found.lifetime()}; give years inside its life.",
        )
    gaps = pd.DataFrame(
        [
            {
                "iso3": g["iso3"],
                "cow": g["cow"],
                "status": g["status"],
                "start": dt.date(g["from_year"], 1, 1),
                "end": dt.date(g["to_year"], 12, 31) if g["to_year"] else last,
            }
            for g in registry.gap_records(found.id)
        ],
        columns=["iso3", "cow", "status", "start", "end"],
    )
    gaps = gaps[(gaps["start"] <= last) & (gaps["end"] >= first)]
    parts = [spells.assign(days_known=True)] + ([gaps.assign(days_known=False)] if len(gaps) else [])
    both = pd.concat(parts, ignore_index=True)
    rows = both.assign(
        start=[max(s, first) for s in both["start"]],
        end=[min(e, last) for e in both["end"]],
        name=[state_name(i, min(e, last)) for i, e in zip(both["iso3"], both["end"], strict=True)],
    )[COLUMNS]
    order = rows.groupby("iso3")["start"].min().sort_values(kind="stable").index.tolist()
    figure = Figure(figsize=(10, max(3.0, 1.2 + 0.16 * len(order))), layout="constrained")
    axis = figure.subplots()
    for position, iso3 in enumerate(order):
        for r in rows[rows["iso3"] == iso3].itertuples(index=False):
            width = (r.end - r.start).days + 1
            colour = COLOURS.get(r.status, "#666666")
            axis.broken_barh(
                [(pd.Timestamp(r.start), pd.Timedelta(days=width))],
                (position - 0.4, 0.8),
                facecolors=colour if r.days_known else "none",
                edgecolors="none" if r.days_known else colour,
                hatch=None if r.days_known else "////",
            )
    labels = [rows.loc[rows["iso3"] == i, "name"].iloc[-1] for i in order]
    axis.set_yticks(range(len(order)), labels, fontsize=7 if len(order) > 60 else 8)
    axis.set_ylim(len(order) - 0.5, -0.5)
    axis.set_xlim(pd.Timestamp(first), pd.Timestamp(last))
    axis.grid(True, axis="x", alpha=0.3)
    axis.spines[["top", "right"]].set_visible(False)
    shown = [s for s in registry.statuses() if s in set(rows["status"])]
    handles = [Patch(color=COLOURS.get(s, "#666666"), label=s.replace("_", " ")) for s in shown]
    if not rows["days_known"].all():
        handles.append(Patch(facecolor="none", edgecolor="0.3", hatch="////", label="years known, days not"))
    axis.legend(handles=handles, frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axis.set_title(f"{found.name}: membership by state, {first.year}-{last.year}", loc="left", fontsize=13)
    sources = CURATED + ([] if rows["days_known"].all() else [registry.GAPS_SOURCE]) + STATE_NAMES
    figure.text(0.01, 0.0, caption(sources), fontsize=7.5, color="0.35", ha="left", va="top", wrap=True)
    _save(figure, target)
    params = {"kind": "membership", "org": found.id, "from": first.year, "to": last.year}
    notes = [f"{len(order)} states; bars run from each spell's first to its last day."]
    if not rows["days_known"].all():
        notes.append("Hatched bars: members known by year whose days are not curated (orgs/data/gaps.csv).")
    return Answer("plot", params, rows.reset_index(drop=True), "data", notes, sources, {"path": str(target)})
