"""A whole console window on the demo city at a screen's size, and what a person can reach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.qtbot import QtBot

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.window_support import delete_maps

TITLE_BAR = 32
"""Pixels a window manager's title bar takes from the screen's height."""


def open_demo_window(
    url: str,
    login: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    drafts: Path,
    size: tuple[int, int] | None = None,
    with_maps: bool = True,
) -> MainWindow:
    """`login`'s window on the demo database, with every screen; shown at `size` if given."""
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    session = build_session(opened.database, opened.staff)
    window = build_main_window(session, runner, drafts, BaseMap() if with_maps else None)
    qtbot.addWidget(window, before_close_func=delete_maps)
    if size is not None:
        window.move(0, 0)
        window.resize(size[0], size[1] - TITLE_BAR)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window


def screen_rect(size: tuple[int, int]) -> QRect:
    return QRect(0, 0, size[0], size[1] - TITLE_BAR)


def reachable(widget: QWidget, window: QWidget, screen: QRect) -> bool:
    """Shown whole on the screen, or inside a scroll area that is (scrolling brings it in)."""
    if not widget.isVisibleTo(window) or widget.width() <= 0 or widget.height() <= 0:
        return False
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return area is not widget and reachable(area, window, screen)
        if not parent.rect().contains(QRect(child.pos(), child.size())):
            return False  # cut off by what holds it
        child, parent = parent, parent.parentWidget()
    top_left = widget.mapTo(window, QPoint(0, 0))
    return screen.contains(QRect(top_left, widget.size()))
