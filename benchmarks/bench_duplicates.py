"""Live duplicate candidates over 2,000,000 requests: query latency and search-to-painted time."""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_duplicates.py`
    sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from sqlalchemy import Engine, create_engine, select, text  # noqa: E402

from benchmarks.dupes_load import bulk_load, synthetic_lines  # noqa: E402
from operator_console.domain.duplicates import is_unknown_location  # noqa: E402
from operator_console.services.duplicates.desk import DuplicateDesk  # noqa: E402
from operator_console.storage.db import schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from operator_console.storage.db.tables import city, queues, services  # noqa: E402
from operator_console.storage.demo_city.load import RequestRow, load_demo_city  # noqa: E402
from operator_console.storage.demo_city.seed import default_data_dir, seed_demo  # noqa: E402
from operator_console.storage.duplicates.store import SqlDuplicateStore  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402
from tests.support.staff import OPERATOR1  # noqa: E402

METRES_PER_DEGREE = 111_320.0
PIN_OFFSET_M = 100.0  # a caller's pin lands up to this far from a place the city knows


@dataclass(frozen=True)
class Pin:
    service_code: str
    lat: float
    lon: float
    description: str
    address: str


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]

    return (
        f"p50 {at(0.5):6.2f} ms  p95 {at(0.95):6.2f} ms  p99 {at(0.99):6.2f} ms  "
        f"max {ordered[-1]:6.2f} ms  (n={len(ordered)})"
    )


def realistic_pins(
    demo: list[RequestRow], enabled: set[str], unknown: tuple[float, float], count: int, seed: int
) -> list[Pin]:
    """Calls about the categories that look for duplicates, pinned within 100 m of a place
    where the city had a request, never on the "location unknown" point."""
    rng = random.Random(seed)
    usable = [
        row
        for row in demo
        if row.service in enabled and not is_unknown_location(row.lat, row.lon, unknown)
    ]
    pins = []
    for _ in range(count):
        row = rng.choice(usable)
        metres, bearing = PIN_OFFSET_M * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        lat = row.lat + metres * math.cos(bearing) / METRES_PER_DEGREE
        east = metres * math.sin(bearing) / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
        pins.append(Pin(row.service, lat, row.lon + east, row.description, row.address))
    return pins


def measure_queries(finder: DuplicateDesk, pins: list[Pin], warm: int) -> None:
    for pin in pins[:warm]:  # the pool, the plans and the category rates; not counted
        finder.candidates(pin.service_code, pin.lat, pin.lon, pin.description, pin.address)
    times, shown, likely = [], 0, 0
    for pin in pins[warm:]:
        started = time.perf_counter()
        found = finder.candidates(pin.service_code, pin.lat, pin.lon, pin.description, pin.address)
        times.append((time.perf_counter() - started) * 1000)
        shown += bool(found)
        likely += any(view.likely_duplicate for view in found)
    print(f"candidates(), {len(times)} pins: {percentiles(times)}")
    print(f"  pins shown candidates: {shown}; with a likely duplicate: {likely}")


def measure_panel(finder: DuplicateDesk, pins: list[Pin]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from operator_console.ui.common.background import BackgroundRunner
    from operator_console.ui.duplicates.candidates_panel import CandidatesPanel

    app = QApplication.instance() or QApplication([])
    runner = BackgroundRunner()
    panel = CandidatesPanel(runner, finder)
    panel.resize(460, 720)
    panel.show()
    app.processEvents()
    painted: list[float] = []
    loop = QEventLoop()
    panel.panel_painted.connect(lambda ms: (painted.append(ms), loop.quit()))
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    for pin in pins:
        before = len(painted)
        panel.search(pin.service_code, pin.lat, pin.lon, pin.description, pin.address)
        guard.start(5000)
        loop.exec()
        if len(painted) == before:
            print("  a search did not paint within 5 s")
    runner.shutdown()
    print(f"debounce fired -> panel painted, {len(painted)} searches: {percentiles(painted)}")


def prepare(
    engine: Engine, total: int, years: float, seed: int
) -> tuple[list[RequestRow], set[str], tuple[float, float]]:
    started = time.perf_counter()
    seeded = seed_demo(engine)
    print(f"demo city seeded: {seeded.requests:,} requests in {seeded.seconds:.1f} s")
    demo = load_demo_city(default_data_dir())
    with engine.connect() as connection:
        service_ids = dict(connection.execute(select(services.c.code, services.c.id)).all())
        queue_ids = dict(connection.execute(select(queues.c.code, queues.c.id)).all())
        place = connection.execute(select(city.c.unknown_lat, city.c.unknown_lon)).one()
        unknown = (float(place.unknown_lat), float(place.unknown_lon))
        enabled = set(
            connection.execute(select(services.c.code).where(services.c.dup_enabled)).scalars()
        )
    chunks = synthetic_lines(
        demo.requests,
        total - seeded.requests,
        service_ids,
        queue_ids,
        (round(unknown[0], 4), round(unknown[1], 4)),
        seeded.newest_created_at,
        years,
        seed,
    )
    report = bulk_load(engine, chunks)
    print(
        f"copied {report.rows:,} more requests in {report.generate_and_copy_s:.1f} s, "
        f"indexes rebuilt in {report.index_s:.1f} s, VACUUM ANALYZE {report.analyze_s:.1f} s "
        f"(all {time.perf_counter() - started:.1f} s)"
    )
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT count(*), count(*) FILTER (WHERE status NOT IN ('resolved', 'closed')) "
                "FROM service_requests"
            )
        ).one()
    print(f"service_requests: {stored[0]:,} rows, {stored[1]:,} open")
    return demo.requests, enabled, unknown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2_000_000)
    parser.add_argument("--pins", type=int, default=1_000)
    parser.add_argument("--warm", type=int, default=100)
    parser.add_argument("--panel-searches", type=int, default=200)
    parser.add_argument(
        "--years",
        type=float,
        default=8.0,
        help="history the requests span; the demo's own 85 days (0.233) packs them all in it",
    )
    parser.add_argument("--seed", type=int, default=311)
    args = parser.parse_args()
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_duplicates"))
        admin.dispose()
        engine = make_engine(cluster.url("bench_duplicates"))
        schema.upgrade(engine)
        demo, enabled, unknown = prepare(engine, args.requests, args.years, args.seed)
        pins = realistic_pins(demo, enabled, unknown, args.warm + args.pins, args.seed + 1)
        store = SqlDuplicateStore(engine)
        finder = DuplicateDesk(store.unit_of_work, store.reads, OPERATOR1)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        measure_queries(finder, pins, args.warm)
        measure_panel(finder, pins[args.warm : args.warm + args.panel_searches])
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        engine.dispose()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
