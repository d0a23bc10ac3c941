"""Closing windows that hold maps without leaving a web page to the end of the process."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from operator_console.ui.map.view import MapView


def delete_maps(window: QWidget) -> None:
    """A web page left to the end of the process outlives QtWebEngine's profile and crashes it."""
    for view in window.findChildren(MapView):
        shiboken6.delete(view)
