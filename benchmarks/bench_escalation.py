"""The escalation pass over 200,000 open cases: the backlog, a minute's pass, and the same again.

Run: .venv/bin/python benchmarks/bench_escalation.py [--requests 400000] [--open 200000]
         [--first-pass-as owner|dispatcher] [--max-cases 2000]

It loads the demo city and open cases (benchmarks/queue_load.py: opened over 120 days, due on
their service's target), adds three rules for every policy (at risk: notify; overdue: raise the
priority; overdue by 8 business hours: move to another queue), and runs the pass:
- the backlog: the first passes ever, when every case that crossed a line fires, as the
  database's owner (`sla run` when the rules are first configured) or as a dispatcher's console
  (--first-pass-as), pass after pass of at most --max-cases cases until one fires nothing (the
  longest pass is how long one console held the pass's lock), followed by the VACUUM ANALYZE
  autovacuum makes of so many changed rows (--no-vacuum: without it);
then as a dispatcher's login, as every console does each minute:
- minute after minute: the pass one minute later, five times (what fires is what crossed a line
  in that minute);
- again: each of those passes repeated at the same instant, which must fire nothing.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, select, text

from benchmarks.queue_load import bulk_load
from operator_console.services.escalation.escalation_pass import (
    MAX_CASES_PER_PASS,
    run_escalations,
)
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import queues, request_events
from operator_console.storage.db.tables import service_requests as r
from operator_console.storage.demo_city.seed import seed_demo
from operator_console.storage.escalation.store import SqlEscalationStore
from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import make_staff_login


def _rules(engine_url: str, queue_id: int) -> None:
    engine = create_engine(engine_url)
    with engine.begin() as connection:
        target = connection.execute(
            select(queues.c.id).where(queues.c.id != queue_id).order_by(queues.c.id).limit(1)
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO escalation_rules (trigger, hours, action, queue_id) VALUES"
                " ('at_risk', NULL, 'notify', NULL), ('overdue', NULL, 'raise_priority', NULL),"
                " ('overdue_by', 8, 'move_queue', :target)"
            ),
            {"target": target},
        )
    engine.dispose()


def _events(engine_url: str) -> int:
    engine = create_engine(engine_url)
    with engine.connect() as connection:
        count = connection.execute(
            select(func.count()).where(request_events.c.kind == "sla_escalated")
        ).scalar_one()
    engine.dispose()
    return int(count)


def _vacuum(engine_url: str) -> None:
    engine = create_engine(engine_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM ANALYZE service_requests, escalations_fired"))
    engine.dispose()


def _timed(store: SqlEscalationStore, now: datetime) -> tuple[float, int]:
    started = time.perf_counter()
    fired = run_escalations(store, now)
    return time.perf_counter() - started, fired


def _backlog(store: SqlEscalationStore, now: datetime, max_cases: int) -> list[tuple[float, int]]:
    """Passes of at most `max_cases` cases until one fires nothing: (seconds, fired) of each."""
    passes = []
    while True:
        started = time.perf_counter()
        fired = run_escalations(store, now, max_cases)
        passes.append((time.perf_counter() - started, fired))
        if not fired:
            return passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400_000)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--minutes", type=int, default=5)
    parser.add_argument(
        "--no-vacuum", action="store_true", help="no VACUUM ANALYZE after the backlog"
    )
    parser.add_argument("--first-pass-as", choices=("owner", "dispatcher"), default="owner")
    parser.add_argument("--max-cases", type=int, default=MAX_CASES_PER_PASS)
    args = parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        url = cluster.url("bench")
        engine = make_engine(url)
        started = time.perf_counter()
        schema.upgrade(engine)
        seed_demo(engine)
        loaded = bulk_load(engine, url, args.requests, args.open)
        _rules(url, loaded.queue_id)
        with engine.connect() as connection:
            open_cases = connection.execute(
                select(func.count()).where(r.c.status.not_in(("resolved", "closed")))
            ).scalar_one()
        engine.dispose()
        print(
            f"loaded {loaded}, {open_cases} open, in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        first = make_engine(
            url if args.first_pass_as == "owner" else make_staff_login(url, "dispatcher")
        )
        now = datetime.now(UTC)
        passes = _backlog(SqlEscalationStore(first), now, args.max_cases)
        first.dispose()
        fired = sum(count for _, count in passes)
        print(
            f"backlog as the {args.first_pass_as}: {fired} rules fired in {len(passes)} passes"
            f" of at most {args.max_cases} cases, {sum(t for t, _ in passes):.2f} s in all;"
            f" longest pass {max(t for t, _ in passes):.2f} s",
            flush=True,
        )
        if not args.no_vacuum:  # what autovacuum does within a minute of such a backlog
            _vacuum(url)
        dispatcher = make_engine(make_staff_login(url, "dispatcher"))
        store = SqlEscalationStore(dispatcher)
        again, refired = _timed(store, now)
        print(f"again, as a dispatcher: {refired} fired in {again:.3f} s", flush=True)
        minutes, repeats = [], []
        for minute in range(1, args.minutes + 1):
            at = now + timedelta(minutes=minute)
            seconds, fired = _timed(store, at)
            before = _events(url)
            repeat, refired = _timed(store, at)
            assert refired == 0 and _events(url) == before, "a second pass changed something"
            minutes.append(seconds)
            repeats.append(repeat)
            print(
                f"minute {minute}: {fired} fired in {seconds:.3f} s; again: 0 in {repeat:.3f} s",
                flush=True,
            )
        print(
            f"minute passes: median {statistics.median(minutes):.3f} s, max {max(minutes):.3f} s;"
            f" repeated: median {statistics.median(repeats):.3f} s, max {max(repeats):.3f} s"
        )
        print(f"machine: {platform.platform()}, Python {platform.python_version()}", flush=True)
        dispatcher.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
