"""The Escalation rules page: an admin adds a rule with the keyboard (hours and a queue refused
at their fields, what was typed kept), changes its policy and makes it inactive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import escalation_rules, queues, sla_policies
from operator_console.ui.admin.escalation.page import EscalationRulesPage
from operator_console.ui.admin.escalation.rule_dialog import RuleDialog
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.admin_support import WAIT_MS, administration, open_live_window

QUEUE = "BWSC_Pothole"


def shown_page(window: MainWindow, qtbot: QtBot) -> EscalationRulesPage:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    admin.show_page("escalation")
    page = admin.page("escalation")
    assert isinstance(page, EscalationRulesPage)
    qtbot.waitUntil(page.loaded, timeout=WAIT_MS)
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Choose an item with the keyboard, as a person would: focus, then arrow keys."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        step = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, step)


def refusal_of(dialog: RuleDialog, field: str) -> QWidget:
    label = dialog.findChild(QWidget, f"{field}Refusal")
    assert label is not None
    return label


def test_an_admin_adds_changes_and_deactivates_a_rule_with_refusals_at_the_fields(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    assert page.rules.rowCount() == 0
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    qtbot.waitUntil(dialog.trigger.hasFocus)
    assert not dialog.hours.isEnabled() and not dialog.queue.isEnabled()
    choose(qtbot, dialog.trigger, "overdue_by")
    assert dialog.hours.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.hours
    qtbot.keyClicks(focused(), "eight")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    hours_refusal = refusal_of(dialog, "hours")
    qtbot.waitUntil(hours_refusal.isVisible, timeout=WAIT_MS)
    assert hours_refusal.text() == "'eight' is not a number of hours."  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.hours.hasFocus()

    dialog.hours.selectAll()
    qtbot.keyClicks(focused(), "8")
    choose(qtbot, dialog.action, "move_queue")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # no queue chosen: the service says so
    queue_refusal = refusal_of(dialog, "queue")
    qtbot.waitUntil(queue_refusal.isVisible, timeout=WAIT_MS)
    assert "needs the queue to move the case to" in queue_refusal.text()  # type: ignore[attr-defined]
    assert dialog.queue.hasFocus() and dialog.hours.text() == "8"

    choose(qtbot, dialog.queue, QUEUE)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and runner.pending == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.rules.rowCount() == 1, timeout=WAIT_MS)
    line = page.rules.row_at(0)
    assert line is not None
    assert page.notice.text() == (
        f"Escalation rule {line.rule.id} added: overdue by 8 business hours: move to {QUEUE}"
        " (every policy)."
    )
    assert (line.rule.trigger, line.rule.hours, line.queue_code, line.policy_code) == (
        "overdue_by",
        8,
        QUEUE,
        None,
    )

    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    change = page.dialog
    assert isinstance(change, RuleDialog)
    qtbot.waitUntil(change.trigger.hasFocus)
    assert change.hours.text() == "8" and change.queue.currentData() == QUEUE
    choose(qtbot, change.policy, "business-2d")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and runner.pending == 0, timeout=WAIT_MS)
    assert page.notice.text().endswith("(policy business-2d).")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    page.select_rule(line.rule.id)
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.notice.text().endswith("(what it fired stays)."), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    assert page.active_button.text() == "Make &active"
    engine = make_engine(demo_sqlite_url)
    with engine.connect() as connection:
        stored = connection.execute(
            select(escalation_rules.c.active, sla_policies.c.code, queues.c.code)
            .join(sla_policies, sla_policies.c.id == escalation_rules.c.sla_policy_id)
            .join(queues, queues.c.id == escalation_rules.c.queue_id)
        ).one()
    engine.dispose()
    assert tuple(stored) == (False, "business-2d", QUEUE)
