"""The mouse wheel over an input without focus scrolls the screen and changes no answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from operator_console.app.wiring import build_session
from operator_console.storage.db.database import identify, open_database
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.queues.panel import QueuesPanel
from tests.ui.intake_support import open_intake

DOWN = QPoint(0, -120)  # one notch of the wheel, turned towards the person


def _turn_wheel_over(widget: QWidget) -> None:
    """A real wheel notch from the window system, over the middle of `widget`."""
    window = widget.window().windowHandle()
    assert window is not None
    middle = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, middle.toPointF(), DOWN)


def _inputs_added_to_the_form(panel: IntakePanel) -> list[tuple[QWidget, Callable[[], object]]]:
    """One of each kind of input the wheel steps through, put on the intake form as a new
    question would be (no code of their own asks for the guard), with how to read each."""
    spin, double_spin = QSpinBox(), QDoubleSpinBox()
    spin.setValue(5)
    double_spin.setValue(2.5)
    date = QDateEdit(QDate(2026, 12, 8))
    moment = QDateTimeEdit(QDateTime(QDate(2026, 12, 8), QTime(17, 0)))
    layout = panel.ui.questionsLayout
    for field in (spin, double_spin, date, moment):
        layout.addRow(type(field).__name__, field)
    return [
        (spin, spin.value),
        (double_spin, double_spin.value),
        (date, date.date),
        (moment, moment.dateTime),
    ]


def test_the_wheel_over_the_intake_form_scrolls_it_and_changes_no_answer(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    panel.resize(1000, 420)  # short enough for the form to scroll
    panel.categories.choose("street-light-outages")
    lights_out = panel.findChild(QComboBox, "answer_lights_out")
    assert lights_out is not None
    panel.questions.set_answers({"lights_out": "one"})
    language = panel.ui.callerLanguage
    fields = [(lights_out, lights_out.currentText), (language, language.currentText)]
    fields += _inputs_added_to_the_form(panel)
    scroll = panel.ui.formScroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)

    for field, value in fields:
        panel.ui.formScroll.ensureWidgetVisible(field)
        panel.ui.callerPhone.setFocus()
        before, position = value(), scroll.value()
        _turn_wheel_over(field)
        assert value() == before, type(field).__name__
        assert not field.hasFocus(), type(field).__name__
        if position < scroll.maximum():
            assert scroll.value() > position, f"{type(field).__name__}: the form did not scroll"

    for field, value in fields:  # the input the person is in: the wheel steps it as before
        panel.ui.formScroll.ensureWidgetVisible(field)
        field.setFocus()
        before = value()
        _turn_wheel_over(field)
        assert value() != before, type(field).__name__
    assert panel.questions.answers()["lights_out"] != "one"


def test_the_wheel_over_the_queue_filters_changes_no_filter(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    database = open_database(demo_sqlite_url, migrate=False)
    session = build_session(database, identify(database.engine, "supervisor1"))
    panel = QueuesPanel(session, runner)
    qtbot.addWidget(panel)
    panel.resize(1600, 700)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.filters
    bar.use_dates.setChecked(True)
    panel.table.setFocus()
    for field, value in (
        (bar.status, bar.status.currentIndex),
        (bar.priority, bar.priority.currentIndex),
        (bar.date_from, bar.date_from.date),
        (panel.saved, panel.saved.currentIndex),
    ):
        before = value()
        _turn_wheel_over(field)
        assert value() == before, field.accessibleName()
    database.engine.dispose()
    assert Qt.FocusPolicy.StrongFocus == bar.status.focusPolicy()
