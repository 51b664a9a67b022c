"""Organisations, blocs and ATOP alliances as of any day (curated CSVs in data/, ATOP 5.1)."""

from multipolar.orgs.queries import (
    alliance,
    alliances,
    changes,
    commitments,
    history,
    members,
    memberships,
    orgs,
)

__all__ = ["alliance", "alliances", "changes", "commitments", "history", "members", "memberships", "orgs"]
