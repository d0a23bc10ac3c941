"""The case screen's read model: every field and answer, photos, timeline, links and SLA."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.lifecycle import Status
from operator_console.domain.open311 import Datatype, ServiceAttribute
from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.sla import SlaState, sla_state, sla_state_at
from operator_console.domain.wording import Words
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.cases.ports import CaseState, DepartmentNames
from operator_console.services.cases.scope import refusal, scoped
from operator_console.services.intake.submission import ServiceSetup
from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.services.unit_of_work import Transaction


@dataclass(frozen=True)
class LinkedCase:
    """A case linked as a duplicate: the parent this one repeats, or one that repeats it."""

    id: int
    reference: str
    status: Status
    service_name: str
    address: str
    created_at: datetime


@dataclass(frozen=True)
class CaseCaller:
    """Someone who reported or follows the case and is kept informed.

    Attributes:
        reporter: True for the caller who reported it.
        following_since: when they started following it; None for a reporter who does not.
    """

    caller_id: int
    name: str
    phone: str | None
    email: str | None
    language: str | None
    reporter: bool
    following_since: datetime | None


@dataclass(frozen=True)
class CasePhoto:
    """A photo's summary; `SqlCaseDetailReader.photo_content` gives the whole file."""

    attachment_id: int
    file_name: str
    content_type: str
    size_bytes: int
    thumbnail: bytes | None
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class CaseRecord:
    """A case as stored, with what hangs off it.

    Attributes:
        state: the fields case actions decide on (status, queue, assignee, dates, version...).
        answers: the category's questions' answers as stored, by attribute code.
        questions: the category's questions, to label and order the answers.
        department: the department of the case's queue ("" without a queue).
        duplicates: cases merged into this one, oldest first.
        timeline: every event, oldest first, public and internal.
        messages: what the outbox holds about the case for its callers, oldest first.
    """

    state: CaseState
    description: str
    answers: Mapping[str, object]
    questions: tuple[ServiceAttribute, ...]
    channel: str
    created_by: str
    updated_at: datetime
    callers_count: int
    department: str
    parent: LinkedCase | None
    duplicates: tuple[LinkedCase, ...]
    callers: tuple[CaseCaller, ...]
    photos: tuple[CasePhoto, ...]
    timeline: tuple[HistoryEntry, ...]
    messages: tuple[OutboxMessage, ...] = ()


@dataclass(frozen=True)
class AnswerLine:
    """One answer as the screen shows it: the question asked and the answer in words."""

    code: str
    question: str
    answer: str


@dataclass(frozen=True)
class SlaStanding:
    """Where the case stands against its category's SLA.

    Attributes:
        state: "on_time", "at_risk" or "breached"; None without a due date or an SLA.
        measured_at: now for an open case; when it was resolved (or closed) otherwise, so a
            finished case shows whether it was done in time.
    """

    due_at: datetime | None
    state: SlaState | None
    measured_at: datetime
    finished: bool


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case screen shows.

    Attributes:
        outside_departments: why the person reading it may not change the case (it belongs
            to another department), naming the departments; "" when they may.
    """

    record: CaseRecord
    answers: tuple[AnswerLine, ...]
    sla: SlaStanding
    outside_departments: Words | str = ""

    @property
    def version(self) -> int:
        """The version to send with an action taken from this screen."""
        return self.record.state.version


class CaseDetailReader(Transaction, DepartmentNames, Protocol):
    """Reads one case for its screen, in one transaction."""

    def case_record(self, request_id: int) -> CaseRecord | None: ...

    def service_setup(self, code: str) -> ServiceSetup | None:
        """The intake's read of the category: its SLA and business calendar."""


def case_detail(
    reader: CaseDetailReader,
    request_id: int,
    now: datetime,
    viewer: StaffIdentity | None = None,
) -> CaseDetail | None:
    """The case for its screen, its SLA measured at `now`; None when it does not exist.

    With `viewer`, the detail says whether the case is outside the departments whose cases
    they may change.
    """
    with reader:
        record = reader.case_record(request_id)
        if record is None:
            return None
        setup = reader.service_setup(record.state.service.code)
        refused = refusal(reader, viewer, [scoped(record.state)]) if viewer else None
    return CaseDetail(
        record,
        answer_lines(record.answers, record.questions),
        sla_standing(record, setup, now),
        refused or "",
    )


def answer_lines(
    answers: Mapping[str, object], questions: tuple[ServiceAttribute, ...]
) -> tuple[AnswerLine, ...]:
    """Answers in the order the questions are asked, list keys shown by name; answers to
    questions the category no longer asks come last, under their code."""
    lines = []
    asked = set()
    for question in sorted(questions, key=lambda q: q.order):
        asked.add(question.code)
        if question.variable and _given(answers.get(question.code)):
            answer = _answer_text(question, answers[question.code])
            lines.append(AnswerLine(question.code, question.description, answer))
    for code, value in answers.items():
        if code not in asked and _given(value):
            lines.append(AnswerLine(code, code, _plain(value)))
    return tuple(lines)


def sla_standing(record: CaseRecord, setup: ServiceSetup | None, now: datetime) -> SlaStanding:
    """The SLA state at `now`, or at resolution for a finished case (then on time or breached)."""
    case = record.state
    finished = not case.status.is_open
    measured = (case.resolved_at or case.closed_at or now) if finished else now
    if case.due_at is None or setup is None or setup.sla is None:
        return SlaStanding(case.due_at, None, measured, finished)
    state: SlaState
    if case.at_risk_at is not None:  # as stored: what the queues colour and filter by
        state = sla_state_at(case.due_at, case.at_risk_at, measured)
    else:
        state = sla_state(case.created_at, case.due_at, measured, setup.sla, setup.calendar)
    if finished and state == "at_risk":
        state = "on_time"
    return SlaStanding(case.due_at, state, measured, finished)


def _answer_text(question: ServiceAttribute, value: object) -> str:
    names = {option.key: option.name for option in question.values}
    if question.datatype is Datatype.MULTI_VALUE_LIST and isinstance(value, list | tuple):
        return ", ".join(names.get(str(key), str(key)) for key in value)
    if question.datatype is Datatype.SINGLE_VALUE_LIST:
        return names.get(str(value), str(value))
    return _plain(value)


def _plain(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _given(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != ()
