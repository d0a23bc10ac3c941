"""The Staff screen on the demo city (SQLite): an admin adds a person and disables one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.services.staff.desk import StaffDesk
from operator_console.storage.db.database import open_database
from operator_console.storage.db.tables import staff, staff_events
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.staff.dialogs import AddStaffDialog, ChangeRoleDialog, QueuesDialog
from operator_console.ui.staff.panel import StaffPanel
from operator_console.ui.staff.table_model import QUEUES_COLUMN
from tests.support.staff import ADMIN1
from tests.ui.screen_support import open_demo_window, reachable, screen_rect

WAIT_MS = 15_000


@pytest.fixture
def engine(demo_sqlite_url: str) -> Iterator[Engine]:
    database = open_database(demo_sqlite_url, migrate=False)
    yield database.engine
    database.engine.dispose()


@pytest.fixture
def panel(engine: Engine, runner: BackgroundRunner, qtbot: QtBot) -> StaffPanel:
    desk = StaffDesk(lambda: SqlStaffUnitOfWork(engine), ADMIN1)
    shown = StaffPanel(desk, runner)
    qtbot.addWidget(shown)
    shown.resize(1200, 640)
    shown.show()
    qtbot.waitExposed(shown)
    shown.refresh()
    qtbot.waitUntil(lambda: shown.model.rowCount() > 0, timeout=WAIT_MS)
    return shown


def _events(engine: Engine, login: str) -> list[tuple[str, str]]:
    e = staff_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.actor).where(e.login == login).order_by(e.id)
        ).all()
    return [(row.kind, row.actor) for row in rows]


def test_an_admin_adds_a_person_from_the_keyboard(
    panel: StaffPanel, engine: Engine, qtbot: QtBot
) -> None:
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.dialog
    assert isinstance(dialog, AddStaffDialog)
    assert not dialog.password.isVisibleTo(dialog)  # the demo has no sign-in
    qtbot.keyClicks(dialog.login, "J Smith")
    qtbot.keyClicks(dialog.name, "Jo Smith")
    dialog.role.setCurrentIndex(dialog.role.findData("dispatcher"))
    dialog.queues.item(0).setCheckState(Qt.CheckState.Checked)
    queue_code = dialog.queues.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.refusal.isVisible, timeout=WAIT_MS)
    assert "'J Smith' is not a login the console accepts" in dialog.refusal.text()
    assert dialog.isVisible() and dialog.name.text() == "Jo Smith"  # nothing typed is lost

    dialog.login.setText("jsmith")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.model.row_of("jsmith") is not None, timeout=WAIT_MS)
    assert panel.notice.text() == "Added Jo Smith (jsmith) as a dispatcher, in 1 queue."
    assert panel.selected() is not None and panel.selected().queues == (queue_code,)
    with engine.connect() as connection:
        row = connection.execute(select(staff).where(staff.c.login == "jsmith")).one()
    assert (row.display_name, row.role, row.active) == ("Jo Smith", "dispatcher", True)
    assert _events(engine, "jsmith") == [("added", "admin1")]


def test_an_admin_disables_a_person_after_saying_yes_and_enables_them_again(
    panel: StaffPanel, engine: Engine, qtbot: QtBot
) -> None:
    panel.select_login("operator1")
    assert panel.active_button.text() == "&Disable"
    panel.active_button.click()
    question = panel.question
    assert isinstance(question, QMessageBox)
    assert "Disable Maria Alvarez (operator1)?" in question.text()
    question.defaultButton().click()
    qtbot.waitUntil(
        lambda: not panel.model.member_at(_row(panel, "operator1")).active, timeout=WAIT_MS
    )
    assert "can no longer sign in; their history stays" in panel.notice.text()
    assert panel.selected() is not None and panel.selected().login == "operator1"
    assert panel.active_button.text() == "&Enable"
    panel.active_button.click()  # enabling asks nothing
    qtbot.waitUntil(lambda: panel.model.member_at(_row(panel, "operator1")).active, timeout=WAIT_MS)
    assert _events(engine, "operator1") == [("disabled", "admin1"), ("enabled", "admin1")]


def test_cancel_disables_nobody(panel: StaffPanel, engine: Engine, qtbot: QtBot) -> None:
    panel.select_login("operator2")
    panel.active_button.click()
    question = panel.question
    assert question is not None
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert panel.question is None
    assert _events(engine, "operator2") == []


def test_an_admin_disabling_themselves_is_told_why_not(panel: StaffPanel, qtbot: QtBot) -> None:
    panel.select_login("admin1")
    panel.active_button.click()
    assert panel.question is not None
    panel.question.defaultButton().click()
    qtbot.waitUntil(panel.problem.isVisible, timeout=WAIT_MS)
    assert "You cannot disable yourself" in panel.problem.text()
    assert panel.model.member_at(_row(panel, "admin1")).active


def test_only_an_admin_s_window_has_the_staff_screen(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    admin = open_demo_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path, with_maps=False)
    administration = admin.panels()["admin"]
    assert isinstance(administration, AdministrationPanel)
    assert administration.page_names()[0] == "staff"
    supervisor = open_demo_window(
        demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, with_maps=False
    )
    assert "admin" not in supervisor.panels()


def _row(panel: StaffPanel, login: str) -> int:
    row = panel.model.row_of(login)
    assert row is not None
    return row


def test_an_admin_finds_a_queue_by_typing_and_places_a_person_in_it(
    panel: StaffPanel, qtbot: QtBot
) -> None:
    panel.select_login("operator3")
    panel.queues_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, QueuesDialog)
    qtbot.keyClicks(dialog.queues.search, "bridge maint")
    listed = dialog.queues.list
    shown = [listed.item(r) for r in range(listed.count()) if not listed.item(r).isHidden()]
    assert [item.text() for item in shown] == ["Bridge Maintenance (PWDx_Bridge Maintenance)"]
    shown[0].setCheckState(Qt.CheckState.Checked)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: "PWDx_Bridge Maintenance" in panel.model.member_at(_row(panel, "operator3")).queues,
        timeout=WAIT_MS,
    )
    assert len(panel.model.member_at(_row(panel, "operator3")).queues) == 3
    cell = panel.model.index(_row(panel, "operator3"), QUEUES_COLUMN)
    assert str(cell.data()).startswith("3 · ")
    assert "Public Works Department" in str(cell.data())  # departments, not 3 queue codes
    assert "PWDx_Bridge Maintenance" in str(cell.data(Qt.ItemDataRole.ToolTipRole))


def test_enter_on_a_row_changes_the_role(panel: StaffPanel, engine: Engine, qtbot: QtBot) -> None:
    panel.select_login("operator2")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert isinstance(dialog, ChangeRoleDialog)
    assert dialog.role.currentData() == "operator"
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    qtbot.keyClick(dialog.role, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.model.member_at(_row(panel, "operator2")).role == "supervisor",
        timeout=WAIT_MS,
    )
    assert panel.notice.text() == "Kevin O'Brien (operator2) is now a supervisor."
    assert _events(engine, "operator2") == [("role_changed", "admin1")]


def test_every_staff_control_is_on_a_1280x720_screen(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    size = (1280, 720)
    window = open_demo_window(demo_sqlite_url, "admin1", runner, qtbot, tmp_path, size, False)
    window.show_panel("admin")
    administration = window.panels()["admin"]
    assert isinstance(administration, AdministrationPanel)
    administration.show_page("staff")
    staff_panel = administration.page("staff")
    assert isinstance(staff_panel, StaffPanel)
    controls = [
        staff_panel.add_button,
        staff_panel.role_button,
        staff_panel.queues_button,
        staff_panel.active_button,
        staff_panel.table,
    ]
    assert all(reachable(control, window, screen_rect(size)) for control in controls)
