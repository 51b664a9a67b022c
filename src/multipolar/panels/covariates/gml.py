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
LEADER_DISPUTES = "gml_mid_ddlydisps"  # disputes per directed leader-dyad-year
LEADER_COLUMNS = (
    "dispnum", "sidea1", "sidea2", "orig1", "orig2", "gmlmidongoing", "gmlmidonset", "obsid_start1",
    "obsid_start2", "obsid_end1", "obsid_end2",
)  # fmt: skip
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
    hostility, ...); directed dyads also get ``init1``/``init2``. Leader-dyads: the leaders'
    dispute, sides and the leaders in office when each state entered and left it
    (``obsid_start1`` ...); directed ones also whether the first leader initiated it
    (``gmlmidongoing_init``, ``gmlmidonset_init``). States: whether the state was
    in any dispute (``gmlmidongoing``) or began taking part in one (``gmlmidonset``: the first
    year of its own participation), and the same for disputes it initiated (``*_init``).

    An initiator is a side-A state or a state that joined later; only original side-B states
    are not (the rule peacesciencer 1.2.9's outputs follow).

    ``keep`` limits the dyad-year dispute columns as in peacesciencer: onset and ongoing (and on
    directed dyads initiators, sides and originators) always come; ``keep=[]`` is R's
    ``keep = NULL``. 0 for no dispute inside GML's years, NA after them.
    """
    panel.require(units=("state", "dyad", "leader_dyad"), system="cow", what="add_gml_mids")
    first, last = dataset("gml_mid_ddydisps").coverage
    covered = f"p.year BETWEEN {first} AND {last}"
    note = f"GML MIDs (gml_mid_ddydisps) cover {first}-{last}; dispute columns are NA after {last}."
    if panel.unit == "state":
        return _state_years(panel, covered, note)
    if panel.unit == "leader_dyad":
        if keep is not None:
            raise InputError(
                "add_gml_mids takes keep on dyad-years only.", "Leave keep out on leader-dyad-years."
            )
        return _leader_dyad_years(panel, covered, note.replace("gml_mid_ddydisps", LEADER_DISPUTES))
    available = [c for c in dataset("gml_mid_ddydisps").columns if c not in ("ccode1", "ccode2", "year")]
    narrowed = ", ".join(f"{c}::{WIDER.get(c, 'TINYINT')} AS {c}" for c in available)
    initiators = ", ".join(f"(sidea{s} = 1 OR orig{s} = 0)::TINYINT AS init{s}" for s in ("1", "2"))
    source = f"SELECT ccode1, ccode2, year, {narrowed}, {initiators} FROM {store.scan('gml_mid_ddydisps')}"
    columns = {
        c: f"CASE WHEN {covered} THEN coalesce({{t}}.{c}, 0::TINYINT) END" if c in ALWAYS else f"{{t}}.{c}"
        for c in _chosen(available, keep, bool(panel.directed))
    }
    return panel.lookup(
        source,
        "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
        columns,
        {c: "gml_mid_ddydisps" for c in columns},
        [note],
    )


def _chosen(available: list[str], keep, directed: bool) -> list[str]:
    """The dispute columns in peacesciencer's order: all of them (directed dyads: then the
    initiators); with ``keep``, onset and ongoing (directed dyads: then initiators, sides and
    originators), then the kept ones."""
    initiation = ["init1", "init2"] if directed else []
    if keep is None:
        return [*available, *initiation]
    unknown = sorted(set(keep) - set(available) - set(initiation))
    if unknown:
        raise InputError(
            f"add_gml_mids cannot keep {', '.join(unknown)}: no such column.",
            f"Choose from {', '.join(available)}.",
        )
    always = ["gmlmidonset", "gmlmidongoing"]
    if directed:
        always += [*initiation, "sidea1", "sidea2", "orig1", "orig2"]
    return list(dict.fromkeys([*always, *keep]))


def _leader_dyad_years(panel: Panel, covered: str, note: str) -> Panel:
    """The dispute of the leader dyad that year (GML MIDs matched to the leaders in office,
    whittled to one per directed leader-dyad-year by peacesciencer), with, on directed
    leader-dyads, whether the first leader initiated it: the first state initiated it (side A or
    a later joiner) and this leader was in office when the state entered (``obsid_start1``)."""
    source = f"""
        SELECT year::SMALLINT AS year, obsid1, obsid2, ccode1::SMALLINT AS ccode1, ccode2::SMALLINT AS ccode2,
               dispnum::SMALLINT AS dispnum, sidea1::TINYINT AS sidea1, sidea2::TINYINT AS sidea2,
               orig1::TINYINT AS orig1, orig2::TINYINT AS orig2, gmlmidongoing::TINYINT AS gmlmidongoing,
               gmlmidonset::TINYINT AS gmlmidonset, obsid_start1, obsid_start2, obsid_end1, obsid_end2
        FROM {store.scan(LEADER_DISPUTES)}"""
    zero_inside = "CASE WHEN {covered} THEN coalesce({value}, 0::TINYINT) END"
    columns = {
        c: zero_inside.format(covered=covered, value=f"{{t}}.{c}") if c in ALWAYS else f"{{t}}.{c}"
        for c in LEADER_COLUMNS
    }
    if panel.directed:
        initiated = (
            "{t}.gmlmidongoing = 1 AND {t}.obsid_start1 = p.obsid1 AND ({t}.sidea1 = 1 OR {t}.orig1 = 0)"
        )
        columns["gmlmidongoing_init"] = zero_inside.format(covered=covered, value=f"({initiated})::TINYINT")
        columns["gmlmidonset_init"] = zero_inside.format(
            covered=covered, value=f"({{t}}.gmlmidonset = 1 AND {initiated})::TINYINT"
        )
    return panel.lookup(
        source,
        "{t}.obsid1 = p.obsid1 AND {t}.obsid2 = p.obsid2 AND {t}.year = p.year "
        "AND {t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2",
        columns,
        dict.fromkeys(columns, LEADER_DISPUTES),
        [note],
    )


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
