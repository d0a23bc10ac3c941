"""Wires the search: the find box beside the screens' tabs, Ctrl+F, and opening a case found."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from operator_console.services.session import ConsoleSession
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.search.find_box import FIND_KEYS, FindBox
from operator_console.ui.search.search_popup import SearchPopup
from operator_console.ui.shell.main_window import MainWindow


def add_search(
    window: MainWindow,
    session: ConsoleSession,
    runner: BackgroundRunner,
    open_case: Callable[[int], None],
) -> SearchPopup | None:
    """The find box at the top right of the screens and Ctrl+F (Console menu), both opening
    the search popup, whose chosen case opens on the Case tab; None without a case search."""
    if session.case_search is None:
        return None
    popup = SearchPopup(session, session.case_search, runner, window)
    box = FindBox(window)
    window.ui.screens.setCornerWidget(box, Qt.Corner.TopRightCorner)
    find = QAction(QCoreApplication.translate("MainWindow", "&Find a case…"), window)
    find.setObjectName("actionFind")
    find.setShortcut(QKeySequence(FIND_KEYS))
    window.ui.menuConsole.insertAction(window.ui.actionRefresh, find)
    find.triggered.connect(lambda: popup.open_with())
    box.find_requested.connect(lambda text: popup.open_with(text or None))
    popup.case_opened.connect(open_case)
    return popup
