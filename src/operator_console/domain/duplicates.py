"""Already-reported candidates for a new request: who is near, how alike, how likely the same."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_M / 180.0
BOSTON_CITY_HALL = (42.3594, -71.0587)  # Boston's "location unknown" default pin
UNKNOWN_TOLERANCE_DEG = 0.00005  # half a unit of the 4th decimal the exports round to
FMS_RADIUS_M = 250.0
FMS_LIMIT = 5

# Log-odds weights: a logistic regression fitted on the first half of a Boston 2015 replay
# (see docs/duplicates.md), rounded. The score is meant to read as a probability.
BIAS = -1.2
W_DUPLICATE_RATE = 0.77  # times the logit of the category's share closed as duplicates
W_NEAR = 0.5  # times exp(-distance / 25 m)
W_AREA = 0.8  # times exp(-distance / 100 m)
W_GROUP_ONLY = -0.1  # same group, different category
W_CLOSED = -0.93  # closed (within the window) rather than open
W_AGE = -0.25  # times ln(1 + age in weeks)
W_SAME_ADDRESS = 0.68
W_CALLERS = 0.67  # times ln(callers)
W_TEXT = 1.0  # times (similarity - 0.5), only when both descriptions say something (judgement)
DAY_S = 86_400.0

Status = Literal["open", "closed"]


@dataclass(frozen=True)
class DuplicateSettings:
    """Per-category (or city-wide) switches.

    A candidate is shown at `min_score` and badged "likely duplicate" at `badge_threshold`.
    """

    enabled: bool = True
    radius_m: float = 250.0
    include_closed: bool = True
    window_days: float = 30.0  # how long a closed request stays a candidate
    max_candidates: int = 5
    min_score: float = 0.02
    badge_threshold: float = 0.3
    default_duplicate_rate: float = 0.015
    unknown_location: tuple[float, float] | None = BOSTON_CITY_HALL


@dataclass(frozen=True, slots=True)
class ExistingRequest:
    """A request already in the system, as the duplicate finder sees it."""

    id: str
    reference: str
    service_code: str
    service_group: str
    lat: float
    lon: float
    address: str
    description: str
    status: Status
    opened_at: datetime
    closed_at: datetime | None = None
    callers: int = 1


@dataclass(frozen=True, slots=True)
class CandidateInput:
    """The request being entered; `duplicate_rate` is its category's history, if known."""

    service_code: str
    service_group: str
    lat: float
    lon: float
    address: str = ""
    description: str = ""
    duplicate_rate: float | None = None
    id: str | None = None  # set when re-checking a request that is already stored


Verdict = Literal["likely", "same_place", "maybe", "closed"]
"""What a caller-taker makes of a candidate:

* "likely": open and scored at least the badge threshold: add the caller;
* "same_place": open, same category, same address, scored below the threshold: ask the
  caller whether it is the same problem (the score is the city's habit of closing such
  reports as duplicates, which is low in some categories even for one problem);
* "maybe": open, anything else shown: ask the caller;
* "closed": closed within the window: if the problem is back, a new request.
"""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One existing request offered as "already reported?", with why.

    `same_category`, `same_address` and `is_open` are the facts the reasons list; they and
    the score decide the `verdict`. `duplicate_rate` is the category rate the score used.
    """

    request: ExistingRequest
    score: float
    distance_m: float
    likely_duplicate: bool
    reason: Words
    same_category: bool = True
    same_address: bool = False
    is_open: bool = True
    duplicate_rate: float | None = None

    @property
    def verdict(self) -> Verdict:
        if not self.is_open:
            return "closed"
        if self.likely_duplicate:
            return "likely"
        if self.same_category and self.same_address:
            return "same_place"
        return "maybe"


class BoundingBox(NamedTuple):
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(lat: float, lon: float, radius_m: float) -> BoundingBox:
    """The lat/lon box that holds every point within `radius_m` (for an index prefilter)."""
    dlat = radius_m / METRES_PER_DEGREE_LAT
    cos_lat = math.cos(math.radians(min(89.9, abs(lat) + dlat)))
    dlon = min(180.0, dlat / cos_lat)
    return BoundingBox(lat - dlat, lon - dlon, lat + dlat, lon + dlon)


def is_unknown_location(
    lat: float, lon: float, unknown: tuple[float, float] | None = BOSTON_CITY_HALL
) -> bool:
    """True for the city's "location unknown" default pin, which must never attract candidates."""
    if unknown is None:
        return False
    return (
        abs(lat - unknown[0]) <= UNKNOWN_TOLERANCE_DEG
        and abs(lon - unknown[1]) <= UNKNOWN_TOLERANCE_DEG
    )


def is_open_at(request: ExistingRequest, now: datetime) -> bool:
    """Open at `now`: not yet closed then (a close date wins over the stored status)."""
    if request.closed_at is not None:
        return request.closed_at > now
    return request.status == "open"


def is_available_at(request: ExistingRequest, now: datetime, settings: DuplicateSettings) -> bool:
    """Existed at `now` and is open, or was closed within the window."""
    if request.opened_at > now:
        return False
    if is_open_at(request, now):
        return True
    if not settings.include_closed or request.closed_at is None:
        return False
    return (now - request.closed_at).total_seconds() <= settings.window_days * DAY_S


_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def _normalised(text: str) -> str:
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text.lower()).split())


def _informative(description: str, request_code: str, request_group: str) -> str:
    """The description, unless it only repeats the category or group name."""
    if not description:
        return ""
    text = _normalised(description)
    return "" if text in {"", _normalised(request_code), _normalised(request_group)} else text


def _same_address(mine: str, theirs: str) -> bool:
    return mine == theirs or _normalised(mine) == _normalised(theirs)


def at_same_address(new: CandidateInput, existing: ExistingRequest) -> bool:
    """Both have an address and it is the same text (case and punctuation aside)."""
    return bool(new.address and existing.address) and _same_address(new.address, existing.address)


def _logit(p: float) -> float:
    p = min(0.9, max(0.001, p))
    return math.log(p / (1 - p))


def score_match(
    new: CandidateInput,
    existing: ExistingRequest,
    distance_m: float,
    now: datetime,
    settings: DuplicateSettings,
) -> float:
    """The chance (0..1) that `new` reports the same problem as `existing`."""
    rate = settings.default_duplicate_rate if new.duplicate_rate is None else new.duplicate_rate
    log_odds = BIAS + W_DUPLICATE_RATE * _logit(rate)
    log_odds += W_NEAR * math.exp(-distance_m / 25.0) + W_AREA * math.exp(-distance_m / 100.0)
    if existing.service_code != new.service_code:
        log_odds += W_GROUP_ONLY
    if not is_open_at(existing, now):
        log_odds += W_CLOSED
    age_days = max(0.0, (now - existing.opened_at).total_seconds() / DAY_S)
    log_odds += W_AGE * math.log1p(age_days / 7.0)
    if at_same_address(new, existing):
        log_odds += W_SAME_ADDRESS
    log_odds += W_CALLERS * math.log(max(1, existing.callers))
    mine = _informative(new.description, new.service_code, new.service_group)
    theirs = _informative(existing.description, existing.service_code, existing.service_group)
    if mine and theirs:
        log_odds += W_TEXT * (fuzz.token_set_ratio(mine, theirs) / 100.0 - 0.5)
    return 1.0 / (1.0 + math.exp(-log_odds))


def _ago(seconds: float) -> Words:
    if seconds < 3600:
        return QT_TRANSLATE_NOOP("Units", "%1 min").with_values(max(1, round(seconds / 60)))
    if seconds < DAY_S:
        return QT_TRANSLATE_NOOP("Units", "%1 h").with_values(round(seconds / 3600))
    return QT_TRANSLATE_NOOP("Units", "%1 d").with_values(round(seconds / DAY_S))


def describe_match(
    new: CandidateInput, existing: ExistingRequest, distance_m: float, now: datetime
) -> Words:
    """A one-line reason, e.g. "38 m away, same category, opened 2 h ago, 3 callers"."""
    parts = [QT_TRANSLATE_NOOP("DuplicateReasons", "%1 m away").with_values(round(distance_m))]
    if existing.service_code == new.service_code:
        parts.append(QT_TRANSLATE_NOOP("DuplicateReasons", "same category"))
    else:
        parts.append(
            QT_TRANSLATE_NOOP("DuplicateReasons", "same group (%1)").with_values(
                existing.service_group
            )
        )
    if at_same_address(new, existing):
        parts.append(QT_TRANSLATE_NOOP("DuplicateReasons", "same address"))
    if is_open_at(existing, now):
        parts.append(
            QT_TRANSLATE_NOOP("DuplicateReasons", "opened %1 ago").with_values(
                _ago((now - existing.opened_at).total_seconds())
            )
        )
    elif existing.closed_at is not None:
        parts.append(
            QT_TRANSLATE_NOOP("DuplicateReasons", "closed %1 ago").with_values(
                _ago((now - existing.closed_at).total_seconds())
            )
        )
    if existing.callers > 1:
        parts.append(
            QT_TRANSLATE_NOOP("DuplicateReasons", "%1 callers").with_values(existing.callers)
        )
    return joined(parts, ", ")


def _same_kind(new: CandidateInput, existing: ExistingRequest) -> bool:
    if existing.service_code == new.service_code:
        return True
    return bool(new.service_group) and existing.service_group == new.service_group


def _within(
    new: CandidateInput,
    existing: Iterable[ExistingRequest],
    radius_m: float,
    unknown: tuple[float, float] | None,
    keep: Callable[[ExistingRequest], bool],
) -> Iterator[tuple[float, ExistingRequest]]:
    """(distance, request) for the kept requests within the radius, never the unknown pin."""
    if is_unknown_location(new.lat, new.lon, unknown):
        return
    box = bounding_box(new.lat, new.lon, radius_m)
    for request in existing:
        if not (box.min_lat <= request.lat <= box.max_lat and box.min_lon <= request.lon):
            continue
        if request.lon > box.max_lon or request.id == new.id or not keep(request):
            continue
        if is_unknown_location(request.lat, request.lon, unknown):
            continue
        distance = haversine_m(new.lat, new.lon, request.lat, request.lon)
        if distance <= radius_m:
            yield distance, request


def scored_matches(
    new: CandidateInput,
    existing: Iterable[ExistingRequest],
    settings: DuplicateSettings,
    now: datetime,
) -> list[tuple[float, float, ExistingRequest]]:
    """Every eligible (score, distance_m, request), unsorted and unthresholded."""
    if not settings.enabled:
        return []

    def eligible(request: ExistingRequest) -> bool:
        return _same_kind(new, request) and is_available_at(request, now, settings)

    nearby = _within(new, existing, settings.radius_m, settings.unknown_location, eligible)
    return [(score_match(new, r, d, now, settings), d, r) for d, r in nearby]


def score_candidates(
    new: CandidateInput,
    existing: Iterable[ExistingRequest],
    settings: DuplicateSettings,
    now: datetime,
) -> list[Candidate]:
    """The candidates to show, best first: eligible, scored at least `min_score`, at most N."""
    matches = [
        m for m in scored_matches(new, existing, settings, now) if m[0] >= settings.min_score
    ]
    matches.sort(key=lambda m: (-m[0], m[1], m[2].opened_at))
    return [
        _candidate(new, r, score, d, score >= settings.badge_threshold, now, settings)
        for score, d, r in matches[: settings.max_candidates]
    ]


def _candidate(
    new: CandidateInput,
    existing: ExistingRequest,
    score: float,
    distance_m: float,
    likely: bool,
    now: datetime,
    settings: DuplicateSettings,
) -> Candidate:
    rate = settings.default_duplicate_rate if new.duplicate_rate is None else new.duplicate_rate
    return Candidate(
        existing,
        score,
        distance_m,
        likely,
        describe_match(new, existing, distance_m, now),
        same_category=existing.service_code == new.service_code,
        same_address=at_same_address(new, existing),
        is_open=is_open_at(existing, now),
        duplicate_rate=rate,
    )


def fms_rule_candidates(
    new: CandidateInput,
    existing: Iterable[ExistingRequest],
    now: datetime,
    radius_m: float = FMS_RADIUS_M,
    limit: int = FMS_LIMIT,
    unknown_location: tuple[float, float] | None = BOSTON_CITY_HALL,
) -> list[Candidate]:
    """FixMyStreet's default: same category, open, within 250 m, 5 nearest, no time window.

    It has no likelihood: `score` is only proximity (1 at the pin, 0 at the radius).
    """

    def same_and_open(request: ExistingRequest) -> bool:
        same = request.service_code == new.service_code
        return same and request.opened_at <= now and is_open_at(request, now)

    nearby = list(_within(new, existing, radius_m, unknown_location, same_and_open))
    nearby.sort(key=lambda pair: (pair[0], pair[1].opened_at))
    settings = DuplicateSettings(radius_m=radius_m, unknown_location=unknown_location)
    return [
        _candidate(new, r, 1.0 - d / radius_m if radius_m > 0 else 0.0, d, False, now, settings)
        for d, r in nearby[:limit]
    ]
