"""`CandidateReads` over SQLAlchemy, and the slow-changing reads it reuses between searches."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Connection, Engine

from operator_console.services.duplicates.ports import (
    CityPlace,
    NearbyRequest,
    PinnedRequest,
    ServiceKin,
)
from operator_console.services.duplicates.rules import DuplicateCounts
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.duplicates.nearby import nearby
from operator_console.storage.duplicates.queries import (
    duplicate_counts,
    load_city,
    load_kin,
    pinned_request,
    thumbnails,
)

CACHE_SECONDS = 3600.0  # how long the city settings and category duplicate rates are reused
SETTINGS_SECONDS = 60.0  # how long a service's duplicate settings and group are reused
Counts = tuple[dict[int, DuplicateCounts], DuplicateCounts]
T = TypeVar("T")


class ReadCache:
    """The city's "location unknown" point and settings and each category's duplicate counts (a
    grouped count over every request), kept for `cache_seconds`; a service's settings and group
    for `settings_seconds`. Shared by the threads of one console."""

    def __init__(
        self, cache_seconds: float = CACHE_SECONDS, settings_seconds: float = SETTINGS_SECONDS
    ) -> None:
        self._cache_seconds = cache_seconds
        self._settings_seconds = settings_seconds
        self._lock = threading.Lock()
        self._kept: dict[object, tuple[float, object]] = {}

    def known_place(self) -> CityPlace | None:
        """The city's settings if read recently enough, without reading."""
        found = self._lookup("city", self._cache_seconds)
        return found[0] if found and isinstance(found[0], CityPlace) else None

    def place(self, connection: Connection) -> CityPlace:
        return self._get("city", self._cache_seconds, lambda: load_city(connection))

    def kin(self, connection: Connection, code: str, *, live: bool) -> ServiceKin | None:
        return self._get(
            ("kin", code, live),
            self._settings_seconds,
            lambda: load_kin(connection, code, live=live),
        )

    def counts(self, connection: Connection, counted_before: datetime) -> Counts:
        return self._get(
            "counts", self._cache_seconds, lambda: duplicate_counts(connection, counted_before)
        )

    def _lookup(self, key: object, seconds: float) -> tuple[object] | None:
        """(value,) when kept for less than `seconds` (the value itself may be None)."""
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and time.monotonic() - kept[0] < seconds:
            return (kept[1],)
        return None

    def _get(self, key: object, seconds: float, load: Callable[[], T]) -> T:
        found = self._lookup(key, seconds)
        if found is not None:
            return found[0]  # type: ignore[return-value]
        value = load()
        with self._lock:
            self._kept[key] = (time.monotonic(), value)
        return value


@speaks_service_errors
class SqlCandidateReads(SqlConnectionScope):
    """One search's reads on one short connection of `autocommit` (an engine in autocommit);
    the same queries on PostgreSQL and SQLite (see `nearby`)."""

    def __init__(self, autocommit: Engine, cache: ReadCache) -> None:
        super().__init__(autocommit, transaction=False)
        self._cache = cache

    def place(self) -> CityPlace:
        return self._cache.place(self.connection)

    def service_kin(self, service_code: str, *, live: bool) -> ServiceKin | None:
        return self._cache.kin(self.connection, service_code, live=live)

    def pinned_request(self, request_id: int) -> PinnedRequest | None:
        return pinned_request(self.connection, request_id)

    def nearby(
        self,
        kin: Mapping[int, tuple[str, str, str]],
        lat: float,
        lon: float,
        radius_m: float,
        unknown: tuple[float, float] | None,
        closed_since: datetime | None,
    ) -> list[NearbyRequest]:
        return nearby(self.connection, kin, lat, lon, radius_m, unknown, closed_since)

    def duplicate_counts(self, counted_before: datetime) -> Counts:
        return self._cache.counts(self.connection, counted_before)

    def thumbnails(self, request_ids: Sequence[int]) -> dict[int, bytes]:
        return thumbnails(self.connection, request_ids)
