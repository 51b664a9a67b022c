"""Event data (GDELT 1.0 and 2.0, ICEWS, PLOVER/POLECAT) aggregated to dyads and blocs, on
DuckDB or Spark through one Ibis query layer, or compiled to SQL for BigQuery."""

from multipolar.events.api import event_blocs, events, events_sql, import_events

__all__ = ["event_blocs", "events", "events_sql", "import_events"]
