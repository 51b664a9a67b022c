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
) -> Answer:
    """Draw ``kind`` (alignment, cohesion or network) to ``path``; the Answer holds the numbers."""
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
        frame = pd.concat(
            [
                rows[["year", "bloc", "agree"]].rename(columns={"bloc": "series", "agree": "value"}),
                assembly.rename(columns={"assembly_agree": "value"}),
            ],
            ignore_index=True,
        )
        title = "Cohesion of blocs in UN General Assembly votes (mean pairwise share of identical votes)"
        ylabel = "Mean share of identical votes"
        panels = None
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
