"""The Administration tab: its sections, the keys that move between them, the live Changes log."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events
from operator_console.ui.admin.changes_page import ChangesPage
from operator_console.ui.common.background import BackgroundRunner
from tests.ui.admin_support import WAIT_MS, administration, open_live_window, seed_small_city


def test_an_admin_moves_through_the_sections_with_the_keyboard(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    names = admin.page_names()
    assert names[0] == "staff" and names[-1] == "changes"
    assert admin.sections.accessibleName() == "Administration sections"
    admin.sections.setFocus()
    qtbot.keyClick(admin.sections, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert admin.current_name() == names[1]
    assert admin.pages.currentWidget() is admin.page(names[1])
    focused = QApplication.focusWidget()  # into the page, whose keys need the focus inside
    assert focused is not None and admin.page(names[1]).isAncestorOf(focused)
    qtbot.keyClick(admin.sections, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(admin.sections, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert admin.current_name() == "changes"  # round the list
    assert ("Ctrl+PgDown", "Next administration section") in admin.shortcuts()


def test_the_changes_log_shows_another_console_s_change_without_reloading(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    admin = administration(window)
    admin.show_page("changes")
    page = admin.page("changes")
    assert isinstance(page, ChangesPage)
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(
            insert(config_events).values(
                at=datetime.now(UTC),
                actor="admin2",
                kind="queue_added",
                subject="PWD_SIGNS",
                detail="Added the queue Signs (PWD_SIGNS) to Public Works",
            )
        )
    engine.dispose()
    qtbot.waitUntil(
        lambda: bool(page.lines) and page.lines[0].subject == "PWD_SIGNS", timeout=WAIT_MS
    )
    row = [page.table.item(0, column).text() for column in range(1, 4)]
    assert row == ["admin2", "Queue added", "Added the queue Signs (PWD_SIGNS) to Public Works"]


def test_only_an_admin_has_the_administration_tab(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "supervisor1", runner, qtbot, tmp_path)
    assert "admin" not in window.panels()
