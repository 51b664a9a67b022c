"""Charts of alignment over time, drawn with the power charts' ``line_chart`` (sources in the
caption, written atomically): a state's agreement with others, blocs' cohesion beside the
assembly's, and the alliance network's blocs and balance."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from multipolar.answer import Answer
from multipolar.errors import unknown

KINDS = ("alignment", "cohesion", "network")
MIN_VOTES = 10  # a year with fewer shared votes is not drawn (1964 held one roll call)


def chart(
    kind: str,
    path: str | Path,
    start: int | str | None = None,
    end: int | str | None = None,
    state: str | None = None,
    with_: str | list[str] | None = None,
    blocs: list[str] | str | None = None,
    issue: str | None = None,
    obligation: str | None = None,
    signed: bool = False,
    year: int | str | None = None,
) -> Answer:
    """Draw ``kind`` (alignment, cohesion or network) to ``path``; the Answer holds the numbers.
    For network, ``year`` draws that year's graph, states coloured by Leiden bloc."""
    from multipolar.power.plot import check_path, line_chart, require_values

    if kind not in KINDS:
        raise unknown("chart", kind, KINDS, f"Choose one of: {', '.join(KINDS)}.")
    target = check_path(path)
    if kind == "alignment":
        from multipolar.alignment.dyads import alignment

        answer = alignment(state or "IND", with_ or ("USA", "RUS", "CHN"), start, end, issue)
        p = answer.params
        frame = answer.rows.rename(columns={"partner": "series", "agree": "value"})
        thin = frame["n_votes"].fillna(0) < MIN_VOTES
        frame.loc[thin, "value"] = None
        if (thin & frame["year"].between(1946, 2019)).any():
            answer.notes.append(f"Years with fewer than {MIN_VOTES} shared votes are not drawn.")
        topic = f" ({p['issue']} votes)" if p["issue"] else ""
        title = f"{p['state']}'s agreement with {', '.join(p['with'])} in UN General Assembly votes{topic}"
        ylabel = "Share of identical votes"
        panels = None
    elif kind == "cohesion":
        from multipolar.alignment.voting_blocs import SEED_BLOCS, cohesion

        answer = cohesion(blocs or SEED_BLOCS, start=start or 2001, end=end or 2019, issue=issue)
        p = answer.params
        rows = answer.rows
        assembly = rows.drop_duplicates("year")[["year", "assembly_agree"]].assign(series="Assembly mean")
        parts = [
            rows[["year", "bloc", "agree"]].rename(columns={"bloc": "series", "agree": "value"}),
            assembly.rename(columns={"assembly_agree": "value"}),
        ]
        names = list(dict.fromkeys(rows["bloc"]))
        if len(names) == 2:  # two blocs: how far apart they vote, as the seed's SCO against NATO
            between = pd.DataFrame(answer.extra["between"], columns=["year", "bloc", "other", "agree"])
            between = between[(between["bloc"] == names[0]) & (between["other"] == names[1])]
            parts.append(
                between.assign(series=f"{names[0]} vs {names[1]}")[["year", "series", "agree"]].rename(
                    columns={"agree": "value"}
                )
            )
        frame = pd.concat(parts, ignore_index=True)
        from multipolar.alignment.votes import THIN_YEAR, held

        thin = frame["year"].map(held) < THIN_YEAR
        frame.loc[thin, "value"] = None
        if (thin & frame["year"].between(1946, 2019)).any():
            answer.notes.append(f"Years with fewer than {THIN_YEAR} roll calls are not drawn.")
        title = "Cohesion of blocs in UN General Assembly votes (mean pairwise share of identical votes)"
        if len(names) == 2:
            title = f"{names[0]} and {names[1]} in UN General Assembly votes: cohesion and distance"
        ylabel = "Mean share of identical votes"
        panels = None
    elif year is not None:
        return graph_chart(target, year, obligation, signed)
    else:
        from multipolar.alignment.alliance_networks import network

        answer = network(obligation=obligation, signed=signed, start=start or 1816, end=end or 2018)
        p = answer.params
        names = {
            "modularity": "Modularity",
            "largest_bloc": "Largest bloc's share of allied states",
            "effective_blocs": "Effective number of blocs",
        }
        if signed:
            names["balance"] = "Share of balanced triangles"
        frame = answer.rows.melt(id_vars="year", value_vars=list(names), var_name="series")
        frame["series"] = frame["series"].map(names)
        kind_of = f"{p['obligation']} " if p["obligation"] else ""
        title = f"ATOP {kind_of}alliance network: Leiden blocs" + (
            " and balance with disputes" if signed else ""
        )
        ylabel = "Index (0-1)"
        panels = {"Effective number of blocs": "Effective number of blocs"}
    require_values(frame, kind, p["from"], p["to"], "Give years the data cover.")
    line_chart(frame[["year", "series", "value"]], target, title, ylabel, answer.sources, panels)
    return dataclasses.replace(
        answer, kind="plot", key="data", params={"kind": kind, **p}, extra={"path": str(target)}
    )


def graph_chart(target: Path, year: int | str, obligation: str | None, signed: bool) -> Answer:
    """One year's alliance graph: allied states placed by a force-directed layout (fixed seed),
    coloured by Leiden bloc, the most allied labelled; disputes dashed red when signed."""
    from matplotlib.figure import Figure

    from multipolar.alignment import alliance_networks as nets
    from multipolar.power.plot import _save, caption

    answer = nets.network(year=year, obligation=obligation, signed=signed)
    p = answer.params
    g = nets.year_graph(p["year"], p["obligation"], signed)
    rows = answer.rows.set_index("cow")
    allied = [v.index for v in g.vs if rows.loc[v["cow"], "degree"] > 0]
    sub = g.subgraph(allied)
    layout = sub.layout_fruchterman_reingold(seed=[[i % 7, i // 7] for i in range(sub.vcount())], niter=500)
    xy = layout.coords
    figure = Figure(figsize=(10, 8), layout="constrained")
    axis = figure.subplots()
    palette = [f"C{i}" for i in range(10)]
    for edge in sub.es:
        (x1, y1), (x2, y2) = xy[edge.source], xy[edge.target]
        negative = edge["sign"] < 0
        axis.plot(
            [x1, x2],
            [y1, y2],
            color="red" if negative else "0.75",
            linestyle="--" if negative else "-",
            linewidth=0.8 if negative else 0.3,
            zorder=1,
        )
    communities = [int(rows.loc[v["cow"], "community"]) for v in sub.vs]
    order = {c: i for i, c in enumerate(dict.fromkeys(b["community"] for b in answer.extra["blocs"]))}
    colours = [palette[order.get(c, 9) % 10] for c in communities]
    axis.scatter([x for x, _ in xy], [y for _, y in xy], c=colours, s=30, zorder=2, edgecolors="white")
    ranked = rows[rows["degree"] > 0].sort_values(["degree", "eigenvector"], ascending=False)
    # the 12 most allied states, and the most allied of each bloc
    labelled = set(ranked.head(12)["iso3"]) | set(ranked.drop_duplicates("community")["iso3"])
    for (x, y), v in zip(xy, sub.vs, strict=True):
        iso3 = rows.loc[v["cow"], "iso3"]
        if iso3 in labelled:
            axis.annotate(iso3, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    axis.set_axis_off()
    facts = answer.extra["summary"]
    kind_of = f"{p['obligation']} " if p["obligation"] else ""
    axis.set_title(
        f"ATOP {kind_of}alliances, {p['year']}: {facts['communities']} Leiden blocs, effective number "
        f"{facts['effective_blocs']:.1f}" + (", disputes dashed red" if signed else ""),
        loc="left",
        fontsize=12,
    )
    figure.text(
        0.01, 0.0, caption(answer.sources), fontsize=7.5, color="0.35", ha="left", va="top", wrap=True
    )
    _save(figure, target)
    return dataclasses.replace(
        answer, kind="plot", params={"kind": "network", **p}, extra={"path": str(target)}
    )
