"""The notifier's throughput: N queued e-mails delivered to a local SMTP server by 1, then 4
notifier processes draining the same PostgreSQL outbox.

Run: .venv/bin/python benchmarks/bench_notify.py [--messages 5000] [--processes 1 4]

For each count of processes it queues N messages in a fresh database, starts the processes
together, times them until the outbox is drained, checks that the server received every
message exactly once, and prints messages per second. The SMTP server (aiosmtpd) runs in this
process, on loopback: it is part of what is measured, and with many notifiers it may be what
limits them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from operator_console.app.notify_cli import build_notifier
from operator_console.channels.config import NotifyConfig
from operator_console.channels.email import EmailSettings
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from tests.support.notifier_rows import queue_messages
from tests.support.pg_cluster import PgCluster
from tests.support.smtp_server import SmtpServer

SENDER = "City 311 <no-reply@city.example>"


def _drain(url: str, host: str, port: int, worker: str, batch: int, ready: Barrier) -> None:
    engine = make_engine(url)
    config = NotifyConfig(
        email=EmailSettings(host, port, SENDER, "none"), source=Path("notify.toml")
    )
    notifier = build_notifier(engine, config, worker=worker, batch=batch)
    ready.wait()  # every process imported and connected: the clock starts
    notifier.run_until_drained(lambda: datetime.now(UTC))
    engine.dispose()


def _round(cluster: PgCluster, name: str, messages: int, processes: int, batch: int) -> float:
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    url = cluster.url(name)
    engine = make_engine(url)
    schema.upgrade(engine)
    keys = queue_messages(engine, [f"resident{n}@example.org" for n in range(messages)])
    engine.dispose()
    server = SmtpServer().start()
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(processes + 1)
    workers = [
        context.Process(
            target=_drain, args=(url, server.host, server.port, f"bench-{n}", batch, ready)
        )
        for n in range(processes)
    ]
    try:
        for worker in workers:
            worker.start()
        ready.wait()
        started = time.perf_counter()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - started
        received = Counter(str(message["Message-ID"]) for message in server.messages)
    finally:
        server.stop()
    if any(worker.exitcode != 0 for worker in workers):
        raise SystemExit(f"a notifier process failed: {[w.exitcode for w in workers]}")
    expected = {f"<{key}@city.example>": 1 for key in keys}
    if received != expected:
        twice = sum(1 for count in received.values() if count > 1)
        raise SystemExit(f"received {len(received)} of {messages}, {twice} more than once")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--batch", type=int, default=50)
    args = parser.parse_args()
    print(f"{platform.node()}: Python {platform.python_version()}, {platform.platform()}")
    cluster = PgCluster().start()
    try:
        for processes in args.processes:
            elapsed = _round(
                cluster, f"bench_notify_{processes}", args.messages, processes, args.batch
            )
            rate = args.messages / elapsed
            print(
                f"{processes} notifier process(es), batch {args.batch}: {args.messages} "
                f"messages in {elapsed:.2f} s, {rate:,.0f} messages/s, each received once"
            )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
