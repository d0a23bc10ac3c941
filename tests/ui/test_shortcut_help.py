"""F1 (or Help > Keyboard shortcuts) lists the keys of the screen in front of the person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.shell.shortcut_help import ShortcutHelp, screen_shortcuts
from tests.ui.screen_support import open_demo_window


def _press_f1(window: MainWindow, qtbot: QtBot) -> ShortcutHelp:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_F1)
    help_shown = window.shortcut_help
    assert help_shown is not None
    qtbot.waitUntil(help_shown.isVisible)
    return help_shown


def _keys(listed: list[tuple[str, str]]) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys, _what in listed]


def test_f1_lists_the_keys_of_the_screen_shown(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(
        demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, (1280, 720), False
    )
    window.show_panel("intake")
    on_intake = _press_f1(window, qtbot)
    assert "Intake" in on_intake.windowTitle()
    assert ("Alt+P", "Go to Phone") in on_intake.listed()  # the field's underlined letter
    listed = dict(on_intake.listed())
    assert listed["Ctrl+N"].startswith("New call")
    assert listed["Ctrl+Return"] == "Submit the call"
    assert listed["Alt+1"] == "Look at candidate 1"
    assert listed["F5"] == "Refresh" and listed["F1"] == "Keyboard shortcuts of this screen"
    rows = on_intake.screen_table.rowCount()
    assert rows == len(screen_shortcuts(window.panels()["intake"]))

    window.show_panel("queues")
    on_queues = _press_f1(window, qtbot)
    assert "Queues" in on_queues.windowTitle()
    assert not on_intake.isVisible()  # one help window, for the screen in front
    listed = dict(on_queues.listed())
    assert "Open the case" in listed["Return"]
    assert "Ctrl+N" not in listed and "F5" in listed
    assert listed["Ctrl+1"] == "Go to Intake" and listed["Ctrl+5"] == "Go to Case"

    on_queues.close()
    table = window.panels()["queues"].table  # type: ignore[attr-defined]
    table.setFocus()  # a table takes Ctrl+Tab for itself; Ctrl+number still changes screen
    qtbot.keyClick(table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.screens.currentWidget() is window.panels()["requests"]


def test_the_help_menu_offers_it(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, "operator1", runner, qtbot, tmp_path, None, False)
    action = window.ui.actionShortcuts
    assert action in window.ui.menuHelp.actions()
    assert action.shortcut() == QKeySequence("F1")
    window.show_panel("requests")
    action.trigger()
    assert window.shortcut_help is not None
    assert "Requests" in window.shortcut_help.windowTitle()


def test_every_key_a_screen_answers_is_in_its_help(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, None, False)
    for name, panel in window.panels().items():
        listed = _keys(screen_shortcuts(panel))
        for shortcut in panel.findChildren(QShortcut):
            if shortcut.isEnabled():
                assert shortcut.key() in listed, (name, shortcut.key().toString())
