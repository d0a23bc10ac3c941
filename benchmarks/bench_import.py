"""History import: a 1,000,000-row Boston-format export into PostgreSQL, indexes and triggers on."""

from __future__ import annotations

import argparse
import cProfile
import csv
import gzip
import platform
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_import.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, create_engine, func, select, text  # noqa: E402

from operator_console.services.history_import.importer import (  # noqa: E402
    DEFAULT_BATCH_SIZE,
    import_history,
)
from operator_console.services.history_import.shipped import find_mapping  # noqa: E402
from operator_console.storage.db import bulk_load, schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from operator_console.storage.db.tables import service_requests  # noqa: E402
from operator_console.storage.demo_city.seed import seed_demo  # noqa: E402
from operator_console.storage.history_import.writer import SqlHistoryWriter  # noqa: E402
from tests.support.data import BOSTON_2015  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402


def write_export(path: Path, rows: int) -> None:
    """`rows` rows of Boston's 2015 export, replicated: copy k gets ids 9kk<original id>."""
    with gzip.open(BOSTON_2015, "rt", encoding="utf-8", newline="") as lines:
        reader = csv.reader(lines)
        header = next(reader)
        originals = list(reader)
    id_column = header.index("CASE_ENQUIRY_ID")
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        written, copy = 0, 0
        while written < rows:
            for row in originals[: rows - written]:
                row = list(row)
                row[id_column] = f"9{copy:02d}{row[id_column]}"
                writer.writerow(row)
            written += min(len(originals), rows - written)
            copy += 1


def explain_one_batch(engine: Engine, rows: int) -> list[str]:
    """Where the server's time goes when `rows` imported cases are filed again under new ids, in
    a bulk load as the importer declares it: EXPLAIN ANALYZE's total and per-trigger times (the
    batch is rolled back)."""
    names = [column.name for column in service_requests.c if column.name != "id"]
    fresh = {
        "source_id": "'p' || source_id",
        "reference": "'BOS-p' || source_id",
        "client_uuid": "md5('p' || client_uuid)::uuid::text",
    }
    chosen = ", ".join(fresh.get(name, name) for name in names)
    with engine.connect() as connection, connection.begin() as transaction:
        connection.exec_driver_sql(bulk_load.DECLARE)
        connection.execute(
            text(
                "CREATE TEMP TABLE probe AS SELECT * FROM service_requests "
                "WHERE created_by = 'import:boston' ORDER BY id LIMIT :rows"
            ),
            {"rows": rows},
        )
        plan = connection.execute(
            text(
                f"EXPLAIN (ANALYZE) INSERT INTO service_requests ({', '.join(names)}) "
                f"SELECT {chosen} FROM probe"
            )
        ).scalars()
        lines = [line for line in plan if "Trigger" in line or "Execution" in line]
        transaction.rollback()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--lanes", type=int, default=2, help="batches written at once")
    parser.add_argument("--profile", action="store_true", help="profile the reading thread")
    parser.add_argument(
        "--explain", action="store_true", help="the server's time per trigger for one batch"
    )
    arguments = parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_import"))
        admin.dispose()
        engine = make_engine(cluster.url("bench_import"))
        schema.upgrade(engine)
        seed_demo(engine)
        with engine.connect() as connection:
            before = connection.execute(select(func.count()).select_from(service_requests))
            existing = before.scalar_one()
        with tempfile.TemporaryDirectory() as folder:
            export = Path(folder) / "boston_1m.csv"
            write_export(export, arguments.rows)
            size_mb = export.stat().st_size / 1e6
            mapping = find_mapping("boston")
            profiler = cProfile.Profile() if arguments.profile else None
            with SqlHistoryWriter(engine, mapping, lanes=arguments.lanes) as writer:
                if profiler:
                    profiler.enable()
                report = import_history(
                    mapping,
                    export,
                    writer,
                    Path(folder) / "rejects.csv",
                    batch_size=arguments.batch_size,
                )
                if profiler:
                    profiler.disable()
        with engine.connect() as connection:
            after = connection.execute(select(func.count()).select_from(service_requests))
            stored = after.scalar_one() - existing
        plan = explain_one_batch(engine, arguments.batch_size) if arguments.explain else []
        engine.dispose()
    finally:
        cluster.stop()
    print(f"machine: {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}")
    print(f"export: {arguments.rows:,} rows, {size_mb:.0f} MB of CSV")
    print(
        f"imported {report.imported:,} (stored {stored:,}), rejected "
        f"{sum(report.rejected.values()):,}, batches of {arguments.batch_size:,}, "
        f"{arguments.lanes} written at once"
    )
    print(f"total: {report.seconds:.1f} s, {report.rows_per_second:,.0f} rows/s")
    if plan:
        print(f"one batch of {arguments.batch_size:,} filed again, on the server:")
        print("\n".join(f"  {line}" for line in plan))
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
