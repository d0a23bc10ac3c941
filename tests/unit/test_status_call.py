"""The status call: the sentence read aloud to a resident, and the call counted on the case."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.actions import log_status_call
from operator_console.services.cases.commands import CaseRef, LogStatusCall
from operator_console.services.cases.detail import CaseDetail, CaseRecord, SlaStanding
from operator_console.services.cases.errors import StaleCaseError
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.cases.ports import CaseState
from operator_console.services.cases.status_call import status_reading as reading_in_words
from tests.support.case_fakes import (
    CREW_3,
    NOW,
    OPENED,
    OPERATOR,
    FakeCaseUnitOfWork,
    case,
)

BOSTON = ZoneInfo("America/New_York")
DUE = datetime(2026, 11, 27, 22, 0, tzinfo=NOW.tzinfo)  # Friday, November 27, 17:00 in Boston


@dataclass(frozen=True)
class EnglishReading:
    """A status reading as `str()` gives it: the sentences in English."""

    sentences: tuple[str, ...]
    text: str
    overdue: bool
    finished: bool


def status_reading(detail: CaseDetail, now: datetime, zone: ZoneInfo) -> EnglishReading:
    reading = reading_in_words(detail, now, zone)
    sentences = tuple(str(sentence) for sentence in reading.sentences)
    return EnglishReading(sentences, str(reading.text), reading.overdue, reading.finished)


def _entry(number: int, at: datetime, kind: str, reason: str, public: bool) -> HistoryEntry:
    return HistoryEntry(
        number, at, "dispatcher1", "Denise Walsh", kind, None, None, reason, public, None
    )


def _detail(state: CaseState, *timeline: HistoryEntry) -> CaseDetail:
    created = _entry(1, state.created_at, "created", "", True)
    record = CaseRecord(
        state=state,
        description="A deep pothole",
        answers={},
        questions=(),
        channel="phone",
        created_by="operator1",
        updated_at=NOW,
        callers_count=1,
        department="Public Works Department",
        parent=None,
        duplicates=(),
        callers=(),
        photos=(),
        timeline=(created, *timeline),
    )
    return CaseDetail(record, (), SlaStanding(state.due_at, None, NOW, not state.status.is_open))


def test_an_open_case_says_where_it_is_its_last_public_update_and_when_it_is_expected() -> None:
    state = case(status=Status.ASSIGNED, queue=CREW_3, due_at=DUE)
    crew_sent = _entry(2, NOW - timedelta(hours=2), "note", "Crew scheduled", True)
    reading = status_reading(_detail(state, crew_sent), NOW, BOSTON)
    assert reading.sentences == (
        "Your request BOS-26-000100 about Pothole at 1 Main St was received on November 23.",
        "It is with Public Works Department, Crew 3 (assigned to a crew).",
        "The last update, on November 24: \u201cCrew scheduled\u201d.",
        "We expect it to be done by Friday, November 27.",
    )
    assert not reading.overdue and not reading.finished


def test_an_internal_note_is_never_read_aloud() -> None:
    public = _entry(2, NOW - timedelta(hours=3), "note", "Crew scheduled", True)
    internal = _entry(3, NOW - timedelta(hours=1), "note", "Resident is rude", False)
    reading = status_reading(_detail(case(due_at=DUE), public, internal), NOW, BOSTON)
    assert "Resident is rude" not in reading.text
    assert "Crew scheduled" in reading.text


def test_without_a_public_update_it_says_so() -> None:
    internal = _entry(2, NOW, "assigned", "busy", False)
    reading = status_reading(_detail(case(due_at=DUE), internal), NOW, BOSTON)
    assert "There is no public update on it yet." in reading.sentences
    assert "busy" not in reading.text


def test_an_overdue_case_says_it_is_overdue_and_offers_to_escalate() -> None:
    later = DUE + timedelta(days=3)
    reading = status_reading(_detail(case(due_at=DUE)), later, BOSTON)
    assert reading.sentences[-1] == "It was expected by Friday, November 27, so it is overdue."
    assert (
        reading.sentences[1]
        == "It is with Public Works Department, Streets (waiting to be assigned)."
    )
    assert reading.overdue and not reading.finished


def test_a_resolved_case_says_when_and_why_and_that_it_can_be_reopened() -> None:
    resolved_at = NOW + timedelta(days=1)
    state = case(
        status=Status.RESOLVED,
        resolved_at=resolved_at,
        closure_reason=ClosureReason.FIXED,
        closure_note="Filled the pothole",
        due_at=DUE,
    )
    resolution = _entry(2, resolved_at, "resolved", "Filled the pothole.", True)
    reading = status_reading(_detail(state, resolution), NOW + timedelta(days=30), BOSTON)
    assert reading.sentences[1:] == (
        "It was resolved on November 25: the problem was fixed.",
        "The last update, on November 25: \u201cFilled the pothole\u201d.",
        "If the problem is still there, it can be reopened.",
    )
    assert reading.finished and not reading.overdue


def test_an_unknown_date_is_not_made_up() -> None:
    imported = case(status=Status.CLOSED, closed_at=None, resolved_at=None, due_at=None)
    reading = status_reading(_detail(imported), NOW, BOSTON)
    assert reading.sentences[1] == "It was closed."
    no_target = status_reading(_detail(case(due_at=None)), NOW, BOSTON)
    assert no_target.sentences[-1] == "There is no target date for this kind of request."
    assert not no_target.overdue


def test_dates_of_another_year_name_the_year() -> None:
    old = case(created_at=OPENED.replace(year=2024), due_at=None)
    reading = status_reading(_detail(old), NOW, BOSTON)
    assert reading.sentences[0].endswith("was received on November 23, 2024.")


def test_a_merged_case_points_to_the_request_that_is_followed() -> None:
    merged = case(status=Status.CLOSED, merged_into="BOS-26-000042")
    reading = status_reading(_detail(merged), NOW, BOSTON)
    assert reading.sentences[1] == (
        "It was closed as a repeat of request BOS-26-000042, where the work is followed."
    )


def test_a_case_without_queue_or_address_says_what_it_can() -> None:
    state = case(status=Status.RECEIVED, queue=None, location=replace(case().location, address=""))
    reading = status_reading(_detail(state), NOW, BOSTON)
    assert reading.sentences[0] == (
        "Your request BOS-26-000100 about Pothole was received on November 23."
    )
    assert reading.sentences[1] == "It has not been sent to a department yet."


def test_a_status_call_is_counted_with_an_internal_event_by_any_role() -> None:
    uow = FakeCaseUnitOfWork(case(calls_count=2))
    change = log_status_call(uow, LogStatusCall(CaseRef(100, 1), " still there "), OPERATOR, NOW)
    assert change.kind == "log_status_call"
    assert uow.stored[100].calls_count == 3
    assert uow.stored[100].version == 2
    (event,) = uow.events
    assert (event.kind, event.public, event.reason) == ("status_call", False, "still there")
    assert event.data["call"] == 3
    assert event.actor == OPERATOR.login


def test_a_status_call_on_a_changed_case_is_refused_as_stale() -> None:
    uow = FakeCaseUnitOfWork(case(version=4))
    with pytest.raises(StaleCaseError):
        log_status_call(uow, LogStatusCall(CaseRef(100, 3)), OPERATOR, NOW)
    assert uow.events == []
