"""Driving the map in tests: scripts run in its page, its summary, real clicks, tiles."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from operator_console.ui.map.page import register_map_schemes
from operator_console.ui.map.view import MapView

# QtWebEngine takes URL schemes only before the QApplication exists; pytest-qt creates it later,
# when the first test asks for qtbot, and every test module is imported before that.
register_map_schemes()

BOSTON = (42.33, -71.07)


def run_js(view: MapView, qtbot: QtBot, script: str) -> Any:
    """The value of a script run in the page (waits for the answer)."""
    results: list[Any] = []
    view.web_view.page().runJavaScript(script, 0, resultCallback=results.append)
    qtbot.waitUntil(lambda: bool(results))
    return results[0]


def run_js_json(view: MapView, qtbot: QtBot, expression: str) -> Any:
    """The value of an expression, through JSON: PySide6's runJavaScript gives "" for arrays,
    objects and null."""
    return json.loads(run_js(view, qtbot, f"JSON.stringify({expression})"))


def summary(view: MapView, qtbot: QtBot) -> dict[str, Any]:
    return dict(run_js_json(view, qtbot, "operatorConsole.summary()"))


SETTLED = "operatorConsole.districts.getLayers().length > 0 && !operatorConsole.map._animatingZoom"
"""The page takes clicks once the district outlines are drawn and no zoom is under way."""


def wait_settled(view: MapView, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: run_js(view, qtbot, SETTLED) is True, timeout=20000)
    wait_for_input(view, qtbot)


def wait_for_input(view: MapView, qtbot: QtBot) -> None:
    """Wait until the map sees the mouse: a click sent before the page's input is wired up is
    lost, so harmless moves go first until one arrives."""
    run_js(view, qtbot, "window.mouseSeen = false; true")
    run_js(view, qtbot, "operatorConsole.map.once('mousemove', () => { mouseSeen = true; }); true")
    target = view.web_view.focusProxy()
    assert target is not None
    middle = view.height() // 2  # the left edge's middle: no control stops the moves there
    corners = [QPoint(4, middle), QPoint(8, middle)]

    def seen() -> bool:
        corners.reverse()
        send_mouse(
            target,
            QEvent.Type.MouseMove,
            corners[0],
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
        )
        return run_js(view, qtbot, "mouseSeen") is True

    qtbot.waitUntil(seen, timeout=20000)


def pixel_of(view: MapView, qtbot: QtBot, lat: float, lon: float) -> QPoint:
    point = run_js_json(view, qtbot, f"operatorConsole.map.latLngToContainerPoint([{lat}, {lon}])")
    return QPoint(round(point["x"]), round(point["y"]))


def click(view: MapView, at: QPoint) -> None:
    """A real mouse click on the widget that takes the web view's input."""
    target = view.web_view.focusProxy()
    assert target is not None
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def send_mouse(
    target: QWidget,
    kind: QEvent.Type,
    at: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    """One real mouse event (QTest cannot move the mouse with a button held)."""
    point = QPointF(at)
    event = QMouseEvent(
        kind, point, target.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, event)


def png_tile(color: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
