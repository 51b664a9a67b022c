"""UCDP/PRIO armed conflicts on state-years (keyed by Gleditsch-Ward codes), as peacesciencer's
``add_ucdp_acd()`` and ``add_ucdp_onsets()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.panel import Panel

CONFLICT_TYPES = ("extrasystemic", "interstate", "intrastate", "II")  # II: internationalized intrastate
ISSUES = ("territory", "government", "both")  # "both" is UCDP's own category, not territory OR government
ONSET_COLUMNS = ("sumnewconf", "sumonset1", "sumonset2", "sumonset3", "sumonset5", "sumonset10")


def _choices(what: str, given: str | list[str] | None, allowed: tuple[str, ...]) -> list[str]:
    chosen = [given] if isinstance(given, str) else list(given or [])
    wrong = [g for g in chosen if g not in allowed]
    if wrong:
        raise InputError(f"Unknown UCDP {what}: {', '.join(wrong)}.", f"Use any of: {', '.join(allowed)}.")
    return chosen


def add_ucdp_acd(
    panel: Panel,
    type: str | list[str] | None = None,  # noqa: A002 - peacesciencer's argument name
    issue: str | list[str] | None = None,
    only_wars: bool = False,
) -> Panel:
    """UCDP armed conflicts the state fights as side A: ongoing, onset, highest intensity, ids.

    Whether the state is side A (the government) of an armed conflict that year
    (``ucdpongoing``), whether one of them appears for the first time (``ucdponset``), the highest
    intensity (1 minor, 2 war) and the conflict ids. ``type``/``issue`` keep some conflicts only."""
    panel.require(units=("state",), what="add_ucdp_acd")
    name = "ucdp_acd"
    first, last = dataset(name).coverage
    conditions = ["TRUE"]
    if types := _choices("conflict type", type, CONFLICT_TYPES):
        conditions.append(f"type_of_conflict IN {_sql_list(types)}")
    if issues := _choices("issue", issue, ISSUES):
        conditions.append(f"incompatibility IN {_sql_list(issues)}")
    if only_wars:
        conditions.append("intensity_level = 2")
    # one row per conflict, government and year: the first in the file (UCDP repeats a conflict-year
    # once per secondary party), as peacesciencer's slice(1); the conflict's first year is its onset.
    # The onset is decided after that choice and by year alone, so rows of the same year never tie.
    conflict_years = f"""
        SELECT conflict_id, gwno_a, year, intensity_level,
               year = min(year) OVER (PARTITION BY conflict_id, gwno_a) AS first_year
        FROM (SELECT * FROM ({in_file_order(name)}) WHERE {" AND ".join(conditions)}
              QUALIFY row_number() OVER (
                  PARTITION BY conflict_id, gwno_a, year ORDER BY file_row_number) = 1)"""
    state_years = f"""
        SELECT gwno_a AS gwcode, year, 1 AS ucdpongoing, max(first_year::INTEGER) AS ucdponset,
               max(intensity_level) AS maxintensity,
               string_agg(CAST(conflict_id AS VARCHAR), '; ' ORDER BY conflict_id) AS conflict_ids
        FROM ({conflict_years}) GROUP BY gwno_a, year"""
    covered = f"CASE WHEN p.year BETWEEN {first} AND {last} THEN 0 END"
    columns = {
        "ucdpongoing": f"coalesce({{t}}.ucdpongoing, {covered})",
        "ucdponset": f"coalesce({{t}}.ucdponset, {covered})",
        "maxintensity": "{t}.maxintensity",
        "conflict_ids": "{t}.conflict_ids",
    }
    return _by_gwcode(
        panel,
        state_years,
        columns,
        dict.fromkeys(columns, name),
        [f"{name}: UCDP armed conflicts cover {first}-{last}; ucdpongoing/ucdponset are NA outside."],
    )


def add_ucdp_onsets(panel: Panel) -> Panel:
    """UCDP onset counts: new conflict dyads, and onsets after 1, 2, 3, 5 or 10 quiet years.

    Summed over the state's conflicts that year (UCDP's onset data list one row per episode)."""
    panel.require(units=("state",), what="add_ucdp_onsets")
    name = "ucdp_onsets"
    first, last = dataset(name).coverage
    covered = f"CASE WHEN p.year BETWEEN {first} AND {last} THEN 0 END"
    return _by_gwcode(
        panel,
        f"SELECT * FROM {store.scan(name)}",
        {c: f"coalesce({{t}}.{c}, {covered})" for c in ONSET_COLUMNS},
        dict.fromkeys(ONSET_COLUMNS, name),
        [f"{name}: UCDP onsets cover {first}-{last}; the onset counts are NA outside those years."],
    )


def _by_gwcode(panel: Panel, table_sql: str, columns: dict[str, str], sources, notes) -> Panel:
    """UCDP is keyed by G-W codes: G-W panels match directly; CoW panels through the ``gwcode``
    column that ``add_gwcode_to_cow()`` adds (as in peacesciencer)."""
    if panel.system == "gw":
        return panel.lookup(table_sql, "{t}.gwcode = p.gwcode AND {t}.year = p.year", columns, sources, notes)
    if "gwcode" not in panel.columns:
        raise InputError(
            "UCDP data are keyed by Gleditsch-Ward codes, which this CoW panel does not have.",
            "Run add_gwcode_to_cow() first, or build the panel with system='gw'.",
        )
    picks = ", ".join(f"{expr.format(t='u')} AS {name}" for name, expr in columns.items())
    sql = f"""
        SELECT p.ccode, p.year, {picks}
        FROM panel p LEFT JOIN ({table_sql}) u ON u.gwcode = p.gwcode AND u.year = p.year"""
    return panel.join(sql, sources, notes)


def _sql_list(values: list[str]) -> str:
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"
