"""Spells between conflict events, as peacesciencer's ``add_spells()`` (stevemisc's
``ps_spells()``), the successor of ``add_peace_years()``.

``ps_spells()`` counts along the rows as they come: it never sorts them. peacesciencer's state-,
dyad- and leader-years come sorted by unit and year, so their spells are each unit's; its
leader-dyad-years come sorted by year, so there its spells run across dyads. multipolar always
counts each unit's rows in year order, which is what peacesciencer gives once the rows are sorted
by unit and year (docs/differences.md).
"""

from __future__ import annotations

from multipolar.errors import InputError
from multipolar.panels.panel import YEARLY, Panel

# unit -> conflict families: (columns that must all be present, {spell column: event stem}, the
# columns identifying the unit); the event is the stem plus "ongoing" or "onset"
FAMILIES = {
    "dyad": [
        (("gmlmidongoing", "gmlmidonset"), {"gmlmidspell": "gmlmid"}, ("ccode1", "ccode2")),
        (("cowmidongoing", "cowmidonset"), {"cowmidspell": "cowmid"}, ("ccode1", "ccode2")),
        (("cowinterongoing", "cowinteronset"), {"cowinterspell": "cowinter"}, ("ccode1", "ccode2")),
    ],
    "state": [
        (("ucdpongoing", "ucdponset"), {"ucdpspell": "ucdp"}, ("gwcode",)),
        (("cowintraongoing", "cowintraonset"), {"cowintraspell": "cowintra"}, ("ccode",)),
        (
            ("gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"),
            {"gmlmidspell": "gmlmid", "gmlmidinitspell": "gmlmid{}_init"},
            ("ccode",),
        ),
    ],
    "leader": [
        (
            ("gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"),
            {"gmlmidspell": "gmlmid", "gmlmidinitspell": "gmlmid{}_init"},
            ("obsid",),
        ),
    ],
    "leader_dyad": [
        (("gmlmidongoing", "gmlmidonset"), {"gmlmidspell": "gmlmid"}, ("obsid1", "obsid2")),
        (
            ("gmlmidongoing_init", "gmlmidonset_init"),
            {"gmlmidinitspell": "gmlmid{}_init"},
            ("obsid1", "obsid2"),
        ),
    ],
}
EVENT_TYPES = ("ongoing", "onset")


def add_spells(panel: Panel, conflict_event_type: str = "ongoing", ongo: bool = False) -> Panel:
    """For each conflict family on the panel, the spell: how many of the unit's earlier years
    (rows, in year order) since its last conflict event. A year with an event closes its spell, so
    its own value is the length of the peace before it.

    ``conflict_event_type``: count between "ongoing" years (default) or "onset" years. ``ongo``:
    years continuing an event (a 1 after a 1) are not new events but NA, and do not count.
    Like peacesciencer, refuses event columns with NA (years outside the conflict data): build the
    panel with ``years=`` within them, or use ``add_peace_years()``, which skips those years."""
    panel.require(units=YEARLY, what="add_spells")
    if conflict_event_type not in EVENT_TYPES:
        raise InputError(
            f"Unknown conflict_event_type {conflict_event_type!r}.", "Use 'ongoing' (default) or 'onset'."
        )
    present = [family for family in FAMILIES[panel.unit] if set(family[0]) <= set(panel.columns)]
    if not present:
        wanted = "; ".join(", ".join(columns) for columns, _, _ in FAMILIES[panel.unit])
        raise InputError(
            "add_spells finds no conflict events on this panel.",
            f"Add conflict data first (it reads: {wanted}), e.g. add_gml_mids().",
        )
    for _, spells, unit in present:
        for spell, stem in spells.items():
            event = stem.format(conflict_event_type) if "{}" in stem else stem + conflict_event_type
            panel = _with_spell(panel, event, spell, unit, ongo)
    return panel


def _with_spell(panel: Panel, event: str, spell: str, unit: tuple[str, ...], ongo: bool) -> Panel:
    _check(panel, event)
    keys = ", ".join(panel.keys)
    units = ", ".join(unit)
    by = f"PARTITION BY {units} ORDER BY year, __row"
    # with ongo, a 1 right after a 1 (the unit's previous year) continues an event: no new event
    # and no spell, and it does not count as a year of peace either
    continuing = f"coalesce({event} = 1 AND lag({event}) OVER ({by}) = 1, FALSE)" if ongo else "FALSE"
    sql = f"""
        WITH flagged AS (
            SELECT {keys}, {units}, year, __row, {event}, {continuing} AS continuing
            FROM ({panel.sql(ordered=False, row_numbers=True)})),
        counted AS (
            SELECT *, row_number() OVER ({by}) AS position FROM flagged WHERE NOT continuing)
        SELECT {keys},
               position - 1 - coalesce(max(CASE WHEN {event} = 1 THEN position END) OVER (
                   {by} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS {spell}
        FROM counted"""
    source = panel.column_sources.get(event)
    return panel.join(
        sql,
        {spell: source} if source else {},
        [
            f"{spell}: years since the unit's last {event} = 1"
            + (" (a year continuing an event is NA)." if ongo else ".")
        ],
    )


def _check(panel: Panel, event: str) -> None:
    """peacesciencer's refusals: NA events (years outside the conflict data), no event at all."""
    missing, events = panel.con.execute(
        f"SELECT count(*) FILTER ({event} IS NULL), count(*) FILTER ({event} = 1) "
        f"FROM ({panel.sql(ordered=False, columns=[event])})"
    ).fetchall()[0]
    if missing:
        first, last = panel.con.execute(
            f"SELECT min(year), max(year) FROM ({panel.sql(ordered=False, columns=[event])}) "
            f"WHERE {event} IS NULL"
        ).fetchall()[0]
        raise InputError(
            f"add_spells: {event} is NA in {missing:,} rows ({first}-{last}), outside the conflict data.",
            "Build the panel with years= inside the data's years, or use add_peace_years() (skips them).",
        )
    if not events:
        raise InputError(f"add_spells: {event} is never 1 on this panel, so there are no spells to count.")
