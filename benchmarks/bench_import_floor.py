"""The server's own pace at filing imported history: 1,000,000 rows already mapped, no Python."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_import_floor.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, create_engine, text  # noqa: E402

from benchmarks.bench_import import write_export  # noqa: E402
from operator_console.services.history_import.importer import import_history  # noqa: E402
from operator_console.services.history_import.shipped import find_mapping  # noqa: E402
from operator_console.storage.db import bulk_load, schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from operator_console.storage.db.tables import service_requests  # noqa: E402
from operator_console.storage.demo_city.seed import seed_demo  # noqa: E402
from operator_console.storage.history_import.writer import SqlHistoryWriter  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402

SEED_ROWS = 200_000
COPIES = 5
COLUMNS = [column.name for column in service_requests.c if column.name != "id"]


def _fresh_copy(copy: int) -> str:
    """The select list of a copy of the imported rows under new ids."""
    fresh = {
        "source_id": f"'{copy}' || source_id",
        "reference": f"'B{copy}-' || source_id",
        "client_uuid": f"md5('{copy}' || client_uuid)::uuid::text",
    }
    return ", ".join(fresh.get(name, name) for name in COLUMNS)


def _file_all(connection: Connection) -> float:
    started = time.perf_counter()
    connection.exec_driver_sql(
        f"INSERT INTO service_requests ({', '.join(COLUMNS)}) "
        f"SELECT {', '.join(COLUMNS)} FROM mapped ON CONFLICT DO NOTHING"
    )
    return time.perf_counter() - started


def measure(connection: Connection, rows: int) -> list[str]:
    """File the mapped rows with every index in place; then again after dropping every
    non-unique index and foreign key, and rebuild them (each attempt rolled back)."""
    lines = []
    attempt = connection.begin_nested()
    filed = _file_all(connection)
    lines.append(f"every index and trigger in place: {filed:.1f} s, {rows / filed:,.0f} rows/s")
    attempt.rollback()
    indexes = connection.exec_driver_sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'service_requests' "
        "AND indexdef NOT LIKE 'CREATE UNIQUE%%'"
    ).all()
    keys = connection.exec_driver_sql(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = 'service_requests'::regclass AND contype = 'f'"
    ).all()
    attempt = connection.begin_nested()
    for name, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    for name, _ in keys:
        connection.exec_driver_sql(f"ALTER TABLE service_requests DROP CONSTRAINT {name}")
    filed = _file_all(connection)
    connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
    started = time.perf_counter()
    slowest = []
    for name, definition in indexes:
        began = time.perf_counter()
        connection.exec_driver_sql(definition)
        slowest.append((time.perf_counter() - began, name))
    for name, definition in keys:
        connection.exec_driver_sql(
            f"ALTER TABLE service_requests ADD CONSTRAINT {name} {definition}"
        )
    rebuilt = time.perf_counter() - started
    attempt.rollback()
    lines.append(
        f"without {len(indexes)} non-unique indexes and {len(keys)} foreign keys: "
        f"{filed:.1f} s, then rebuilding them {rebuilt:.1f} s, in all {filed + rebuilt:.1f} s, "
        f"{rows / (filed + rebuilt):,.0f} rows/s"
    )
    lines.extend(f"  {name}: {seconds:.2f} s" for seconds, name in sorted(slowest)[-3:])
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_floor"))
        admin.dispose()
        engine = make_engine(cluster.url("bench_floor"))
        schema.upgrade(engine)
        seed_demo(engine)
        mapping = find_mapping("boston")
        with tempfile.TemporaryDirectory() as folder:
            export = Path(folder) / "boston.csv"
            write_export(export, SEED_ROWS)
            with SqlHistoryWriter(engine, mapping) as writer:
                import_history(mapping, export, writer, Path(folder) / "rejects.csv")
        with engine.connect() as connection, connection.begin() as transaction:
            connection.exec_driver_sql(bulk_load.DECLARE)
            connection.exec_driver_sql(
                "CREATE TEMP TABLE mapped AS SELECT * FROM service_requests WHERE false"
            )
            for copy in range(COPIES):
                connection.exec_driver_sql(
                    f"INSERT INTO mapped ({', '.join(COLUMNS)}) SELECT {_fresh_copy(copy)} "
                    f"FROM service_requests WHERE created_by = '{mapping.actor}'"
                )
            rows = connection.exec_driver_sql("SELECT count(*) FROM mapped").scalar_one()
            total = connection.exec_driver_sql("SELECT count(*) FROM service_requests").scalar_one()
            lines = measure(connection, rows)
            transaction.rollback()
        engine.dispose()
    finally:
        cluster.stop()
    print(f"{rows:,} mapped rows filed by one INSERT ... SELECT into {total:,} requests:")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
