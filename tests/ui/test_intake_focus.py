"""Every call begins on the phone field: when the window appears and after each call."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from tests.ui.intake_support import focused, intake_of, open_console_window, open_intake
from tests.ui.test_intake_bad_input import fill_valid_call

CTRL = Qt.KeyboardModifier.ControlModifier


def _phone_in_view(panel: IntakePanel) -> bool:
    return not panel.ui.callerPhone.visibleRegion().isEmpty()


def _scroll_to_the_bottom(panel: IntakePanel) -> None:
    bar = panel.ui.formScroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0 and not _phone_in_view(panel)


def test_the_first_keys_after_the_window_opens_land_in_phone(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_console_window(demo_sqlite_url, runner, qtbot, tmp_path)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, "617 555 0142")
    panel = intake_of(window)
    assert panel.ui.callerPhone.text() == "617 555 0142"
    assert _phone_in_view(panel)
    panel.ui.callerPhone.clear()  # the window then closes without asking


def test_each_new_call_starts_on_phone_scrolled_into_view(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    panel.resize(1100, 420)  # the form scrolls
    qtbot.waitUntil(lambda: panel.ui.formScroll.verticalScrollBar().maximum() > 0)
    fill_valid_call(panel)
    panel.ui.descriptionEdit.setFocus()
    _scroll_to_the_bottom(panel)
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert focused() is panel.ui.callerPhone
    assert _phone_in_view(panel)

    panel.ui.descriptionEdit.setFocus()
    _scroll_to_the_bottom(panel)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)  # nothing typed: no question
    assert focused() is panel.ui.callerPhone
    assert _phone_in_view(panel)
