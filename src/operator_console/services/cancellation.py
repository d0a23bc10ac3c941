"""Cancelling work that a newer request made pointless: a token its running queries watch."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_log = logging.getLogger(__name__)


class WorkCancelledError(Exception):
    """The work was cancelled before it finished; nobody is waiting for its result."""


class Cancellation:
    """Set once by whoever no longer wants the result; the work's open queries are interrupted.

    Storage arms a hook (interrupt this connection) for each statement it runs under the token,
    so a superseded query stops on the server instead of running to the end.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._hooks: dict[int, Callable[[], None]] = {}
        self._next = 0

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        """Mark the work cancelled and interrupt whatever it is running now."""
        # Under the lock: a statement cannot disarm (and its connection serve another task)
        # while its interrupt is on its way.
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            for hook in self._hooks.values():
                try:
                    hook()
                except Exception:  # the query may have just ended; its result is dropped anyway
                    _log.warning("Could not interrupt cancelled work", exc_info=True)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until cancelled (or the timeout passes); True when cancelled."""
        return self._event.wait(timeout)

    def arm(self, interrupt: Callable[[], None]) -> Callable[[], None]:
        """Call `interrupt` if the token is cancelled before the returned disarm is called."""
        with self._lock:
            if self._event.is_set():
                raise WorkCancelledError("The work was cancelled before this step began.")
            key = self._next
            self._next += 1
            self._hooks[key] = interrupt

        def disarm() -> None:
            with self._lock:
                self._hooks.pop(key, None)

        return disarm

    def disarm_all(self) -> None:
        """The work is over: nothing it ran may be interrupted any more."""
        with self._lock:
            self._hooks.clear()

    @property
    def armed(self) -> int:
        """How many interrupt hooks are armed now (running statements under this token)."""
        with self._lock:
            return len(self._hooks)


_current: ContextVar[Cancellation | None] = ContextVar(
    "operator_console_cancellation", default=None
)


def current() -> Cancellation | None:
    """The token of the work running in this context, if it runs under one."""
    return _current.get()


@contextmanager
def running_under(token: Cancellation) -> Iterator[Cancellation]:
    """Run the body under `token`: queries it runs are interrupted when the token is cancelled."""
    reset = _current.set(token)
    try:
        yield token
    finally:
        token.disarm_all()  # its connections go back to the pool and serve other work
        _current.reset(reset)
