"""Address autocomplete and nearest-address latency over a 500,000-entry Boston-like gazetteer."""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_address_search.py`
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from operator_console.storage.addresses.importer import GazetteerEntry, load_addresses  # noqa: E402
from operator_console.storage.addresses.search import SqlAddressSearch  # noqa: E402
from operator_console.storage.db import schema  # noqa: E402
from operator_console.storage.db.engine import make_engine  # noqa: E402
from tests.support.data import BOSTON_2015_WARD_3  # noqa: E402
from tests.support.pg_cluster import PgCluster  # noqa: E402

CITY_HALL = (42.3594, -71.0587)  # Boston's "location unknown" pin
METRES_PER_DEGREE = 111_195.0
NUMBERED = re.compile(r"^(\d+)[A-Za-z]?(?:-\d+[A-Za-z]?)?\s+([A-Za-z].*)$")
LOCALITY = re.compile(r"\s{2,}([^\s].*?)\s{2,}MA\b")

Point = tuple[int, float, float]  # house number, lat, lon


def read_boston(
    path: Path,
) -> tuple[dict[tuple[str, str], list[Point]], dict[str, Point], dict[str, str]]:
    """Numbered points per (street, ZIP), intersections, and each ZIP's neighbourhood name."""
    streets: dict[tuple[str, str], list[Point]] = defaultdict(list)
    crossings: dict[str, list[tuple[float, float]]] = defaultdict(list)
    localities: dict[str, str] = {}
    with gzip.open(path, "rt", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = " ".join(row["LOCATION_STREET_NAME"].split())
            try:
                lat, lon = float(row["LATITUDE"]), float(row["LONGITUDE"])
            except ValueError:
                continue
            if not name or (round(lat, 4), round(lon, 4)) == CITY_HALL:
                continue
            zipcode = row["LOCATION_ZIPCODE"].split(".")[0].zfill(5)
            if name.upper().startswith("INTERSECTION "):
                crossings[name.split(" ", 1)[1]].append((lat, lon))
            elif (match := NUMBERED.match(name)) and zipcode != "00000":
                streets[(match[2], zipcode)].append((int(match[1]), lat, lon))
                locality = LOCALITY.search(row["Location"])
                if locality:
                    localities.setdefault(zipcode, locality[1])
    intersections = {
        name: (0, statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points))
        for name, points in crossings.items()
        if " & " in name
    }
    return streets, intersections, localities


def _offset(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    east_degrees = east_m / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    return lat + north_m / METRES_PER_DEGREE, lon + east_degrees


def _position(points: list[Point], share: float, bearing: float) -> tuple[float, float]:
    """The point `share` (0..1) of the way along the street's observed numbers; a street seen
    at one number only runs through that point on a bearing of its own."""
    first, last = points[0], points[-1]
    if first[0] == last[0]:
        metres = (share - 0.5) * 200.0
        return _offset(first[1], first[2], metres * math.cos(bearing), metres * math.sin(bearing))
    number = first[0] + share * (last[0] - first[0])
    index = next(i for i, point in enumerate(points) if point[0] >= number) or 1
    (n0, lat0, lon0), (n1, lat1, lon1) = points[index - 1], points[index]
    part = (number - n0) / (n1 - n0)
    return lat0 + part * (lat1 - lat0), lon0 + part * (lon1 - lon0)


def _shares(weights: list[int], total: int) -> list[int]:
    """Whole numbers in proportion to the weights that add up to `total` (largest remainder)."""
    exact = [weight * total / sum(weights) for weight in weights]
    shares = [math.floor(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: shares[i] - exact[i])
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    return shares


def synthesise(total: int, seed: int, boston_csv: Path) -> list[GazetteerEntry]:
    """`total` entries: every real intersection, then house numbers on every real street (per
    ZIP) over its observed number range, stretched evenly so the total is reached and laid along
    the street's observed positions; a few numbers get a letter (12A) or become a range (12-14)."""
    rng = random.Random(seed)
    streets, intersections, localities = read_boston(boston_csv)
    entries = [
        GazetteerEntry("", name, lat, lon, None, f"{name}, Boston, MA")
        for name, (_, lat, lon) in sorted(intersections.items())
    ]
    groups = sorted(streets)
    spans = [max(p[0] for p in streets[g]) - min(p[0] for p in streets[g]) + 20 for g in groups]
    for group, count in zip(groups, _shares(spans, total - len(entries)), strict=True):
        street, zipcode = group
        points = sorted({p[0]: p for p in streets[group]}.values())
        low = max(1, points[0][0] - 10)
        locality = localities.get(zipcode, "Boston")
        bearing = rng.uniform(0, 2 * math.pi)
        for offset in range(count):
            number = low + offset
            house_number = str(number)
            roll = rng.random()
            if roll < 0.03:
                house_number += rng.choice("AB")
            elif roll < 0.05:
                house_number += f"-{number + 2}"
            lat, lon = _position(points, offset / max(1, count - 1), bearing)
            side = 6.0 if number % 2 else -6.0  # odd numbers across the street
            lat, lon = _offset(lat, lon, side + rng.uniform(-2, 2), rng.uniform(-2, 2))
            label = f"{house_number} {street}, {locality}, MA {zipcode}"
            entries.append(GazetteerEntry(house_number, street, lat, lon, zipcode, label))
    rng.shuffle(entries)
    return entries


def _typed(words: list[str], rng: random.Random) -> str:
    """What an operator has typed so far of a street: whole words, then part of one."""
    keep = rng.randint(1, len(words))
    typed = [word.lower() for word in words[:keep]]
    last = typed[-1]
    typed[-1] = last[: rng.randint(min(3, len(last)), len(last))]
    return " ".join(typed)


def _abbreviated(words: list[str], rng: random.Random) -> str:
    """ "Massachusetts Ave" -> "mass ave": every word cut short, as operators do."""
    return " ".join(word.lower()[: rng.randint(3, max(3, len(word)))] for word in words)


def queries(entries: list[GazetteerEntry], count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(kind, typed text): realistic autocomplete prefixes, a few that match nothing."""
    rng = random.Random(seed)
    numbered = [entry for entry in entries if entry.house_number]
    crossings = [entry for entry in entries if not entry.house_number]
    for _ in range(count):
        roll = rng.random()
        if roll < 0.45:
            entry = rng.choice(numbered)
            yield (
                "number+street",
                f"{entry.house_number.lower()} " + _typed(entry.street.split(), rng),
            )
        elif roll < 0.55:
            entry = rng.choice(numbered)
            yield "number only", entry.house_number[: rng.randint(1, len(entry.house_number))]
        elif roll < 0.75:
            words = rng.choice(numbered).street.split()
            typed = _abbreviated(words, rng) if rng.random() < 0.3 else _typed(words, rng)
            yield "street only", typed
        elif roll < 0.95:
            first, second = rng.choice(crossings).street.split(" & ", 1)
            if rng.random() < 0.5:
                first, second = second, first
            joiner = rng.choice([" & ", " and ", " & ", "&"])
            yield (
                "intersection",
                (_abbreviated(first.split(), rng) + joiner + _typed(second.split(), rng)),
            )
        else:
            yield "no match", "".join(rng.choice("qxzjv") for _ in range(rng.randint(3, 8)))


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    pick = [ordered[min(len(ordered) - 1, math.ceil(p * len(ordered)) - 1)] for p in (0.5, 0.95)]
    p99 = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]
    return f"p50 {pick[0]:6.2f} ms  p95 {pick[1]:6.2f} ms  p99 {p99:6.2f} ms  (n={len(samples)})"


def _timed(call: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def measure(
    search: SqlAddressSearch, entries: list[GazetteerEntry], args: argparse.Namespace
) -> None:
    print(f"  load average before: {os.getloadavg()[0]:.2f}")
    typed = list(queries(entries, args.queries, args.seed + 1))
    for _, text_ in typed[:100]:  # warm the pool and the plan cache; not counted
        search.suggest(text_)
    by_kind: dict[str, list[float]] = defaultdict(list)
    empty: dict[str, int] = defaultdict(int)
    for kind, text_ in typed:
        elapsed, found = _timed(lambda text_=text_: search.suggest(text_))
        by_kind[kind].append(elapsed)
        empty[kind] += not found
    everything = [value for values in by_kind.values() for value in values]
    print(f"suggest, all {len(everything)} queries: {_percentiles(everything)}")
    for kind, values in sorted(by_kind.items()):
        print(f"  {kind:14} {_percentiles(values)}  empty {empty[kind]}")
    rng = random.Random(args.seed + 2)
    nearest_times, hits = [], 0
    for _ in range(args.queries):
        entry = rng.choice(entries)
        metres = rng.uniform(0, 200)
        bearing = rng.uniform(0, 2 * math.pi)
        lat = entry.lat + metres * math.cos(bearing) / METRES_PER_DEGREE
        east = metres * math.sin(bearing) / METRES_PER_DEGREE
        lon = entry.lon + east / math.cos(math.radians(entry.lat))
        elapsed, found = _timed(lambda lat=lat, lon=lon: search.nearest(lat, lon))
        nearest_times.append(elapsed)
        hits += found is not None
    print(f"nearest (150 m): {_percentiles(nearest_times)}  found {hits}")
    print(f"  load average after: {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--addresses", type=int, default=500_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=311)
    parser.add_argument("--sqlite", action="store_true", help="also measure an SQLite file")
    parser.add_argument(
        "--boston-csv",
        type=Path,
        default=BOSTON_2015_WARD_3,
        help="Boston's 2015 export to take streets from (default: the ward 3 subset in tests/data)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    entries = synthesise(args.addresses, args.seed, args.boston_csv)
    print(f"synthesised {len(entries):,} entries in {time.perf_counter() - started:.1f} s")
    cluster = PgCluster().start()
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench_addresses"))
        engine = make_engine(cluster.url("bench_addresses"))
        schema.upgrade(engine)
        elapsed, _ = _timed(lambda: load_addresses(engine, entries))
        print(f"PostgreSQL: loaded in {elapsed / 1000:.1f} s")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE addresses"))
        measure(SqlAddressSearch(engine), entries, args)
        engine.dispose()
        admin.dispose()
    finally:
        cluster.stop()
    if args.sqlite:
        path = Path(tempfile.mkdtemp(prefix="oc-bench-")) / "addresses.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        schema.upgrade(engine)
        elapsed, _ = _timed(lambda: load_addresses(engine, entries))
        print(f"SQLite: loaded in {elapsed / 1000:.1f} s")
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
        measure(SqlAddressSearch(engine), entries, args)
        engine.dispose()
        shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
