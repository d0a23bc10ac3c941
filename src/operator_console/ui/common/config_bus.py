"""The configuration bus: every screen learns here, on the Qt thread, what an admin changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from operator_console.services.config_changes import RESYNC, ConfigFeed


class ConfigBus(QObject):
    """Carries configuration change kinds from a feed (on its thread) to the Qt thread.

    A kind after a quiet spell is emitted at once; kinds arriving within `interval_ms` of an
    emission are gathered and each distinct kind is emitted once when the interval ends, so a
    city bundle load does not make every screen reload a hundred times.

    Signals:
        changed: the config_events kind ('queue_added', 'city_settings_changed', ...), or
            `RESYNC` when the feed reconnected and anything may have changed: reload.
        listening: the feed watches the database from now on (once, after `attach`).
    """

    changed = Signal(str)
    listening = Signal()
    _kind_arrived = Signal(str)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 50) -> None:
        super().__init__(parent)
        self._feeds: list[ConfigFeed] = []
        self._pending: list[str] = []
        self._heard = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._kind_arrived.connect(self._on_kind_arrived, Qt.ConnectionType.QueuedConnection)

    def attach(self, feed: ConfigFeed) -> None:
        """Start `feed`; its kinds reach `changed`. `shutdown()` stops it."""
        self._feeds.append(feed)
        feed.start(self.publish)

    def publish(self, kind: str) -> None:
        """Announce a change of `kind`; safe from any thread, delivered from the event loop."""
        if not self._closed:
            self._kind_arrived.emit(kind)

    def shutdown(self) -> None:
        """Stop every attached feed and drop what has not been emitted yet."""
        self._closed = True
        feeds, self._feeds = self._feeds, []
        for feed in feeds:
            feed.stop()
        self._timer.stop()
        self._pending.clear()

    @Slot(str)
    def _on_kind_arrived(self, kind: str) -> None:
        if self._closed:
            return
        if kind == RESYNC and not self._heard:
            self._heard = True  # the first connection: nothing was missed yet
            self.listening.emit()
            return
        if kind not in self._pending:
            self._pending.append(kind)
        if not self._timer.isActive():
            self._emit_pending()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._pending and not self._closed:
            self._emit_pending()

    def _emit_pending(self) -> None:
        kinds, self._pending = self._pending, []
        self._timer.start()
        for kind in kinds:
            if self._closed:
                return
            self.changed.emit(kind)
