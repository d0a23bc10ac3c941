"""What the duplicate use cases give back and refuse with: candidates, receipts, errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.duplicates import Verdict
from operator_console.domain.lifecycle import Status, status_name
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted
from operator_console.services.changes import ChangeBatch, RequestChange

CALLER_ADDED = "caller_added"
SUBMITTED_DESPITE_DUPLICATE = "submitted_despite_duplicate"
MARKED_DUPLICATE = "marked_duplicate"
DUPLICATE_LINKED = "duplicate_linked"
PICKER_RADIUS_M = 1000.0


@dataclass(frozen=True)
class CandidateView:
    """One existing request offered while a call is taken, as the operator sees it.

    Attributes:
        request_id, reference, version: which request, and the version shown (for attaching).
        service_code, service_name, address, lat, lon: what and where.
        distance_m: from the pin; opened_at and age_text ("3 d"): how old.
        status: the lifecycle status ("in_queue", "closed", ...); callers: callers so far.
        description_start: the first ~120 characters of the description.
        thumbnail: the first photo's thumbnail (or the photo itself when small), or None.
        score: the chance (0..1) that the city would close the call as a duplicate of this
            request (see docs/duplicates.md); likely_duplicate: score at or above the badge
            threshold; reason: why it is offered, in one line (English, for logs).
        same_category, same_address, is_open, closed_at and closed_age_text ("2 d"): the
            facts the card lists first.
        duplicate_rate: the category's share of requests closed as duplicates (the score's
            strongest part); verdict: what to make of it (`domain.duplicates.Verdict`).
    """

    request_id: int
    reference: str
    service_code: str
    service_name: str
    address: str
    lat: float
    lon: float
    distance_m: float
    opened_at: datetime
    age_text: Words
    status: str
    callers: int
    description_start: str
    thumbnail: bytes | None
    score: float
    likely_duplicate: bool
    reason: Words
    version: int
    same_category: bool = True
    same_address: bool = False
    is_open: bool = True
    closed_at: datetime | None = None
    closed_age_text: Words | str = ""
    duplicate_rate: float | None = None
    verdict: Verdict = "maybe"


@dataclass(frozen=True)
class RequestSnapshot:
    """A request as it is now, for saying what changed since it was shown."""

    request_id: int
    reference: str
    version: int
    status: str
    callers: int
    closure_reason: str | None
    parent_reference: str | None
    recent_events: tuple[str, ...]  # newest first, e.g. "status_changed by jsmith"


@dataclass(frozen=True)
class AttachReceipt:
    """The caller now follows an existing request; what the operator reads back.

    Attributes:
        already_following: the caller was already among its followers (count unchanged).
    """

    request_id: int
    reference: str
    service_name: str
    queue_name: str
    due_at: datetime | None
    callers: int
    version: int
    queue_id: int | None
    already_following: bool = False

    def changes(self) -> ChangeBatch:
        """What changed, for the change bus."""
        change = RequestChange(self.request_id, self.queue_id, None, self.version, "update")
        return ChangeBatch((change,))


@dataclass(frozen=True)
class MarkDuplicateReceipt:
    """A request closed as a duplicate of its parent, with the followers that moved."""

    duplicate_id: int
    duplicate_reference: str
    duplicate_version: int
    duplicate_queue_id: int | None
    parent_id: int
    parent_reference: str
    parent_version: int
    parent_queue_id: int | None
    parent_callers: int
    followers_moved: int

    def changes(self) -> ChangeBatch:
        """What changed, for the change bus."""
        return ChangeBatch(
            (
                RequestChange(
                    self.duplicate_id,
                    self.duplicate_queue_id,
                    None,
                    self.duplicate_version,
                    "update",
                ),
                RequestChange(
                    self.parent_id, self.parent_queue_id, None, self.parent_version, "update"
                ),
            )
        )


class RequestNotFoundError(LookupError):
    """The request does not exist (any more)."""


def request_gone(request_id: int) -> Words:
    """Why nothing is done on a request that does not exist (any more)."""
    return QT_TRANSLATE_NOOP("DuplicateRefusals", "Request %1 does not exist.").with_values(
        request_id
    )


class StaleRequestError(RuntimeError):
    """The request changed since it was shown; nothing was written. The message says how."""

    def __init__(self, expected_version: int, current: RequestSnapshot) -> None:
        self.expected_version = expected_version
        self.current = current
        state: Words | str = _status_words(current.status)
        if current.closure_reason == "duplicate" and current.parent_reference:
            state = QT_TRANSLATE_NOOP(
                "DuplicateRefusals", "closed as a duplicate of %1"
            ).with_values(current.parent_reference)
        callers = counted(
            current.callers,
            QT_TRANSLATE_NOOP("DuplicateRefusals", "%1 caller"),
            QT_TRANSLATE_NOOP("DuplicateRefusals", "%1 callers"),
        )
        said = QT_TRANSLATE_NOOP(
            "DuplicateRefusals",
            "%1 changed since it was shown (version %2, now %3): it is %4 with %5. Look at it "
            "again before going on.",
        ).with_values(current.reference, expected_version, current.version, state, callers)
        if current.recent_events:
            said = QT_TRANSLATE_NOOP(
                "DuplicateRefusals",
                "%1 changed since it was shown (version %2, now %3): it is %4 with %5; latest: "
                "%6. Look at it again before going on.",
            ).with_values(
                current.reference,
                expected_version,
                current.version,
                state,
                callers,
                ", ".join(current.recent_events),
            )
        super().__init__(said)


class LinkRefusedError(ValueError):
    """A duplicate link or an added caller that would make the records wrong; nothing written."""


def describe_changes(shown: CandidateView, current: RequestSnapshot) -> list[Words]:
    """What differs between the candidate as shown and the request now, in words."""
    changed = []
    if current.status != shown.status:
        changed.append(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "status %1 → %2").with_values(
                _status_words(shown.status), _status_words(current.status)
            )
        )
    if current.closure_reason == "duplicate" and current.parent_reference:
        changed.append(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "closed as a duplicate of %1").with_values(
                current.parent_reference
            )
        )
    if current.callers != shown.callers:
        changed.append(
            QT_TRANSLATE_NOOP("DuplicateRefusals", "callers %1 → %2").with_values(
                shown.callers, current.callers
            )
        )
    if not changed:
        changed.append(QT_TRANSLATE_NOOP("DuplicateRefusals", "it was edited"))
    return changed


def _status_words(status: str) -> Words | str:
    """A stored status as a sentence names it; an unknown code with its underscores as spaces."""
    if status in {known.value for known in Status}:
        return status_name(Status(status))
    return status.replace("_", " ")
