"""Queue screen at scale: first page painted, sort/filter changes, live change across consoles.

Run: .venv/bin/python benchmarks/bench_queues.py [--requests 2000000] [--open 200000]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import create_engine, select, text, update

from benchmarks.queue_load import bulk_load
from operator_console.domain.permissions import Role
from operator_console.services.queues.request_list import (
    SORT_KEYS,
    TRIAGE_BUCKETS,
    UNASSIGNED,
    ListQuery,
)
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import departments, queues
from operator_console.storage.db.tables import service_requests as r
from operator_console.storage.demo_city.seed import seed_demo
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.storage.queues.request_list import SqlRequestListReader
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.queues.table_model import QueueTableModel
from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import login_of, make_staff_login


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the Qt event loop until `condition()` holds.

    The loop sleeps until an event arrives, as a console's does: polling instead would hold
    the GIL against the worker thread that reads the database, and slow what is measured.
    """
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    wake = QTimer()
    wake.start(20)  # to notice the deadline when nothing else happens
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met")
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def painted(model: QueueTableModel, view: QTableView, query: ListQuery) -> float:
    """Milliseconds from asking for `query` to its first page painted in `view`."""
    loaded: list[int] = []
    model.page_loaded.connect(loaded.append)
    start = time.perf_counter()
    model.reload(query)
    wait_for(lambda: bool(loaded))
    view.viewport().repaint()
    elapsed = (time.perf_counter() - start) * 1000
    model.page_loaded.disconnect(loaded.append)
    return elapsed


def variants(base: ListQuery, sample: dict[str, int]) -> list[ListQuery]:
    now = datetime.now(UTC)
    shown = [key for key in SORT_KEYS if key != "queue"]  # the columns the queue table has
    sorts = [replace(base, sort_key=k, descending=d) for k in shown for d in (False, True)]
    filters = [
        replace(base, priorities=("high",)),
        replace(base, sla_states=("at_risk",)),
        replace(base, sla_states=("breached",)),
        replace(base, statuses=("assigned",)),
        replace(base, district_ids=(sample["district"],)),
        replace(base, service_ids=(sample["service"],)),
        replace(base, assignee_ids=(UNASSIGNED,)),
        replace(base, text="washington"),
        replace(base, created_from=now - timedelta(days=7), created_to=now),
        replace(base, priorities=("high",), sla_states=("breached",), sort_key="due_at"),
    ]
    return sorts + filters


REQUESTS_TAB_SORTS = (
    "reference", "priority", "service", "address", "district",
    "created_at", "due_at", "status", "queue", "callers",
)  # fmt: skip


def all_open_reads(reader: SqlRequestListReader, queue_ids: tuple[int, ...], repeats: int) -> None:
    """The Requests tab (every open request, first page of 200 per sort) and triage over every
    queue (each bucket, oldest first); database reads, no Qt."""
    timed: list[tuple[float, str]] = []
    for _ in range(repeats):
        for key in REQUESTS_TAB_SORTS:
            for descending in (False, True):
                start = time.perf_counter()
                reader.page(ListQuery(sort_key=key, descending=descending), None, 200)
                timed.append(((time.perf_counter() - start) * 1000, f"{key} desc={descending}"))
    values = [ms for ms, _ in timed]
    print(
        f"all open requests, first page of 200 read (no Qt): p50 {statistics.median(values):.1f}"
        f" ms, p95 {pct(values, 0.95):.1f} ms ({len(values)} sorts)",
        flush=True,
    )
    for elapsed, what in sorted(timed, reverse=True)[:3]:
        print(f"  slowest {elapsed:.0f} ms: sort={what}")
    triage: list[float] = []
    for _ in range(repeats):
        for bucket in TRIAGE_BUCKETS:
            query = ListQuery(descending=False, queue_ids=queue_ids, bucket=bucket)
            start = time.perf_counter()
            reader.page(query, None, 200)
            triage.append((time.perf_counter() - start) * 1000)
    print(
        f"triage over all {len(queue_ids)} queues, oldest first, each bucket: p50 "
        f"{statistics.median(triage):.1f} ms, max {max(triage):.1f} ms ({len(triage)} reads)",
        flush=True,
    )


def _console(reader: SqlRequestListReader, url: str, query: ListQuery) -> tuple:  # type: ignore[type-arg]
    runner = BackgroundRunner(workers=1)
    bus = ChangeBus()
    model = QueueTableModel(reader, runner, query, page_size=100)
    view = QTableView()
    view.setModel(model)
    view.resize(1000, 500)
    bus.requests_changed.connect(model.apply_changes)
    model.reload()
    bus.attach(PgChangeFeed(url))
    return runner, bus, model, view


def _painted_hook(console: tuple, report: Callable[[int, str], None]) -> None:  # type: ignore[type-arg]
    """Report (id, priority) once a changed row is repainted in this console."""
    _, _, model, view = console

    def on_changed(top: object, bottom: object, *_: object) -> None:
        for row in range(top.row(), bottom.row() + 1):  # type: ignore[attr-defined]
            view.viewport().repaint()
            request = model.row_at(row)
            report(request.id, request.priority)

    model.dataChanged.connect(on_changed)


def listeners(
    url: str, query: ListQuery, count: int, ready: object, stop: object, out: object
) -> None:
    """In a process of their own: `count` consoles that report when they paint a change."""
    app = QApplication.instance() or QApplication([])
    engine = make_engine(url, pool_size=count + 5)
    reader = SqlRequestListReader(engine)
    consoles = [_console(reader, url, query) for _ in range(count)]
    for console in consoles:
        _painted_hook(console, lambda i, p: out.put((i, p, time.time())))  # type: ignore[attr-defined]
    wait_for(lambda: all(c[2].rowCount() == 100 and not c[2].loading for c in consoles), 300)
    ready.set()  # type: ignore[attr-defined]
    wait_for(stop.is_set, 3600)  # type: ignore[attr-defined]
    for runner, bus, _, _ in consoles:
        bus.shutdown()
        runner.shutdown()
    del app


def live(url: str, query: ListQuery, consoles: int, changes: int) -> dict[str, float]:
    """A write, painted on one console here and on `consoles - 1` in another process."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    ready, stop, out = context.Event(), context.Event(), context.Queue()
    others = context.Process(target=listeners, args=(url, query, consoles - 1, ready, stop, out))
    others.start()
    engine = make_engine(url)
    observed = _console(SqlRequestListReader(engine), url, query)
    seen: dict[tuple[int, str], float] = {}
    _painted_hook(observed, lambda i, p: seen.setdefault((i, p), time.time()))
    wait_for(lambda: observed[2].rowCount() == 100 and not observed[2].loading, 120)
    wait_for(ready.is_set, 600)
    writer = create_engine(url)
    one, slowest = [], []
    for number in range(changes):
        target = observed[2].row_at(number % 50)
        priority = "urgent" if target.priority != "urgent" else "low"
        key = (target.id, priority)
        seen.pop(key, None)
        start = time.time()
        with writer.begin() as connection:
            connection.execute(
                update(r)
                .where(r.c.id == target.id)
                .values(priority=priority, version=r.c.version + 1)
            )
        arrivals: list[float] = []

        def drain(
            key: tuple[int, str] = key, start: float = start, arrivals: list[float] = arrivals
        ) -> bool:
            while not out.empty():
                request_id, shown, at = out.get()
                if (request_id, shown) == key and at >= start:
                    arrivals.append(at)
            return key in seen and len(arrivals) >= consoles - 1

        wait_for(drain, 60)
        one.append((seen[key] - start) * 1000)
        slowest.append((max([seen[key], *arrivals]) - start) * 1000)
    stop.set()
    others.join(60)
    observed[1].shutdown()
    observed[0].shutdown()
    writer.dispose()
    engine.dispose()
    return {
        "observed_p50": statistics.median(one),
        "observed_p95": pct(one, 0.95),
        "last_of_all_p50": statistics.median(slowest),
        "last_of_all_p95": pct(slowest, 0.95),
    }


def supervisor_url(owner_url: str, queue_id: int) -> str:
    """A supervisor's login of the department of the queue, under the grants and policies."""
    owner = make_engine(owner_url)
    with owner.connect() as connection:
        department = connection.execute(
            select(departments.c.code)
            .join(queues, queues.c.department_id == departments.c.id)
            .where(queues.c.id == queue_id)
        ).scalar_one()
    owner.dispose()
    return make_staff_login(owner_url, Role.SUPERVISOR, departments=[department])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2_000_000)
    parser.add_argument("--open", type=int, default=200_000)
    parser.add_argument("--consoles", type=int, default=50)
    parser.add_argument("--changes", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--as-owner",
        action="store_true",
        help="read and write as the database owner, outside the grants and row-level security",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    cluster = PgCluster(max_connections=args.consoles * 2 + 50).start()
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
        print(f"loaded {loaded} in {time.perf_counter() - started:.0f} s", flush=True)
        if not args.as_owner:
            url = supervisor_url(url, loaded.queue_id)
            engine.dispose()
            engine = make_engine(url)
        print(f"connected as {login_of(url)}", flush=True)
        with engine.connect() as connection:
            sample = dict(
                connection.execute(
                    select(r.c.district_id.label("district"), r.c.service_id.label("service"))
                    .where(r.c.queue_id == loaded.queue_id, r.c.district_id.isnot(None))
                    .limit(1)
                )
                .mappings()
                .one()
            )
        reader = SqlRequestListReader(engine)
        runner = BackgroundRunner()
        base = ListQuery(queue_ids=(loaded.queue_id,))
        model = QueueTableModel(reader, runner, base, page_size=100)
        view = QTableView()
        view.setModel(model)
        view.resize(1400, 800)
        view.show()
        db_only = []
        for _ in range(10):
            start = time.perf_counter()
            reader.page(base, None, 100)
            db_only.append((time.perf_counter() - start) * 1000)
        print(f"first page read alone (no Qt): p50 {statistics.median(db_only):.1f} ms", flush=True)
        first = [painted(model, view, base) for _ in range(args.repeats * 5)]
        print(
            f"first page painted: p50 {statistics.median(first):.1f} ms, "
            f"p95 {pct(first, 0.95):.1f} ms",
            flush=True,
        )
        changes: list[float] = []
        worst: list[tuple[float, ListQuery]] = []
        for _ in range(args.repeats):
            for query in variants(base, sample):
                elapsed = painted(model, view, query)
                changes.append(elapsed)
                worst.append((elapsed, query))
        print(
            f"sort/filter change: p50 {statistics.median(changes):.1f} ms, "
            f"p95 {pct(changes, 0.95):.1f} ms ({len(changes)} changes)",
            flush=True,
        )
        plain = ("sort_key", "descending", "open_only", "queue_ids")
        for elapsed, query in sorted(worst, key=lambda w: -w[0])[:5]:
            filters = {k: v for k, v in vars(query).items() if v and k not in plain}
            print(
                f"  slowest {elapsed:.0f} ms: sort={query.sort_key} "
                f"desc={query.descending} filters={filters}"
            )
        runner.shutdown()
        with engine.connect() as connection:
            queue_ids = tuple(connection.execute(select(queues.c.id)).scalars())
        all_open_reads(reader, queue_ids, args.repeats)
        result = live(url, base, args.consoles, args.changes)
        print(
            f"live, {args.consoles} consoles: observed console p50 "
            f"{result['observed_p50']:.1f} ms, p95 {result['observed_p95']:.1f} ms; "
            f"last of all {args.consoles}: p50 {result['last_of_all_p50']:.1f} ms, "
            f"p95 {result['last_of_all_p95']:.1f} ms",
            flush=True,
        )
        print(
            f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}"
        )
        engine.dispose()
        del app
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
