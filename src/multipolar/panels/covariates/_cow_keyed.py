"""Putting CoW-keyed state-year tables on either state system's panels."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.panel import Panel


def on_panel_codes(cow_year_sql: str, panel: Panel) -> str:
    """``cow_year_sql`` (columns ``cow``, ``year``, ...) re-keyed as ``code``, ``year``, ...: the CoW
    code itself on CoW panels; on G-W panels, the G-W state that isard's gw_cw_panel matches to
    that CoW state in that year (e.g. G-W 260 is CoW 255 from 1991)."""
    if panel.system == "cow":
        return f"SELECT * RENAME (cow AS code) FROM ({cow_year_sql})"
    return f"""
        SELECT c.gwcode AS code, t.* EXCLUDE (cow) FROM ({cow_year_sql}) t
        JOIN {store.scan("gw_cw_panel")} c ON c.ccode = t.cow AND c.year = t.year"""
