"""The search box in the window's toolbar: typing there opens the search popup."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLineEdit, QWidget

FIND_KEYS = "Ctrl+F"
"""The key that opens the search from anywhere in the window."""


class FindBox(QLineEdit):
    """A box that hands what is typed to the search popup, which takes over the typing.

    Signals:
        find_requested(str): open the search with this text ("" keeps the last search).
    """

    find_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBox")
        self.setAccessibleName(self.tr("Find a case"))
        self.setPlaceholderText(self.tr("Find a case (%1)").replace("%1", FIND_KEYS))
        self.setToolTip(
            self.tr("Reference, phone, caller's name, address or words, open or closed cases")
        )
        self.setMinimumWidth(280)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, text: str) -> None:
        self.clear()
        self.find_requested.emit(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.find_requested.emit("")
