"""A line over an empty table that says nothing matched, instead of a blank table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from operator_console.ui.common.live_rows import LiveRowsModel


class EmptyNote(QObject):
    """Shows `text` across the middle of `view` once `model` has read its rows and has none;
    hidden while a read is under way, and when a read failed (the panel says why)."""

    def __init__(self, view: QAbstractItemView, model: LiveRowsModel, text: str) -> None:
        super().__init__(view)
        self._viewport = view.viewport()
        self._model = model
        self.label = QLabel(text, self._viewport)
        self.label.setObjectName("emptyNote")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #666; font-size: 14px; padding: 24px;")
        self.label.hide()
        model.page_loaded.connect(self.refresh)
        model.rows_refreshed.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        model.rowsInserted.connect(self.refresh)
        model.modelReset.connect(self.label.hide)
        model.load_failed.connect(self.label.hide)
        self._viewport.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def refresh(self, *_signal_args: object) -> None:
        empty = self._model.started and not self._model.loading and self._model.rowCount() == 0
        if empty:
            self._place()
        self.label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        self.label.setGeometry(self._viewport.rect())
