"""The Messages tab: every role reads the outbox, filtered by status with counts; a supervisor
corrects an address and sends again, and the row turns pending; an operator cannot; Enter opens
the case; a message queued at another console appears live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from operator_console.app.messages_wiring import MessagesSetup, messages_for, outbox_feed_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import notification_outbox
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.messages.model import STATUS_COLUMN
from operator_console.ui.messages.panel import MessagesPanel
from operator_console.ui.messages.resend_dialog import ResendDialog
from operator_console.ui.shell.main_window import MainWindow
from tests.support.outbox_messages import (
    EXAMPLES,
    Example,
    add_caller,
    add_messages,
    first_request,
)
from tests.ui.admin_support import WAIT_MS, seed_small_city
from tests.ui.window_support import delete_maps


def _window(
    url: str, login: str, qtbot: QtBot, runner: BackgroundRunner, drafts: Path, live: bool
) -> MainWindow:
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    setup = messages_for(opened.database, opened.staff)
    session = build_session(opened.database, opened.staff)
    window = build_main_window(session, runner, drafts / login, messages=MessagesSetup(setup.desk))
    qtbot.addWidget(window, before_close_func=delete_maps)
    if live:
        bus = getattr(window, "outbox_bus", None)
        assert isinstance(bus, ConfigBus)
        with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
            bus.attach(outbox_feed_for(opened.database))
    return window


def _messages(window: MainWindow) -> MessagesPanel:
    panel = window.panels()["messages"]
    assert isinstance(panel, MessagesPanel)
    return panel


def _rows_shown(qtbot: QtBot, panel: MessagesPanel, count: int) -> None:
    qtbot.waitUntil(lambda: not panel.loading and panel.model.rowCount() == count, timeout=WAIT_MS)


def _status_text(panel: MessagesPanel, row: int) -> str:
    return str(panel.model.index(row, STATUS_COLUMN).data())


def test_a_supervisor_filters_corrects_and_sends_again(
    sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(sqlite_url)
    engine = make_engine(sqlite_url)
    request_id, reference = first_request(engine)
    caller_id = add_caller(engine, "no.such.user@example.org", "+16175550199")
    ids = add_messages(engine, request_id, reference, caller_id)
    window = _window(sqlite_url, "supervisor1", qtbot, runner, tmp_path, live=False)
    panel = _messages(window)
    _rows_shown(qtbot, panel, len(EXAMPLES))

    assert panel.status.itemText(0) == "All (5)"
    assert panel.status.itemText(3) == "Undeliverable (2)"
    assert [_status_text(panel, row) for row in range(5)] == [
        "Undeliverable",
        "Held",
        "Undeliverable",
        "Pending",
        "Sent",
    ]
    panel.status.setCurrentIndex(3)
    _rows_shown(qtbot, panel, 2)
    panel.select_message(ids[2])
    assert "We received your request" in panel.body.toPlainText()
    assert "Subject: Your request" in panel.heading.text()

    assert panel.resend_button is not None and panel.resend_button.isEnabled()
    panel.resend_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ResendDialog)
    assert dialog.address.text() == "no.such.user@example.org"
    dialog.address.setText("ana.lopes@")
    dialog.send_button.click()
    qtbot.waitUntil(dialog.problem.isVisible, timeout=WAIT_MS)
    assert "is not an e-mail address" in dialog.problem.text()
    assert dialog.isVisible() and dialog.address.text() == "ana.lopes@"  # nothing lost

    dialog.address.setText("ana.lopes@example.org")
    with qtbot.waitSignal(panel.resent, timeout=WAIT_MS):
        dialog.send_button.click()
    _rows_shown(qtbot, panel, 1)  # it left the undeliverable ones
    assert panel.receipt.text() == (
        f"The message about {reference} will be sent again, to ana.lopes@example.org."
    )
    assert panel.status.itemText(1) == "Pending (2)"
    panel.status.setCurrentIndex(0)
    _rows_shown(qtbot, panel, 5)
    row = panel.model.row_of(ids[2])
    assert _status_text(panel, row) == "Pending"
    assert panel.model.message_at(row).recipient == "ana.lopes@example.org"  # type: ignore[union-attr]

    panel.search.setText(reference)
    qtbot.waitUntil(lambda: not panel.loading and panel.page is not None, timeout=WAIT_MS)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.ui.screens.currentWidget() is window.panels()["case"]
    engine.dispose()


def test_an_operator_reads_the_messages_without_resending(
    sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(sqlite_url)
    engine = make_engine(sqlite_url)
    request_id, reference = first_request(engine)
    add_messages(engine, request_id, reference)
    window = _window(sqlite_url, "tester", qtbot, runner, tmp_path, live=False)
    panel = _messages(window)
    _rows_shown(qtbot, panel, len(EXAMPLES))

    assert panel.resend_button is None
    assert window.findChild(QPushButton, "resendButton") is None
    panel.correct_and_resend()
    assert panel.dialog is None
    engine.dispose()


def test_a_message_queued_elsewhere_appears_live(
    pg_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(pg_url)
    engine = make_engine(pg_url)
    request_id, reference = first_request(engine)
    window = _window(pg_url, "supervisor1", qtbot, runner, tmp_path, live=True)
    panel = _messages(window)
    _rows_shown(qtbot, panel, 0)
    assert panel.note.text() == "No message matches these choices."

    add_messages(engine, request_id, reference, examples=EXAMPLES[2:3])
    _rows_shown(qtbot, panel, 1)
    assert panel.status.itemText(3) == "Undeliverable (1)"
    engine.dispose()


def test_the_sqlite_console_hands_due_messages_on_and_shows_them_held(
    sqlite_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    seed_small_city(sqlite_url)
    engine = make_engine(sqlite_url)
    request_id, reference = first_request(engine)
    due = Example("pending", "email", "ana.lopes@example.org")
    [message_id] = add_messages(engine, request_id, reference, examples=(due,))
    with engine.begin() as connection:  # due now
        connection.execute(update(notification_outbox).values(next_attempt_at=None))
    opened = open_for_console(Settings(sqlite_url, False, "supervisor1", None, "test"))
    assert opened.staff is not None
    setup = messages_for(opened.database, opened.staff)
    assert setup.delivery_pass is not None  # SQLite: the console itself hands messages on
    window = build_main_window(
        build_session(opened.database, opened.staff),
        runner,
        tmp_path / "drafts",
        messages=MessagesSetup(setup.desk, delivery_pass=setup.delivery_pass),
    )
    qtbot.addWidget(window, before_close_func=delete_maps)
    assert window.findChild(QTimer, "deliveryPassTimer") is not None
    panel = _messages(window)

    def held() -> bool:
        message = panel.model.message_at(panel.model.row_of(message_id))
        return message is not None and message.status == "held"

    def stored_status() -> str:
        with engine.connect() as connection:
            return str(
                connection.execute(
                    select(notification_outbox.c.status).where(
                        notification_outbox.c.id == message_id
                    )
                ).scalar_one()
            )

    qtbot.waitUntil(lambda: stored_status() == "held", timeout=WAIT_MS)
    assert not panel.problem.text()
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading and held(), timeout=WAIT_MS)
    row = panel.model.row_of(message_id)
    assert _status_text(panel, row) == "Held"
    assert panel.model.message_at(row).last_error  # type: ignore[union-attr]
    engine.dispose()
