"""City bundle load on PostgreSQL: the demo city with 500,000 address points, read and loaded."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_city_load.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from operator_console.domain.permissions import Role, StaffIdentity  # noqa: E402
from operator_console.services.city_bundle.model import AddressPoint, CityBundle  # noqa: E402
from operator_console.services.city_bundle.reader import read_bundle  # noqa: E402
from operator_console.services.city_bundle.writer import write_bundle  # noqa: E402
from operator_console.storage.city_bundle.load import load_city  # noqa: E402
from operator_console.storage.db import schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from operator_console.storage.db.tables import addresses  # noqa: E402
from operator_console.storage.demo_city.files import default_data_dir  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402

OWNER = StaffIdentity("bench", "Benchmark", Role.ADMIN.value)
OFFSET_DEGREES = 0.0002  # about 20 m: each copy stays in (nearly always) the same ward


def with_points(bundle: CityBundle, count: int) -> CityBundle:
    """The bundle with `count` address points: the demo's, then copies of them moved a little
    north-east, each copy with its own unit so every point is distinct; without its street
    base map, whose files are not written with it."""
    demo = bundle.addresses
    points: list[AddressPoint] = []
    copy = 0
    while len(points) < count:
        shift = copy * OFFSET_DEGREES / 10
        unit = f"Unit {copy}" if copy else ""
        points.extend(
            point._replace(
                unit=unit, lat=round(point.lat + shift, 7), lon=round(point.lon + shift, 7)
            )
            for point in demo[: count - len(points)]
        )
        copy += 1
    return dataclasses.replace(bundle, addresses=tuple(points), basemap=None)  # no street files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=500_000)
    arguments = parser.parse_args()
    big = with_points(read_bundle(default_data_dir()), arguments.points)
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_city_load"))
        admin.dispose()
        engine = make_engine(cluster.url("bench_city_load"))
        schema.upgrade(engine)
        with tempfile.TemporaryDirectory() as folder:
            written = Path(folder) / "bundle"
            write_bundle(big, written)
            started = time.perf_counter()
            bundle = read_bundle(written)
            read_s = time.perf_counter() - started
            summary = load_city(engine, bundle, OWNER, datetime.now(UTC))
            total_s = time.perf_counter() - started
        with engine.connect() as connection:
            stored = connection.execute(select(func.count()).select_from(addresses)).scalar_one()
            placed = connection.execute(
                select(func.count())
                .select_from(addresses)
                .where(addresses.c.district_id.is_not(None))
            ).scalar_one()
        engine.dispose()
    finally:
        cluster.stop()
    print(f"address points: {stored:,} stored, {placed:,} in a ward")
    print(f"read and check the bundle: {read_s:.1f} s")
    print(f"load (one transaction):    {summary.seconds:.1f} s")
    print(f"total:                     {total_s:.1f} s")


if __name__ == "__main__":
    main()
