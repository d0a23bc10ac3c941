"""The address suggestions: a popup only when there is something to choose."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import open_intake


def test_no_popup_stays_open_when_nothing_matches(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    address, status = panel.ui.locationAddress, panel.ui.locationStatus
    popup = address.completer().popup()
    address.setFocus()
    qtbot.keyClicks(address, "12")
    qtbot.waitUntil(popup.isVisible, timeout=5000)  # "12 ..." addresses to choose from

    qtbot.keyClicks(address, "345")
    qtbot.waitUntil(lambda: "No known address matches “12345”" in status.text(), timeout=5000)
    assert not popup.isVisible()
    assert status.isVisible()
