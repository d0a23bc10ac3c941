"""A status call: what the operator reads aloud to a resident asking about their request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from operator_console.domain.lifecycle import ClosureReason, Status, status_name
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.cases.history import HistoryEntry

_WHERE_IN_QUEUE = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("StatusCallScript", "received, not yet sent on"),
    Status.ROUTED: QT_TRANSLATE_NOOP("StatusCallScript", "sent there, waiting to be queued"),
    Status.IN_QUEUE: QT_TRANSLATE_NOOP("StatusCallScript", "waiting to be assigned"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("StatusCallScript", "work has started"),
}
_CLOSURE_WORDS = {
    ClosureReason.FIXED: QT_TRANSLATE_NOOP("StatusCallScript", "the problem was fixed"),
    ClosureReason.DUPLICATE: QT_TRANSLATE_NOOP("StatusCallScript", "it repeated another request"),
    ClosureReason.NOT_CITY_RESPONSIBILITY: QT_TRANSLATE_NOOP(
        "StatusCallScript", "it is not the city's responsibility"
    ),
    ClosureReason.NO_FURTHER_ACTION: QT_TRANSLATE_NOOP(
        "StatusCallScript", "no further action was needed"
    ),
    ClosureReason.REFERRED: QT_TRANSLATE_NOOP("StatusCallScript", "it was referred elsewhere"),
    ClosureReason.CANCELLED: QT_TRANSLATE_NOOP("StatusCallScript", "it was cancelled"),
}
_MONTHS = (
    QT_TRANSLATE_NOOP("StatusCallScript", "January"),
    QT_TRANSLATE_NOOP("StatusCallScript", "February"),
    QT_TRANSLATE_NOOP("StatusCallScript", "March"),
    QT_TRANSLATE_NOOP("StatusCallScript", "April"),
    QT_TRANSLATE_NOOP("StatusCallScript", "May"),
    QT_TRANSLATE_NOOP("StatusCallScript", "June"),
    QT_TRANSLATE_NOOP("StatusCallScript", "July"),
    QT_TRANSLATE_NOOP("StatusCallScript", "August"),
    QT_TRANSLATE_NOOP("StatusCallScript", "September"),
    QT_TRANSLATE_NOOP("StatusCallScript", "October"),
    QT_TRANSLATE_NOOP("StatusCallScript", "November"),
    QT_TRANSLATE_NOOP("StatusCallScript", "December"),
)
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("StatusCallScript", "Monday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Tuesday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Wednesday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Thursday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Friday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Saturday"),
    QT_TRANSLATE_NOOP("StatusCallScript", "Sunday"),
)
"""The sentences' words, whatever the locale the process runs in (strftime follows it)."""
_UPDATE_WORDS = {
    "status_changed": QT_TRANSLATE_NOOP("StatusCallScript", "moved along"),
    "resolved": QT_TRANSLATE_NOOP("StatusCallScript", "resolved"),
    "closed": QT_TRANSLATE_NOOP("StatusCallScript", "closed"),
    "reopened": QT_TRANSLATE_NOOP("StatusCallScript", "reopened"),
    "due_changed": QT_TRANSLATE_NOOP("StatusCallScript", "due date moved"),
}
"""What a public entry without words of its own says happened."""
_FINISHED = {
    # (resolved, with a day, with a reason)
    (True, True, True): QT_TRANSLATE_NOOP("StatusCallScript", "It was resolved on %1: %2."),
    (True, True, False): QT_TRANSLATE_NOOP("StatusCallScript", "It was resolved on %1."),
    (True, False, True): QT_TRANSLATE_NOOP("StatusCallScript", "It was resolved: %2."),
    (True, False, False): QT_TRANSLATE_NOOP("StatusCallScript", "It was resolved."),
    (False, True, True): QT_TRANSLATE_NOOP("StatusCallScript", "It was closed on %1: %2."),
    (False, True, False): QT_TRANSLATE_NOOP("StatusCallScript", "It was closed on %1."),
    (False, False, True): QT_TRANSLATE_NOOP("StatusCallScript", "It was closed: %2."),
    (False, False, False): QT_TRANSLATE_NOOP("StatusCallScript", "It was closed."),
}
_DAYS = {
    # (with the weekday, with the year): month %1, day %2, weekday %3, year %4
    (False, False): QT_TRANSLATE_NOOP("StatusCallScript", "%1 %2"),
    (True, False): QT_TRANSLATE_NOOP("StatusCallScript", "%3, %1 %2"),
    (False, True): QT_TRANSLATE_NOOP("StatusCallScript", "%1 %2, %4"),
    (True, True): QT_TRANSLATE_NOOP("StatusCallScript", "%3, %1 %2, %4"),
}


@dataclass(frozen=True)
class StatusReading:
    """The status of a case in sentences an operator reads aloud, and what the flow may offer.

    Attributes:
        sentences: received, where it is, the last public update, when it is expected.
        overdue: open and past its due time: the flow offers to escalate.
        finished: resolved or closed: the flow offers to reopen ("the problem is still there").
    """

    sentences: tuple[Words, ...]
    overdue: bool
    finished: bool

    @property
    def text(self) -> Words:
        return joined(self.sentences, " ")


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
    if expected is not None:
        sentences.append(expected)
    return StatusReading(tuple(sentences), overdue, finished)


def _received(detail: CaseDetail, now: datetime, zone: tzinfo) -> Words:
    case = detail.record.state
    day = _day(case.created_at, zone, now)
    if case.location.address:
        return QT_TRANSLATE_NOOP(
            "StatusCallScript", "Your request %1 about %2 at %3 was received on %4."
        ).with_values(case.reference, case.service.name, case.location.address, day)
    return QT_TRANSLATE_NOOP(
        "StatusCallScript", "Your request %1 about %2 was received on %3."
    ).with_values(case.reference, case.service.name, day)


def _where(detail: CaseDetail, zone: tzinfo, now: datetime) -> Words:
    case = detail.record.state
    if case.merged_into:
        return QT_TRANSLATE_NOOP(
            "StatusCallScript",
            "It was closed as a repeat of request %1, where the work is followed.",
        ).with_values(case.merged_into)
    if case.status is Status.RESOLVED or case.status is Status.CLOSED:
        when = case.resolved_at or case.closed_at
        reason = case.closure_reason
        sentence = _FINISHED[(case.status is Status.RESOLVED, when is not None, bool(reason))]
        return sentence.with_values(
            _day(when, zone, now) if when else "", _CLOSURE_WORDS[reason] if reason else ""
        )
    if case.queue is None:
        return QT_TRANSLATE_NOOP("StatusCallScript", "It has not been sent to a department yet.")
    holder = ", ".join(name for name in (detail.record.department, case.queue.name) if name)
    return QT_TRANSLATE_NOOP("StatusCallScript", "It is with %1 (%2).").with_values(
        holder, _stage(detail)
    )


def _stage(detail: CaseDetail) -> Words:
    case = detail.record.state
    if case.status is Status.ASSIGNED:
        if case.queue is not None and case.queue.kind == "crew":
            return QT_TRANSLATE_NOOP("StatusCallScript", "assigned to a crew")
        if case.queue is not None and case.queue.kind == "team":
            return QT_TRANSLATE_NOOP("StatusCallScript", "assigned to a team")
        return QT_TRANSLATE_NOOP("StatusCallScript", "assigned to a member of staff")
    return _WHERE_IN_QUEUE.get(case.status, status_name(case.status))


def _last_update(timeline: tuple[HistoryEntry, ...], zone: tzinfo, now: datetime) -> Words:
    public = [entry for entry in timeline if entry.public and entry.kind != "created"]
    if not public:
        return QT_TRANSLATE_NOOP("StatusCallScript", "There is no public update on it yet.")
    last = max(public, key=lambda entry: (entry.at, entry.event_id))
    said = last.reason.strip().rstrip(".")  # the sentence's own full stop ends it
    words = said or _UPDATE_WORDS.get(last.kind, last.kind.replace("_", " "))
    return QT_TRANSLATE_NOOP("StatusCallScript", "The last update, on %1: “%2”.").with_values(
        _day(last.at, zone, now), words
    )


def _expected(detail: CaseDetail, now: datetime, zone: tzinfo) -> Words | None:
    case = detail.record.state
    if not case.status.is_open:
        if case.merged_into:
            return None
        return QT_TRANSLATE_NOOP(
            "StatusCallScript", "If the problem is still there, it can be reopened."
        )
    if case.due_at is None:
        return QT_TRANSLATE_NOOP(
            "StatusCallScript", "There is no target date for this kind of request."
        )
    due = _day(case.due_at, zone, now, weekday=True)
    if now > case.due_at:
        return QT_TRANSLATE_NOOP(
            "StatusCallScript", "It was expected by %1, so it is overdue."
        ).with_values(due)
    return QT_TRANSLATE_NOOP("StatusCallScript", "We expect it to be done by %1.").with_values(due)


def _day(when: datetime, zone: tzinfo, now: datetime, *, weekday: bool = False) -> Words:
    """ "March 3", "Friday, March 13"; with the year when it is not this year."""
    local = when.astimezone(zone)
    other_year = local.year != now.astimezone(zone).year
    return _DAYS[(weekday, other_year)].with_values(
        _MONTHS[local.month - 1], local.day, _WEEKDAYS[local.weekday()], local.year
    )
