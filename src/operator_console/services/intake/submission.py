"""Submitting a call: validate, route, set the SLA clock, number it, record its history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from operator_console.domain.caller import normalize_phone
from operator_console.domain.intake import DraftProblem, IntakeDraft, has_errors, validate_draft
from operator_console.domain.lifecycle import Priority, Status
from operator_console.domain.open311 import ServiceAttribute
from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.routing import DistrictRef
from operator_console.domain.sla import BusinessCalendar, SlaPolicy
from operator_console.domain.wording import Words, joined
from operator_console.services.intake.read_back import received_message
from operator_console.services.intake.routing import RoutingReads, route_request, sla_clock
from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.followers import shipped_book
from operator_console.services.messages.model import MessageFacts, OutgoingMessage
from operator_console.services.unit_of_work import UnitOfWork


class IntakeRejectedError(ValueError):
    """The draft has problems; nothing was written. `problems` are in form order."""

    def __init__(self, problems: list[DraftProblem]) -> None:
        super().__init__(joined([problem.message for problem in problems]))
        self.problems = problems


class SubmissionConflictError(RuntimeError):
    """Another console stored the same client submission first; read it back instead."""


@dataclass(frozen=True)
class ServiceSetup:
    """What intake needs to know about one service of the catalog."""

    code: str
    name: str
    group: str
    questions: tuple[ServiceAttribute, ...]
    default_queue: str
    default_priority: Priority
    sla: SlaPolicy | None
    calendar: BusinessCalendar
    staff_only: bool = False  # only roles that may file staff-only requests may choose it


@dataclass(frozen=True)
class CityProfile:
    """The city's own settings that intake uses."""

    name: str
    reference_prefix: str
    phone_region: str
    time_zone: str


@dataclass(frozen=True)
class District:
    """A district of one layer ("ward", "council"): its id, its code in the layer, its name."""

    id: int
    code: str
    name: str
    layer: str = ""

    @property
    def ref(self) -> DistrictRef:
        return DistrictRef(self.layer, self.code)


@dataclass(frozen=True)
class PointDistricts:
    """The districts a point lies in, at most one per layer, by layer (routing matches rules of
    any of them); and `recorded`, the one of the city's routing layer that a case records there
    (None: the point is outside that layer)."""

    every: tuple[District, ...] = ()
    recorded: District | None = None


@dataclass(frozen=True)
class Submission:
    """One press of Submit: the draft, and the UUID the console made when the call began."""

    client_uuid: str
    draft: IntakeDraft
    channel: str = "phone"
    attachment_contents: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class IntakeReceipt:
    """What the operator reads back to the caller."""

    request_id: int
    reference: str
    service_name: str
    queue_name: str
    due_at: datetime | None
    routing_explanation: str
    created: bool


@dataclass(frozen=True)
class NewRequest:
    """A request ready to be stored, with every decision made."""

    reference: str
    client_uuid: str
    service_code: str
    status: Status
    priority: Priority
    draft: IntakeDraft
    district_id: int | None
    queue_code: str
    routing_explanation: str
    channel: str
    created_by: str
    created_at: datetime
    due_at: datetime | None
    caller_phone: str | None
    message: OutgoingMessage | None  # the caller's 'received' message; storage sets its ids
    at_risk_at: datetime | None = None


class IntakeUnitOfWork(UnitOfWork, RoutingReads, Protocol):
    """One transaction's worth of reads and writes for a submission."""

    def receipt_for(self, client_uuid: str) -> IntakeReceipt | None: ...

    def city(self) -> CityProfile: ...

    def next_reference(self, prefix: str, year: int) -> str: ...

    def add_request(self, request: NewRequest, attachments: tuple[bytes, ...]) -> IntakeReceipt: ...


@dataclass(frozen=True)
class IntakeDecision:
    """Where a draft goes and when it is due, decided before anything is stored."""

    district: District | None
    queue_code: str
    queue_name: str
    priority: Priority
    explanation: Words
    due_at: datetime | None
    at_risk_at: datetime | None = None


def decide(
    uow: IntakeUnitOfWork, draft: IntakeDraft, setup: ServiceSetup, now: datetime
) -> IntakeDecision:
    """Route by service and the districts of every layer at the pin, and start the SLA clock
    at `now`; the case records the district of the city's routing layer."""
    location = draft.location
    found = PointDistricts()
    if location.latitude is not None and location.longitude is not None:
        found = uow.districts_at(location.latitude, location.longitude)
    decision, labels = route_request(uow, setup, found.every)
    due, at_risk = sla_clock(setup, now)
    return IntakeDecision(
        district=found.recorded,
        queue_code=decision.queue_code,
        queue_name=labels.queues.get(decision.queue_code, decision.queue_code),
        priority=decision.priority,
        explanation=decision.explanation,
        due_at=due,
        at_risk_at=at_risk,
    )


def preview_intake(
    uow: IntakeUnitOfWork, draft: IntakeDraft, now: datetime
) -> IntakeDecision | None:
    """What submitting the draft now would decide; None until a known service is chosen."""
    with uow:
        setup = uow.service_setup(draft.service_code) if draft.service_code else None
        return decide(uow, draft, setup, now) if setup else None


def submit_intake(
    uow: IntakeUnitOfWork,
    submission: Submission,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> IntakeReceipt:
    """Store the call as a new request, or return the receipt of the earlier identical submit;
    the caller's 'received' message (written from `book`, else the shipped templates) is
    queued with it.

    Raises `NotPermittedError`, before anything is read, to a role that may not submit, and
    for a staff-only service to a role that may not file those; `IntakeRejectedError` for a
    draft with problems. Nothing is stored then.
    """
    require(actor, Action.SUBMIT_INTAKE)
    with uow:
        earlier = uow.receipt_for(submission.client_uuid)
        if earlier is not None:
            return earlier
        city = uow.city()
        draft = submission.draft
        setup = uow.service_setup(draft.service_code) if draft.service_code else None
        if setup is not None and setup.staff_only:
            require(actor, Action.FILE_STAFF_ONLY)
        questions = {setup.code: setup.questions} if setup else {}
        problems = validate_draft(draft, questions, city.phone_region)
        if has_errors(problems):
            raise IntakeRejectedError([p for p in problems if p.severity == "error"])
        assert setup is not None
        decision = decide(uow, draft, setup, now)
        local_year = now.astimezone(ZoneInfo(city.time_zone)).year
        reference = uow.next_reference(city.reference_prefix, local_year)
        phone = draft.caller.phone.strip()
        e164 = normalize_phone(phone, city.phone_region) if phone else None
        facts = MessageFacts(reference, setup.name, decision.queue_name, decision.due_at)
        request = NewRequest(
            reference=reference,
            client_uuid=submission.client_uuid,
            service_code=setup.code,
            status=Status.IN_QUEUE,
            priority=decision.priority,
            draft=draft,
            district_id=decision.district.id if decision.district else None,
            queue_code=decision.queue_code,
            routing_explanation=str(decision.explanation),  # stored in English
            channel=submission.channel,
            created_by=actor.login,
            created_at=now,
            due_at=decision.due_at,
            caller_phone=e164,
            message=received_message(
                book or shipped_book(), draft.caller, e164, facts, city.time_zone
            ),
            at_risk_at=decision.at_risk_at,
        )
        receipt = uow.add_request(request, submission.attachment_contents)
        uow.commit()
        return receipt


def submit(
    new_uow: Callable[[], IntakeUnitOfWork],
    submission: Submission,
    actor: StaffIdentity,
    now: datetime,
    book: MessageBook | None = None,
) -> IntakeReceipt:
    """`submit_intake` as `actor` in a unit of work from `new_uow`, and when another console
    won the race for the same UUID, its receipt."""
    try:
        return submit_intake(new_uow(), submission, actor, now, book)
    except SubmissionConflictError:
        with new_uow() as uow:
            receipt = uow.receipt_for(submission.client_uuid)
        if receipt is None:
            raise
        return receipt
