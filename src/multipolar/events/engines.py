"""The engines one event query runs on: DuckDB in this process (the default) or Spark.

Everything after reading is an Ibis expression, the same for both; only opening a connection
and reading the published files differ, and live here. Spark runs on a ``SparkSession`` the
user passes (a cluster) or in local mode on this machine's cores.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipolar import files
from multipolar.errors import InputError

ENGINES = ("duckdb", "spark")
MIN_JAVA = 17  # Spark 4 runs on Java 17 and 21
_views = itertools.count(1)  # names for the small tables registered on Spark
SPARK_FIX = "Install it with `pip install 'multipolar[spark]'`, or use --engine duckdb."


@dataclass
class Engine:
    name: str
    con: Any  # the Ibis backend
    session: Any = None  # the SparkSession, for Spark

    def table(self, name: str):
        return self.con.table(name)

    def materialise(self, expr, name: str):
        """``expr`` computed once and kept (a temporary table; a cached view on Spark), so that
        several small queries can read it without reading the events again."""
        if self.name == "duckdb":
            return self.con.create_table(name, expr, temp=True)
        self.con.create_view(name, expr, overwrite=True)
        self.session.table(name).cache()
        return self.con.table(name)

    def small_table(self, frame):
        """A registry table (pandas, a few thousand rows) as an Ibis table on this engine. Spark
        is told to broadcast it: it cannot size a table made in Python, and would otherwise
        shuffle and sort every event to join it."""
        import ibis

        table = ibis.memtable(frame)
        if self.name == "duckdb":
            return table
        from ibis.backends.pyspark.datatypes import PySparkSchema

        data = frame.astype(object).where(frame.notna(), None)
        schema = PySparkSchema.from_ibis(table.schema())
        view = f"mp_small_{next(_views)}"
        self.session.createDataFrame(data, schema=schema).hint("broadcast").createOrReplaceTempView(view)
        return self.con.table(view)

    def write_parquet(self, expr, target: str, compression: str = "zstd") -> int:
        """``expr`` written to ``target`` (.parquet), nothing half-written; returns its rows.
        DuckDB writes one file through a temporary one. Spark writes a folder of part files: a
        local folder beside the target, renamed into place when complete; a remote one (s3a://,
        gs://) through Spark's committer, refusing to replace one that exists."""
        if self.name == "duckdb":
            import pyarrow.parquet as pq

            path = Path(target).expanduser()
            with files.replacing(path) as temporary:
                self.con.to_parquet(expr, temporary, compression=compression)
            return pq.read_metadata(path).num_rows
        if "://" in target and not target.startswith("file://"):
            self.con.to_parquet(expr, target, mode="errorifexists", compression=compression)
            return self.session.read.parquet(target).count()
        path = Path(target.removeprefix("file://")).expanduser()
        if not path.is_dir():  # a folder an earlier run wrote is replaced; anything else is checked
            files.check_output(path)
        temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
        try:
            self.con.to_parquet(expr, str(temporary), mode="overwrite", compression=compression)
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
            os.replace(temporary, path)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return self.session.read.parquet(str(path)).count()


def connect(engine: str = "duckdb", spark: Any = None, memory_limit: str | None = None) -> Engine:
    """An Ibis connection on ``engine``; a bad name, no pyspark or no Java is one clear error."""
    import ibis

    if spark is not None:
        engine = "spark"
    if engine not in ENGINES:
        raise InputError(f"Unknown engine {engine!r}.", f"Use one of: {', '.join(ENGINES)}.")
    if engine == "duckdb":
        con = ibis.duckdb.connect()
        limit = memory_limit or os.environ.get("MULTIPOLAR_DUCKDB_MEMORY")
        if limit:
            con.raw_sql(f"SET memory_limit = '{limit}'")
        con.raw_sql("SET preserve_insertion_order = false")  # lets aggregations stream
        return Engine("duckdb", con)
    session = spark if spark is not None else local_spark()
    return Engine("spark", ibis.pyspark.connect(session), session)


def local_spark(cores: int | str = "*"):
    """A SparkSession in local mode, or the one already running in this process."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise InputError("The Spark engine needs pyspark, which is not installed.", SPARK_FIX) from error
    _check_java()
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("multipolar")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")  # pandas <-> Spark via Arrow
        .config("spark.sql.shuffle.partitions", os.environ.get("MULTIPOLAR_SPARK_PARTITIONS", "4"))
        .config("spark.driver.memory", os.environ.get("MULTIPOLAR_SPARK_MEMORY", "2g"))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def _check_java() -> None:
    """Spark needs a Java runtime (17 or later for Spark 4): say so before Spark fails obscurely."""
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    fix = (
        f"Install Java {MIN_JAVA} (e.g. `apt-get install openjdk-17-jre-headless`) or set JAVA_HOME, "
        "or use --engine duckdb."
    )
    if not java or not os.path.exists(java):
        raise InputError("The Spark engine needs Java, and none was found.", fix)
    try:
        ran = subprocess.run([java, "-version"], capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        raise InputError(f"The Spark engine needs Java, and {java} does not run.", fix) from error
    found = re.search(r'version "(1\.)?(\d+)', ran.stderr + ran.stdout)
    if found and int(found.group(2)) < MIN_JAVA:
        raise InputError(f"Spark 4 needs Java {MIN_JAVA} or later, and {java} is Java {found.group(2)}.", fix)
