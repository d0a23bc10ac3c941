"""Finding candidates: requests that may be the call being taken, or the parent of a request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from operator_console.domain.duplicate_rates import RATE_LAG
from operator_console.domain.duplicates import (
    CandidateInput,
    DuplicateSettings,
    is_unknown_location,
    score_candidates,
)
from operator_console.services.duplicates.finder import (
    CandidateView,
    RequestNotFoundError,
    request_gone,
)
from operator_console.services.duplicates.ports import (
    CandidateReads,
    NearbyRequest,
    ServiceKin,
)
from operator_console.services.duplicates.rules import (
    DuplicateCounts,
    candidate_view,
    duplicate_rate,
    live_settings,
    picker_settings,
)


@dataclass(frozen=True)
class CallBeingTaken:
    """What the operator has entered so far that a duplicate search looks at."""

    service_code: str
    lat: float
    lon: float
    description: str = ""
    address: str = ""


def find_candidates(
    reads: CandidateReads, call: CallBeingTaken, now: datetime
) -> list[CandidateView]:
    """The best candidates for a call being taken (at most 5); [] when the service has
    duplicate detection off or the pin is the city's "location unknown" point."""
    with reads:
        kin = reads.service_kin(call.service_code, live=True)
        if kin is None:
            return []
        place = reads.place()
        settings = live_settings(kin.settings, place.unknown)
        if not settings.enabled or is_unknown_location(call.lat, call.lon, place.unknown):
            return []
        closed_since = None
        if settings.include_closed:
            closed_since = now - timedelta(days=settings.window_days)
        rows = reads.nearby(
            kin.kin, call.lat, call.lon, settings.radius_m, place.unknown, closed_since
        )
        rate = _rate(reads, kin, now, settings.default_duplicate_rate)
        new = CandidateInput(
            kin.code, kin.group, call.lat, call.lon, call.address, call.description, rate
        )
        return _views(reads, new, rows, settings, now)


def parent_candidates(reads: CandidateReads, request_id: int, now: datetime) -> list[CandidateView]:
    """Requests a supervisor may link `request_id` to: within 1,000 m, any status, the best
    ten by score. Raises `RequestNotFoundError`."""
    with reads:
        request = reads.pinned_request(request_id)
        if request is None:
            raise RequestNotFoundError(request_gone(request_id))
        kin = reads.service_kin(request.service_code, live=False)
        place = reads.place()
        if kin is None or request.lat is None or request.lon is None:
            return []
        if is_unknown_location(request.lat, request.lon, place.unknown):
            return []
        settings = picker_settings(place.unknown)
        closed_since = now - timedelta(days=settings.window_days)
        rows = reads.nearby(
            kin.kin, request.lat, request.lon, settings.radius_m, place.unknown, closed_since
        )
        rate = _rate(reads, kin, now, settings.default_duplicate_rate)
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
        return _views(reads, new, rows, settings, now)


def _rate(reads: CandidateReads, kin: ServiceKin, now: datetime, prior: float) -> float:
    """The category's smoothed share of duplicates (requests count once a week old)."""
    by_service, city_wide = reads.duplicate_counts(now - RATE_LAG)
    return duplicate_rate(by_service.get(kin.id, DuplicateCounts()), city_wide, prior)


def _views(
    reads: CandidateReads,
    new: CandidateInput,
    rows: list[NearbyRequest],
    settings: DuplicateSettings,
    now: datetime,
) -> list[CandidateView]:
    """The scored candidates, best first, as the console shows them (with their photos)."""
    by_id = {row.request.id: row for row in rows}
    chosen = score_candidates(new, (row.request for row in rows), settings, now)
    photos = reads.thumbnails([int(c.request.id) for c in chosen if by_id[c.request.id].has_photo])
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
