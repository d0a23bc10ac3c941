"""The mouse wheel changes an answer only in the input that has focus; elsewhere it scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QProxyStyle, QWidget

from operator_console.ui.common.tab_keys import let_tab_move_on

# Inputs whose value the wheel steps through: drop-downs, spin boxes, date and time fields.
GUARDED = (QComboBox, QAbstractSpinBox)
_WHEEL = QEvent.Type.Wheel


class WheelGuard(QObject):
    """The event filter of every guarded input: a wheel turned over one that does not have focus
    goes on to what holds it (the form's scroll area scrolls) instead of changing its value.

    Inputs also stop taking focus from the wheel (`Qt.WheelFocus` becomes `Qt.StrongFocus`), or
    the first notch would focus the drop-down and the next ones change it. Clicking or tabbing
    into an input gives it focus as before, and then the wheel steps its value.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.style_in_use = _GuardingStyle(self, app.style().name())

    def guard(self, widget: QWidget) -> None:
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)  # once: installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == _WHEEL and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # unhandled: Qt offers the wheel to the parent widgets
            return True
        return False


class _GuardingStyle(QProxyStyle):
    """The application's own style, unchanged, that hands each input it polishes (every widget
    is polished once before it is first shown, style sheet or not) to the guard.

    A style rather than an application-wide event filter: PySide crashes when such a filter
    meets an object it has not wrapped yet (wrapping it sends that object an event)."""

    def __init__(self, guard: WheelGuard, base_style: str) -> None:
        super().__init__(base_style)
        self._guard = guard

    def polish(self, target: object) -> None:
        super().polish(target)  # type: ignore[call-overload]
        if isinstance(target, GUARDED):
            self._guard.guard(target)
        elif isinstance(target, QWidget):
            let_tab_move_on(target)


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Guard every input of `app`, those already made and those to come (once per app)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.setStyle(guard.style_in_use)  # polishes every widget made before, too
    return guard
