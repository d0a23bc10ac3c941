"""Replay a city's request history in time order and measure both duplicate rules against it."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta

from operator_console.domain.duplicate_rates import RATE_LAG, smoothed_rate
from operator_console.domain.duplicates import (
    FMS_RADIUS_M,
    CandidateInput,
    DuplicateSettings,
    ExistingRequest,
    bounding_box,
    fms_rule_candidates,
    is_unknown_location,
    scored_matches,
)

ProgressCallback = Callable[[int, int], None]
NO_CANDIDATE = -1.0  # the score recorded for a request that had nothing eligible nearby
PROGRESS_EVERY = 2000
_COUNT_REQUEST, _COUNT_DUPLICATE, _ADD_CALLER = 0, 1, 2


@dataclass(frozen=True, slots=True)
class LabelledRequest:
    """One historical request and whether the city closed it as a duplicate."""

    request: ExistingRequest
    is_duplicate: bool
    channel: str = ""


@dataclass(frozen=True)
class RuleMetrics:
    """How one rule fared: candidates shown, their ranking, and the "likely duplicate" badge."""

    recall: float  # labelled duplicates that got at least one candidate
    alarm: float  # other requests that got at least one candidate
    auc: float  # top candidate's score, duplicate vs not (no candidate scores 0)
    badge_precision: float
    badge_recall: float
    with_candidates: int
    badged: int


@dataclass(frozen=True)
class RowCounts:
    total: int
    used: int
    duplicates: int
    unknown_location: int  # used, but never given nor offered as candidates
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ReplayReport:
    ours: RuleMetrics
    fms_rule: RuleMetrics
    distance_only_auc: float  # nearest eligible request's proximity, same pool as ours
    rows: RowCounts
    settings: DuplicateSettings

    def as_dict(self) -> dict[str, object]:
        return {
            "ours": asdict(self.ours),
            "fms_rule": asdict(self.fms_rule),
            "distance_only": {"auc": self.distance_only_auc},
            "rows": asdict(self.rows),
            "settings": asdict(self.settings),
        }


class DuplicateRateTracker:
    """Each category's (and category x channel's) share of requests closed as duplicates.

    Requests count once they are `RATE_LAG` old, so quick closures of one kind do not skew the
    rate early on; smoothing pulls thin categories towards the rate one level up.
    """

    def __init__(self, prior_rate: float) -> None:
        self._prior_rate = prior_rate
        self._requests: Counter[tuple[str, ...]] = Counter()
        self._duplicates: Counter[tuple[str, ...]] = Counter()

    @staticmethod
    def _keys(service_code: str, channel: str) -> tuple[tuple[str, ...], ...]:
        return ((), (service_code,), (service_code, channel))

    def count_request(self, service_code: str, channel: str) -> None:
        for key in self._keys(service_code, channel):
            self._requests[key] += 1

    def count_duplicate(self, service_code: str, channel: str) -> None:
        for key in self._keys(service_code, channel):
            self._duplicates[key] += 1

    def rate(self, service_code: str, channel: str) -> float:
        levels = self._keys(service_code, channel)
        counts = ((self._duplicates[key], self._requests[key]) for key in levels)
        return smoothed_rate(counts, self._prior_rate)


class _Slot:
    """A grid entry: mutable so a request's callers count can grow while it sits in the grid."""

    __slots__ = ("expires", "request")

    def __init__(self, request: ExistingRequest, expires: datetime | None) -> None:
        self.request = request
        self.expires = expires


class GridIndex:
    """Requests bucketed by (category group, lat cell, lon cell), cells `cell_m` high.

    A closed request leaves the grid once `keep_closed` has passed since its closing; cells are
    compacted lazily, when a query visits them.
    """

    def __init__(self, cell_m: float, keep_closed: timedelta) -> None:
        self._cell_deg = max(cell_m, 1.0) / 111_195.0
        self._keep_closed = keep_closed
        self._cells: dict[tuple[str, int, int], list[_Slot]] = {}
        self.by_id: dict[str, _Slot] = {}  # every request ever added, for callers counts

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self._cell_deg), math.floor(lon / self._cell_deg)

    def add(self, key: str, request: ExistingRequest) -> None:
        closed = request.closed_at
        slot = _Slot(request, None if closed is None else closed + self._keep_closed)
        self._cells.setdefault((key, *self._cell(request.lat, request.lon)), []).append(slot)
        self.by_id[request.id] = slot

    def near(
        self, key: str, lat: float, lon: float, radius_m: float, now: datetime
    ) -> list[ExistingRequest]:
        """Requests in the cells that cover `radius_m` around the point (a superset)."""
        box = bounding_box(lat, lon, radius_m)
        low_lat, low_lon = self._cell(box.min_lat, box.min_lon)
        high_lat, high_lon = self._cell(box.max_lat, box.max_lon)
        found: list[ExistingRequest] = []
        for cell_lat in range(low_lat, high_lat + 1):
            for cell_lon in range(low_lon, high_lon + 1):
                slots = self._cells.get((key, cell_lat, cell_lon))
                if not slots:
                    continue
                live = [s for s in slots if s.expires is None or s.expires >= now]
                if len(live) != len(slots):
                    self._cells[key, cell_lat, cell_lon] = live
                found.extend(slot.request for slot in live)
        return found


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties count half); 0.5 when a class is empty."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return 0.5
    order = sorted(range(len(scores)), key=scores.__getitem__)
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        rank_sum += mean_rank * sum(1 for k in range(i, j + 1) if labels[order[k]])
        i = j + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def rule_metrics(
    scores: Sequence[float], shown: Sequence[bool], badged: Sequence[bool], labels: Sequence[bool]
) -> RuleMetrics:
    """Recall, alarm, AUC and badge figures from one score, shown flag and badge flag per row."""
    duplicates = sum(labels)
    others = len(labels) - duplicates
    hits = sum(1 for s, y in zip(shown, labels, strict=True) if s and y)
    alarms = sum(1 for s, y in zip(shown, labels, strict=True) if s and not y)
    badge_hits = sum(1 for b, y in zip(badged, labels, strict=True) if b and y)
    badge_count = sum(badged)
    ranked = [score if s else 0.0 for score, s in zip(scores, shown, strict=True)]
    return RuleMetrics(
        recall=hits / duplicates if duplicates else 0.0,
        alarm=alarms / others if others else 0.0,
        auc=roc_auc(ranked, labels),
        badge_precision=badge_hits / badge_count if badge_count else 0.0,
        badge_recall=badge_hits / duplicates if duplicates else 0.0,
        with_candidates=hits + alarms,
        badged=badge_count,
    )


def _group_key(request: ExistingRequest) -> str:
    return request.service_group or request.service_code


@dataclass
class _Outcomes:
    labels: list[bool] = field(default_factory=list)
    ours: list[float] = field(default_factory=list)
    fms: list[float] = field(default_factory=list)
    nearest: list[float] = field(default_factory=list)


class _Replayer:
    """The state of one replay: the grid, the category rates, closures still to come."""

    def __init__(self, settings: DuplicateSettings) -> None:
        self.settings = settings
        self.query_radius = max(settings.radius_m, FMS_RADIUS_M)
        keep_closed = timedelta(days=settings.window_days if settings.include_closed else 0)
        self.index = GridIndex(self.query_radius, keep_closed)
        self.rates = DuplicateRateTracker(settings.default_duplicate_rate)
        self.events: list[tuple[datetime, int, int]] = []  # (when, kind, row position)
        self.parents: dict[int, str] = {}  # labelled duplicate -> the request it was tied to
        self.out = _Outcomes()

    def _apply_events(self, rows: Sequence[LabelledRequest], now: datetime) -> None:
        """What the city knew by `now`: duplicate rates, and callers added to the parents."""
        while self.events and self.events[0][0] <= now:
            _, kind, position = heapq.heappop(self.events)
            row = rows[position]
            if kind == _COUNT_REQUEST:
                self.rates.count_request(row.request.service_code, row.channel)
            elif kind == _COUNT_DUPLICATE:
                self.rates.count_duplicate(row.request.service_code, row.channel)
            else:
                slot = self.index.by_id.get(self.parents.pop(position, ""))
                if slot is not None:
                    slot.request = replace(slot.request, callers=slot.request.callers + 1)

    def _schedule(self, row: LabelledRequest, position: int, parent_id: str | None) -> None:
        opened, closed = row.request.opened_at, row.request.closed_at
        heapq.heappush(self.events, (opened + RATE_LAG, _COUNT_REQUEST, position))
        if row.is_duplicate and closed is not None:
            heapq.heappush(
                self.events, (max(opened + RATE_LAG, closed), _COUNT_DUPLICATE, position)
            )
            if parent_id is not None:
                self.parents[position] = parent_id
                heapq.heappush(self.events, (closed, _ADD_CALLER, position))

    def step(self, rows: Sequence[LabelledRequest], position: int) -> None:
        row = rows[position]
        request, settings = row.request, self.settings
        now = request.opened_at
        self._apply_events(rows, now)
        unknown = is_unknown_location(request.lat, request.lon, settings.unknown_location)
        key = _group_key(request)
        pool = (
            []
            if unknown
            else self.index.near(key, request.lat, request.lon, self.query_radius, now)
        )
        new = CandidateInput(
            service_code=request.service_code,
            service_group=request.service_group,
            lat=request.lat,
            lon=request.lon,
            address=request.address,
            description=request.description,
            duplicate_rate=self.rates.rate(request.service_code, row.channel),
            id=request.id,
        )
        matches = scored_matches(new, pool, settings, now)
        best = max(matches, key=lambda m: (m[0], -m[1])) if matches else None
        fms = fms_rule_candidates(new, pool, now, unknown_location=settings.unknown_location)
        out = self.out
        out.labels.append(row.is_duplicate)
        out.ours.append(best[0] if best else NO_CANDIDATE)
        out.fms.append(fms[0].score if fms else NO_CANDIDATE)
        nearest = min((m[1] for m in matches), default=None)
        out.nearest.append(0.0 if nearest is None else 1.0 - nearest / settings.radius_m)
        self._schedule(row, position, best[2].id if best is not None else None)
        if not unknown:
            self.index.add(key, request)


def replay(
    rows: Iterable[LabelledRequest],
    settings: DuplicateSettings | None = None,
    *,
    skipped: Mapping[str, int] | None = None,
    progress: ProgressCallback | None = None,
) -> ReplayReport:
    """Offer candidates to every request from what existed at its moment, and score both rules."""
    settings = settings or DuplicateSettings()
    ordered = sorted(rows, key=lambda row: row.request.opened_at)
    replayer = _Replayer(settings)
    for position in range(len(ordered)):
        replayer.step(ordered, position)
        if progress is not None and (position + 1) % PROGRESS_EVERY == 0:
            progress(position + 1, len(ordered))
    if progress is not None:
        progress(len(ordered), len(ordered))
    out = replayer.out
    ours_shown = [s != NO_CANDIDATE and s >= settings.min_score for s in out.ours]
    ours_badged = [s != NO_CANDIDATE and s >= settings.badge_threshold for s in out.ours]
    fms_shown = [s != NO_CANDIDATE for s in out.fms]
    skipped_counts = dict(skipped or {})
    unknown = sum(
        1
        for r in ordered
        if is_unknown_location(r.request.lat, r.request.lon, settings.unknown_location)
    )
    return ReplayReport(
        ours=rule_metrics(out.ours, ours_shown, ours_badged, out.labels),
        # FixMyStreet has no likelihood: any candidate is its only "likely duplicate" signal.
        fms_rule=rule_metrics(out.fms, fms_shown, fms_shown, out.labels),
        distance_only_auc=roc_auc(out.nearest, out.labels),
        rows=RowCounts(
            total=len(ordered) + sum(skipped_counts.values()),
            used=len(ordered),
            duplicates=sum(out.labels),
            unknown_location=unknown,
            skipped=skipped_counts,
        ),
        settings=settings,
    )
