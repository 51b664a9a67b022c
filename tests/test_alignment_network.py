"""Alliance networks: balance and blocs by hand, real years, NA where disputes are not known."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import multipolar as mp
from multipolar.alignment import alliance_networks as nets
from multipolar.errors import CoverageError, InputError


def test_balance_by_hand():
    # states 1-2-3: two allies and a common enemy (+, -, -): balanced; states 3-4-5: three
    # enemies (-, -, -): unbalanced; the dyad 5-6 is both allied and in dispute: no sign
    positive = np.array([[1, 2], [5, 6]])
    negative = np.array([[1, 3], [2, 3], [3, 4], [4, 5], [3, 5], [5, 6]])
    g = nets.graph([1, 2, 3, 4, 5, 6], positive, negative)
    facts = nets.balance(g)
    assert facts == {"negative_edges": 6, "mixed": 1, "triangles": 2, "balance": 0.5}


def test_effective_blocs_by_hand():
    # two cliques of three allied states and one isolate: two equal blocs
    positive = np.array([[1, 2], [1, 3], [2, 3], [4, 5], [4, 6], [5, 6]])
    g = nets.graph([1, 2, 3, 4, 5, 6, 7], positive)
    membership = nets.communities(g)
    facts = nets.summary(g, membership, signed=False)
    assert facts["allied"] == 6 and facts["communities"] == 2
    assert facts["effective_blocs"] == pytest.approx(2.0)
    assert facts["largest_bloc"] == pytest.approx(0.5)
    assert membership[0] == membership[1] == membership[2] != membership[3]


def test_signed_partition_keeps_disputants_apart():
    # a chain of allies 1-2-3-4 with a dispute between 2 and 3 splits into {1,2} and {3,4}
    positive = np.array([[1, 2], [2, 3], [3, 4]])
    negative = np.array([[2, 3], [1, 4], [1, 3], [2, 4]])
    membership = nets.communities(nets.graph([1, 2, 3, 4], positive, negative))
    assert membership[0] == membership[1] != membership[2] == membership[3]


def test_defence_network_2008():
    # the Rio Treaty ties the United States to the Americas more densely than NATO does to
    # Europe, where NATO and the EU's mutual-defence clause overlap: modularity splits the two
    answer = mp.network(year=2008, obligation="defence")
    rows = answer.rows.set_index("iso3")
    europe = rows.loc["GBR", "community"]
    for ally in ("DEU", "POL", "TUR", "CAN", "FRA"):
        assert rows.loc[ally, "community"] == europe
    usa = rows.loc["USA", "community"]
    assert rows.loc["BRA", "community"] == rows.loc["MEX", "community"] == usa
    assert rows.loc["RUS", "community"] == rows.loc["KAZ", "community"] not in (usa, europe)
    assert rows.loc["CHN", "community"] not in (usa, europe)
    assert rows.loc["USA", "degree"] == rows["degree"].max()
    facts = answer.extra["summary"]
    assert 2 <= facts["effective_blocs"] <= facts["communities"]
    assert 0 < facts["modularity"] < 1
    assert answer.params["obligation"] == "defense"


# the signed 2008 defence network: ties in degree and near-ties in centrality to order, a
# multiplex Leiden partition; the blocs from behaviour add voting communities
SAME_EVERY_TIME = (
    "import multipolar as mp; "
    "print(mp.network(year=2008, obligation='defense', signed=True).to_json()); "
    "print(mp.blocs(year=2008).to_json())"
)


def test_the_same_answer_on_every_call_and_in_every_process():
    def answer() -> str:
        return (
            mp.network(year=2008, obligation="defense", signed=True).to_json()
            + "\n"
            + mp.blocs(year=2008).to_json()
        )

    first = answer()
    assert answer() == first
    other = subprocess.run(
        [sys.executable, "-c", SAME_EVERY_TIME], capture_output=True, text=True, check=True
    ).stdout
    assert other.strip() == first.strip()


def test_eigenvector_centrality_by_hand():
    # a star of three leaves: the hub's centrality is sqrt(3) times a leaf's; the isolate's 0
    g = nets.graph([1, 2, 3, 4, 5], np.array([[1, 2], [1, 3], [1, 4]]))
    assert nets.eigenvector_centrality(g) == pytest.approx([1, 3**-0.5, 3**-0.5, 3**-0.5, 0], abs=1e-12)
    rows = nets.node_table(g, nets.communities(g), 2000)
    assert rows["cow"].tolist() == [1, 2, 3, 4, 5]  # tied leaves in COW order


def test_a_day_uses_alliances_in_force_that_day():
    answer = mp.network(date="1914-06-28", obligation="defense")
    blocs = [set(b["members"]) for b in answer.extra["blocs"]]
    # the Triple Alliance and the Franco-Russian alliance are apart
    assert any(len(b) >= 3 for b in blocs)
    rows = answer.rows.set_index("cow")
    assert rows.loc[255, "community"] == rows.loc[300, "community"]  # Germany, Austria-Hungary
    assert rows.loc[220, "community"] == rows.loc[365, "community"]  # France, Russia
    assert rows.loc[255, "community"] != rows.loc[220, "community"]


def test_series_signed_is_na_after_the_disputes_end():
    answer = mp.network(start=2009, end=2012, signed=True)
    rows = answer.rows.set_index("year")
    assert rows.loc[2010, "balance"] > 0.9
    assert rows.loc[[2011, 2012], "balance"].isna().all()
    assert rows.loc[2012, "effective_blocs"] > 1  # alliances are still known
    assert any("1816-2010" in n and "NA" in n for n in answer.notes)


def test_series_years_outside_atop_are_na_with_a_note():
    answer = mp.network(start=2017, end=2020)
    rows = answer.rows.set_index("year")
    assert rows.loc[2018, "nodes"] > 190 and rows.loc[2018, "effective_blocs"] > 1
    assert rows.loc[[2019, 2020]].isna().all().all()  # NA, never 0
    assert any("1816-2018" in n and "2019-2020" in n and "NA" in n for n in answer.notes)
    assert answer.to_dict()["years"][-1]["nodes"] is None
    with pytest.raises(CoverageError):  # one year outside is refused with the reason
        mp.network(year=2020)


def test_pooled_window():
    answer = mp.network(start=1993, end=2001, obligation="defense", signed=True, pool=True)
    assert answer.params["from"] == 1993 and answer.params["to"] == 2001
    assert 4 <= answer.extra["summary"]["communities"] <= 8
    assert answer.extra["summary"]["balance"] > 0.9


def test_bad_input():
    with pytest.raises(CoverageError):
        mp.network(year=2019)
    with pytest.raises(CoverageError):
        mp.network(date="2020-01-01")
    with pytest.raises(InputError, match="not both"):
        mp.network(year=2000, date="2000-01-01")
    with pytest.raises(InputError, match="range"):
        mp.network(year=2000, pool=True)
    with pytest.raises(InputError, match="obligation"):
        mp.network(year=2000, obligation="friendship")


def test_cli(run_cli):
    code, out, _ = run_cli("network", "--year", "1950", "--obligation", "defense", "--top", "3")
    assert code == 0 and "bloc" in out and "effective_blocs" in out
    code, out, _ = run_cli("network", "--from", "1946", "--to", "1950", "--json")
    assert code == 0 and '"years"' in out
    code, _, err = run_cli("network", "--year", "2019")
    assert code == 2 and "2018" in err and "Traceback" not in err
