"""Where multipolar keeps its cache and where it downloads from.

``MULTIPOLAR_HOME`` moves the cache (default: the platform's user cache dir);
``MULTIPOLAR_MIRROR`` (a directory laid out like the mirror, or an http(s) base URL) replaces
the canonical URLs for air-gapped work and for tests. Both are read on every call so that a
process can change them (the CLI's ``--mirror`` does). A relative path in either is resolved
once, against the folder it was given in, and written back as an absolute path: a later change
of the working folder (a test's, the server's) or a worker process started elsewhere finds the
same files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home() -> Path:
    """The root of the per-user cache."""
    configured = _absolute("MULTIPOLAR_HOME")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("multipolar"))


def _absolute(variable: str) -> str | None:
    """The folder in ``variable``, made absolute the first time it is read relative (and kept
    so in the environment); an http(s) address as it is."""
    value = os.environ.get(variable, "").strip()
    if not value or value.lower().startswith(("http://", "https://")):
        return value or None
    if not os.path.isabs(value):
        value = str(Path(value).expanduser().absolute())
        os.environ[variable] = value
    return value


def raw_dir() -> Path:
    """Downloaded files, verified, exactly as published."""
    return home() / "raw"


def store_dir() -> Path:
    """Columnar (Parquet) conversions of the raw files."""
    return home() / "store"


def mirror() -> str | None:
    """The configured mirror (directory or base URL), or None for canonical URLs."""
    return _absolute("MULTIPOLAR_MIRROR")


def set_mirror(value: str | None) -> None:
    """Use ``value`` as the mirror for the rest of this process."""
    if value:
        os.environ["MULTIPOLAR_MIRROR"] = value
        mirror()  # a relative folder is resolved now, against the folder it was given in
    else:
        os.environ.pop("MULTIPOLAR_MIRROR", None)


# configuration time: a relative folder given to this process means the folder it was started in
mirror()
home()
