"""Who stands with whom: UN General Assembly voting, bloc cohesion and alliance networks."""

from multipolar.alignment.alliance_networks import network
from multipolar.alignment.dyads import agreement, alignment
from multipolar.alignment.ideal import ideal_points
from multipolar.alignment.revealed import blocs
from multipolar.alignment.voting_blocs import cohesion

__all__ = ["agreement", "alignment", "blocs", "cohesion", "ideal_points", "network"]
