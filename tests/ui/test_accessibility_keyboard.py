"""Tab reaches every enabled input and button of each screen, and focus is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.map.view import MapView
from tests.ui.screen_support import open_demo_window

ROLES = {"operator": "operator1", "supervisor": "supervisor1", "admin": "admin1"}
CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _tab_stops(panel: QWidget) -> list[QWidget]:
    """The enabled, shown controls of `panel` a person reaches with Tab."""
    stops: list[QWidget] = []
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)) or isinstance(
            widget.focusProxy(), QWidget
        ):
            continue  # reached through the control that holds it
        stops.append(widget)
    return stops


def _owner(widget: QWidget | None) -> QWidget | None:
    """The control focus is in (a combo's line edit counts as the combo)."""
    while widget is not None and widget.parentWidget() is not None:
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            widget = widget.parentWidget()
        else:
            break
    return widget


def _in_map(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, MapView):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("role", list(ROLES))
def test_tab_reaches_every_control_and_focus_stays_visible(
    role: str, demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, ROLES[role], runner, qtbot, tmp_path, (1280, 720))
    problems: list[str] = []
    for name, panel in window.panels().items():
        window.show_panel(name)
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        stops = _tab_stops(panel)
        if not stops:
            continue
        stops[0].setFocus(Qt.FocusReason.TabFocusReason)
        reached: set[int] = set()
        for _ in range(3 * len(stops) + 10):
            focused = QApplication.focusWidget()
            if focused is None:
                problems.append(f"{role}/{name}: focus lost")
                break
            reached.add(id(_owner(focused)))
            if _in_map(focused):  # Tab moves through the map's own places: step past them
                window.focusNextChild()
                continue
            QTest.keyClick(focused, Qt.Key.Key_Tab)
        missed = [
            w.objectName() or w.accessibleName() or type(w).__name__
            for w in stops
            if id(w) not in reached
        ]
        if missed:
            problems.append(f"{role}/{name}: Tab never reaches {missed}")
    assert not problems, "\n".join(problems)
