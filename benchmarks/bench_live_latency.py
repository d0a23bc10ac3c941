"""Commit-to-delivery latency of the live change feed with many consoles listening."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from sqlalchemy import create_engine, text

from operator_console.services.changes import ChangeBatch
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.feeds.postgres import PgChangeFeed, conninfo_for
from tests.support.pg_cluster import PgCluster
from tests.support.rows import add_requests


class Deliveries:
    """Commit times by version, and how long each listener took to be told of each."""

    def __init__(self, listeners: int) -> None:
        self.listeners = listeners
        self.lock = threading.Lock()
        self.ready: set[int] = set()
        self.all_ready = threading.Event()
        self.committed_at: dict[int, float] = {}
        self.arrivals: dict[int, list[float]] = {}
        self.complete: dict[int, threading.Event] = {}

    def expect(self, version: int) -> threading.Event:
        with self.lock:
            self.arrivals[version] = []
            self.complete[version] = threading.Event()
            self.committed_at[version] = time.perf_counter()
            return self.complete[version]

    def on_batch(self, listener: int, batch: ChangeBatch) -> None:
        now = time.perf_counter()
        with self.lock:
            if batch.resync:
                self.ready.add(listener)
                if len(self.ready) == self.listeners:
                    self.all_ready.set()
            for change in batch.changes:
                arrivals = self.arrivals.get(change.version)
                if arrivals is None:
                    continue
                arrivals.append(now - self.committed_at[change.version])
                if len(arrivals) == self.listeners:
                    self.complete[change.version].set()


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    ms = [value * 1000 for value in (cuts[49], cuts[94], cuts[98], max(samples))]
    return "p50 {:.2f} ms, p95 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms".format(*ms)


def run(listeners: int, updates: int, warmup: int, interval: float) -> None:
    cluster = PgCluster().start()
    feeds: list[PgChangeFeed] = []
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE oc_bench"))
            server = connection.execute(text("SHOW server_version")).scalar()
        admin.dispose()
        url = cluster.url("oc_bench")
        engine = make_engine(url)
        schema.upgrade(engine)
        [request_id] = add_requests(engine, 1)
        engine.dispose()

        deliveries = Deliveries(listeners)
        for number in range(listeners):
            feed = PgChangeFeed(url)
            feed.start(partial(deliveries.on_batch, number))
            feeds.append(feed)
        if not deliveries.all_ready.wait(30):
            raise RuntimeError("not every listener connected")

        measured: list[float] = []
        fastest: list[float] = []
        slowest: list[float] = []
        with psycopg.connect(conninfo_for(url)) as writer:
            for version in range(2, 2 + warmup + updates):
                writer.execute(
                    "UPDATE service_requests SET version = %s, updated_at = now() WHERE id = %s",
                    (version, request_id),
                )
                complete = deliveries.expect(version)
                writer.commit()
                if not complete.wait(10):
                    raise RuntimeError(f"version {version} did not reach every listener")
                if version >= 2 + warmup:
                    measured.extend(deliveries.arrivals[version])
                    fastest.append(min(deliveries.arrivals[version]))
                    slowest.append(max(deliveries.arrivals[version]))
                time.sleep(interval)

        started = time.perf_counter()
        stoppers = [threading.Thread(target=feed.stop) for feed in feeds]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        stopped = time.perf_counter() - started
        feeds.clear()

        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"machine: {os.cpu_count()} cores, {platform.platform()}, load average {load}")
        print(f"Python {sys.version.split()[0]}")
        print(f"PostgreSQL {server}, psycopg {psycopg.__version__}, unix socket")
        print(
            f"{listeners} listeners, {updates} single-row updates committed one by one "
            f"({warmup} warm-up not counted, {interval * 1000:.0f} ms apart)"
        )
        print(f"deliveries: {len(measured)}")
        print(f"commit to on_batch, every delivery: {percentiles(measured)}")
        print(f"commit to on_batch, first listener per commit: {percentiles(fastest)}")
        print(f"commit to on_batch, last listener per commit: {percentiles(slowest)}")
        print(f"stopping {listeners} listeners (concurrently): {stopped:.2f} s")
    finally:
        for feed in feeds:
            feed.stop()
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listeners", type=int, default=50)
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument(
        "--interval",
        type=float,
        default=0.05,
        help="seconds between commits; below the feed's 30 ms window, bursts are throttled",
    )
    arguments = parser.parse_args()
    run(arguments.listeners, arguments.updates, arguments.warmup, arguments.interval)


if __name__ == "__main__":
    main()
