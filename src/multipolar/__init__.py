"""multipolar: the structure of the international system on any day since 1816.

    import multipolar as mp
    mp.states("2008-09-07")

Every public function returns an :class:`~multipolar.answer.Answer` (or a panel), whose
``to_pandas()``, ``to_polars()``, ``to_arrow()`` and ``to_dict()`` give the result and whose
``sources`` say which datasets (and versions) it came from. The CLI mirrors these functions.
"""

from multipolar.answer import Answer
from multipolar.articles import ArticleReport, read_article
from multipolar.brief import Brief, brief
from multipolar.data.manage import cite, data_list, paths, pull, verify
from multipolar.errors import MultipolarError
from multipolar.orgs import alliance, alliances, commitments, history, members, memberships, orgs
from multipolar.panels import Panel, create_dyadyears, create_stateyears
from multipolar.power.blocs import compare, scenario
from multipolar.power.measures import power
from multipolar.power.plot import plot
from multipolar.power.polarity import polarity
from multipolar.states import resolve, states

__all__ = [
    "Answer",
    "ArticleReport",
    "Brief",
    "MultipolarError",
    "Panel",
    "alliance",
    "alliances",
    "brief",
    "cite",
    "commitments",
    "compare",
    "create_dyadyears",
    "create_stateyears",
    "data_list",
    "history",
    "members",
    "memberships",
    "orgs",
    "paths",
    "plot",
    "polarity",
    "power",
    "pull",
    "read_article",
    "resolve",
    "scenario",
    "states",
    "verify",
]
