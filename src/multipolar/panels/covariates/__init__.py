"""The covariate registry: every ``add_<name>(panel, **options) -> Panel`` function.

Each module in this package holds the covariates of one source family. Every module-level
function whose name starts with ``add_`` is registered here under its name without the prefix
(``nmc`` for ``add_nmc``) and becomes a Panel method (``panel.add_nmc()``), so a new covariate
module needs no edit anywhere else. The CLI's ``--add nmc`` looks names up in COVARIATES.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

from multipolar.errors import unknown
from multipolar.panels.panel import Panel

Covariate = Callable[..., Panel]


def _discover() -> dict[str, Covariate]:
    found: dict[str, Covariate] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("add_") and function.__module__ == module.__name__:
                found[name.removeprefix("add_")] = function
    return dict(sorted(found.items()))


COVARIATES: dict[str, Covariate] = _discover()

for _name, _function in COVARIATES.items():
    setattr(Panel, f"add_{_name}", _function)


def covariate(name: str) -> Covariate:
    """The covariate called ``name`` (with or without the ``add_`` prefix)."""
    key = name.strip().lower().removeprefix("add_")
    if key in COVARIATES:
        return COVARIATES[key]
    raise unknown(
        "covariate",
        name,
        COVARIATES,
        f"Available covariates: {', '.join(COVARIATES)}.",
    )
