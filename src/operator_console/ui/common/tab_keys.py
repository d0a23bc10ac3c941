"""Tab always moves on to the next control: tables and text boxes do not keep it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit, QWidget


def let_tab_move_on(widget: QWidget) -> None:
    """Tab leaves `widget` for the next control (arrows move between a table's cells)."""
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setTabChangesFocus(True)
