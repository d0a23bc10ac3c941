"""The outbox feeds tell a console when messages were queued or moved on, on both databases."""

from __future__ import annotations

import queue

from sqlalchemy import update

from operator_console.services.config_changes import RESYNC
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import notification_outbox
from operator_console.storage.outbox_view.feed import CHANGED, PgOutboxFeed, SqliteOutboxFeed
from tests.support.outbox_messages import EXAMPLES, add_messages
from tests.support.rows import add_requests

WAIT = 10.0


def test_a_console_hears_messages_queued_and_resent(db_url: str) -> None:
    engine = make_engine(db_url)
    [request_id] = add_requests(engine, 1)
    heard: queue.Queue[str] = queue.Queue()
    if engine.dialect.name == "postgresql":
        feed: PgOutboxFeed | SqliteOutboxFeed = PgOutboxFeed(db_url)
    else:
        feed = SqliteOutboxFeed(db_url, interval=0.05)
    feed.start(heard.put)
    try:
        assert heard.get(timeout=WAIT) == RESYNC
        [message_id] = add_messages(engine, request_id, "BOS-26-000001", examples=EXAMPLES[2:3])
        assert heard.get(timeout=WAIT) == CHANGED
        with engine.begin() as connection:
            connection.execute(
                update(notification_outbox)
                .where(notification_outbox.c.id == message_id)
                .values(status="pending", attempts=0, resent_by="supervisor1")
            )
        assert heard.get(timeout=WAIT) == CHANGED
    finally:
        feed.stop()
        engine.dispose()
