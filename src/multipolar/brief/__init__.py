"""The brief: the structure of the international system on one day, on one page."""

from multipolar.brief.assemble import brief
from multipolar.brief.model import Brief, Chart, Section, Table

__all__ = ["Brief", "Chart", "Section", "Table", "brief"]
