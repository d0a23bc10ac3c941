"""The keyboard help: the keys of the screen in front of the person, then those of the window."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Shortcut = tuple[str, str]
"""Keys in portable text ("Ctrl+N"), and what they do (translated)."""


@runtime_checkable
class HasShortcuts(Protocol):
    """A screen that names its own keys (a panel's `shortcuts()`)."""

    def shortcuts(self) -> list[Shortcut]: ...


def screen_shortcuts(screen: QWidget) -> list[Shortcut]:
    """What `screen` says of its keys, then the Alt+letter of every labelled field and button."""
    listed = list(screen.shortcuts()) if isinstance(screen, HasShortcuts) else []
    return listed + [k for k in mnemonics(screen) if k[0] not in {keys for keys, _ in listed}]


def mnemonics(screen: QWidget) -> list[Shortcut]:
    """Alt+letter of the labels with a field (their buddy) and of the buttons, as underlined."""
    found: list[Shortcut] = []
    for label in screen.findChildren(QLabel):
        key = QKeySequence.mnemonic(label.text())
        if label.buddy() is not None and not key.isEmpty() and label.isVisibleTo(screen):
            found.append(
                (
                    _portable(key),
                    QCoreApplication.translate("ShortcutHelp", "Go to %1").replace(
                        "%1", _plain(label.text())
                    ),
                )
            )
    for button in screen.findChildren(QAbstractButton):
        key = QKeySequence.mnemonic(button.text())
        if not key.isEmpty() and button.isVisibleTo(screen):
            found.append(
                (
                    _portable(key),
                    QCoreApplication.translate("ShortcutHelp", "Press %1").replace(
                        "%1", _plain(button.text())
                    ),
                )
            )
    return sorted(set(found))


def window_shortcuts(actions: Iterable[QAction]) -> list[Shortcut]:
    """The window's menu commands that have keys (Ctrl+1… change screen)."""
    return [
        (_portable(action.shortcut()), _plain(action.text()))
        for action in actions
        if not action.shortcut().isEmpty()
    ]


def _portable(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.PortableText)


def _plain(text: str) -> str:
    """A label's or command's words without its mnemonic marks and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…:. ")


class ShortcutHelp(QDialog):
    """Two tables of keys: this screen's, then the window's; shown without blocking."""

    def __init__(
        self,
        screen_title: str,
        on_screen: list[Shortcut],
        everywhere: list[Shortcut],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutHelp")
        self.setWindowTitle(self.tr("Keyboard shortcuts — %1").replace("%1", screen_title))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        self.screen_table = self._table(on_screen)
        self.window_table = self._table(everywhere)
        heading = QLabel(self.tr("On the %1 screen").replace("%1", screen_title), self)
        heading.setStyleSheet("font-weight: 600;")
        self.screen_table.setAccessibleName(heading.text())
        layout.addWidget(heading)
        layout.addWidget(self.screen_table, 3)
        everywhere_heading = QLabel(self.tr("Everywhere in the window"), self)
        everywhere_heading.setStyleSheet("font-weight: 600;")
        self.window_table.setAccessibleName(everywhere_heading.text())
        layout.addWidget(everywhere_heading)
        layout.addWidget(self.window_table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def listed(self) -> list[Shortcut]:
        """Every row shown, this screen's first (portable key text, description)."""
        return self._rows(self.screen_table) + self._rows(self.window_table)

    def _table(self, shortcuts: list[Shortcut]) -> QTableWidget:
        table = QTableWidget(len(shortcuts), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        for row, (keys, what) in enumerate(shortcuts):
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys
            key_item = QTableWidgetItem(shown)
            key_item.setData(Qt.ItemDataRole.UserRole, keys)
            table.setItem(row, 0, key_item)
            table.setItem(row, 1, QTableWidgetItem(what))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        row_height = table.fontMetrics().height() + 8
        table.verticalHeader().setDefaultSectionSize(row_height)
        rows_shown = min(len(shortcuts), 6)  # the window's keys whole; a screen's list scrolls
        table.setMinimumHeight(header.sizeHint().height() + rows_shown * row_height + 4)
        return table

    @staticmethod
    def _rows(table: QTableWidget) -> list[Shortcut]:
        rows: list[Shortcut] = []
        for row in range(table.rowCount()):
            keys, what = table.item(row, 0), table.item(row, 1)
            if keys is not None and what is not None:
                rows.append((str(keys.data(Qt.ItemDataRole.UserRole)), what.text()))
        return rows
