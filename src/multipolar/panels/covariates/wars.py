"""Correlates of War wars, as peacesciencer's ``add_cow_wars()``: inter-state wars on dyad-years,
intra-state wars on state-years."""

from __future__ import annotations

from multipolar.data.catalog import dataset as catalog_entry
from multipolar.errors import InputError
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.panel import Panel

INTRA_TYPES = ("all", "central control", "local issues")


def _one_per_unit(rows: str, unit: str, onset: str, deaths_a: str, deaths_b: str) -> str:
    """peacesciencer's whittling of war-years to one per unit-year: where the unit-year has both
    onsets and continuations keep the onsets, then the war with most battle deaths (negative
    codes are missing), ties in the data's order."""
    return f"""
        SELECT * EXCLUDE (mixed)
        FROM (SELECT *, count(*) OVER u > 1 AND min({onset}) OVER u <> max({onset}) OVER u AS mixed
              FROM ({rows}) WINDOW u AS (PARTITION BY {unit}))
        WHERE NOT (mixed AND {onset} = 0)
        QUALIFY row_number() OVER (
            PARTITION BY {unit}
            ORDER BY CASE WHEN {deaths_a} >= 0 AND {deaths_b} >= 0 THEN {deaths_a} + {deaths_b}
                          WHEN {deaths_a} >= 0 THEN {deaths_a}
                          WHEN {deaths_b} >= 0 THEN {deaths_b} END DESC NULLS LAST,
                     file_row_number) = 1"""


def _flags(dataset: str, *columns: str) -> dict[str, str]:
    """No war is 0 within the list's years (the catalog's coverage), NA outside them."""
    first, last = catalog_entry(dataset).coverage
    return {
        c: f"coalesce({{t}}.{c}, CASE WHEN p.year BETWEEN {first} AND {last} THEN 0 END)" for c in columns
    }


def _note(dataset: str, what: str) -> str:
    first, last = catalog_entry(dataset).coverage
    return f"{dataset}: CoW {what} wars cover {first}-{last}; later years are NA."


def add_cow_wars(panel: Panel, type: str | None = None, intratype: str = "all") -> Panel:  # noqa: A002
    """CoW wars: inter-state wars of the dyad, or civil wars of the state as primary government side.

    ``type="inter"`` (dyad-years): war participation of the dyad; ``type="intra"``
    (state-years): the civil war the state fought as the primary government side, with
    ``intrawarnums`` listing all of them. Onset/ongoing are 0 when no war in the lists' years
    (the catalog's coverage, 1816-2007), NA after.
    ``type`` (peacesciencer's argument) defaults to the one the panel's unit allows."""
    type = type or ("inter" if panel.unit == "dyad" else "intra")  # noqa: A001
    if type not in ("inter", "intra"):
        raise InputError(
            f"Unknown war type {type!r}.", "Use type='inter' (dyad-years) or 'intra' (state-years)."
        )
    if type == "inter":
        panel.require(units=("dyad",), system="cow", what='add_cow_wars(type="inter")')
        return _inter(panel)
    panel.require(units=("state",), system="cow", what='add_cow_wars(type="intra")')
    if intratype not in INTRA_TYPES:
        raise InputError(
            f"Unknown intra-state war type {intratype!r}.", f"Use one of: {', '.join(INTRA_TYPES)}."
        )
    return _intra(panel, intratype)


def _inter(panel: Panel) -> Panel:
    dataset = "cow_war_inter"
    wars = _one_per_unit(
        in_file_order(dataset),
        "ccode1, ccode2, year",
        "cowinteronset",
        "batdeath1",
        "batdeath2",
    )
    kept = ("sidea1", "sidea2", "initiator1", "initiator2", "outcome1", "outcome2")
    columns = {
        **_flags(dataset, "cowinterongoing", "cowinteronset"),
        **{c: f"{{t}}.{c}" for c in kept},
        **{c: f"CASE WHEN {{t}}.{c} >= 0 THEN {{t}}.{c} END" for c in ("batdeath1", "batdeath2")},
        "resume": "{t}.resume",
    }
    note = _note(dataset, "inter-state")
    return panel.lookup(
        wars,
        "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
        columns,
        dict.fromkeys(columns, dataset),
        [note],
    )


def _intra(panel: Panel, intratype: str) -> Panel:
    dataset = "cow_war_intra"
    which = "" if intratype == "all" else f"AND wartype = '{intratype}'"
    rows = f"""
        SELECT * RENAME (ccodea AS ccode),
               string_agg(CAST(warnum AS VARCHAR), '; ' ORDER BY file_row_number)
                   OVER (PARTITION BY ccodea, year) AS intrawarnums
        FROM ({in_file_order(dataset)}) WHERE primary_state = 1 {which}"""
    wars = _one_per_unit(rows, "ccode, year", "cowintraonset", "sideadeaths", "sidebdeaths")
    columns = {
        **{c: f"{{t}}.{c}" for c in ("warnum", "warname", "wartype")},
        **_flags(dataset, "cowintraonset", "cowintraongoing"),
        "intnl": "{t}.intnl",
        "outcome": "{t}.outcome",
        **{
            c: f"CASE WHEN {{t}}.{c} >= 0 THEN {{t}}.{c} WHEN {{t}}.warnum IS NOT NULL THEN -9 END"
            for c in ("sideadeaths", "sidebdeaths")
        },
        "intrawarnums": "{t}.intrawarnums",
    }
    note = _note(dataset, "intra-state")
    return panel.lookup(
        wars, "{t}.ccode = p.ccode AND {t}.year = p.year", columns, dict.fromkeys(columns, dataset), [note]
    )
