"""Where multipolar keeps its cache and where it downloads from.

``MULTIPOLAR_HOME`` moves the cache (default: the platform's user cache dir);
``MULTIPOLAR_MIRROR`` (a directory laid out like the mirror, or an http(s) base URL) replaces
the canonical URLs for air-gapped work and for tests. Both are read on every call so that a
process can change them (the CLI's ``--mirror`` does).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home() -> Path:
    """The root of the per-user cache."""
    configured = os.environ.get("MULTIPOLAR_HOME")
    return Path(configured).expanduser() if configured else Path(platformdirs.user_cache_dir("multipolar"))


def raw_dir() -> Path:
    """Downloaded files, verified, exactly as published."""
    return home() / "raw"


def store_dir() -> Path:
    """Columnar (Parquet) conversions of the raw files."""
    return home() / "store"


def mirror() -> str | None:
    """The configured mirror (directory or base URL), or None for canonical URLs."""
    value = os.environ.get("MULTIPOLAR_MIRROR", "").strip()
    return value or None


def set_mirror(value: str | None) -> None:
    """Use ``value`` as the mirror for the rest of this process."""
    if value:
        os.environ["MULTIPOLAR_MIRROR"] = value
    else:
        os.environ.pop("MULTIPOLAR_MIRROR", None)
