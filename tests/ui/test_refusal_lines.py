"""A case action's refusal line goes as soon as the answer it asked for is given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from operator_console.domain.lifecycle import ClosureReason
from operator_console.ui.cases.action_dialogs import ReasonDialog, ResolveDialog


def test_say_why_goes_when_a_reason_is_typed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ReasonDialog("Reopen BOS-26-000001", "Reopen the case.", parent)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.refusal.isVisible()
    qtbot.keyClicks(dialog.reason, " ")
    assert dialog.refusal.isVisible()  # a blank is no reason
    qtbot.keyClicks(dialog.reason, "Caller says it came back")
    assert not dialog.refusal.isVisible()


def test_choose_a_closure_reason_goes_when_one_is_chosen(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ResolveDialog("BOS-26-000001", tuple(ClosureReason), parent)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.refusal.isVisible()
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)
    assert dialog.chosen_reason() is not None
    assert not dialog.refusal.isVisible()
