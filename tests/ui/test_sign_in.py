"""Signing in on PostgreSQL as each role, refusals in the sign-in dialog, signing out and in as
someone else, and the person picker of a SQLite console, all in one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from operator_console.app import startup
from operator_console.domain.permissions import ALLOWED, Action, Role
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.shortcut_help import window_shortcuts
from tests.support.console_start import (
    SHOWN_BY_SCREENS,
    console,
    offered_actions,
    sign_in_dialog,
    window_of,
)
from tests.support.staff_logins import login_of, make_staff_login, unique_login, url_as
from tests.ui.test_intake_close import Answerer

ROLE_WORDS = {"operator": "Operator", "dispatcher": "Dispatcher", "supervisor": "Supervisor"}


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts and saved filters of the people signing in go to this test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def _superuser_runs(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_and_is_offered_exactly_its_actions(
    pg_url: str, role: Role, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    url = make_staff_login(pg_url, role, display_name="Pat Doe")
    with console(url, runner, qtbot) as controller:
        window = window_of(controller, qtbot)
        words = ROLE_WORDS.get(role.value, "Administrator")
        assert window.staff_label.text() == f"Pat Doe ({login_of(url)}) · {words}"
        assert window.session.staff.role == role.value
        assert offered_actions(window) == ALLOWED[role] & SHOWN_BY_SCREENS
        assert ("triage" in window.panels()) == (Action.ASSIGN in ALLOWED[role])
        assert controller.sign_in_dialog is None  # libpq's own way in (trust) was enough


def test_an_unknown_login_is_refused_in_the_sign_in_dialog_and_esc_quits(
    pg_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    login = unique_login("stranger")
    _superuser_runs(pg_url, f'CREATE ROLE "{login}" LOGIN')
    with console(url_as(pg_url, login), runner, qtbot) as controller:
        dialog = sign_in_dialog(controller, qtbot)
        assert dialog.message.text() == (
            f"The database login '{login}' is not a staff member of this console: ask an "
            "administrator to add it (operator-console staff add)."
        )
        assert dialog.login_edit.text() == login
        assert controller.window is None
        with qtbot.waitSignal(controller.cancelled, timeout=5000):
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_a_disabled_login_is_refused_and_another_may_sign_in(
    pg_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    disabled = make_staff_login(pg_url, Role.SUPERVISOR)
    _superuser_runs(pg_url, f"UPDATE staff SET active = false WHERE login = '{login_of(disabled)}'")
    operator = login_of(make_staff_login(pg_url, Role.OPERATOR, display_name="Ana Lopes"))
    with console(disabled, runner, qtbot) as controller:
        dialog = sign_in_dialog(controller, qtbot)
        assert dialog.message.text().startswith("This login is disabled:")
        dialog.login_edit.setText(operator)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        window = window_of(controller, qtbot)
        assert window.staff_label.text() == f"Ana Lopes ({operator}) · Operator"
        assert controller.sign_in_dialog is None  # signed in: the dialog is gone


def test_sign_out_then_sign_in_as_another_person(
    pg_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    operator = make_staff_login(pg_url, Role.OPERATOR, display_name="Ana Lopes")
    supervisor = login_of(make_staff_login(pg_url, Role.SUPERVISOR, display_name="Pat Chen"))
    with console(operator, runner, qtbot) as controller:
        first = window_of(controller, qtbot)
        sign_out = first.sign_out_action
        keys = ("Ctrl+Shift+L", "Sign out / switch user")
        assert keys in window_shortcuts(first.findChildren(QAction))  # listed in F1's help
        sign_out.trigger()
        assert not first.isVisible()
        dialog = sign_in_dialog(controller, qtbot)
        assert dialog.login_edit.text() == login_of(operator)  # proposed, selected: typed over
        assert dialog.focusWidget() is dialog.login_edit
        assert dialog.login_edit.selectedText() == login_of(operator)
        assert dialog.message.isHidden()
        qtbot.keyClicks(dialog.login_edit, supervisor)
        assert dialog.login_edit.text() == supervisor
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        second = window_of(controller, qtbot)
        assert second is not first
        assert second.staff_label.text() == f"Pat Chen ({supervisor}) · Supervisor"
        assert "triage" in second.panels()


def test_the_demo_switches_person_without_sign_in_and_says_it_has_no_security(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    with console(demo_sqlite_url, runner, qtbot) as controller:
        qtbot.waitUntil(lambda: controller.chooser is not None, timeout=20000)
        assert controller.chooser is not None
        controller.chooser.accept()  # the first operator is proposed
        first = window_of(controller, qtbot)
        assert first.staff_label.text() == "Maria Alvarez (operator1) · Operator"
        assert first.security_label.text() == (
            "SQLite database: no sign-in, anyone can act as anyone"
        )
        first.sign_out_action.trigger()
        qtbot.waitUntil(lambda: controller.chooser is not None, timeout=20000)
        chooser = controller.chooser
        assert chooser is not None
        chooser.combo.setCurrentIndex(chooser.combo.findData("supervisor1"))
        chooser.accept()
        second = window_of(controller, qtbot)
        assert second.staff_label.text() == "Patricia Chen (supervisor1) · Supervisor"
        assert second.session.staff.departments  # the departments of the supervisor's queues


def test_on_sqlite_a_named_person_who_is_not_staff_is_explained_without_a_sign_in(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    with console(demo_sqlite_url, runner, qtbot, staff="nobody") as controller:
        with qtbot.waitSignal(controller.startup_failed, timeout=20000) as failed:
            pass
        assert failed.args == ["No active staff member has the login 'nobody'"]
        assert controller.sign_in_dialog is None


def test_signing_out_during_a_call_asks_first_as_quitting_does(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    with console(demo_sqlite_url, runner, qtbot) as controller:
        qtbot.waitUntil(lambda: controller.chooser is not None, timeout=20000)
        assert controller.chooser is not None
        controller.chooser.accept()
        window = window_of(controller, qtbot)
        qtbot.keyClicks(window.panels()["intake"].ui.callerPhone, "617 555 0142")  # type: ignore[attr-defined]
        staying = Answerer("Cancel")
        window.sign_out_action.trigger()
        assert staying.stop() == ["Leave during a call?"]
        assert controller.window is window and window.isVisible()
        discarding = Answerer("Discard")
        window.sign_out_action.trigger()
        assert discarding.stop() == ["Leave during a call?"]
        qtbot.waitUntil(lambda: controller.chooser is not None, timeout=20000)
        assert controller.window is None


def test_a_window_that_cannot_be_built_is_explained_not_left_connecting(
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the queue screen found no queues table")

    monkeypatch.setattr(startup, "build_main_window", broken)
    with console(demo_sqlite_url, runner, qtbot) as controller:
        qtbot.waitUntil(lambda: controller.chooser is not None, timeout=20000)
        assert controller.chooser is not None
        with qtbot.waitSignal(controller.startup_failed, timeout=5000) as failed:
            controller.chooser.accept()
        expected = "The console could not open its window: the queue screen found no queues table"
        assert failed.args == [expected]
        assert controller.view.message.text() == expected
        assert controller.view.retry_button.isVisibleTo(controller.view)
