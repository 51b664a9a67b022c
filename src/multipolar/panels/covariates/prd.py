"""Politically relevant dyads (peacesciencer's ``filter_prd()``)."""

from __future__ import annotations

from multipolar.panels.covariates.contiguity import add_contiguity
from multipolar.panels.covariates.majors import add_cow_majors
from multipolar.panels.panel import Panel

RELEVANT = "conttype >= 1 OR (conttype = 0 AND (cowmaj1 = 1 OR cowmaj2 = 1))"


def filter_prd(panel: Panel) -> Panel:
    """Keep the politically relevant dyads: contiguous (any ``conttype``, water included) or with a
    major power. Adds ``conttype`` and ``cowmaj1``/``cowmaj2`` first when the panel lacks them, then
    ``prd`` (1 on every kept row). A dyad-year with unknown contiguity (after 2016) is not kept."""
    panel.require(units=("dyad", "leader_dyad"), system="cow", what="filter_prd")
    if "conttype" not in panel.columns:
        panel = add_contiguity(panel)
    if not {"cowmaj1", "cowmaj2"} <= set(panel.columns):
        panel = add_cow_majors(panel)
    note = "prd: politically relevant (contiguous, or a CoW major power on either side); other dyads dropped."
    kept = panel.where(RELEVANT, [note])
    return kept.join(f"SELECT {', '.join(kept.keys)}, 1::TINYINT AS prd FROM panel", {"prd": "cow_contdir"})
