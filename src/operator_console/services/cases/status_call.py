"""A status call: what the operator reads aloud to a resident asking about their request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.history import HistoryEntry

_WHERE_IN_QUEUE = {
    Status.RECEIVED: "received, not yet sent on",
    Status.ROUTED: "sent there, waiting to be queued",
    Status.IN_QUEUE: "waiting to be assigned",
    Status.IN_PROGRESS: "work has started",
}
_CLOSURE_WORDS = {
    ClosureReason.FIXED: "the problem was fixed",
    ClosureReason.DUPLICATE: "it repeated another request",
    ClosureReason.NOT_CITY_RESPONSIBILITY: "it is not the city's responsibility",
    ClosureReason.NO_FURTHER_ACTION: "no further action was needed",
    ClosureReason.REFERRED: "it was referred elsewhere",
    ClosureReason.CANCELLED: "it was cancelled",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The sentences' words, whatever the locale the process runs in (strftime follows it)."""
_UPDATE_WORDS = {
    "status_changed": "moved along",
    "resolved": "resolved",
    "closed": "closed",
    "reopened": "reopened",
    "due_changed": "due date moved",
}
"""What a public entry without words of its own says happened."""


@dataclass(frozen=True)
class StatusReading:
    """The status of a case in sentences an operator reads aloud, and what the flow may offer.

    Attributes:
        sentences: received, where it is, the last public update, when it is expected.
        overdue: open and past its due time: the flow offers to escalate.
        finished: resolved or closed: the flow offers to reopen ("the problem is still there").
    """

    sentences: tuple[str, ...]
    overdue: bool
    finished: bool

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def status_reading(detail: CaseDetail, now: datetime, zone: tzinfo) -> StatusReading:
    """What to tell a resident about the case at `now`, dates on the city's clock (`zone`).

    Only what residents may see is read: public history entries, never an internal note, and
    no staff member's name.
    """
    case = detail.record.state
    finished = not case.status.is_open
    overdue = not finished and case.due_at is not None and now > case.due_at
    sentences = [
        _received(detail, now, zone),
        _where(detail, zone, now),
        _last_update(detail.record.timeline, zone, now),
    ]
    expected = _expected(detail, now, zone)
    if expected:
        sentences.append(expected)
    return StatusReading(tuple(sentences), overdue, finished)


def _received(detail: CaseDetail, now: datetime, zone: tzinfo) -> str:
    case = detail.record.state
    place = f" at {case.location.address}" if case.location.address else ""
    return (
        f"Your request {case.reference} about {case.service.name}{place} "
        f"was received on {_day(case.created_at, zone, now)}."
    )


def _where(detail: CaseDetail, zone: tzinfo, now: datetime) -> str:
    case = detail.record.state
    if case.merged_into:
        return (
            f"It was closed as a repeat of request {case.merged_into}, where the work is followed."
        )
    if case.status is Status.RESOLVED or case.status is Status.CLOSED:
        done = "resolved" if case.status is Status.RESOLVED else "closed"
        when = case.resolved_at or case.closed_at
        on = f" on {_day(when, zone, now)}" if when else ""
        why = f": {_CLOSURE_WORDS[case.closure_reason]}" if case.closure_reason else ""
        return f"It was {done}{on}{why}."
    if case.queue is None:
        return "It has not been sent to a department yet."
    holder = ", ".join(name for name in (detail.record.department, case.queue.name) if name)
    return f"It is with {holder} ({_stage(detail)})."


def _stage(detail: CaseDetail) -> str:
    case = detail.record.state
    if case.status is Status.ASSIGNED:
        if case.queue is not None and case.queue.kind == "crew":
            return "assigned to a crew"
        if case.queue is not None and case.queue.kind == "team":
            return "assigned to a team"
        return "assigned to a member of staff"
    return _WHERE_IN_QUEUE.get(case.status, case.status.value.replace("_", " "))


def _last_update(timeline: tuple[HistoryEntry, ...], zone: tzinfo, now: datetime) -> str:
    public = [entry for entry in timeline if entry.public and entry.kind != "created"]
    if not public:
        return "There is no public update on it yet."
    last = max(public, key=lambda entry: (entry.at, entry.event_id))
    said = last.reason.strip().rstrip(".")  # the sentence's own full stop ends it
    words = said or _UPDATE_WORDS.get(last.kind, last.kind.replace("_", " "))
    return f"The last update, on {_day(last.at, zone, now)}: \u201c{words}\u201d."


def _expected(detail: CaseDetail, now: datetime, zone: tzinfo) -> str:
    case = detail.record.state
    if not case.status.is_open:
        if case.merged_into:
            return ""
        return "If the problem is still there, it can be reopened."
    if case.due_at is None:
        return "There is no target date for this kind of request."
    due = _day(case.due_at, zone, now, weekday=True)
    if now > case.due_at:
        return f"It was expected by {due}, so it is overdue."
    return f"We expect it to be done by {due}."


def _day(when: datetime, zone: tzinfo, now: datetime, *, weekday: bool = False) -> str:
    """ "March 3", "Friday, March 13"; with the year when it is not this year."""
    local = when.astimezone(zone)
    text = f"{_MONTHS[local.month - 1]} {local.day}"
    if weekday:
        text = f"{_WEEKDAYS[local.weekday()]}, {text}"
    if local.year != now.astimezone(zone).year:
        text += f", {local.year}"
    return text
