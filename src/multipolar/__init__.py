"""multipolar: the structure of the international system on any day since 1816.

    import multipolar as mp
    mp.states("2008-09-07")

Every public function returns an :class:`~multipolar.answer.Answer` (or a panel), whose
``to_pandas()``, ``to_polars()``, ``to_arrow()`` and ``to_dict()`` give the result and whose
``sources`` say which datasets (and versions) it came from. The CLI mirrors these functions.

The names below are imported when first used, so that ``import multipolar`` (and every
``multipolar`` command) does not pay for pandas, DuckDB or spaCy before it needs them.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from multipolar import lazy

# public name -> the module that defines it
_API = {
    "Answer": "multipolar.answer",
    "ArticleReport": "multipolar.articles",
    "Brief": "multipolar.brief",
    "MultipolarError": "multipolar.errors",
    "Panel": "multipolar.panels",
    "agreement": "multipolar.alignment",
    "alliance": "multipolar.orgs",
    "alliances": "multipolar.orgs",
    "alignment": "multipolar.alignment",
    "blocs": "multipolar.alignment",
    "brief": "multipolar.brief",
    "changes": "multipolar.orgs",
    "cite": "multipolar.data.manage",
    "cohesion": "multipolar.alignment",
    "commitments": "multipolar.orgs",
    "compare": "multipolar.power.blocs",
    "create_dyaddays": "multipolar.events",
    "create_dyadmonths": "multipolar.events",
    "create_dyadyears": "multipolar.panels",
    "create_leaderdays": "multipolar.panels",
    "create_leaderdyadyears": "multipolar.panels",
    "create_leaderyears": "multipolar.panels",
    "create_statedays": "multipolar.panels",
    "create_stateyears": "multipolar.panels",
    "data_list": "multipolar.data.manage",
    "event_blocs": "multipolar.events",
    "events": "multipolar.events",
    "events_sql": "multipolar.events",
    "history": "multipolar.orgs",
    "ideal_points": "multipolar.alignment",
    "import_events": "multipolar.events",
    "members": "multipolar.orgs",
    "memberships": "multipolar.orgs",
    "network": "multipolar.alignment",
    "orgs": "multipolar.orgs",
    "paths": "multipolar.data.manage",
    "plot": "multipolar.power.plot",
    "polarity": "multipolar.power.polarity",
    "power": "multipolar.power.measures",
    "pull": "multipolar.data.manage",
    "read_article": "multipolar.articles",
    "read_articles": "multipolar.articles.batch",
    "resolve": "multipolar.states",
    "scenario": "multipolar.power.blocs",
    "states": "multipolar.states",
    "verify": "multipolar.data.manage",
}

__all__ = sorted(_API)


__getattr__, __dir__ = lazy.exports(__name__, _API)


class _Package(types.ModuleType):
    """Importing a sub-package (``multipolar.states``) binds its module on this package under the
    same name as a public function (``mp.states``); the function keeps the name, as it did when
    this file imported every function at once.

    So ``mp.brief``, ``mp.states``, ``mp.orgs`` and ``mp.alignment`` are always the functions a
    user calls, and ``import multipolar.brief as b`` (or ``import multipolar.states.identity as
    identity``) gives the function too, or fails: Python's ``import a.b as c`` looks ``b`` up as
    an attribute. Import those sub-packages' modules with ``from``: ``from multipolar.brief import
    assemble``, ``from multipolar.states import identity``, as the code base does."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
