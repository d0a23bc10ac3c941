"""Renders every screen of the main window to PNG files, once its data has arrived."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from operator_console.ui.background import BackgroundRunner
from operator_console.ui.main_window import MainWindow

_SETTLE_MS = 250
_TIMEOUT_S = 60.0


class ScreenshotTaker:
    """Shows each panel in turn, waits until no database work is pending, and grabs it."""

    def __init__(
        self,
        window: MainWindow,
        runner: BackgroundRunner,
        directory: Path,
        finished: Callable[[list[Path]], None],
    ) -> None:
        self._window = window
        self._runner = runner
        self._directory = directory
        self._finished = finished
        self._names = list(window.panels())
        self._written: list[Path] = []
        self._deadline = time.monotonic() + _TIMEOUT_S

    def start(self) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        self._window.resize(1440, 900)
        self._window.show()
        self._next()

    def _next(self) -> None:
        if not self._names:
            self._finished(self._written)
            return
        self._window.show_panel(self._names[0])
        QTimer.singleShot(_SETTLE_MS, self._grab_when_idle)

    def _grab_when_idle(self) -> None:
        if self._runner.pending and time.monotonic() < self._deadline:
            QTimer.singleShot(50, self._grab_when_idle)
            return
        QCoreApplication.processEvents()
        name = self._names.pop(0)
        path = self._directory / f"{name}.png"
        if not self._window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self._written.append(path)
        self._next()
