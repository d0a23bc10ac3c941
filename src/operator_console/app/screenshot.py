"""Renders the screens of the main window to PNG files, each once its data has arrived."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from operator_console.app.screenshot_scenes import Scene, scenes
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow

_SETTLE_MS = 400
SCREENSHOT_SIZE = (1440, 900)
"""The window's size in the screenshots unless asked for another (`--screenshot-size`)."""
_TIMEOUT_S = 60.0


class ScreenshotTaker:
    """Stages each scene, waits until it is ready and no database work is pending, grabs it."""

    def __init__(
        self,
        window: MainWindow,
        runner: BackgroundRunner,
        directory: Path,
        finished: Callable[[list[Path]], None],
        may_submit: bool,
    ) -> None:
        self._window = window
        self._runner = runner
        self._directory = directory
        self._finished = finished
        self._scenes = scenes(window, may_submit)
        self._written: list[Path] = []
        self._deadline = 0.0
        self.size = SCREENSHOT_SIZE

    def start(self) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        self._window.resize(*self.size)
        self._window.show()
        QTimer.singleShot(_SETTLE_MS, self._next)

    def _next(self) -> None:
        if not self._scenes:
            self._finished(self._written)
            return
        self._window.show_panel(self._scenes[0].panel)
        self._deadline = time.monotonic() + _TIMEOUT_S
        self._when(lambda: not self._runner.pending, self._stage)

    def _stage(self) -> None:
        self._scenes[0].stage()
        self._deadline = time.monotonic() + _TIMEOUT_S
        scene: Scene = self._scenes[0]
        self._when(lambda: not self._runner.pending and scene.ready(), self._settle)

    def _settle(self) -> None:
        QTimer.singleShot(_SETTLE_MS, self._grab)

    def _when(self, condition: Callable[[], bool], then: Callable[[], None]) -> None:
        """Call `then` once `condition` holds (or, saying so, when the time is up)."""
        if condition():
            then()
        elif time.monotonic() > self._deadline:
            print(
                f"screenshot {self._scenes[0].name}: not ready after {_TIMEOUT_S:g} s",
                file=sys.stderr,
            )
            then()
        else:
            QTimer.singleShot(50, lambda: self._when(condition, then))

    def _grab(self) -> None:
        scene = self._scenes.pop(0)
        path = self._directory / f"{scene.name}.png"
        if not self._window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self._written.append(path)
        self._next()
