"""The intake form's documented keys: jumps, cancel with its question, new call, recall."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import focused, open_intake, request_count
from tests.ui.test_intake_bad_input import fill_valid_call

CTRL = Qt.KeyboardModifier.ControlModifier


def _answer_discard_question(button: QMessageBox.StandardButton) -> None:
    """Press `button` on the question the next key opens (it runs its own event loop)."""

    def press() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [box for box in boxes if box.isVisible()]
        if not shown:
            QTimer.singleShot(10, press)  # the question is not on screen yet
            return
        assert shown[0].windowTitle() == "Discard this call?"
        shown[0].button(button).click()

    QTimer.singleShot(0, press)


def test_jump_keys_go_to_their_fields(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    for key, field in ((Qt.Key.Key_L, ui.locationAddress), (Qt.Key.Key_D, ui.descriptionEdit)):
        qtbot.keyClick(focused(), key, CTRL)
        assert focused() is field
    qtbot.keyClick(focused(), Qt.Key.Key_K, CTRL)
    assert focused() is ui.categorySearch


def test_escape_asks_before_discarding_and_keeps_the_call_on_cancel(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    fill_valid_call(panel)
    panel.ui.descriptionEdit.setFocus()
    _answer_discard_question(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert panel.ui.callerPhone.text() == "617 555 0142"  # nothing lost
    assert panel.fields.service_code == "street-light-outages"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.ui.descriptionEdit)

    _answer_discard_question(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert panel.ui.callerPhone.text() == "" and not panel.fields.service_code
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.ui.callerPhone)


def test_ctrl_r_brings_back_the_last_read_back_after_a_new_call(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    before = request_count(demo_sqlite_url)
    fill_valid_call(panel)
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    reference = submitted.args[0].reference
    assert request_count(demo_sqlite_url) == before + 1
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)  # nothing typed yet: no question
    assert not panel.ui.readBackCard.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_R, CTRL)
    assert panel.ui.readBackCard.isVisible()
    assert panel.ui.readBackReference.text() == reference
