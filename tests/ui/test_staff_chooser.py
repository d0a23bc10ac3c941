"""The person picker of a SQLite console proposes whoever was at it last, never the admin first."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from operator_console.services.session import StaffIdentity
from operator_console.ui.shell.staff_chooser import StaffChooser

STAFF = [  # as list_staff orders them: by role, then login
    StaffIdentity("admin1", "Morgan Lee", "admin"),
    StaffIdentity("dispatcher1", "Sam Ortiz", "dispatcher"),
    StaffIdentity("operator1", "Ana Lopes", "operator"),
    StaffIdentity("operator2", "Kim Tran", "operator"),
    StaffIdentity("supervisor1", "Patricia Chen", "supervisor"),
]


def _chooser(qtbot: QtBot, staff: list[StaffIdentity] = STAFF) -> StaffChooser:
    chooser = StaffChooser(staff)
    qtbot.addWidget(chooser)
    return chooser


def test_the_first_time_an_operator_is_proposed_not_the_admin(qtbot: QtBot) -> None:
    assert _chooser(qtbot).chosen_login() == "operator1"


def test_the_person_chosen_last_is_proposed_next_time(qtbot: QtBot) -> None:
    chooser = _chooser(qtbot)
    chooser.combo.setCurrentIndex(chooser.combo.findData("supervisor1"))
    chooser.accept()
    assert _chooser(qtbot).chosen_login() == "supervisor1"
    cancelled = _chooser(qtbot)
    cancelled.combo.setCurrentIndex(cancelled.combo.findData("dispatcher1"))
    cancelled.reject()  # cancelling chooses nobody
    assert _chooser(qtbot).chosen_login() == "supervisor1"


def test_someone_no_longer_listed_is_not_proposed(qtbot: QtBot) -> None:
    chooser = _chooser(qtbot)
    chooser.combo.setCurrentIndex(chooser.combo.findData("operator2"))
    chooser.accept()
    without = [person for person in STAFF if person.login != "operator2"]
    assert _chooser(qtbot, without).chosen_login() == "operator1"
