"""Pure helpers of the live duplicate finder: settings, category rates, search boxes, summaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.duplicate_rates import smoothed_rate
from operator_console.domain.duplicates import (
    UNKNOWN_TOLERANCE_DEG,
    BoundingBox,
    Candidate,
    DuplicateSettings,
)
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.duplicates.finder import PICKER_RADIUS_M, CandidateView

DESCRIPTION_START_CHARS = 120
PICKER_LIMIT = 10
PICKER_CLOSED_DAYS = 365.0  # closed requests older than this are not offered as parents


@dataclass(frozen=True)
class ServiceDuplicateSettings:
    """A service's own switches (`services.dup_*`)."""

    enabled: bool
    radius_m: float
    window_days: float
    include_closed: bool


@dataclass(frozen=True)
class DuplicateCounts:
    """How many requests (old enough to count) there are, and how many were duplicates."""

    requests: int = 0
    duplicates: int = 0


def live_settings(
    service: ServiceDuplicateSettings, unknown: tuple[float, float] | None
) -> DuplicateSettings:
    """The domain settings for a call being taken in this service."""
    return DuplicateSettings(
        enabled=service.enabled and service.radius_m > 0,
        radius_m=service.radius_m,
        include_closed=service.include_closed,
        window_days=service.window_days,
        unknown_location=unknown,
    )


def picker_settings(unknown: tuple[float, float] | None) -> DuplicateSettings:
    """The supervisor's parent picker: 1,000 m, any status, every score, the best ten."""
    return DuplicateSettings(
        enabled=True,
        radius_m=PICKER_RADIUS_M,
        include_closed=True,
        window_days=PICKER_CLOSED_DAYS,
        max_candidates=PICKER_LIMIT,
        min_score=0.0,
        unknown_location=unknown,
    )


def duplicate_rate(category: DuplicateCounts, city: DuplicateCounts, prior: float) -> float:
    """The category's share closed as duplicates: the city's rate pulled towards `prior`, the
    category's towards the city's (the replay's rule, one level fewer)."""
    levels = ((city.duplicates, city.requests), (category.duplicates, category.requests))
    return smoothed_rate(levels, prior)


def boxes_around_unknown(
    box: BoundingBox, unknown: tuple[float, float] | None
) -> list[BoundingBox]:
    """`box` without the "location unknown" square, as up to four boxes (for index ranges).

    Thousands of requests may sit on that one point; cutting it out of the ranges keeps the
    database from reading them. The boxes may share edges: callers drop repeated rows.
    """
    if unknown is None:
        return [box]
    tolerance = UNKNOWN_TOLERANCE_DEG
    south, north = unknown[0] - tolerance, unknown[0] + tolerance
    west, east = unknown[1] - tolerance, unknown[1] + tolerance
    if south > box.max_lat or north < box.min_lat or west > box.max_lon or east < box.min_lon:
        return [box]
    parts = [
        BoundingBox(box.min_lat, box.min_lon, south, box.max_lon),
        BoundingBox(north, box.min_lon, box.max_lat, box.max_lon),
        BoundingBox(max(south, box.min_lat), box.min_lon, min(north, box.max_lat), west),
        BoundingBox(max(south, box.min_lat), east, min(north, box.max_lat), box.max_lon),
    ]
    return [p for p in parts if p.min_lat <= p.max_lat and p.min_lon <= p.max_lon]


def description_start(text: str, limit: int = DESCRIPTION_START_CHARS) -> str:
    """The description's first words, on one line, cut at a word with "…" when longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:-") + "…"


def age_text(opened_at: datetime, now: datetime) -> Words:
    """How long ago, briefly: "12 min", "5 h", "3 d", "6 wk"."""
    seconds = max(0.0, (now - opened_at).total_seconds())
    if seconds < 3600:
        return QT_TRANSLATE_NOOP("Units", "%1 min").with_values(max(1, round(seconds / 60)))
    if seconds < 86_400:
        return QT_TRANSLATE_NOOP("Units", "%1 h").with_values(round(seconds / 3600))
    days = seconds / 86_400
    if days < 28:
        return QT_TRANSLATE_NOOP("Units", "%1 d").with_values(round(days))
    return QT_TRANSLATE_NOOP("Units", "%1 wk").with_values(round(days / 7))


def candidate_view(
    candidate: Candidate,
    *,
    service_name: str,
    status: str,
    version: int,
    thumbnail: bytes | None,
    now: datetime,
) -> CandidateView:
    """The scored domain candidate as the console shows it."""
    request = candidate.request
    return CandidateView(
        request_id=int(request.id),
        reference=request.reference,
        service_code=request.service_code,
        service_name=service_name,
        address=request.address,
        lat=request.lat,
        lon=request.lon,
        distance_m=candidate.distance_m,
        opened_at=request.opened_at,
        age_text=age_text(request.opened_at, now),
        status=status,
        callers=request.callers,
        description_start=description_start(request.description),
        thumbnail=thumbnail,
        score=candidate.score,
        likely_duplicate=candidate.likely_duplicate,
        reason=candidate.reason,
        version=version,
        same_category=candidate.same_category,
        same_address=candidate.same_address,
        is_open=candidate.is_open,
        closed_at=request.closed_at,
        closed_age_text="" if request.closed_at is None else age_text(request.closed_at, now),
        duplicate_rate=candidate.duplicate_rate,
        verdict=candidate.verdict,
    )
