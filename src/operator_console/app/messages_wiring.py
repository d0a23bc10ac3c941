"""Wires the Messages tab: the outbox desk, live on the outbox feed, and on the SQLite demo
the notifier's pass run in the background so the tab shows what would have been sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer

from operator_console.app.notify_cli import deliver_due_messages
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.config_changes import ConfigFeed
from operator_console.services.outbox_view.desk import MessageDesk
from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.storage.db.database import OpenedDatabase
from operator_console.storage.outbox_view.feed import PgOutboxFeed, SqliteOutboxFeed
from operator_console.storage.outbox_view.reads import SqlOutboxReads
from operator_console.storage.outbox_view.resend_work import SqlResendWork
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.messages.panel import MessagesPanel
from operator_console.ui.shell.main_window import MainWindow

DELIVERY_PASS_MS = 10_000
"""How often the SQLite demo console runs the notifier's pass."""


@dataclass(frozen=True)
class MessagesSetup:
    """What the Messages tab needs: the desk, the feed that keeps it live, and on the SQLite
    demo one pass of the notifier (None where the notifier runs as a service of its own)."""

    desk: MessageDesk
    feed: ConfigFeed | None = None
    delivery_pass: Callable[[], object] | None = None


def messages_for(database: OpenedDatabase, staff: StaffIdentity) -> MessagesSetup:
    """On SQLite (the demo, a one-seat office) the console hands the messages on itself: no
    delivery is configured there, so each is held with the reason, to be read in the tab."""
    engine = database.engine
    desk = MessageDesk(SqlOutboxReads(engine), lambda: SqlResendWork(engine), staff)
    delivery_pass = None
    if database.dialect == "sqlite":

        def delivery_pass() -> object:
            return deliver_due_messages(engine, worker=f"console:{staff.login}")

    return MessagesSetup(desk, outbox_feed_for(database), delivery_pass)


def outbox_feed_for(database: OpenedDatabase) -> ConfigFeed:
    url = database.engine.url
    if database.password is not None:  # typed at sign-in: the engine keeps it out of its URL
        url = url.set(password=database.password)
    if database.dialect == "postgresql":
        return PgOutboxFeed(url)
    return SqliteOutboxFeed(str(url.database))


def add_messages(
    window: MainWindow,
    setup: MessagesSetup,
    runner: BackgroundRunner,
    time_zone: str,
    open_case: Callable[[int], None],
    pass_interval_ms: int = DELIVERY_PASS_MS,
) -> MessagesPanel:
    """The Messages tab, live on the outbox feed; with a delivery pass, a timer runs it on
    the runner every `pass_interval_ms`, never two at once."""
    panel = MessagesPanel(setup.desk, runner, time_zone)
    window.add_panel("messages", QCoreApplication.translate("MainWindow", "Messages"), panel)
    panel.case_opened.connect(open_case)
    bus = _follow(window, panel, setup.feed)
    case = window.panels().get("case")
    if isinstance(case, CaseDetailPanel):
        bus.changed.connect(lambda _kind: _follow_case_messages(case, setup.desk, runner))
    if setup.delivery_pass is not None:
        _deliver_in_background(window, panel, runner, setup.delivery_pass, pass_interval_ms)
    return panel


def _follow_case_messages(
    case: CaseDetailPanel, desk: MessageDesk, runner: BackgroundRunner
) -> None:
    """Read the case on screen again when its messages changed (not for other cases')."""
    request_id, detail = case.request_id, case.detail
    if request_id is None or detail is None or detail.record.state.id != request_id:
        return

    def compare(messages: tuple[OutboxMessage, ...]) -> None:
        case.problem.resolve("case-messages")
        shown = case.detail
        if case.request_id == request_id and shown and messages != shown.record.messages:
            case.show_case(request_id)

    runner.submit_latest(
        "case-messages",
        lambda: desk.case_messages(request_id),
        compare,
        lambda error: case.problem.report_error(
            "case-messages",
            QCoreApplication.translate("CaseDetailPanel", "The case's messages cannot be read: %1"),
            error,
        ),
        owner=case,
    )


def _deliver_in_background(
    window: MainWindow,
    panel: MessagesPanel,
    runner: BackgroundRunner,
    delivery_pass: Callable[[], object],
    interval_ms: int,
) -> None:
    timer = QTimer(window)
    timer.setObjectName("deliveryPassTimer")
    timer.setInterval(interval_ms)
    running: list[bool] = []

    def run_once() -> None:
        if running:
            return
        running.append(True)
        runner.submit(delivery_pass, lambda _sent: done(), failed, owner=timer)

    def done() -> None:
        running.clear()
        panel.problem.resolve("delivery")

    def failed(error: BaseException) -> None:
        running.clear()
        panel.problem.report_error(
            "delivery",
            QCoreApplication.translate("MessagesPanel", "The messages could not be handed on: %1"),
            error,
            run_once,
        )

    timer.timeout.connect(run_once)
    timer.start()
    run_once()


def _follow(window: MainWindow, panel: MessagesPanel, feed: ConfigFeed | None) -> ConfigBus:
    bus = ConfigBus(window)
    window.outbox_bus = bus  # type: ignore[attr-defined]
    if feed is not None:
        bus.attach(feed)
    bus.changed.connect(panel.on_outbox_changed)
    stopped: list[bool] = []

    def stop() -> None:
        if not stopped and shiboken6.isValid(bus):
            stopped.append(True)
            bus.shutdown()

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop)
    window.destroyed.connect(stop)
    return bus
