"""The Staff screen as an admin's database login on PostgreSQL: a person added with a first
password gets a login in their group; disabled, the server refuses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from operator_console.services.staff.desk import StaffDesk
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.engine import make_engine
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.staff.dialogs import AddStaffDialog
from operator_console.ui.staff.panel import StaffPanel
from tests.support.staff_logins import make_staff_login, unique_login, url_as

WAIT_MS = 15_000


@pytest.fixture
def admin_engine(demo_pg_url: str) -> Iterator[Engine]:
    database = open_database(make_staff_login(demo_pg_url, "admin"), migrate=False)
    yield database.engine
    database.engine.dispose()


def test_an_admin_adds_a_login_with_a_password_and_disables_it(
    admin_engine: Engine, demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    desk = StaffDesk(lambda: SqlStaffUnitOfWork(admin_engine), identify(admin_engine, None))
    panel = StaffPanel(desk, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)
    login = unique_login("screen")
    panel.ask_to_add()
    dialog = panel.dialog
    assert isinstance(dialog, AddStaffDialog)
    assert dialog.password.isVisibleTo(dialog)  # each person signs in with their own login
    dialog.login.setText(login)
    dialog.name.setText("Sam Screen")
    qtbot.keyClicks(dialog.password, "first words here")
    qtbot.keyClicks(dialog.password_again, "first words there")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert dialog.refusal.text() == "The two passwords differ: type them again."
    dialog.password_again.setText("first words here")
    qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.row_of(login) is not None, timeout=WAIT_MS)
    assert panel.dialog is None
    superuser = make_engine(demo_pg_url)
    with superuser.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :login"), {"login": login}
        ).scalar_one()
    superuser.dispose()
    assert stored.startswith("SCRAM-SHA-256$")

    panel.select_login(login)
    panel.active_button.click()
    assert panel.question is not None
    panel.question.defaultButton().click()
    qtbot.waitUntil(lambda: panel.active_button.text() == "&Enable", timeout=WAIT_MS)
    disabled = make_engine(url_as(demo_pg_url, login))
    with pytest.raises(OperationalError, match="is not permitted to log in"):
        disabled.connect()
    disabled.dispose()
