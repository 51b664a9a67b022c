"""The brief: the structure of the international system on one day, on one page.

The names below are imported on first use, so that the command line can read the brief's
formats and default measures (``model``) without loading pandas.
"""

from __future__ import annotations

from multipolar import lazy

_NAMES = {
    "brief": "multipolar.brief.assemble",
    "Brief": "multipolar.brief.model",
    "Chart": "multipolar.brief.model",
    "Section": "multipolar.brief.model",
    "Table": "multipolar.brief.model",
}

__all__ = sorted(_NAMES)
__getattr__, __dir__ = lazy.exports(__name__, _NAMES)
