"""Who stands with whom: UN General Assembly voting, bloc cohesion and alliance networks."""

from multipolar.alignment.dyads import agreement, alignment

__all__ = ["agreement", "alignment"]
