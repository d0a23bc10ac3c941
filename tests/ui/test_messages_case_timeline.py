"""The case screen's timeline lists each message to the case's callers with where its delivery
stands: sent, failing and due again, undeliverable or held, and follows the outbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from operator_console.app.messages_wiring import MessagesSetup, messages_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.storage.db.engine import make_engine
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from tests.support.outbox_messages import EXAMPLES, add_caller, add_messages, first_request
from tests.ui.admin_support import WAIT_MS, seed_small_city
from tests.ui.window_support import delete_maps

LATER = datetime(2026, 12, 7, 18, 0, tzinfo=UTC)


def test_the_case_timeline_says_how_each_message_fared(
    sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(sqlite_url)
    engine = make_engine(sqlite_url)
    request_id, reference = first_request(engine)
    caller_id = add_caller(engine, "ana.lopes@example.org", "+16175550142")
    add_messages(engine, request_id, reference, caller_id, EXAMPLES[:4])
    opened = open_for_console(Settings(sqlite_url, False, "tester", None, "test"))
    assert opened.staff is not None
    setup = messages_for(opened.database, opened.staff)
    window = build_main_window(
        build_session(opened.database, opened.staff),
        runner,
        tmp_path / "drafts",
        messages=MessagesSetup(setup.desk),
    )
    qtbot.addWidget(window, before_close_func=delete_maps)
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)

    with qtbot.waitSignal(case.case_loaded, timeout=WAIT_MS):
        case.show_case(request_id)
    timeline = case.timeline.toPlainText()
    assert "E-mail in Spanish to a…@example.org: sent " in timeline
    assert "Text message: failed 3 times, next try " in timeline
    assert "(451 mailbox busy)" in timeline
    assert "Undeliverable: 550 no such user" in timeline
    assert "Held: no mail server is configured" in timeline
    assert timeline.index("Held:") < timeline.index("sent ")  # newest first
    assert timeline.count("Request received") == 3 and "Work started" in timeline

    bus = getattr(window, "outbox_bus", None)
    assert isinstance(bus, ConfigBus)
    add_messages(engine, request_id, reference, caller_id, EXAMPLES[4:], start=LATER)
    with qtbot.waitSignal(case.case_loaded, timeout=WAIT_MS):
        bus.publish("changed")  # what the outbox feed says when a message is queued
    assert "Undeliverable: number not in service" in case.timeline.toPlainText()
    engine.dispose()
