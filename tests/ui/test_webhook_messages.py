"""Webhook deliveries in the Messages tab: listed beside residents' messages, in words, and
found with the channel filter's "Webhook"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from operator_console.app.messages_wiring import MessagesSetup, messages_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import notification_outbox
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.messages.panel import MessagesPanel
from tests.support.outbox_messages import EXAMPLES, add_caller, add_messages, first_request
from tests.ui.admin_support import WAIT_MS, seed_small_city
from tests.ui.window_support import delete_maps

HOOK_URL = "https://works.city.example/311/resolved"


def test_a_parked_webhook_is_listed_as_a_webhook_and_found_by_its_channel(
    sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(sqlite_url)
    engine = make_engine(sqlite_url)
    request_id, reference = first_request(engine)
    add_messages(engine, request_id, reference, add_caller(engine, "a@example.org", "+1617"))
    body = json.dumps({"event": "resolved", "request": {"service_request_id": reference}})
    with engine.begin() as connection:
        connection.execute(
            insert(notification_outbox).values(
                request_id=request_id,
                channel="webhook",
                recipient=HOOK_URL,
                subject="resolved",
                body=body,
                created_at=datetime.now(UTC),
                reference=reference,
                kind="resolved",
                status="undeliverable",
                attempts=1,
                last_error=f"{HOOK_URL} refused it (410): gone",
                idempotency_key="webhook-1-1",
            )
        )
    engine.dispose()
    opened = open_for_console(Settings(sqlite_url, False, "supervisor1", None, "test"))
    assert opened.staff is not None
    setup = messages_for(opened.database, opened.staff)
    session = build_session(opened.database, opened.staff)
    window = build_main_window(
        session, runner, tmp_path / "drafts", messages=MessagesSetup(setup.desk)
    )
    qtbot.addWidget(window, before_close_func=delete_maps)
    panel = window.panels()["messages"]
    assert isinstance(panel, MessagesPanel)
    qtbot.waitUntil(
        lambda: not panel.loading and panel.model.rowCount() == len(EXAMPLES) + 1,
        timeout=WAIT_MS,
    )

    channels = [panel.channel.itemText(i) for i in range(panel.channel.count())]
    assert channels == ["Every channel", "E-mail", "Text message", "Webhook"]
    panel.channel.setCurrentIndex(channels.index("Webhook"))
    qtbot.waitUntil(lambda: not panel.loading and panel.model.rowCount() == 1, timeout=WAIT_MS)
    words = [
        str(panel.model.index(0, column).data()) for column in range(panel.model.columnCount())
    ]
    assert "Webhook" in words and "Resolved" in words and "Undeliverable" in words
    assert any("refused it (410)" in word for word in words)
