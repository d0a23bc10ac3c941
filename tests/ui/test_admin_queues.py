"""The Queues & teams page: an admin adds a crew with the keyboard alone; a refusal stays at its
field with what was typed; another console's change appears without reloading."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.admin.queues.ports import QueueDraft
from operator_console.storage.admin.queues.store import SqlQueueAdminUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events
from operator_console.ui.admin.queues.dialogs import AddQueueDialog
from operator_console.ui.admin.queues.page import QueuesPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.admin_support import WAIT_MS, administration, open_live_window, seed_small_city


def shown_page(window: MainWindow, qtbot: QtBot) -> QueuesPage:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    admin = administration(window)
    admin.show_page("queues")
    page = admin.page("queues")
    assert isinstance(page, QueuesPage)
    qtbot.waitUntil(lambda: page.tree_data.queue("PWD_STREETS") is not None, timeout=WAIT_MS)
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_an_admin_adds_a_crew_under_a_queue_with_the_keyboard(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    page.select_code("PWD_STREETS")
    page.tree.setFocus()
    qtbot.keyClick(
        page.tree,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = page.dialog
    assert isinstance(dialog, AddQueueDialog)
    qtbot.waitUntil(lambda: dialog.kind.hasFocus())
    assert dialog.parent_queue.currentData() == "PWD_STREETS"  # the selected queue
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # a crew rather than a team
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Night crew")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "PWD_STREETS")  # taken: refused at the code, nothing lost
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already used by Streets" in dialog.refusal_text(), timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.code.hasFocus()
    assert dialog.name.text() == "Night crew"
    qtbot.keyClicks(focused(), "_NIGHT")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tree_data.queue("PWD_STREETS_NIGHT") is not None, timeout=WAIT_MS)
    [crew] = page.tree_data.under("PWD_STREETS")
    assert (crew.values.name, crew.values.kind) == ("Night crew", "crew")
    assert page.notice.text() == (
        "Added the crew Night crew (PWD_STREETS_NIGHT) under Streets (PWD_STREETS)."
    )
    assert page.selected() == crew
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        kinds = connection.execute(select(config_events.c.kind)).scalars().all()
    engine.dispose()
    assert kinds == ["team_added"]


def test_a_queue_another_console_adds_appears_without_reloading(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    engine = make_engine(sqlite_url)
    other = QueueDesk(
        lambda: SqlQueueAdminUnitOfWork(engine), StaffIdentity("admin2", "Bo", "admin")
    )
    other.add(QueueDraft("BTD_SIGNALS", "Signals", "BTD"))
    engine.dispose()
    qtbot.waitUntil(lambda: page.tree_data.queue("BTD_SIGNALS") is not None, timeout=WAIT_MS)


def test_deactivating_says_how_many_open_cases_stay_first(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "admin1", runner, qtbot, tmp_path)
    page = shown_page(window, qtbot)
    page.select_code("PWD_STREETS")
    page.active_button.click()
    qtbot.waitUntil(lambda: page.question is not None, timeout=WAIT_MS)
    question = page.question
    assert question is not None
    assert "It has 3 open cases: they stay in it" in question.informativeText()
    question.defaultButton().click()
    qtbot.waitUntil(lambda: "3 open cases stay in it" in page.notice.text(), timeout=WAIT_MS)

    def shown_inactive() -> bool:  # the tree is read again after the notice
        row = page.selected()
        return row is not None and not row.values.active

    qtbot.waitUntil(shown_inactive, timeout=WAIT_MS)
    assert page.active_button.text() == "Re&activate"
