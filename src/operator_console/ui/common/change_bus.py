"""The change bus: every panel learns here, on the Qt thread, which requests changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from operator_console.services.changes import ChangeBatch, ChangeFeed, merge_batches


class ChangeBus(QObject):
    """Carries batches from change feeds (on their threads) and local publishes to the Qt thread.

    A batch after a quiet spell is emitted at once; batches that arrive within `interval_ms` of
    an emission are merged (coalesced per request, resync kept) and emitted together when the
    interval ends, so a burst of a thousand changes makes a few emissions, not a thousand.
    Subscribers apply the row diffs (or reload what they show when `resync` is set).

    Signals:
        requests_changed: a `ChangeBatch` with at most one change per request.
    """

    requests_changed = Signal(object)
    _batch_arrived = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 50) -> None:
        super().__init__(parent)
        self._feeds: list[ChangeFeed] = []
        self._pending: list[ChangeBatch] = []
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._batch_arrived.connect(self._on_batch_arrived, Qt.ConnectionType.QueuedConnection)

    def attach(self, feed: ChangeFeed) -> None:
        """Start `feed`; its batches reach `requests_changed`. `shutdown()` stops it."""
        self._feeds.append(feed)
        feed.start(self.publish)

    def publish(self, batch: ChangeBatch) -> None:
        """Announce `batch` (e.g. this console's own write); safe from any thread.

        It is delivered from the event loop, never from inside this call. The feed may report
        the same change again later; subscribers compare versions and ignore what they hold.
        """
        if not self._closed:
            self._batch_arrived.emit(batch)

    def shutdown(self) -> None:
        """Stop every attached feed and drop what has not been emitted yet."""
        self._closed = True
        feeds, self._feeds = self._feeds, []
        for feed in feeds:
            feed.stop()
        self._timer.stop()
        self._pending.clear()

    @Slot(object)
    def _on_batch_arrived(self, batch: ChangeBatch) -> None:
        if self._closed:
            return
        self._pending.append(batch)
        if not self._timer.isActive():
            self._emit_pending()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._pending and not self._closed:
            self._emit_pending()

    def _emit_pending(self) -> None:
        batch = merge_batches(self._pending)
        self._pending = []
        self._timer.start()
        if batch:
            self.requests_changed.emit(batch)
