"""How shares are shown to people: percentages in every table and sentence, fractions in JSON.

``power``, ``compare``, ``polarity`` and the brief all format a share with ``percent`` and a
change of share with ``signed``, so the same figure reads the same wherever it appears. The CLI's
tables format the columns named in ``PERCENT_COLUMNS`` and ``POINTS_COLUMNS`` this way.
"""

from __future__ import annotations

PERCENT_COLUMNS = ("share", "leader_share", "share_before")  # fractions of a whole
POINTS_COLUMNS = ("change",)  # differences of two shares


def percent(share: float | None) -> str:
    """0.2021 -> '20.2%'; None -> 'NA'."""
    return "NA" if share is None else f"{share * 100:.1f}%"


def signed(change: float | None) -> str:
    """0.106 -> '+10.6 points'; None -> 'NA'."""
    return "NA" if change is None else f"{change * 100:+.1f} points"
