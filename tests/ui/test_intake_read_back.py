"""The read-back card belongs to the call just taken: the next call clears it, Ctrl+R recalls it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import focused, open_intake
from tests.ui.test_intake_bad_input import fill_valid_call

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_first_key_of_the_next_call_clears_the_card_and_recall_stays(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    assert not ui.recallButton.isEnabled()  # nothing to recall yet
    fill_valid_call(panel)
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    reference = submitted.args[0].reference
    assert ui.readBackCard.isVisible() and ui.readBackReference.text() == reference

    for field in (ui.callerPhone, ui.categorySearch, ui.descriptionEdit, ui.callerFirstName):
        field.setFocus()
        qtbot.keyClicks(field, "6")
        assert not ui.readBackCard.isVisible(), field.objectName()
        assert ui.recallButton.isVisible() and ui.recallButton.isEnabled()
        qtbot.keyClick(focused(), Qt.Key.Key_R, CTRL)
        assert ui.readBackCard.isVisible() and ui.readBackReference.text() == reference

    qtbot.mouseClick(ui.recallButton, Qt.MouseButton.LeftButton)
    assert ui.readBackCard.isVisible()
