"""Wires the SLA clock into a console: the escalation pass each minute, and the alerts dock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolButton

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.config_changes import ConfigFeed
from operator_console.services.escalation.alerts import AlertDesk, sees_alerts
from operator_console.services.escalation.escalation_pass import run_escalations
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import OpenedDatabase
from operator_console.storage.escalation.alerts import SqlAlertStore
from operator_console.storage.escalation.feed import PgAlertFeed, SqliteAlertFeed
from operator_console.storage.escalation.store import SqlEscalationStore
from operator_console.ui.alerts.clock import EscalationClock
from operator_console.ui.alerts.panel import AlertsPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.formatting import whole_number
from operator_console.ui.shell.main_window import MainWindow

ALERTS_KEY = "F9"
"""Shows or hides the SLA alerts list."""


@dataclass(frozen=True)
class AlertSetup:
    """What a console needs for the SLA clock: the pass, and for those who see alerts
    (dispatchers, supervisors, admins) the alert desk and the feed that keeps it live."""

    run_pass: Callable[[], int]
    desk: AlertDesk | None = None
    feed: ConfigFeed | None = None


def alerts_for(database: OpenedDatabase, staff: StaffIdentity) -> AlertSetup:
    store = SqlEscalationStore(database.engine)

    def run_pass() -> int:
        return run_escalations(store, datetime.now(UTC))

    if not sees_alerts(staff):
        return AlertSetup(run_pass)
    return AlertSetup(
        run_pass, AlertDesk(SqlAlertStore(database.engine), staff), alert_feed_for(database)
    )


def alert_feed_for(database: OpenedDatabase) -> ConfigFeed:
    url = database.engine.url
    if database.password is not None:  # typed at sign-in: the engine keeps it out of its URL
        url = url.set(password=database.password)
    if database.dialect == "postgresql":
        return PgAlertFeed(url)
    return SqliteAlertFeed(str(url.database))


def add_alerts(
    window: MainWindow,
    setup: AlertSetup,
    session: ConsoleSession,
    runner: BackgroundRunner,
    open_case: Callable[[int], None],
    pass_interval_ms: int = 60_000,
) -> AlertsPanel | None:
    """Start the console's escalation clock; for those who see alerts, the SLA alerts dock,
    its count in the status bar, live on the alert feed. None for an operator's console."""
    clock = EscalationClock(setup.run_pass, runner, pass_interval_ms, parent=window)
    clock.start()
    if setup.desk is None:
        return None
    panel = AlertsPanel(setup.desk, runner, session.time_zone)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "SLA alerts"), window)
    dock.setObjectName("alertsDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # the count says when there is something; the list takes room only when asked
    toggle = dock.toggleViewAction()
    toggle.setShortcut(QKeySequence(ALERTS_KEY))
    toggle.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(toggle)
    count = QToolButton(window)
    count.setObjectName("alertCountButton")
    count.setAutoRaise(True)
    count.clicked.connect(lambda: _show_list(dock, panel))
    window.statusBar().addPermanentWidget(count)

    def show_count(open_alerts: int) -> None:
        text = QCoreApplication.translate("MainWindow", "SLA alerts: %1")
        count.setText(text.replace("%1", whole_number(open_alerts)))
        count.setToolTip(
            QCoreApplication.translate("MainWindow", "Show the SLA alerts (%1)").replace(
                "%1", ALERTS_KEY
            )
        )
        font = count.font()
        font.setBold(open_alerts > 0)
        count.setFont(font)

    panel.count_changed.connect(show_count)
    panel.case_opened.connect(open_case)
    _follow(window, panel, setup.feed)
    panel.reload()
    return panel


def _show_list(dock: QDockWidget, panel: AlertsPanel) -> None:
    dock.show()
    dock.raise_()
    panel.table.setFocus()


def _follow(window: MainWindow, panel: AlertsPanel, feed: ConfigFeed | None) -> None:
    bus = ConfigBus(window)
    window.alert_bus = bus  # type: ignore[attr-defined]
    if feed is not None:
        bus.attach(feed)
    bus.changed.connect(panel.on_alerts_changed)
    stopped: list[bool] = []

    def stop() -> None:
        if not stopped and shiboken6.isValid(bus):
            stopped.append(True)
            bus.shutdown()

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop)
    window.destroyed.connect(stop)
