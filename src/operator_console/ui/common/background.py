"""Running database work off the Qt thread and delivering the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot


class BackgroundRunner(QObject):
    """Runs callables on worker threads; callbacks run on the thread that owns the runner.

    Signals:
        _finished: internal; carries (callback, result) from a worker to the Qt thread.
    """

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="db")
        self._pending = 0
        self._latest: dict[str, int] = {}
        self._closed = False
        self._finished.connect(self._on_finished)

    @property
    def pending(self) -> int:
        """How many submitted tasks have not reported back yet."""
        return self._pending

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """Run `work()` on a worker; then `on_done(result)` or `on_error(exc)` on this thread.

        When `owner` is given and has been deleted meanwhile, neither callback runs; after
        `shutdown()` (the console is closing) nothing runs at all.
        """
        if self._closed:
            return
        self._pending += 1

        def report(future: Future[Any]) -> None:
            if future.cancelled() or self._closed:
                return
            error = future.exception()
            if error is None:
                self._finished.emit((on_done, future.result(), owner))
            else:
                self._finished.emit((on_error, error, owner))

        self._pool.submit(work).add_done_callback(report)

    def submit_latest(
        self,
        key: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """Like `submit`, but only the newest task per `key` reports back; older ones drop."""
        generation = self._latest.get(key, 0) + 1
        self._latest[key] = generation

        def if_newest(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                if self._latest[key] == generation:
                    callback(value)

            return deliver

        self.submit(work, if_newest(on_done), if_newest(on_error), owner)

    @Slot(object)
    def _on_finished(self, outcome: tuple[Callable[[Any], None], Any, QObject | None]) -> None:
        self._pending -= 1
        callback, value, owner = outcome
        if owner is None or shiboken6.isValid(owner):
            callback(value)

    def shutdown(self) -> None:
        """Wait for running work and stop the workers."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
