"""Intake submit latency on PostgreSQL: validation, routing, SLA, reference, history and outbox."""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_submit.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from operator_console.domain.caller import Caller  # noqa: E402
from operator_console.domain.intake import IntakeDraft, Location  # noqa: E402
from operator_console.domain.permissions import Role, StaffIdentity  # noqa: E402
from operator_console.services.intake.submission import Submission, submit  # noqa: E402
from operator_console.storage.db import schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from operator_console.storage.demo_city.seed import seed_demo  # noqa: E402
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402
from tests.support.staff_logins import make_staff_login  # noqa: E402

REQUESTS = ROOT / "resources" / "demo_city" / "requests.csv.gz"
SIMPLE_ANSWERS = {"street-light-outages": {"lights_out": "one"}}
BENCH = StaffIdentity("bench", "Benchmark", "supervisor")  # may file staff-only services too


def sample_calls(count: int, services_without_questions: set[str]) -> list[Submission]:
    """Calls at real demo-city places, for services that need no answers (or known answers)."""
    with gzip.open(REQUESTS, "rt", newline="", encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["service"] in services_without_questions or row["service"] in SIMPLE_ANSWERS
        ]
    chooser = random.Random(311)
    calls = []
    for number in range(count):
        row = chooser.choice(rows)
        draft = IntakeDraft(
            caller=Caller("Caller", str(number), f"617555{number % 10000:04d}", "c@example.org"),
            location=Location(float(row["lat"]), float(row["lon"]), row["address"]),
            service_code=row["service"],
            answers=SIMPLE_ANSWERS.get(row["service"], {}),
            description="Reported by phone.",
        )
        calls.append(Submission(str(uuid.uuid4()), draft))
    return calls


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument(
        "--as-owner",
        action="store_true",
        help="submit as the database owner, outside the grants and row-level security",
    )
    args = parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_submit"))
        engine = make_engine(cluster.url("bench_submit"))
        schema.upgrade(engine)
        seeded = seed_demo(engine)
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            plain = set(
                connection.execute(
                    text(
                        "SELECT code FROM services s WHERE NOT EXISTS (SELECT 1 FROM "
                        "service_attributes a WHERE a.service_id = s.id AND a.required)"
                    )
                ).scalars()
            )
        if not args.as_owner:
            engine.dispose()
            engine = make_engine(make_staff_login(cluster.url("bench_submit"), Role.SUPERVISOR))
        print(f"submitting as {engine.url.username}")
        work = functools.partial(SqlIntakeUnitOfWork, engine)
        calls = sample_calls(args.calls, plain)
        for call in calls[:20]:  # warm the pool and the caches
            submit(work, call, BENCH, datetime.now(UTC))
        timings = []
        for call in calls[20:]:
            started = time.perf_counter()
            receipt = submit(work, call, BENCH, datetime.now(UTC))
            timings.append((time.perf_counter() - started) * 1000)
            assert receipt.created
        print(f"database: {seeded.requests:,} demo requests + {len(calls):,} submitted")
        print(
            f"submit ms over {len(timings)} calls: p50 {statistics.median(timings):.2f}  "
            f"p95 {percentile(timings, 0.95):.2f}  p99 {percentile(timings, 0.99):.2f}  "
            f"max {max(timings):.2f}"
        )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
