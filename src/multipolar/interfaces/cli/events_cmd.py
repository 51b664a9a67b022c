"""``multipolar events aggregate | blocs | dyadmonths | dyaddays | import | sql | synthetic``: event
data and dyad panels on DuckDB or Spark.

Each command is a thin call of one public function; Ibis, DuckDB and pyspark load only inside
the command, so that ``multipolar --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="Event data (GDELT, ICEWS, POLECAT, PLOVER) by dyad and bloc, on DuckDB or Spark.",
    no_args_is_help=True,
)

SOURCE = typer.Argument(..., help="Files: paths, quoted globs, or s3:// gs:// URLs the engine reads.")
FORMAT = typer.Option(
    None, "--format", "-f", help="gdelt1, gdelt2, icews, polecat or plover (default: detected)."
)
ENGINE = typer.Option("duckdb", "--engine", "-e", help="duckdb (this process) or spark (local mode).")
PERIOD = typer.Option("month", "--period", "-p", help="day, month or year.")
ROOT_ONLY = typer.Option(False, "--root-only", help="Only GDELT's root events (IsRootEvent = 1).")
DEDUP = typer.Option(
    "auto",
    "--dedup",
    help="auto (as the source needs), none, id (one record per event id) or daily (one-a-day).",
)
START = typer.Option(None, "--start", help="First day, YYYY-MM-DD.")
END = typer.Option(None, "--end", help="Last day, YYYY-MM-DD.")
CODES = typer.Option("actor", "--codes", help="actor (the actors' countries) or geo (GDELT's FIPS places).")
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
DIRECTED = typer.Option(True, "--directed/--undirected", help="Source -> target, or each pair once.")
BLOCS = typer.Option(
    None, "--blocs", help="Organisations for same_bloc, e.g. NATO,SCO (default: all curated)."
)
OUTPUT = typer.Option(None, "--output", "-o", help="Write the rows to this .parquet file.")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="events")


@app.command("aggregate")
def aggregate_command(
    source: list[str] = SOURCE,
    format: str = FORMAT,
    engine: str = ENGINE,
    period: str = PERIOD,
    by: str = typer.Option(
        "quad", "--by", help="quad (QuadClass), root (CAMEO root code), category (PLOVER event) or none."
    ),
    directed: bool = DIRECTED,
    weight: str = typer.Option(
        "events", "--weight", "-w", help="Weight means by events, mentions, sources or articles."
    ),
    root_only: bool = ROOT_ONLY,
    dedup: str = DEDUP,
    start: str = START,
    end: str = END,
    blocs: str = BLOCS,
    codes: str = CODES,
    domestic: bool = typer.Option(False, "--domestic", help="Keep events within one state."),
    output: Path = OUTPUT,
    as_json: bool = JSON,
) -> None:
    """Dyad-period event counts, Goldstein and tone, with shared alliances and blocs that day."""
    arguments = dict(locals())
    from multipolar.events import events

    answer = _call(events, arguments)
    _emit(answer, as_json, f"Events by dyad and {answer.params['period']}: {len(answer)} rows")


@app.command("blocs")
def blocs_command(
    source: list[str] = SOURCE,
    bloc: str = typer.Option(
        ..., "--bloc", "-b", help="An organisation (SCO) or states separated by commas."
    ),
    other: str = typer.Option(None, "--other", help="A second bloc, e.g. NATO."),
    format: str = FORMAT,
    engine: str = ENGINE,
    period: str = PERIOD,
    root_only: bool = ROOT_ONLY,
    dedup: str = DEDUP,
    start: str = START,
    end: str = END,
    codes: str = CODES,
    as_json: bool = JSON,
) -> None:
    """Cooperation and conflict within a bloc, towards another bloc and towards the rest."""
    arguments = dict(locals())
    from multipolar.events import event_blocs

    answer = _call(event_blocs, arguments)
    _emit(answer, as_json, f"Bloc behaviour: {answer.params['bloc']}")


@app.command("import")
def import_command(
    source: list[str] = SOURCE,
    output: str = typer.Option(
        ..., "--output", "-o", help="The .parquet file to write (Spark: a folder, or an s3a:// URL)."
    ),
    format: str = FORMAT,
    engine: str = ENGINE,
    as_json: bool = JSON,
) -> None:
    """Convert published event files once to Parquet (checked against the codebook)."""
    arguments = dict(locals())
    from multipolar.events import import_events

    _emit(_call(import_events, arguments), as_json, "Imported")


@app.command("sql")
def sql_command(
    dialect: str = typer.Option("bigquery", "--dialect", "-d", help="bigquery, duckdb, spark, postgres, ..."),
    table: str = typer.Option("gdelt-bq.gdeltv2.events", "--table", "-t", help="The events table to query."),
    format: str = typer.Option(
        "gdelt2", "--format", "-f", help="The table's layout: gdelt2, gdelt1, polecat or plover."
    ),
    registry: str = typer.Option("multipolar", "--registry", help="Dataset holding the registry tables."),
    period: str = PERIOD,
    by: str = typer.Option("quad", "--by", help="quad, root, category or none."),
    directed: bool = DIRECTED,
    weight: str = typer.Option("events", "--weight", "-w"),
    root_only: bool = ROOT_ONLY,
    dedup: str = DEDUP,
    start: str = START,
    end: str = END,
    blocs: str = BLOCS,
    codes: str = CODES,
    tables_dir: Path = typer.Option(None, "--tables-dir", help="Write the registry tables here as CSV."),
    as_json: bool = JSON,
) -> None:
    """Print the dyad aggregation as SQL (BigQuery by default), for data that live there."""
    arguments = dict(locals())
    from multipolar.events import events_sql

    answer = _call(events_sql, arguments)
    if as_json:
        from multipolar.interfaces.cli.output import print_json

        print_json(answer.to_dict())
        return
    print(answer.extra["sql"])


def _panel_command(period: str):
    """The ``dyadmonths`` or ``dyaddays`` command: one definition for both periods."""

    def command(
        source: list[str] = typer.Argument(
            None, help="Event files to count (paths, quoted globs, URLs); none: the panel alone."
        ),
        start: str = typer.Option(None, "--start", help="First day (YYYY-MM-DD; YYYY-MM for months)."),
        end: str = typer.Option(None, "--end", help="Last day (YYYY-MM-DD; YYYY-MM for months)."),
        directed: bool = DIRECTED,
        blocs: str = BLOCS,
        format: str = FORMAT,
        engine: str = ENGINE,
        root_only: bool = ROOT_ONLY,
        dedup: str = DEDUP,
        codes: str = CODES,
        output: Path = OUTPUT,
        as_json: bool = JSON,
    ) -> None:
        arguments = {k: v for k, v in locals().items() if k != "period"} | {"source": source or None}
        from multipolar.events import create_dyaddays, create_dyadmonths

        answer = _call(create_dyadmonths if period == "month" else create_dyaddays, arguments)
        _emit(answer, as_json, f"Dyad-{period} panel: {len(answer)} rows")

    command.__doc__ = (
        f"Every pair of states each {period}, with shared alliance and bloc, and events if given."
    )
    return command


app.command("dyadmonths")(_panel_command("month"))
app.command("dyaddays")(_panel_command("day"))


@app.command("synthetic")
def synthetic_command(
    output: Path = typer.Argument(..., help="File to write (.parquet for the imported form)."),
    format: str = typer.Option("gdelt2", "--format", "-f", help="gdelt1, gdelt2, icews, polecat or plover."),
    events: int = typer.Option(10_000, "--events", "-n", help="How many events."),
    seed: int = typer.Option(1, "--seed"),
    as_json: bool = JSON,
) -> None:
    """Write synthetic events in a published format, with known aggregates (tests, benchmarks)."""
    from multipolar.events.synthetic import write

    _emit(write(output, format, events, seed), as_json, "Synthetic events (not real data)")


def _call(function, arguments: dict):
    """The public function called with the command's arguments: they share their names, so the
    CLI and the Python API stay one-to-one (``as_json`` is the CLI's own)."""
    return function(**{k: v for k, v in arguments.items() if k != "as_json"})


def _emit(answer, as_json: bool, title: str) -> None:
    from multipolar.interfaces.cli.output import emit

    emit(answer, as_json, title)
