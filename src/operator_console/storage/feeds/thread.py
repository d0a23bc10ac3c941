"""The thread a change feed runs on: start, stop promptly, deliver batches safely."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

_log = logging.getLogger(__name__)
Item = TypeVar("Item")


class FeedRun(Generic[Item]):
    """One start-to-stop run: its stop event and its subscriber."""

    def __init__(self, stopping: threading.Event, on_batch: Callable[[Item], None]) -> None:
        self.stopping = stopping
        self._on_batch = on_batch

    def deliver(self, batch: Item) -> None:
        if self.stopping.is_set():
            return
        try:
            self._on_batch(batch)
        except Exception:
            _log.exception("change feed subscriber failed")


class ThreadedFeed(Generic[Item]):
    """A feed whose work is `_run(run)` on a daemon thread, delivering `Item`s (a request
    feed's `ChangeBatch`, a configuration feed's kind); subclasses write `_run`."""

    thread_name = "change-feed"

    def __init__(self) -> None:
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_batch: Callable[[Item], None]) -> None:
        """Start the feed; `on_batch` is called on the feed's thread."""
        if self._thread is not None:
            raise RuntimeError("the change feed is already running")
        # Each run has its own stop event and callback: a thread that outlived stop() can
        # never be revived by a later start().
        self._stopping = stopping = threading.Event()
        run = FeedRun(stopping, on_batch)
        self._thread = threading.Thread(
            target=self._run, args=(run,), name=self.thread_name, daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the feed and wait (up to `timeout` seconds) for its thread to end."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                _log.warning("change feed thread still busy after %.1f s; left to end", timeout)

    def _run(self, run: FeedRun[Item]) -> None:
        raise NotImplementedError
