"""The alert feeds tell a console when alerts were raised or acknowledged, on both databases."""

from __future__ import annotations

import queue
from datetime import UTC, datetime

from sqlalchemy import insert, update

from operator_console.services.config_changes import RESYNC
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import alerts
from operator_console.storage.escalation.feed import CHANGED, PgAlertFeed, SqliteAlertFeed
from tests.support.rows import add_requests

WAIT = 10.0


def test_a_console_hears_alerts_raised_and_acknowledged(db_url: str) -> None:
    engine = make_engine(db_url)
    [request_id] = add_requests(engine, 1)
    heard: queue.Queue[str] = queue.Queue()
    if engine.dialect.name == "postgresql":
        feed: PgAlertFeed | SqliteAlertFeed = PgAlertFeed(db_url)
    else:
        feed = SqliteAlertFeed(db_url, interval=0.05)
    feed.start(heard.put)
    try:
        assert heard.get(timeout=WAIT) == RESYNC
        now = datetime.now(UTC)
        with engine.begin() as connection:
            connection.execute(
                insert(alerts).values(
                    request_id=request_id, kind="overdue", message="late", created_at=now
                )
            )
        assert heard.get(timeout=WAIT) == CHANGED
        with engine.begin() as connection:
            connection.execute(update(alerts).values(acknowledged_by="sup", acknowledged_at=now))
        assert heard.get(timeout=WAIT) == CHANGED
    finally:
        feed.stop()
        engine.dispose()
