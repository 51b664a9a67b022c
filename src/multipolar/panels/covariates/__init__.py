"""The covariate registry: every ``add_<name>(panel, **options) -> Panel`` function.

Each module in this package holds the covariates of one source family. Every module-level
function whose name starts with ``add_`` is registered here under its name without the prefix
(``nmc`` for ``add_nmc``) and becomes a Panel method (``panel.add_nmc()``), so a new covariate
module needs no edit anywhere else. Steps that keep some rows (``filter_prd``) register the same
way, under their full name. The CLI's ``--add nmc`` looks names up in COVARIATES, and
its ``--set cow_wars.type=inter`` passes options, typed by the function's signature.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

from multipolar.errors import InputError, unknown
from multipolar.panels.panel import Panel

Covariate = Callable[..., Panel]


def _discover() -> dict[str, Covariate]:
    found: dict[str, Covariate] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith(("add_", "filter_")) and function.__module__ == module.__name__:
                found[name.removeprefix("add_")] = function
    return dict(sorted(found.items()))


COVARIATES: dict[str, Covariate] = _discover()

for _function in COVARIATES.values():
    setattr(Panel, _function.__name__, _function)


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


def options(name: str) -> dict[str, inspect.Parameter]:
    """The options covariate ``name`` takes: its parameters after the panel."""
    return dict(list(inspect.signature(covariate(name)).parameters.items())[1:])


def parse_options(name: str, settings: dict[str, str]) -> dict[str, object]:
    """Options given as text (``{"type": "inter", "orgs": "NATO,SCO"}``) as keyword arguments,
    converted by the annotation: lists split on commas, booleans from true/false, numbers."""
    known = options(name)
    out: dict[str, object] = {}
    for option, text in settings.items():
        if option not in known:
            takes = ", ".join(known) or "no options"
            raise InputError(f"Covariate {name!r} has no option {option!r}.", f"It takes: {takes}.")
        out[option] = _typed(name, option, str(known[option].annotation), text.strip())
    return out


def _typed(name: str, option: str, annotation: str, text: str) -> object:
    if text.lower() in ("none", "") and "None" in annotation:
        return None
    if annotation == "bool":
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise InputError(
                f"{name}.{option} must be true or false, not {text!r}.", f"Write {name}.{option}=true."
            )
        return text.lower() in ("true", "1", "yes")
    if annotation in ("int", "float"):
        try:
            return int(text) if annotation == "int" else float(text)
        except ValueError:
            raise InputError(f"{name}.{option} must be a number, not {text!r}.", "Give a number.") from None
    if "list" in annotation and ("," in text or not annotation.startswith("str")):
        return [part.strip() for part in text.split(",") if part.strip()]
    return text
