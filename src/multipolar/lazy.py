"""``pd = lazy.load("pandas")``: a library imported on its first use rather than with the module.

``multipolar members NATO`` answers from small curated files in a fraction of a second, while
importing pandas and NumPy alone takes half a second. The modules on such quick paths (answers,
the registries) load their data libraries this way, so that a command pays for them only if it
uses them. Annotations (``-> pd.DataFrame``) cost nothing: they stay strings.
"""

from __future__ import annotations

import importlib
from typing import Any


class Library:
    """Stands for a module until an attribute is asked for, then imports it and answers."""

    __slots__ = ("_name",)

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<library {self._name!r}, imported on first use>"


def load(name: str) -> Any:
    """``name`` (a module) imported when first used: ``pd = load("pandas")``."""
    return Library(name)
