"""Every screen's accessibility tree names its inputs, tables and buttons, with the right roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.screen_support import open_demo_window

ROLES = {
    "operator": "operator1",
    "dispatcher": "dispatcher1",
    "supervisor": "supervisor1",
    "admin": "admin1",
}
R = QAccessible.Role
MUST_BE_NAMED = {
    R.EditableText,
    R.ComboBox,
    R.SpinBox,
    R.CheckBox,
    R.RadioButton,
    R.Table,
    R.List,
    R.Tree,
    R.PushButton,
    R.ToolButton if hasattr(R, "ToolButton") else R.PushButton,
    R.Slider,
}


def _where(interface: QAccessibleInterface) -> str:
    obj = interface.object()
    if obj is None:
        return "?"
    parts = []
    while obj is not None:
        parts.append(obj.objectName() or type(obj).__name__)
        obj = obj.parent()
    return "/".join(reversed(parts[:4]))


def unnamed(root: QWidget) -> list[str]:
    """`role path` for each visible named-kind element of `root` without a name."""
    found: list[str] = []
    seen: set[int] = set()

    def walk(interface: QAccessibleInterface | None, depth: int) -> None:
        if interface is None or not interface.isValid() or depth > 40:
            return
        key = id(interface.object()) if interface.object() is not None else id(interface)
        if interface.state().invisible:
            return
        if interface.object() is not None:
            if key in seen:
                return
            seen.add(key)
        role = interface.role()
        if role in MUST_BE_NAMED and not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{role.name} {_where(interface)}")
        if role in (R.Table, R.List, R.Tree):
            return  # cells are named by their data
        for i in range(interface.childCount()):
            walk(interface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, NAMED_KINDS) or _inner_part(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            found.append(f"no interface {_path(widget)}")
            continue
        label = f"{interface.role().name} {_path(widget)}"
        if not interface.text(QAccessible.Text.Name).strip() and label not in found:
            found.append(label)
        expected = _expected_role(widget)
        if expected is not None and interface.role() != expected:
            found.append(f"role {interface.role().name} not {expected.name}: {_path(widget)}")
    return sorted(set(found))


NAMED_KINDS = (
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractButton,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QSlider,
)


def _inner_part(widget: QWidget) -> bool:
    """Parts Qt builds inside another control, named through it."""
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar, QCalendarWidget, QLineEdit)):
        return True
    if isinstance(widget, QHeaderView):
        return True
    if type(widget).__name__ == "QTableCornerButton" or widget.objectName().startswith("qt_"):
        return True
    return widget.window() is not widget.window() or _in_popup(widget)


def _in_popup(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox) or type(parent).__name__ == "QCalendarPopup":
            return True
        parent = parent.parentWidget()
    return False


def _expected_role(widget: QWidget) -> QAccessible.Role | None:
    if isinstance(widget, (QTableView,)):
        return R.Table
    if isinstance(widget, QTreeView):
        return R.Tree
    if isinstance(widget, QListView):
        return R.List
    if isinstance(widget, QPushButton):
        return R.ButtonMenu if widget.menu() is not None else R.PushButton
    if isinstance(widget, QCheckBox):
        return R.CheckBox
    if isinstance(widget, QComboBox):
        return R.ComboBox
    return None


def _path(widget: QObject) -> str:
    parts = []
    obj: QObject | None = widget
    while obj is not None:
        parts.append(obj.objectName() or type(obj).__name__)
        obj = obj.parent()
    return "/".join(reversed(parts[:4]))


@pytest.mark.parametrize("role", list(ROLES))
def test_every_screen_names_what_a_screen_reader_reads(
    role: str, demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, ROLES[role], runner, qtbot, tmp_path, (1280, 720))
    failures: list[str] = []
    for name, panel in window.panels().items():
        window.show_panel(name)
        qtbot.waitUntil(panel.isVisible)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        failures += [f"{role}/{name}: {f}" for f in unnamed(panel)]
    failures += [f"{role}/window: {f}" for f in unnamed(window.statusBar())]
    assert not failures, "\n".join(failures)
