"""Two notifiers drain the same PostgreSQL outbox at once: every message reaches the SMTP
server exactly once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from operator_console.app.notify_cli import build_notifier
from operator_console.channels.config import NotifyConfig
from operator_console.channels.email import EmailSettings
from operator_console.services.notify.notifier import PassCounts
from operator_console.storage.db.engine import make_engine
from tests.support.notifier_rows import outbox_rows, queue_messages
from tests.support.smtp_server import SmtpServer

MESSAGES = 1000


def test_two_notifiers_in_two_threads_send_each_message_exactly_once(pg_url: str) -> None:
    setup = make_engine(pg_url)
    keys = queue_messages(setup, [f"resident{n}@example.org" for n in range(MESSAGES)])
    server = SmtpServer().start()
    settings = EmailSettings(server.host, server.port, "311 <no-reply@city.example>", "none")
    config = NotifyConfig(email=settings, source=Path("notify.toml"))
    start = threading.Barrier(2)
    results: dict[str, PassCounts] = {}
    failures: list[BaseException] = []

    def drain(worker: str) -> None:
        engine = make_engine(pg_url)
        try:
            notifier = build_notifier(engine, config, worker=worker, batch=25)
            start.wait()
            results[worker] = notifier.run_until_drained(lambda: datetime.now(UTC))
        except BaseException as exc:
            failures.append(exc)
            raise
        finally:
            engine.dispose()

    threads = [threading.Thread(target=drain, args=(f"notifier-{n}",)) for n in (1, 2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not failures
        received = server.message_ids()
    finally:
        server.stop()
    assert received == {f"<{key}@city.example>": 1 for key in keys}
    assert sum(counts.sent for counts in results.values()) == MESSAGES
    assert all(counts.sent > 0 for counts in results.values()), results
    rows = outbox_rows(setup)
    setup.dispose()
    assert {(row.status, row.attempts) for row in rows} == {("sent", 1)}
