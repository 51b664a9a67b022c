"""Small SQL helpers shared by the covariates: source order, tables made in Python, CoW keys.

peacesciencer often keeps "the first row" of a group (``slice(1)``, ``distinct()``), which in R
means the data's own order; ``file_row_number`` carries that order into SQL.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from multipolar.data import store
from multipolar.errors import InputError
from multipolar.panels.panel import Panel


def in_file_order(name: str) -> str:
    """A query over dataset ``name`` with a ``file_row_number`` column (0 = first row)."""
    return f"SELECT * FROM {store.scan(name, row_numbers=True)}"


def registered(panel: Panel, stem: str, frame: pd.DataFrame, *identity) -> str:
    """Register ``frame`` on the panel's connection under a name fixed by ``identity`` (what the
    frame was made from), so that equal inputs share one table and different ones never clash."""
    digest = hashlib.sha1(repr(identity).encode()).hexdigest()[:12]
    name = f"mp_{stem}_{digest}"
    panel.con.register(name, frame)
    return name


def on_panel_codes(cow_year_sql: str, panel: Panel) -> str:
    """``cow_year_sql`` (columns ``cow``, ``year``, ...) re-keyed as ``code``, ``year``, ...: the CoW
    code itself on CoW panels; on G-W panels, the G-W state that isard's gw_cw_panel matches to
    that CoW state in that year (e.g. G-W 260 is CoW 255 from 1991)."""
    if panel.system == "cow":
        return f"SELECT * RENAME (cow AS code) FROM ({cow_year_sql})"
    return f"""
        SELECT c.gwcode AS code, t.* EXCLUDE (cow) FROM ({cow_year_sql}) t
        JOIN {store.scan("gw_cw_panel")} c ON c.ccode = t.cow AND c.year = t.year"""


def kept(what: str, available: tuple[str, ...] | list[str], keep: list[str] | None) -> list[str]:
    """The columns ``keep`` asks for (all when None), in ``available``'s order; an unknown one is a
    one-line error naming the choices."""
    if keep is None:
        return list(available)
    unknown = [c for c in keep if c not in available]
    if unknown:
        raise InputError(
            f"{what} cannot keep {', '.join(unknown)}.", f"Choose among: {', '.join(available)}."
        )
    return [c for c in available if c in keep]
