"""Importing on first use: ``pd = lazy.load("pandas")`` for a library, ``exports`` for a package's
public names.

``multipolar members NATO`` answers from small curated files in a fraction of a second, while
importing pandas and NumPy alone takes half a second. The modules on such quick paths (answers,
the registries) load their data libraries this way, so that a command pays for them only if it
uses them. Annotations (``-> pd.DataFrame``) cost nothing: they stay strings.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
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


def exports(package: str, names: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` for public names (``names``: name -> the module
    that defines it) imported on first use: ``import multipolar`` and the command line's help
    load nothing of pandas, DuckDB or spaCy until a function that needs them is called."""
    module = sys.modules[package]

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(names[name]), name)
        setattr(module, name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(module)) | set(names))

    return __getattr__, __dir__
