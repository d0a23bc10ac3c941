"""Every screen's accessibility tree names its inputs, tables and buttons, with the right roles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
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
    return "?" if obj is None else _path(obj)


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
        if role in (R.Table, R.List, R.Tree, R.ComboBox, R.SpinBox):
            return  # cells are named by their data, a control's parts by the control
        for i in range(interface.childCount()):
            walk(interface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, NAMED_KINDS) or widget.isHidden() or _inner_part(widget):
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


def _open_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _pages(panel: QWidget) -> list[tuple[str, QWidget, QStackedWidget | None]]:
    """The panel itself, or each page of its stack of pages (the administration's sections)."""
    stack = panel.findChild(QStackedWidget, "adminPages")
    if stack is None:
        return [("", panel, None)]
    pages = [stack.widget(i) for i in range(stack.count())]
    return [(page.objectName(), page, stack) for page in pages if page is not None]


def _select_first_rows(page: QWidget) -> None:
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0 and view.objectName():
            view.setCurrentIndex(model.index(0, 0))


def _dialog_buttons(page: QWidget) -> list[QPushButton]:
    return [
        b
        for b in page.findChildren(QPushButton)
        if b.text().endswith("…") and b.isVisible() and b.isEnabled()
    ]


def _waiting_case(url: str) -> int:
    engine = make_engine(url)
    r = service_requests.c
    waiting = (r.status == "in_queue", r.priority == "normal", r.parent_id.is_(None))
    with engine.connect() as connection:
        found = connection.execute(select(r.id).where(*waiting).order_by(r.id).limit(1))
        case_id = int(found.scalar_one())
    engine.dispose()
    return case_id


class DialogCloser:
    """Walks and closes the dialogs a button opens, those it shows and those it waits on."""

    def __init__(self, where: str, failures: list[str], opened: list[str]) -> None:
        self.where, self.failures, self.opened = where, failures, opened
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.close_open_dialogs)
        self.timer.start()

    def close_open_dialogs(self) -> None:
        for dialog in _open_dialogs():
            assert isinstance(dialog, QDialog)
            self.opened.append(self.where)
            if not isinstance(dialog, QFileDialog):  # Qt's own, named by Qt
                self.failures += [f"{self.where}: {f}" for f in unnamed(dialog)]
            dialog.reject()

    def stop(self) -> None:
        self.timer.stop()


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_every_dialog_a_button_opens_names_what_it_holds(
    role: str, demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_demo_window(demo_sqlite_url, ROLES[role], runner, qtbot, tmp_path, (1280, 720))
    case: Any = window.panels()["case"]
    with qtbot.waitSignal(case.case_loaded, timeout=20000):
        case.show_case(_waiting_case(demo_sqlite_url))
    failures: list[str] = []
    opened: list[str] = []
    for name, panel in window.panels().items():
        window.show_panel(name)
        qtbot.waitUntil(panel.isVisible)
        for page_name, page, stack in _pages(panel):
            if stack is not None:
                stack.setCurrentWidget(page)
            qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
            _select_first_rows(page)
            for button in _dialog_buttons(page):
                if not (button.isVisible() and button.isEnabled()):
                    continue
                where = f"{role}/{name}/{page_name}/{button.text()!r}"
                closer = DialogCloser(where, failures, opened)
                button.click()  # a question asked with exec() is closed from the timer
                qtbot.waitUntil(lambda: runner.pending == 0, timeout=20000)
                closer.close_open_dialogs()
                closer.stop()
    window.ui.actionShortcuts.trigger()
    assert window.shortcut_help is not None
    failures += [f"{role}/keys: {f}" for f in unnamed(window.shortcut_help)]
    reached = {where.rsplit("/", 1)[1] for where in opened}
    if role == "admin":  # the demo's waiting case is in the admin's reach, not the supervisor's
        assert {"'Reassign…'", "'Resolve…'", "'Re-route…'", "'Mark as duplicate…'"} <= reached
    assert {"'Save filter…'", "'Reassign selected…'", "'PDF…'"} <= reached
    assert not failures, "\n".join(failures)
