"""`DuplicateFinder` over SQLAlchemy: the same queries on PostgreSQL and SQLite."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine

from operator_console.domain.caller import Caller, normalize_phone
from operator_console.domain.duplicate_rates import RATE_LAG
from operator_console.domain.duplicates import (
    CandidateInput,
    DuplicateSettings,
    is_unknown_location,
    score_candidates,
)
from operator_console.services.duplicates.finder import (
    AttachReceipt,
    CandidateView,
    MarkDuplicateReceipt,
    RequestNotFoundError,
)
from operator_console.services.duplicates.rules import (
    DuplicateCounts,
    candidate_view,
    duplicate_rate,
    live_settings,
    picker_settings,
)
from operator_console.storage.db.errors import speaking_service_errors, speaks_service_errors
from operator_console.storage.duplicates import marking, writes
from operator_console.storage.duplicates.nearby import NearbyRow, nearby
from operator_console.storage.duplicates.queries import (
    CityPlace,
    ServiceKin,
    duplicate_counts,
    load_city,
    load_kin,
    references,
    request_by_id,
    thumbnails,
)

CACHE_SECONDS = 3600.0  # how long the city settings and category duplicate rates are reused
SETTINGS_SECONDS = 60.0  # how long a service's duplicate settings and group are reused


@speaks_service_errors
class SqlDuplicateFinder:
    """Reads run in autocommit on short connections; each action is one transaction.

    The city's "location unknown" point and each category's duplicate rate (a grouped count
    over every request) are read once per `cache_seconds`, a service's settings and group once
    per `settings_seconds`; the requests on every call.
    """

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        cache_seconds: float = CACHE_SECONDS,
        settings_seconds: float = SETTINGS_SECONDS,
    ) -> None:
        self._engine = engine
        self._reads = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._clock = clock
        self._cache_seconds = cache_seconds
        self._settings_seconds = settings_seconds
        self._kin: dict[tuple[str, bool], tuple[float, ServiceKin | None]] = {}
        self._lock = threading.Lock()
        self._city: tuple[float, CityPlace] | None = None
        self._counts: tuple[float, dict[int, DuplicateCounts], DuplicateCounts] | None = None

    def candidates(
        self, service_code: str, lat: float, lon: float, description: str, address: str
    ) -> list[CandidateView]:
        now = self._clock()
        with self._reads.connect() as connection:
            kin = self._kin_of(connection, service_code, live=True)
            if kin is None:
                return []
            place = self._place(connection)
            settings = live_settings(kin.settings, place.unknown)
            if not settings.enabled or is_unknown_location(lat, lon, place.unknown):
                return []
            closed_since = None
            if settings.include_closed:
                closed_since = now - timedelta(days=settings.window_days)
            rows = nearby(
                connection, kin.kin, lat, lon, settings.radius_m, place.unknown, closed_since
            )
            rate = self._rate(connection, kin.id, now, settings.default_duplicate_rate)
            new = CandidateInput(kin.code, kin.group, lat, lon, address, description, rate)
            return self._views(connection, new, rows, settings, now)

    def parent_candidates(self, request_id: int) -> list[CandidateView]:
        now = self._clock()
        with self._reads.connect() as connection:
            request = request_by_id(connection, request_id)
            if request is None:
                raise RequestNotFoundError(f"Request {request_id} does not exist.")
            kin = self._kin_of(connection, request.service_code, live=False)
            place = self._place(connection)
            if kin is None or request.lat is None or request.lon is None:
                return []
            if is_unknown_location(request.lat, request.lon, place.unknown):
                return []
            settings = picker_settings(place.unknown)
            closed_since = now - timedelta(days=settings.window_days)
            rows = nearby(
                connection,
                kin.kin,
                request.lat,
                request.lon,
                settings.radius_m,
                place.unknown,
                closed_since,
            )
            rate = self._rate(connection, kin.id, now, settings.default_duplicate_rate)
            new = CandidateInput(
                kin.code,
                kin.group,
                request.lat,
                request.lon,
                request.address,
                request.description,
                rate,
                id=str(request_id),
            )
            return self._views(connection, new, rows, settings, now)

    def attach_caller(
        self, request_id: int, expected_version: int, caller: Caller, staff_login: str
    ) -> AttachReceipt:
        now = self._clock()
        with speaking_service_errors():
            with self._reads.connect() as reading:
                place = self._place(reading)
            phone = caller.phone.strip()
            e164 = normalize_phone(phone, place.phone_region) if phone else None
        # The first statement writes (claims the row), so SQLite takes its write lock at once.
        with self._engine.begin() as connection:
            return writes.attach_caller(
                connection,
                request_id,
                expected_version,
                caller,
                e164,
                staff_login,
                now,
                place.time_zone,
            )

    def record_submit_as_new(
        self, new_request_id: int, shown_candidate_ids: Sequence[int], staff_login: str
    ) -> None:
        now = self._clock()
        with speaking_service_errors():
            with self._reads.connect() as reading:
                found = references(reading, [new_request_id, *shown_candidate_ids])
            if new_request_id not in found:
                raise RequestNotFoundError(f"Request {new_request_id} does not exist.")
            shown = [
                (request_id, found[request_id])
                for request_id in dict.fromkeys(shown_candidate_ids)
                if request_id in found and request_id != new_request_id
            ]
            with self._engine.begin() as connection:
                writes.record_submit_as_new(connection, new_request_id, shown, staff_login, now)

    def mark_duplicate(
        self,
        duplicate_id: int,
        parent_id: int,
        expected_version: int,
        staff_login: str,
        reason: str,
    ) -> MarkDuplicateReceipt:
        now = self._clock()
        with self._engine.begin() as connection:
            return marking.mark_duplicate(
                connection, duplicate_id, parent_id, expected_version, staff_login, reason, now
            )

    def _views(
        self,
        connection: Connection,
        new: CandidateInput,
        rows: list[NearbyRow],
        settings: DuplicateSettings,
        now: datetime,
    ) -> list[CandidateView]:
        by_id = {row.request.id: row for row in rows}
        chosen = score_candidates(new, (row.request for row in rows), settings, now)
        with_photos = [int(c.request.id) for c in chosen if by_id[c.request.id].has_photo]
        photos = thumbnails(connection, with_photos)
        views = []
        for candidate in chosen:
            row = by_id[candidate.request.id]
            views.append(
                candidate_view(
                    candidate,
                    service_name=row.service_name,
                    status=row.status,
                    version=row.version,
                    thumbnail=photos.get(int(candidate.request.id)),
                    now=now,
                )
            )
        return views

    def _kin_of(self, connection: Connection, code: str, *, live: bool) -> ServiceKin | None:
        with self._lock:
            cached = self._kin.get((code, live))
        if cached is not None and time.monotonic() - cached[0] < self._settings_seconds:
            return cached[1]
        kin = load_kin(connection, code, live=live)
        with self._lock:
            self._kin[(code, live)] = (time.monotonic(), kin)
        return kin

    def _place(self, connection: Connection) -> CityPlace:
        with self._lock:
            cached = self._city
        if cached is not None and time.monotonic() - cached[0] < self._cache_seconds:
            return cached[1]
        place = load_city(connection)
        with self._lock:
            self._city = (time.monotonic(), place)
        return place

    def _rate(self, connection: Connection, service_id: int, now: datetime, prior: float) -> float:
        """The category's smoothed share of duplicates (requests count once a week old)."""
        with self._lock:
            cached = self._counts
        if cached is None or time.monotonic() - cached[0] >= self._cache_seconds:
            by_service, city_wide = duplicate_counts(connection, now - RATE_LAG)
            cached = (time.monotonic(), by_service, city_wide)
            with self._lock:
                self._counts = cached
        _, by_service, city_wide = cached
        return duplicate_rate(by_service.get(service_id, DuplicateCounts()), city_wide, prior)
