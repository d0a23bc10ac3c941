"""The SLA alerts dock: an alert the escalation pass raises appears live on the consoles of the
case's supervisors, never on an operator's; Enter acknowledges it, on every console at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from operator_console.app.alert_wiring import AlertSetup, alert_feed_for, alerts_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.escalation.escalation_pass import run_escalations
from operator_console.storage.db.engine import make_engine
from operator_console.storage.escalation.store import SqlEscalationStore
from operator_console.ui.alerts.panel import AlertsPanel
from operator_console.ui.cases.history_words import describe_entry
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.admin_support import WAIT_MS, seed_small_city
from tests.ui.window_support import delete_maps

DUE = datetime(2030, 1, 7, 15, 0, tzinfo=UTC)  # after any real clock that runs these tests
_SETUP = """
INSERT INTO sla_policies (id, code, name, clock, target_hours)
    VALUES (1, 'day', 'A day', 'calendar', 24);
UPDATE services SET sla_policy_id = 1;
INSERT INTO staff (login, display_name, role) VALUES ('supervisor2', 'Sue Super', 'supervisor');
INSERT INTO staff_queues (staff_id, queue_id)
    SELECT s.id, q.id FROM staff s, queues q
    WHERE s.login LIKE 'supervisor%' AND q.code = 'PWD_STREETS';
INSERT INTO escalation_rules (id, sla_policy_id, trigger, action)
    VALUES (1, NULL, 'overdue', 'notify');
UPDATE service_requests SET due_at = NULL;
"""


def _window(
    url: str, login: str, qtbot: QtBot, runner: BackgroundRunner, drafts: Path
) -> MainWindow:
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    setup = alerts_for(opened.database, opened.staff)
    session = build_session(opened.database, opened.staff)
    window = build_main_window(
        session, runner, drafts / login, alerts=AlertSetup(setup.run_pass, setup.desk)
    )
    qtbot.addWidget(window, before_close_func=delete_maps)
    if setup.desk is not None:
        bus = getattr(window, "alert_bus", None)
        assert isinstance(bus, ConfigBus)
        with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
            bus.attach(alert_feed_for(opened.database))
    return window


def _alerts(window: MainWindow) -> AlertsPanel:
    dock = window.findChild(QDockWidget, "alertsDock")
    assert dock is not None
    panel = dock.widget()
    assert isinstance(panel, AlertsPanel)
    return panel


def test_an_alert_appears_live_for_supervisors_and_not_for_an_operator(
    pg_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    seed_small_city(pg_url)
    engine = make_engine(pg_url)
    with engine.begin() as connection:
        for statement in _SETUP.split(";\n"):
            if statement.strip():
                connection.execute(text(statement))
        case = connection.execute(
            text("SELECT id, reference FROM service_requests ORDER BY id LIMIT 1")
        ).one()
        connection.execute(
            text("UPDATE service_requests SET due_at = :due WHERE id = :id"),
            {"due": DUE, "id": case.id},
        )
    runner = BackgroundRunner()
    try:
        first = _window(pg_url, "supervisor1", qtbot, runner, tmp_path)
        second = _window(pg_url, "supervisor2", qtbot, runner, tmp_path)
        operator = _window(pg_url, "tester", qtbot, runner, tmp_path)
        assert operator.findChild(QDockWidget, "alertsDock") is None
        assert operator.findChild(QToolButton, "alertCountButton") is None

        # Each console ran its own pass at start (nothing was due yet); while one runs, another
        # caller's pass returns at once without firing anything.
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
        assert run_escalations(SqlEscalationStore(engine), DUE.replace(hour=16)) == 1
        for window in (first, second):
            panel = _alerts(window)
            qtbot.waitUntil(lambda panel=panel: panel.model.rowCount() == 1, timeout=WAIT_MS)
            assert panel.model.alert_at(0).reference == case.reference  # type: ignore[union-attr]
            count = window.findChild(QToolButton, "alertCountButton")
            assert count is not None and count.text() == "SLA alerts: 1"
            assert count.font().bold()

        dock = first.findChild(QDockWidget, "alertsDock")
        assert dock is not None and dock.isHidden()  # the list takes room only when asked
        count = first.findChild(QToolButton, "alertCountButton")
        assert count is not None
        count.click()
        assert not dock.isHidden()

        _alerts(first).open_button.click()
        assert first.ui.screens.currentWidget() is first.panels()["case"]

        qtbot.keyClick(_alerts(first).table, Qt.Key.Key_Return)
        for window in (first, second):
            panel = _alerts(window)
            qtbot.waitUntil(lambda panel=panel: panel.model.rowCount() == 0, timeout=WAIT_MS)
        with engine.connect() as connection:
            acknowledged = connection.execute(
                text("SELECT acknowledged_by FROM alerts WHERE request_id = :id"), {"id": case.id}
            ).scalar_one()
        assert acknowledged == "supervisor1"
    finally:
        runner.shutdown()
        engine.dispose()


def test_the_timeline_says_what_the_sla_clock_did_and_why(qtbot: QtBot) -> None:
    entry = HistoryEntry(
        event_id=1,
        at=DUE,
        actor="sla_clock",
        actor_name="sla_clock",
        kind="sla_escalated",
        from_value="QA",
        to_value="QA2",
        reason="overdue_by: move_queue",
        public=False,
        data={
            "trigger": "overdue_by",
            "hours": 8.0,
            "changes": {"queue": ["Streets", "Escalated"]},
        },
    )
    assert describe_entry(entry, "America/New_York") == (
        "The SLA clock escalated it: it is 8 business hours overdue (queue: Streets -> Escalated)"
    )


def test_the_status_bar_counts_every_open_alert_of_the_person_not_the_listed_ones(
    pg_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    seed_small_city(pg_url)
    engine = make_engine(pg_url)
    with engine.begin() as connection:
        for statement in _SETUP.split(";\n"):
            if statement.strip():
                connection.execute(text(statement))
        connection.execute(
            text(
                "INSERT INTO alerts (request_id, department_id, kind, message, created_at)"
                " SELECT r.id, d.id, 'overdue', r.reference || ' is overdue', now()"
                " FROM generate_series(1, :count) n,"
                " (SELECT id, reference FROM service_requests ORDER BY id LIMIT 1) r,"
                " departments d WHERE d.code = :department"
            ),
            [{"count": 250, "department": "PWD"}, {"count": 30, "department": "BTD"}],
        )
        connection.execute(  # an acknowledged one counts no more
            text(
                "UPDATE alerts SET acknowledged_by = 'someone', acknowledged_at = now()"
                " WHERE id = (SELECT min(id) FROM alerts)"
            )
        )
    runner = BackgroundRunner()
    try:
        window = _window(pg_url, "supervisor1", qtbot, runner, tmp_path)
        panel = _alerts(window)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 200, timeout=WAIT_MS)
        count = window.findChild(QToolButton, "alertCountButton")
        assert count is not None and count.text() == "SLA alerts: 249"
        assert panel.more.text() == "The newest 200 of 249 open alerts."
        assert not panel.more.isHidden()
    finally:
        runner.shutdown()
        engine.dispose()
