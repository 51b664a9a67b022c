"""Gibler-Miller-Little militarized interstate disputes (peacesciencer's ``add_gml_mids``).

The source, ``gml_mid_ddydisps``, is GML-MID dispute-year data already whittled by
peacesciencer to one dispute per directed dyad-year (unique onsets first, then highest
fatality, hostility, duration, reciprocation, earliest start month).
"""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.panel import Panel

ALWAYS = ("gmlmidongoing", "gmlmidonset")
# the source's int64 columns, narrowed (a value that no longer fits fails loudly)
WIDER = {
    "dispnum": "SMALLINT",
    "fatalpre1": "INTEGER",
    "fatalpre2": "INTEGER",
    "mindur": "SMALLINT",
    "maxdur": "SMALLINT",
}


def add_gml_mids(panel: Panel, keep: list[str] | tuple[str, ...] | None = None) -> Panel:
    """Dyads: the dyad's dispute that year (``dispnum``, onset, ongoing, sides, fatality,
    hostility, ...); directed dyads also get ``init1``/``init2``. States: whether the state was
    in any dispute (``gmlmidongoing``) or began taking part in one (``gmlmidonset``: the first
    year of its own participation), and the same for disputes it initiated (``*_init``).

    An initiator is a side-A state or a state that joined later; only original side-B states
    are not (the rule peacesciencer 1.2.9's outputs follow).

    ``keep`` limits the dispute columns (onset and ongoing are always kept), as in peacesciencer.
    0 for no dispute inside GML's years, NA after them.
    """
    panel.require(units=("state", "dyad", "leader_dyad"), system="cow", what="add_gml_mids")
    first, last = dataset("gml_mid_ddydisps").coverage
    covered = f"p.year BETWEEN {first} AND {last}"
    note = f"GML MIDs (gml_mid_ddydisps) cover {first}-{last}; dispute columns are NA after {last}."
    if panel.unit == "state":
        return _state_years(panel, covered, note)
    available = [c for c in dataset("gml_mid_ddydisps").columns if c not in ("ccode1", "ccode2", "year")]
    chosen = _chosen(available, keep)
    narrowed = ", ".join(f"{c}::{WIDER.get(c, 'TINYINT')} AS {c}" for c in available)
    initiators = ", ".join(f"(sidea{s} = 1 OR orig{s} = 0)::TINYINT AS init{s}" for s in ("1", "2"))
    source = f"SELECT ccode1, ccode2, year, {narrowed}, {initiators} FROM {store.scan('gml_mid_ddydisps')}"
    columns = {
        c: f"CASE WHEN {covered} THEN coalesce({{t}}.{c}, 0::TINYINT) END" if c in ALWAYS else f"{{t}}.{c}"
        for c in chosen
    }
    if panel.directed and {"sidea1", "orig1"} <= set(chosen):
        for side in ("1", "2"):
            columns[f"init{side}"] = f"{{t}}.init{side}"
    return panel.lookup(
        source,
        "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
        columns,
        {c: "gml_mid_ddydisps" for c in columns},
        [note],
    )


def _chosen(available: list[str], keep) -> list[str]:
    if keep is None:
        return available
    unknown = sorted(set(keep) - set(available))
    if unknown:
        raise InputError(
            f"add_gml_mids cannot keep {', '.join(unknown)}: no such column.",
            f"Choose from {', '.join(available)}.",
        )
    return [c for c in available if c in ALWAYS or c in keep]


def _state_years(panel: Panel, covered: str, note: str) -> Panel:
    # every participation of a state in a dispute (GML's participant summaries, one row per
    # state and stint in a dispute): ongoing from its first to its last year, an onset in its
    # first year (a state joining a dispute in its third year has its onset then, not before).
    initiator = "(sidea = 1 OR orig = 0)"
    per_state = f"""
        SELECT ccode, year, 1 AS ongoing, max((year = styear)::INT) AS onset,
               max({initiator}::INT) AS ongoing_init, max((year = styear AND {initiator})::INT) AS onset_init
        FROM {store.scan("gml_part")}, range(styear, endyear + 1) y(year)
        GROUP BY ALL"""
    names = {
        "gmlmidongoing": "ongoing",
        "gmlmidonset": "onset",
        "gmlmidongoing_init": "ongoing_init",
        "gmlmidonset_init": "onset_init",
    }
    return panel.lookup_states(
        per_state,
        {c: f"CASE WHEN {covered} THEN coalesce({{t}}.{v}, 0)::TINYINT END" for c, v in names.items()},
        {c: "gml_part" for c in names},
        [note.replace("gml_mid_ddydisps", "gml_part")],
    )
