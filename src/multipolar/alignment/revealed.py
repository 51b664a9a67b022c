"""Blocs found from behaviour beside blocs declared: UN voting blocs, alliance blocs, and the
organisations states belong to, compared state by state.

- *Voting blocs*: Leiden communities (modularity, seed 0) of the year's agreement network, in
  which two states are tied by how much more they agree than the assembly's pairs do on average
  (agree_half less its mean over all pairs, where positive). Without that baseline the
  network is nearly complete and uniform, and modularity finds no structure.
- *Alliance blocs*: the communities of the year's ATOP network (defence ties unless another
  obligation is asked), as ``multipolar network`` finds them.
- *Declared blocs*: each state's first organisation, in the order given, that it belongs to on
  the year's middle day of voting (a state in none has no declared bloc and is left out of the
  comparisons with it).

Each pair of partitions is compared by the adjusted Rand index (igraph's, over the states both
place: 1 identical, about 0 no better than chance), and each revealed bloc is listed with its
overlap with the declared blocs, so that a reader sees where declared and revealed blocs differ.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from multipolar.alignment import votes as un
from multipolar.alignment.voting_blocs import year_matrices
from multipolar.answer import Answer
from multipolar.errors import CoverageError

# declared blocs, a state going to the first it belongs to: alliances, then regional bodies
DECLARED = (
    "NATO",
    "WARSAW_PACT",
    "CSTO",
    "CST",
    "SCO",
    "EU",
    "EEC",
    "ARAB_LEAGUE",
    "AU",
    "OAU",
    "OAS",
    "ASEAN",
)


def voting_communities(year: int, issue: str | None = None) -> dict[int, int]:
    """COW code -> voting community (0 the largest) for the year's voters."""
    import igraph as ig
    import leidenalg as la

    states, m = year_matrices(year, issue)
    if not m:
        return {}
    agree = m["agree_half"].copy()
    np.fill_diagonal(agree, np.nan)
    weights = np.nan_to_num(np.clip(agree - np.nanmean(agree), 0, None))
    g = ig.Graph.Weighted_Adjacency(weights.tolist(), mode="undirected", attr="weight", loops=False)
    partition = la.find_partition(g, la.ModularityVertexPartition, weights="weight", seed=0)
    return dict(zip((int(c) for c in states), _by_size(partition.membership), strict=True))


def alliance_communities(year: int, obligation: str | None) -> dict[int, int]:
    """COW code -> alliance community (0 the largest) for allied states in the year."""
    from multipolar.alignment import alliance_networks as nets

    g = nets.year_graph(year, nets.obligation_column(obligation) and obligation, False)
    membership = nets.communities(g)
    allied = [v for v in range(g.vcount()) if g.degree(v) > 0]
    labels = _by_size([membership[v] for v in allied])
    return {int(g.vs[v]["cow"]): label for v, label in zip(allied, labels, strict=True)}


def _by_size(membership: list[int]) -> list[int]:
    """Community labels renumbered 0, 1, ... from the largest; of equal sizes, the one whose
    first member comes first."""
    sizes = {label: membership.count(label) for label in dict.fromkeys(membership)}
    rank = {label: i for i, label in enumerate(sorted(sizes, key=lambda label: -sizes[label]))}
    return [rank[m] for m in membership]


def declared_blocs(day, orgs) -> dict[int, str]:
    """COW code -> the first organisation of ``orgs`` it belongs to on ``day``."""
    from multipolar.orgs import registry

    out: dict[int, str] = {}
    for org in orgs:
        if not registry.organisation(org).existed_on(day):
            continue
        rows = registry.on(day, registry.organisation(org).id)
        for cow in rows.loc[rows["status"] == "member", "cow"].dropna():
            out.setdefault(int(cow), org)
    return out


def adjusted_rand(one: dict[int, object], other: dict[int, object]) -> tuple[float | None, int]:
    """The adjusted Rand index of two labellings over the states both give, and their number."""
    import igraph as ig

    shared = sorted(set(one) & set(other))
    if len(shared) < 2:
        return None, len(shared)
    codes = [pd.factorize(pd.Series([labels[c] for c in shared]))[0].tolist() for labels in (one, other)]
    return float(ig.compare_communities(codes[0], codes[1], method="adjusted_rand")), len(shared)


def blocs(
    year: int | str | None = None,
    declared: list[str] | str | None = None,
    issue: str | None = None,
    obligation: str | None = "defense",
) -> Answer:
    """For a year: the voting blocs and the alliance blocs found from behaviour, each state's
    declared bloc, the adjusted Rand index between each pair of these partitions, and how each
    revealed bloc overlaps the declared ones. Years outside the votes (1946-2019) or ATOP's
    dyad-years (1816-2018) are refused with the reason."""
    from multipolar.alignment.alliance_networks import LAST_YEAR as ATOP_LAST
    from multipolar.dates import parse_year

    code = un.issue_code(issue)
    y = parse_year(year) if year is not None else un.LAST_YEAR - 1
    if not un.FIRST_YEAR <= y <= min(un.LAST_YEAR, ATOP_LAST):
        raise CoverageError(
            f"Blocs from behaviour need UN votes ({un.FIRST_YEAR}-{un.LAST_YEAR}) and ATOP alliances "
            f"(to {ATOP_LAST}); {y} is outside them.",
            f"Give a year from {un.FIRST_YEAR} to {min(un.LAST_YEAR, ATOP_LAST)}.",
        )
    orgs = (
        [o.strip() for o in declared.split(",")] if isinstance(declared, str) else list(declared or DECLARED)
    )
    from multipolar.orgs import registry

    orgs = [registry.organisation(o).id for o in orgs]  # one clear error for an unknown name
    day = un.middle_day(y)
    voting = voting_communities(y, code)
    allied = alliance_communities(y, obligation)
    said = declared_blocs(day, orgs)
    states = sorted(set(voting) | set(allied) | set(said))
    rows = []
    for cow in states:
        label = un.state_label(cow, y)
        rows.append(
            {
                "iso3": label["iso3"] or f"cow:{cow}",
                "name": label["name"],
                "cow": cow,
                "declared": said.get(cow),
                "voting": f"V{voting[cow] + 1}" if cow in voting else None,
                "alliance": f"A{allied[cow] + 1}" if cow in allied else None,
            }
        )
    table = pd.DataFrame(rows).sort_values(
        ["voting", "alliance", "iso3"], na_position="last", ignore_index=True
    )
    comparisons = []
    for first, second, a, b in (
        ("voting", "declared", voting, said),
        ("alliance", "declared", allied, said),
        ("voting", "alliance", voting, allied),
    ):
        ari, n = adjusted_rand(a, b)
        comparisons.append({"revealed": first, "against": second, "adjusted_rand": ari, "states": n})
    overlap = _overlap(table, "voting") + _overlap(table, "alliance")
    notes = [
        f"Declared blocs as of {day.isoformat()} (the year's middle day of UN voting), each state in the "
        f"first of {', '.join(orgs)} it belongs to; states in none are left out of comparisons with them.",
        "Voting blocs: Leiden communities of agreement above the assembly's mean; alliance blocs: Leiden "
        f"communities of ATOP {obligation or 'any-obligation'} ties. Adjusted Rand index: 1 identical, "
        "about 0 no better than chance.",
    ]
    params = {"year": y, "declared": orgs, "issue": code, "obligation": obligation}
    from multipolar.orgs.registry import MEMBERSHIPS_SOURCE, ORGANISATIONS_SOURCE

    sources = [*un.SOURCES, "atop_alliance", ORGANISATIONS_SOURCE, MEMBERSHIPS_SOURCE]
    extra = {"comparisons": comparisons, "overlap": overlap}
    return Answer("blocs", params, table, "states", notes, sources, extra)


def _overlap(table: pd.DataFrame, column: str) -> list[dict]:
    """Each revealed bloc: its size, its declared blocs by count, the best-matching declared bloc
    with the Jaccard overlap, and its members without that declared bloc."""
    out = []
    for label, part in table.dropna(subset=[column]).groupby(column, sort=True):
        counts = part["declared"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
        best = counts.index[0] if len(counts) else None
        jaccard = None
        if best is not None:
            declared = set(table.loc[table["declared"] == best, "iso3"])
            found = set(part["iso3"])
            jaccard = len(declared & found) / len(declared | found)
        out.append(
            {
                "kind": column,
                "bloc": label,
                "size": len(part),
                "declared": {k: int(v) for k, v in counts.items()},
                "undeclared": int(part["declared"].isna().sum()),
                "best_match": best,
                "jaccard": jaccard,
                "others": sorted(part.loc[part["declared"] != best, "iso3"]),
            }
        )
    return out
