"""Peace years: how long since the last conflict, as peacesciencer's ``add_peace_years()``."""

from __future__ import annotations

from multipolar.errors import InputError
from multipolar.panels.panel import STATES_AND_DYADS, Panel

# conflict indicator already on the panel -> its spell column, by panel unit
SPELLS = {
    "dyad": {
        "cowmidongoing": "cowmidspell",
        "gmlmidongoing": "gmlmidspell",
        "cowinterongoing": "cowinterspell",
    },
    "state": {
        "ucdpongoing": "ucdpspell",
        "cowintraongoing": "cowintraspell",
        "gmlmidongoing": "gmlmidspell",
        "gmlmidongoing_init": "gmlmidinitspell",
    },
}


def add_peace_years(panel: Panel) -> Panel:
    """For each conflict indicator on the panel, the years since the unit's last conflict year.

    Follows peacesciencer (``ps_btscs``, unpadded): spells count on the *ongoing* indicator, so a
    conflict year's spell is the run of peace before it and a year of a continuing conflict is 0;
    years where the indicator is NA (outside the source's coverage) are skipped and get NA; a
    unit's years are counted as rows, so a gap in a state's existence does not add years.
    """
    panel.require(units=STATES_AND_DYADS, what="add_peace_years")
    if panel.unit == "dyad":
        panel.require(units=("dyad",), system="cow", what="add_peace_years on dyad-years")
    present = {flag: spell for flag, spell in SPELLS[panel.unit].items() if flag in panel.columns}
    if not present:
        raise InputError(
            "add_peace_years finds no conflict indicator on this panel.",
            f"Add conflict data first (columns it reads: {', '.join(SPELLS[panel.unit])}),"
            " e.g. add_cow_mids() or add_cow_wars().",
        )
    unit = ", ".join(k for k in panel.keys if k != "year")
    for flag, spell in present.items():
        sql = f"""
            SELECT {", ".join(panel.keys)},
                   rn - 1 - coalesce(max(CASE WHEN {flag} <> 0 THEN rn END) OVER (
                       PARTITION BY {unit} ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                   ), 0) AS {spell}
            FROM (SELECT {", ".join(panel.keys)}, {flag},
                         row_number() OVER (PARTITION BY {unit} ORDER BY year) AS rn
                  FROM panel WHERE {flag} IS NOT NULL)"""
        source = panel.column_sources.get(flag)
        panel = panel.join(
            sql,
            {spell: source} if source else {},
            [f"{spell}: years since the last year with {flag} = 1; NA where {flag} is NA."],
        )
    return panel
