"""Event data (GDELT 1.0 and 2.0, ICEWS, POLECAT, PLOVER) aggregated to dyads and blocs, and
dyad-month and dyad-day panels, on DuckDB or Spark through one Ibis query layer, or compiled to
SQL for BigQuery."""

from multipolar.events.api import event_blocs, events, events_sql, import_events
from multipolar.events.dyadpanels import create_dyaddays, create_dyadmonths

__all__ = ["create_dyaddays", "create_dyadmonths", "event_blocs", "events", "events_sql", "import_events"]
