"""The row triggers of 20,000 new requests filed by the owner, before and after migration 0013.

Run: .venv/bin/python benchmarks/bench_filing_triggers.py [--rows 20000]

On a fresh cluster migrated to 0012, then to the newest revision, it files `rows` requests in one
`INSERT ... SELECT` under EXPLAIN ANALYZE (rolled back) as the owner would, in a transaction that
declares a bulk load (0012 ignores the setting), each twice (the first warms the caches), and
prints the triggers' times; then the owner check alone, called `rows` times in a loop.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_filing_triggers.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, create_engine, text  # noqa: E402

from operator_console.storage.db import bulk_load, schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402

BEFORE = "0012_sla_escalation"
_FILE = (
    "EXPLAIN (ANALYZE) INSERT INTO service_requests (reference, client_uuid, service_id, status, "
    "priority, lat, lon, address, answers, created_by, created_at, updated_at, queue_id) "
    "SELECT :stem || n, :stem || n, (SELECT min(id) FROM services), 'in_queue', 'normal', "
    "42.35, -71.06, n || ' Main St', '{}', 'import:bench', now(), now(), "
    "(SELECT min(id) FROM queues) FROM generate_series(1, :rows) AS n"
)
_CATALOG = (
    "INSERT INTO departments (code, name) VALUES ('PWD', 'Public Works')",
    "INSERT INTO queues (code, name, department_id) SELECT 'PWD', 'Streets', min(id) "
    "FROM departments",
    "INSERT INTO services (code, name, group_name) VALUES ('pothole', 'Pothole', 'Streets')",
)


def triggers(engine: Engine, rows: int) -> list[str]:
    """EXPLAIN ANALYZE's trigger lines and total for `rows` requests filed in a bulk load."""
    with engine.connect() as connection, connection.begin() as transaction:
        connection.exec_driver_sql(bulk_load.DECLARE)
        plan = connection.execute(text(_FILE), {"stem": "BENCH-", "rows": rows}).scalars()
        lines = [line for line in plan if "Trigger service" in line or "Execution" in line]
        transaction.rollback()
    return lines


def owner_check_us(engine: Engine, rows: int) -> float:
    """Microseconds a call of the guards' owner condition, called `rows` times in PL/pgSQL."""
    loop = (
        "DO $$ DECLARE owner boolean; BEGIN FOR i IN 1..{rows} LOOP "
        "owner := current_user = 'console_owner' OR console_session_is_owner(); "
        "END LOOP; END $$"
    )
    with engine.begin() as connection:
        started = time.perf_counter()
        connection.exec_driver_sql(loop.format(rows=rows))
        return (time.perf_counter() - started) / rows * 1e6


def measure(engine: Engine, label: str, rows: int) -> None:
    triggers(engine, rows)
    print(f"{label}:")
    print("\n".join(f"  {line}" for line in triggers(engine, rows)))
    print(f"  owner check: {owner_check_us(engine, rows):.2f} us a call")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    arguments = parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_filing"))
        admin.dispose()
        engine = make_engine(cluster.url("bench_filing"))
        schema.upgrade(engine)
        schema.downgrade(engine, BEFORE)
        with engine.begin() as connection:
            for statement in _CATALOG:
                connection.execute(text(statement))
        measure(engine, BEFORE, arguments.rows)
        schema.upgrade(engine)
        measure(engine, schema.head_revision(), arguments.rows)
        engine.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
