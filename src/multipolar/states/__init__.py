"""The state system (COW, Gleditsch-Ward) and what country names and codes mean on a day."""

from multipolar.states.identity import resolve
from multipolar.states.system import states

__all__ = ["resolve", "states"]
