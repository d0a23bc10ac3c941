"""Changes to the city's configuration, as config_events kinds, and the feed that announces them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

RESYNC = "resync"  # the feed (re)connected: anything may have changed meanwhile


class ConfigFeed(Protocol):
    """Tells whoever started it which kind of configuration change any console made.

    `start(on_kind)` returns at once; `on_kind` is then called from the feed's own thread with
    `RESYNC` once the feed is watching (and again after each reconnection), then with the kind
    of each new config_events row ('queue_added', 'city_settings_changed', ...). After `stop()`
    returns, `on_kind` is not called again.
    """

    def start(self, on_kind: Callable[[str], None]) -> None: ...

    def stop(self) -> None: ...
