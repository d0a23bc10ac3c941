"""The mouse wheel changes an answer only in the input that has focus; elsewhere it scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

# Inputs whose value the wheel steps through: drop-downs, spin boxes, date and time fields.
GUARDED = (QComboBox, QAbstractSpinBox)
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


class WheelGuard(QObject):
    """An application-wide event filter: a wheel turned over an input that does not have focus
    goes to what holds it (the form's scroll area scrolls) instead of changing its value.

    Inputs also stop taking focus from the wheel (`Qt.WheelFocus` becomes `Qt.StrongFocus`), or
    the first notch would focus the drop-down and the next ones change it. Clicking or tabbing
    into an input gives it focus as before, and then the wheel steps its value.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                event.ignore()  # unhandled: Qt offers the wheel to the parent widgets
                return True
        elif kind == _POLISH and isinstance(watched, GUARDED):
            _no_wheel_focus(watched)
        return False


def _no_wheel_focus(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Guard every input of `app`, those already made and those to come (once per app)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        for widget in app.allWidgets():
            if isinstance(widget, GUARDED):
                _no_wheel_focus(widget)
    return guard
