"""The SLA & calendars page: an admin declares a snow day with the keyboard, is told first how
many open cases it makes due later, and sees the count once it is declared; a bad date stays in
the dialog with what was typed; the page follows another console's change."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.sla import BusinessCalendar
from operator_console.services.admin.sla.closures import ClosureRequest
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import request_events
from operator_console.ui.admin.sla.dialogs import CalendarDialog, ClosureDialog, PolicyDialog
from operator_console.ui.admin.sla.page import SlaPage
from operator_console.ui.admin.sla.table_models import weekday_words
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.admin_support import WAIT_MS, administration, config_bus_of, open_live_window

BOSTON = BusinessCalendar("America/New_York", country="US", subdivision="MA")


def next_working_day() -> date:
    day = datetime.now(ZoneInfo("America/New_York")).date() + timedelta(days=1)
    while not BOSTON.is_working_day(day):
        day += timedelta(days=1)
    return day


def shown_page(window: MainWindow, qtbot: QtBot) -> SlaPage:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    admin.show_page("sla")
    page = admin.page("sla")
    assert isinstance(page, SlaPage)
    qtbot.waitUntil(lambda: page.selected_calendar() is not None, timeout=WAIT_MS)
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_an_admin_declares_a_snow_day_with_the_keyboard_and_sees_the_count(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    window = open_live_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    assert page.selected_calendar() is not None
    page.calendar_table.setFocus()
    qtbot.keyClick(page.calendar_table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, ClosureDialog)
    qtbot.waitUntil(lambda: dialog.day.hasFocus())
    qtbot.keyClicks(focused(), "2026-02-30")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Snow emergency")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    refusal = dialog.findChild(QWidget, "dayRefusal")
    qtbot.waitUntil(lambda: refusal is not None and refusal.isVisible(), timeout=WAIT_MS)
    assert "'2026-02-30' is not a date as YYYY-MM-DD" in refusal.text()  # type: ignore[union-attr]
    assert dialog.isVisible() and dialog.day.hasFocus()
    assert dialog.name.text() == "Snow emergency"

    day = next_working_day().isoformat()
    dialog.day.selectAll()
    qtbot.keyClicks(focused(), day)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview.isVisible(), timeout=WAIT_MS)
    engine = make_engine(demo_sqlite_url)
    expected = SlaDesk(
        lambda: SqlSlaUnitOfWork(engine), StaffIdentity("admin1", "Ada", "admin")
    ).preview_closure(ClosureRequest("boston", day))
    assert expected > 0
    counted = QLocale().toString(expected)
    assert dialog.preview.text() == (
        f"{counted} open cases will be due later. Press Declare closed to confirm."
    )
    assert dialog.ok_button.text() == "&Declare closed"

    with qtbot.waitSignal(config_bus_of(window).changed, timeout=WAIT_MS):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and runner.pending == 0, timeout=WAIT_MS)
    assert page.notice.text() == f"Declared {day} closed: {expected:,} open cases now due later."
    qtbot.waitUntil(lambda: page.closures.rowCount() == 1, timeout=WAIT_MS)
    closure = page.closures.row_at(0)
    assert closure is not None and (closure.day, closure.name) == (day, "Snow emergency")
    with engine.connect() as connection:
        moved = connection.execute(
            select(func.count()).where(request_events.c.kind == "due_changed")
        ).scalar_one()
    engine.dispose()
    assert moved == expected


def test_a_closure_another_console_declares_appears_and_is_removed_here(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    engine = make_engine(demo_sqlite_url)
    elsewhere = SlaDesk(lambda: SqlSlaUnitOfWork(engine), StaffIdentity("admin2", "Bo", "admin"))
    day = next_working_day().isoformat()
    with qtbot.waitSignal(config_bus_of(window).changed, timeout=WAIT_MS):
        declared = elsewhere.declare_closure(ClosureRequest("boston", day, "Snow emergency"))

    qtbot.waitUntil(lambda: page.closures.rowCount() == 1, timeout=WAIT_MS)
    page.closure_table.setFocus()
    qtbot.keyClick(page.closure_table, Qt.Key.Key_Space)
    assert page.selected_closure() is not None
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    question = page.question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert f"Open {day} (Snow emergency) again on boston?" in question.text()
    with qtbot.waitSignal(config_bus_of(window).changed, timeout=WAIT_MS):
        qtbot.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.closures.rowCount() == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    assert page.notice.text() == (
        f"{day} is a working day again: {declared.moved:,} open cases are due earlier again."
    )
    engine.dispose()


def test_a_target_of_minus_three_hours_is_refused_at_its_field_and_nothing_typed_is_lost(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    row = next(n for n, p in enumerate(page.policies.rows()) if p.code == "business-2d")
    page.policy_table.setFocus()
    page.policy_table.selectRow(row)
    qtbot.keyClick(page.policy_table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, PolicyDialog)
    qtbot.waitUntil(lambda: dialog.target.hasFocus())
    dialog.target.selectAll()
    qtbot.keyClicks(focused(), "-3")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.share
    dialog.share.selectAll()
    qtbot.keyClicks(focused(), "50%")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    refusal = dialog.findChild(QWidget, "target_hoursRefusal")
    assert refusal is not None
    qtbot.waitUntil(refusal.isVisible, timeout=WAIT_MS)
    assert refusal.text() == "The target must be more than 0 hours, not -3."  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.target.hasFocus()
    assert dialog.share.text() == "50%"

    dialog.target.selectAll()
    qtbot.keyClicks(focused(), "27")
    with qtbot.waitSignal(config_bus_of(window).changed, timeout=WAIT_MS):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None and runner.pending == 0, timeout=WAIT_MS)
    assert page.notice.text().startswith(
        "2 business days is now 27 working hours, at risk after 50%"
    )
    changed = page.selected_policy()
    assert changed is not None
    assert (changed.code, changed.target_hours, changed.at_risk_fraction) == (
        "business-2d",
        27,
        0.5,
    )


def test_a_calendar_s_time_zone_that_is_none_is_refused_at_its_field(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    page.calendar_table.setFocus()
    qtbot.keyClick(page.calendar_table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, CalendarDialog)
    qtbot.waitUntil(lambda: dialog.start.hasFocus())
    dialog.time_zone.setFocus()
    dialog.time_zone.selectAll()
    qtbot.keyClicks(focused(), "America/Boston")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    refusal = dialog.findChild(QWidget, "time_zoneRefusal")
    assert refusal is not None
    qtbot.waitUntil(refusal.isVisible, timeout=WAIT_MS)
    assert "'America/Boston' is not a time zone name" in refusal.text()  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.time_zone.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)


def test_working_days_are_named_in_the_console_s_language() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
        assert weekday_words((0, 1, 2, 3, 4)) == "lun–vie"
        assert weekday_words((0, 2, 5)) == "lun, mié, sáb"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert weekday_words((0, 1, 2, 3, 4)) == "Mon–Fri"
    finally:
        QLocale.setDefault(before)
