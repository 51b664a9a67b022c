"""Alliance networks from ATOP, their communities, and a signed network with disputes.

For a year, two states are tied when ATOP's dyad-year data (``atop_alliance``: allied at any
time in the year) record an alliance between them with the obligation asked (any of the five if
none); for a day, when both are members of an ATOP alliance in force that day in which either
holds the obligation. Nodes are the states that exist at the year's end (or on the day), so
that unallied states count as isolates.

Communities are found with the Leiden algorithm (leidenalg, modularity, fixed seed) on the
unweighted graph. The *effective number of blocs* is the inverse Herfindahl index of the sizes
of the communities of allied states, (sum n_k)^2 / sum n_k^2: 1 for one bloc holding every
allied state, k for k blocs of equal size.

The signed network adds militarised interstate disputes (``gml_mid_ddydisps``, Gibler, Miller
and Little's MID data, 1816-2010) as negative ties. It is partitioned as Traag and Bruggeman
(2009) did: one partition of the positive and the negative layer optimised together, the
negative layer's modularity counted against it (leidenalg's multiplex optimiser, layer weights
1 and -1), so that allies fall together and disputants apart. Structural balance is the share of
balanced triangles (an even number of negative ties) among the triangles whose three dyads are
all signed; a dyad both allied and in dispute that year has no single sign and is left out of
the triangles (counted in ``mixed``). After 2010 the disputes are not known: the signed
figures are NA there, with a note.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd

from multipolar import progress
from multipolar.alignment.dyads import identity_sources
from multipolar.answer import Answer
from multipolar.data import store
from multipolar.dates import parse_date
from multipolar.errors import CoverageError, InputError

FIRST_YEAR, LAST_YEAR = 1816, 2018  # ATOP 5.1's dyad-years
MID_FIRST, MID_LAST = 1816, 2010  # GML MID 2.2.1's dyad-years
ALLIANCES = "atop_alliance"
DISPUTES = "gml_mid_ddydisps"
SEED = 0  # Leiden's random seed: the same graph always gets the same partition
SUMMARY = ["nodes", "allied", "edges", "communities", "modularity", "effective_blocs", "largest_bloc"]
SIGNED = ["negative_edges", "mixed", "triangles", "balance"]


def obligation_column(obligation: str | None) -> str | None:
    from multipolar.orgs.atop import obligation_name

    return None if obligation is None else f"atop_{obligation_name(obligation)}"


@functools.cache
def alliance_dyads() -> pd.DataFrame:
    """ATOP dyad-years as undirected pairs (cow1 < cow2): year and the five obligation flags."""
    table = store.frame(ALLIANCES)
    table = table[table["ccode1"] < table["ccode2"]]
    return table.rename(columns={"ccode1": "cow1", "ccode2": "cow2"}).reset_index(drop=True)


@functools.cache
def dispute_dyads() -> pd.DataFrame:
    """Dyad-years with a militarised dispute under way (cow1 < cow2, year), GML MID data."""
    table = store.frame(DISPUTES, columns=["ccode1", "ccode2", "year", "gmlmidongoing"])
    table = table[(table["ccode1"] < table["ccode2"]) & (table["gmlmidongoing"] == 1)]
    return table.rename(columns={"ccode1": "cow1", "ccode2": "cow2"})[
        ["year", "cow1", "cow2"]
    ].drop_duplicates()


@functools.cache
def _by_year(column: str | None) -> dict[int, np.ndarray]:
    table = alliance_dyads()
    if column is not None:
        table = table[table[column] == 1]
    return {int(y): part[["cow1", "cow2"]].to_numpy() for y, part in table.groupby("year")}


@functools.cache
def _disputes_by_year() -> dict[int, np.ndarray]:
    return {int(y): part[["cow1", "cow2"]].to_numpy() for y, part in dispute_dyads().groupby("year")}


def states_on(day: dt.date) -> list[int]:
    """COW codes of the states that exist on ``day`` (identity layer)."""
    from multipolar.states import identity

    return sorted(identity.by_code_on(day, "cow"))


def day_edges(day: dt.date, obligation: str | None) -> np.ndarray:
    """Pairs of states in an ATOP alliance in force on ``day`` in which either holds the
    obligation (any, if none)."""
    from multipolar.orgs import atop

    spells = atop.in_force(day)
    if obligation is not None:
        name = atop.obligation_name(obligation)
        holding = spells.groupby("atopid")[name].transform("any")
        spells = spells[holding]
    pairs = set()
    for _, members in spells.groupby("atopid")["cow"]:
        codes = sorted(set(members))
        pairs.update((a, b) for i, a in enumerate(codes) for b in codes[i + 1 :])
    return np.array(sorted(pairs), dtype=int).reshape(-1, 2)


def graph(nodes: list[int], positive: np.ndarray, negative: np.ndarray | None = None):
    """An igraph Graph over ``nodes`` (COW codes, in order) with a ``sign`` on each edge: +1
    alliance, -1 dispute; a dyad with both gets both edges."""
    import igraph as ig

    nodes = sorted(
        set(nodes)
        | set(positive.ravel().tolist())
        | set(() if negative is None else negative.ravel().tolist())
    )
    index = {c: i for i, c in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in positive.tolist()]
    signs = [1] * len(edges)
    if negative is not None:
        edges += [(index[a], index[b]) for a, b in negative.tolist()]
        signs += [-1] * len(negative)
    g = ig.Graph(n=len(nodes), edges=edges)
    g.vs["cow"] = nodes
    g.es["sign"] = signs
    return g


def communities(g) -> list[int]:
    """Leiden communities of the positive ties (modularity); with negative ties, the positive
    and negative layers optimised together as Traag and Bruggeman (2009) did."""
    import leidenalg as la

    positive = g.subgraph_edges(g.es.select(sign_gt=0), delete_vertices=False)
    negative = g.subgraph_edges(g.es.select(sign_lt=0), delete_vertices=False)
    if positive.ecount() == 0:
        return list(range(g.vcount()))
    if negative.ecount() == 0:
        return la.find_partition(positive, la.ModularityVertexPartition, seed=SEED).membership
    parts = [la.ModularityVertexPartition(positive), la.ModularityVertexPartition(negative)]
    optimiser = la.Optimiser()
    optimiser.set_rng_seed(SEED)
    optimiser.optimise_partition_multiplex(parts, layer_weights=[1, -1])
    return parts[0].membership


def summary(g, membership: list[int], signed: bool) -> dict:
    """Nodes, allied states, edges, communities of allied states, modularity of the positive
    ties, effective number of blocs, largest bloc's share; with ``signed``, balance figures."""
    positive = g.subgraph_edges(g.es.select(sign_gt=0), delete_vertices=False)
    allied = [v for v in range(g.vcount()) if positive.degree(v) > 0]
    sizes = pd.Series([membership[v] for v in allied]).value_counts() if allied else pd.Series(dtype=int)
    sizes = sizes[sizes >= 2]
    out = {
        "nodes": g.vcount(),
        "allied": len(allied),
        "edges": positive.ecount(),
        "communities": len(sizes),
        "modularity": positive.modularity(membership) if positive.ecount() else None,
        "effective_blocs": float(sizes.sum() ** 2 / (sizes**2).sum()) if len(sizes) else None,
        "largest_bloc": float(sizes.max() / sizes.sum()) if len(sizes) else None,
    }
    if signed:
        out |= balance(g)
    return out


def balance(g) -> dict:
    """Triangles whose three dyads each carry one sign, and the share of them that is balanced
    (product of signs positive). trace(S^3)/6 is balanced minus unbalanced triangles and
    trace(|S|^3)/6 all of them, S being the signed adjacency matrix."""
    n = g.vcount()
    plus = np.zeros((n, n), dtype=np.float64)
    minus = np.zeros((n, n), dtype=np.float64)
    for edge in g.es:
        target = plus if edge["sign"] > 0 else minus
        target[edge.source, edge.target] = target[edge.target, edge.source] = 1
    mixed = (plus > 0) & (minus > 0)
    signed = np.where(mixed, 0, plus - minus)
    total = np.trace(np.linalg.matrix_power(np.abs(signed), 3)) / 6
    net = np.trace(np.linalg.matrix_power(signed, 3)) / 6
    return {
        "negative_edges": int(minus.sum() / 2),
        "mixed": int(mixed.sum() / 2),
        "triangles": int(round(total)),
        "balance": float((total + net) / (2 * total)) if total else None,
    }


def year_graph(year: int, obligation: str | None, signed: bool):
    nodes = states_on(dt.date(year, 12, 31))
    positive = _by_year(obligation_column(obligation)).get(year, np.empty((0, 2), dtype=int))
    negative = _disputes_by_year().get(year, np.empty((0, 2), dtype=int)) if signed else None
    return graph(nodes, positive, negative)


def network(
    year: int | str | None = None,
    date: str | dt.date | None = None,
    obligation: str | None = None,
    signed: bool = False,
    start: int | str | None = None,
    end: int | str | None = None,
    pool: bool = False,
) -> Answer:
    """The ATOP alliance network of a year or a day: each state's degree, centrality and Leiden
    community, with the graph's modularity and effective number of blocs; ``signed`` adds
    militarised disputes as negative ties (Traag and Bruggeman's partition, structural
    balance). With ``start``..``end``, the summary year by year (1816-2018); with ``pool`` too,
    one graph of the ties of any year in the range (as Traag and Bruggeman pooled 1993-2001)."""
    from threadpoolctl import threadpool_limits

    column = obligation_column(obligation)  # checks the obligation's name first
    obligation = None if column is None else column.removeprefix("atop_")
    ranged = start is not None or end is not None
    if ranged and (year is not None or date is not None):
        raise InputError("Give a year, a date or a range, not several.", "Use --year, --date or --from/--to.")
    if year is not None and date is not None:
        raise InputError("Give a year or a date, not both.", "Use --year Y or --date YYYY-MM-DD.")
    if pool and not ranged:
        raise InputError("Pooling needs a range of years.", "Give --from and --to with --pool.")
    with threadpool_limits(limits=1, user_api="blas"):
        if ranged and not pool:
            return _series(start, end, obligation, signed)
        return _one_graph(year, date, obligation, signed, start, end)


def _one_graph(year, date, obligation, signed, start, end) -> Answer:
    notes: list[str] = []
    if date is not None:
        day = parse_date(date, allow_future=False)
        from multipolar.orgs import atop

        if note := atop.coverage_note(day):
            raise CoverageError(note, "Give a date ATOP covers (1815-01-01 to 2018-12-31).")
        negative = _disputes_by_year().get(day.year, np.empty((0, 2), dtype=int)) if signed else None
        g = graph(states_on(day), day_edges(day, obligation), negative)
        label = {"date": day, "year": day.year}
        years = [day.year]
        sources = list(atop.SOURCES)
        if signed:
            notes.append(f"Disputes are those under way in {day.year} (MID data are by year).")
    elif start is not None or end is not None:
        first, last = _check_range(start, end)
        years = list(range(first, last + 1))
        g = pooled_graph(first, last, obligation, signed)
        label = {"from": first, "to": last}
        sources = [ALLIANCES]
        notes.append(
            f"Ties of any year from {first} to {last}, pooled into one graph; nodes: states that existed "
            f"at some year's end in the range."
        )
    else:
        first = _check_year(year if year is not None else LAST_YEAR)
        years = [first]
        g = year_graph(first, obligation, signed)
        label = {"date": None, "year": first}
        sources = [ALLIANCES]
    signs_known = all(MID_FIRST <= y <= MID_LAST for y in years)
    if signed:
        sources.append(DISPUTES)
        if not signs_known:
            notes.append(mid_note(max(years)))
    membership = communities(g)
    facts = summary(g, membership, signed)
    if signed and not signs_known:
        facts |= {k: None for k in SIGNED}
    rows = node_table(g, membership, max(years))
    notes.append(MEANING)
    params = {**label, "obligation": obligation, "signed": signed}
    blocs = (
        rows[rows["degree"] > 0]
        .groupby("community")["iso3"]
        .agg(list)
        .reset_index()
        .assign(size=lambda t: t["iso3"].map(len))
        .sort_values(["size", "community"], ascending=[False, True], kind="stable")
        .rename(columns={"iso3": "members"})
    )
    blocs = blocs[blocs["size"] >= 2]
    extra = {"summary": facts, "blocs": blocs.to_dict("records")}
    return Answer("network", params, rows, "states", notes, sources + identity_sources(), extra)


def pooled_graph(first: int, last: int, obligation: str | None, signed: bool):
    """One graph of the ties of any year from first to last (each dyad once per sign)."""
    nodes = sorted({c for y in range(first, last + 1) for c in states_on(dt.date(y, 12, 31))})
    empty = np.empty((0, 2), dtype=int)
    alliances = _by_year(obligation_column(obligation))
    positive = np.unique(np.vstack([alliances.get(y, empty) for y in range(first, last + 1)]), axis=0)
    negative = None
    if signed:
        disputes = _disputes_by_year()
        negative = np.unique(np.vstack([disputes.get(y, empty) for y in range(first, last + 1)]), axis=0)
    return graph(nodes, positive.reshape(-1, 2), None if negative is None else negative.reshape(-1, 2))


MEANING = (
    "degree: allies with the obligation (any if none); eigenvector and betweenness: centrality in the "
    "alliance graph; community: Leiden (modularity, seed 0); effective_blocs: (sum n_k)^2 / sum n_k^2 over "
    "communities of allied states."
)


def mid_note(year: int) -> str:
    return (
        f"Militarised disputes (GML MID 2.2.1) cover {MID_FIRST}-{MID_LAST}; in {year} the negative ties are "
        "not known, so the signed figures are NA (missing), not 0."
    )


def _check_year(year) -> int:
    from multipolar.dates import parse_year

    value = parse_year(year)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise CoverageError(
            f"ATOP 5.1's dyad-years cover {FIRST_YEAR}-{LAST_YEAR}; {value} is outside them.",
            f"Give a year from {FIRST_YEAR} to {LAST_YEAR}.",
        )
    return value


def node_table(g, membership: list[int], year: int) -> pd.DataFrame:
    """One row per state: iso3, name, cow, degree, eigenvector, betweenness, community."""
    from multipolar.alignment.votes import state_label

    positive = g.subgraph_edges(g.es.select(sign_gt=0), delete_vertices=False)
    degree = positive.degree()
    eigen = eigenvector_centrality(positive)
    between = positive.betweenness(directed=False)
    n = g.vcount()
    scale = (n - 1) * (n - 2) / 2 if n > 2 else 1
    labels = [state_label(c, year) for c in g.vs["cow"]]
    table = pd.DataFrame(
        {
            "iso3": [lab["iso3"] or f"cow:{c}" for lab, c in zip(labels, g.vs["cow"], strict=True)],
            "name": [lab["name"] for lab in labels],
            "cow": g.vs["cow"],
            "degree": degree,
            "eigenvector": eigen,
            "betweenness": [b / scale for b in between],
            "community": membership,
        }
    )
    if "sign" in g.es.attributes():
        negative = g.subgraph_edges(g.es.select(sign_lt=0), delete_vertices=False)
        table["disputes"] = negative.degree()
    return table.sort_values(
        ["degree", "eigenvector", "cow"], ascending=[False, False, True], kind="stable", ignore_index=True
    )


def eigenvector_centrality(g) -> list[float]:
    """Eigenvector centrality scaled to a maximum of 1: the leading eigenvector of the adjacency
    matrix. numpy's symmetric eigensolver rather than igraph's, which starts ARPACK from a random
    vector and so differs in the last digits (and in the order of tied states) from call to call.
    Rounded to 12 decimals, so that states equally central (a star's leaves) tie exactly."""
    if g.ecount() == 0:
        return [0.0] * g.vcount()
    adjacency = np.array(g.get_adjacency().data, dtype=np.float64)
    leading = np.abs(np.linalg.eigh(adjacency)[1][:, -1])
    return np.round(leading / leading.max(), 12).tolist()


def _check_range(start, end) -> tuple[int, int]:
    first = _check_year(start if start is not None else FIRST_YEAR)
    last = _check_year(end if end is not None else LAST_YEAR)
    if first > last:
        raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")
    return first, last


def _series(start, end, obligation: str | None, signed: bool) -> Answer:
    """The summary year by year; years of the range outside ATOP's are NA rows with a note, as
    the UN votes' years are."""
    from multipolar.dates import parse_year
    from multipolar.power.polarity import _span

    first = parse_year(start, allow_future=False) if start is not None else FIRST_YEAR
    last = parse_year(end, allow_future=False) if end is not None else max(LAST_YEAR, first)
    if first > last:
        raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")
    rows, outside = [], []
    with progress.bar("alliance networks", total=last - first + 1) as shown:
        for year in range(first, last + 1):
            if FIRST_YEAR <= year <= LAST_YEAR:
                g = year_graph(year, obligation, signed)
                facts = summary(g, communities(g), signed)
            else:
                outside.append(year)
                facts = {k: None for k in SUMMARY + (SIGNED if signed else [])}
            if signed and not MID_FIRST <= year <= MID_LAST:
                facts |= {k: None for k in SIGNED}
            rows.append({"year": year, **facts})
            shown.advance()
    notes = [MEANING]
    if outside:
        notes.append(
            f"ATOP 5.1's dyad-years cover {FIRST_YEAR}-{LAST_YEAR}; years asked outside them "
            f"({_span(pd.Series(outside))}) are NA (missing), not 0."
        )
    if signed and last > MID_LAST:
        notes.append(
            mid_note(max(first, MID_LAST + 1)).replace(f"in {max(first, MID_LAST + 1)}", f"after {MID_LAST}")
        )
    sources = [ALLIANCES, *([DISPUTES] if signed else []), *identity_sources()]
    params = {"from": first, "to": last, "obligation": obligation, "signed": signed}
    counts = [
        "nodes",
        "allied",
        "edges",
        "communities",
        *(["negative_edges", "mixed", "triangles"] if signed else []),
    ]
    table = pd.DataFrame(rows).astype(dict.fromkeys(counts, "Int64"))  # whole numbers, NA outside
    return Answer("network_series", params, table, "years", notes, sources)
