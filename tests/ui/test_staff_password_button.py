"""The Staff screen's Set password… button: offered on PostgreSQL, where it sets a login's
password (stored only as a verifier) and is off for staff without a login; not on SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, text

from operator_console.services.staff.desk import StaffDesk
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import staff
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.staff.dialogs import SetPasswordDialog
from operator_console.ui.staff.panel import StaffPanel
from operator_console.ui.staff.table_model import StaffTableModel
from tests.db.test_staff_admin import scram_matches
from tests.support.staff import ADMIN1
from tests.support.staff_logins import login_of, make_staff_login, unique_login

WAIT_MS = 15_000
SIGN_IN_COLUMN = 4


@pytest.fixture
def admin_engine(demo_pg_url: str) -> Iterator[Engine]:
    database = open_database(make_staff_login(demo_pg_url, "admin"), migrate=False)
    yield database.engine
    database.engine.dispose()


def shown_panel(desk: StaffDesk, runner: BackgroundRunner, qtbot: QtBot) -> StaffPanel:
    panel = StaffPanel(desk, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)
    return panel


def sign_in_of(model: StaffTableModel, login: str) -> object:
    row = model.row_of(login)
    assert row is not None
    return model.index(row, SIGN_IN_COLUMN).data()


def test_an_admin_sets_a_password_from_the_staff_screen(
    admin_engine: Engine, demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    target = login_of(make_staff_login(demo_pg_url, "operator", display_name="Fay Gotten"))
    no_login = unique_login("nologin")
    superuser = make_engine(demo_pg_url)
    with superuser.begin() as connection:
        connection.execute(
            insert(staff).values(login=no_login, display_name="Noe Login", role="operator")
        )
    desk = StaffDesk(lambda: SqlStaffUnitOfWork(admin_engine), identify(admin_engine, None))
    panel = shown_panel(desk, runner, qtbot)
    assert panel.password_button.isVisibleTo(panel)
    assert sign_in_of(panel.model, no_login) == "No login"
    assert sign_in_of(panel.model, target) == "Active"
    panel.select_login(no_login)
    assert not panel.password_button.isEnabled()

    panel.select_login(target)
    assert panel.password_button.isEnabled()
    panel.password_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, SetPasswordDialog)
    qtbot.keyClicks(dialog.password, "monday morning")
    qtbot.keyClicks(dialog.password_again, "monday evening")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.refusal.text() == "The two passwords differ: type them again."
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "at least 8 characters" in dialog.refusal.text(), timeout=WAIT_MS)
    dialog.password.setText("monday morning")
    dialog.password_again.setText("monday morning")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT_MS)
    assert panel.notice.text() == f"Set a new password for Fay Gotten ({target})."
    with superuser.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :login"), {"login": target}
        ).scalar_one()
    superuser.dispose()
    assert scram_matches(stored, "monday morning")


def test_on_sqlite_no_password_button_is_offered(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    database = open_database(demo_sqlite_url, migrate=False)
    desk = StaffDesk(lambda: SqlStaffUnitOfWork(database.engine), ADMIN1)
    panel = shown_panel(desk, runner, qtbot)
    panel.select_login("operator1")
    assert not panel.password_button.isVisibleTo(panel)
    assert sign_in_of(panel.model, "operator1") == "Active"
    panel.ask_password()
    assert panel.dialog is None
    database.engine.dispose()
