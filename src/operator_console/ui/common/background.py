"""Running database work off the Qt thread and delivering the result back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from operator_console.services.cancellation import Cancellation, running_under

_log = logging.getLogger(__name__)


class _Task:
    """One submission's work and callbacks, released on the Qt thread only.

    They usually close over widgets; a worker dropping the last reference would destroy a Qt
    object on the wrong thread. The worker's closures hold only this box, which the Qt thread
    empties once the result is delivered (or at shutdown).
    """

    __slots__ = ("on_done", "on_error", "owner", "work")

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None,
    ) -> None:
        self.work: Callable[[], Any] | None = work
        self.on_done: Callable[[Any], None] | None = on_done
        self.on_error: Callable[[BaseException], None] | None = on_error
        self.owner = owner

    def release(self) -> None:
        self.work = self.on_done = self.on_error = self.owner = None


class BackgroundRunner(QObject):
    """Runs callables on worker threads; callbacks run on the thread that owns the runner.

    Signals:
        _finished: internal; carries (task, succeeded, value) from a worker to the Qt thread.
    """

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, workers: int = 2) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="db")
        self._pending = 0
        self._latest: dict[tuple[int, str], tuple[Future[Any], Cancellation]] = {}
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._closed = False
        self._finished_after_close: list[_Task] = []
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
        self._start(work, on_done, on_error, owner, Cancellation())

    def submit_in_order(
        self,
        lane: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """Like `submit`, but the tasks of one `lane` run one at a time, in the order given, on
        the lane's own worker (a newer write of a file never lands before an older one).

        `shutdown()` lets every lane finish the tasks it was given, so what was handed to a lane
        before the console closed is done before it exits.
        """
        if lane not in self._lanes:
            self._lanes[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=lane)
        self._start(work, on_done, on_error, owner, Cancellation(), self._lanes[lane])

    def _start(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None,
        token: Cancellation,
        executor: Executor | None = None,
    ) -> Future[Any] | None:
        if self._closed:
            return None
        self._pending += 1
        task = _Task(work, on_done, on_error, owner)

        def run() -> Any:
            assert task.work is not None  # released only once the result is delivered
            with running_under(token):
                return task.work()

        def report(future: Future[Any]) -> None:
            if self._closed:
                if not future.cancelled() and future.exception() is not None:
                    _log.error(
                        "Work that ended as the console closed failed", exc_info=future.exception()
                    )
                self._finished_after_close.append(task)  # released by shutdown()
                return
            if future.cancelled() or token.cancelled:
                self._finished.emit((task, None, None))
                return
            error = future.exception()
            if error is None:
                self._finished.emit((task, True, future.result()))
            else:
                self._finished.emit((task, False, error))

        future = (executor or self._pool).submit(run)
        future.add_done_callback(report)
        return future

    def submit_latest(
        self,
        key: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """Like `submit`, but a newer task of the same owner and `key` cancels this one.

        A superseded task that has not started never runs; one that is running has its token
        cancelled, which interrupts the query it is waiting on (PostgreSQL and SQLite alike).
        Either way only the newest task reports back.
        """
        slot = (id(owner) if owner is not None else 0, key)
        previous = self._latest.get(slot)
        if previous is not None:
            previous[0].cancel()
            previous[1].cancel()
        token = Cancellation()
        future = self._start(work, on_done, on_error, owner, token)
        if future is None:
            return
        self._latest[slot] = (future, token)

        def forget(done: Future[Any]) -> None:
            if self._latest.get(slot, (None,))[0] is done:
                self._latest.pop(slot, None)

        future.add_done_callback(forget)

    @Slot(object)
    def _on_finished(self, outcome: tuple[_Task, bool | None, Any]) -> None:
        self._pending -= 1
        task, succeeded, value = outcome
        try:
            owner = task.owner
            callback = task.on_done if succeeded else task.on_error
            alive = owner is None or shiboken6.isValid(owner)
            if succeeded is not None and callback is not None and alive:
                callback(value)
        finally:
            task.release()

    def shutdown(self) -> None:
        """Wait for running work and stop the workers; the lanes first finish all they were given
        (the Qt thread waits here once, as the console exits)."""
        self._closed = True
        for lane in self._lanes.values():
            lane.shutdown(wait=True)
        self._pool.shutdown(wait=True, cancel_futures=True)
        for task in self._finished_after_close:
            task.release()
        self._finished_after_close.clear()
