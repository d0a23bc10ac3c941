"""The SLA clock's tick: every console runs the escalation pass each minute, off the Qt thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from operator_console.ui.common.background import BackgroundRunner

_log = logging.getLogger(__name__)


class EscalationClock(QObject):
    """Runs `run_pass` at `start()` and every `interval_ms` after, one run at a time. A second
    console (or the service) running it meanwhile is harmless: each rule fires once per case."""

    def __init__(
        self,
        run_pass: Callable[[], int],
        runner: BackgroundRunner,
        interval_ms: int = 60_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run_pass = run_pass
        self._runner = runner
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.tick()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def tick(self) -> None:
        if self._running:
            return
        self._running = True
        self._runner.submit(self._run_pass, self._done, self._failed, owner=self)

    def _done(self, fired: int) -> None:
        self._running = False
        if fired:
            _log.info("the escalation pass fired %d rules", fired)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        # The next tick tries again; the alerts list says when the database cannot be read.
        _log.warning("the escalation pass failed: %s", error)
