"""Closing the window during a call asks first; a kept call comes back whole at the next start."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import intake_of, open_console_window, open_intake
from tests.ui.test_intake_bad_input import fill_valid_call

QUESTION = "Leave during a call?"


class Answerer:
    """Answers each question box that opens with the button labelled `button`; keeps the titles."""

    def __init__(self, button: str) -> None:
        self.asked: list[str] = []
        self._button = button
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                self.asked.append(box.windowTitle())
                texts = {button.text().replace("&", ""): button for button in box.buttons()}
                texts[self._button].click()

    def stop(self) -> list[str]:
        self._timer.stop()
        return self.asked


def test_closing_with_an_empty_form_asks_nothing(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_console_window(demo_sqlite_url, runner, qtbot, tmp_path)
    answerer = Answerer("Cancel")
    assert window.close()
    assert answerer.stop() == []


def test_closing_mid_call_asks_cancel_stays_and_keep_as_draft_saves_at_once(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_console_window(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = intake_of(window).ui
    qtbot.keyClicks(ui.callerPhone, "617 555 0142")
    ui.categorySearch.setFocus()
    qtbot.keyClicks(ui.categorySearch, "streetlight")

    answerer = Answerer("Cancel")
    assert not window.close()
    assert answerer.stop() == [QUESTION]
    assert window.isVisible() and ui.callerPhone.text() == "617 555 0142"

    answerer = Answerer("Keep as draft")
    assert window.close()
    assert answerer.stop() == [QUESTION]
    runner.shutdown()  # as the console exits: what the journal was given is written first
    kept = json.loads((tmp_path / "draft.json").read_text())
    assert kept["caller"]["phone"] == "617 555 0142"
    assert kept["category_search"] == "streetlight"


def test_discard_on_close_drops_the_call(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_console_window(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = intake_of(window).ui
    ui.descriptionEdit.setFocus()
    qtbot.keyClicks(ui.descriptionEdit, "Pole leaning over the sidewalk.")
    qtbot.waitUntil((tmp_path / "draft.json").exists)
    answerer = Answerer("Discard")
    assert window.close()
    assert answerer.stop() == [QUESTION]
    runner.shutdown()
    assert not (tmp_path / "draft.json").exists()


def test_a_restored_call_has_its_search_text_place_and_caller_history(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    first = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    fill_valid_call(first)
    with qtbot.waitSignal(first.presenter.request_submitted, timeout=10000) as submitted:
        first.submit()
    earlier = submitted.args[0].reference
    ui = first.ui
    qtbot.keyClicks(ui.callerPhone, "617 555 0142")
    ui.locationAddress.setFocus()
    qtbot.keyClicks(ui.locationAddress, "29 Hereford")
    completer = ui.locationAddress.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=5000)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ward" in ui.locationStatus.text(), timeout=5000)
    ui.categorySearch.setFocus()
    qtbot.keyClicks(ui.categorySearch, "streetlight out")
    qtbot.keyClick(ui.categorySearch, Qt.Key.Key_Return)
    draft_file = tmp_path / "draft.json"
    qtbot.waitUntil(lambda: draft_file.exists() and "street-light" in draft_file.read_text())
    address, status = ui.locationAddress.text(), ui.locationStatus.text()
    first.hide()  # the console is killed: nothing else is written

    second = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    restored = second.ui
    assert second.fields.service_code == first.fields.service_code
    qtbot.waitUntil(lambda: restored.locationStatus.text() == status, timeout=5000)
    assert restored.locationAddress.text() == address
    qtbot.waitUntil(lambda: earlier in restored.callerHistory.text(), timeout=5000)
    assert restored.categorySearch.text() == "streetlight out"
    assert restored.categoryResults.count() > 0
