"""Routing an existing case again: the intake's rules, for a corrected category or location."""

from __future__ import annotations

from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.cases.errors import QueueNotFoundError, ServiceNotFoundError
from operator_console.services.cases.ports import (
    CaseLocation,
    CaseState,
    CaseUnitOfWork,
    QueueRef,
    ServiceRef,
)
from operator_console.services.cases.rules import Rerouting
from operator_console.services.intake.routing import route_request, sla_clock
from operator_console.services.intake.submission import PointDistricts


def routing_for(
    uow: CaseUnitOfWork,
    case: CaseState,
    service_code: str | None = None,
    location: CaseLocation | None = None,
) -> Rerouting:
    """Where routing sends `case` with `service_code` and `location` (None: keep the case's).

    Routing matches the districts of every layer at the pin, as at intake. A new location
    records its district from the pin; an unchanged location keeps the case's. The due date is
    counted again, from when the case opened, only when the category (and so its SLA) changes.
    """
    code = service_code or case.service.code
    setup = uow.service_setup(code)
    if setup is None:
        raise ServiceNotFoundError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals", "There is no category %1 on offer: choose another one for %2."
            ).with_values(repr(code), case.reference),
            [case.id],
        )
    location = location or case.location
    moved = location != case.location
    if location.latitude is not None and location.longitude is not None:
        found = uow.districts_at(location.latitude, location.longitude)
    elif moved:
        found = PointDistricts()
    else:
        found = PointDistricts((case.district,) if case.district else (), case.district)
    district = found.recorded if moved else case.district
    decision, _labels = route_request(uow, setup, found.every)
    queue = uow.queue(decision.queue_code)
    if queue is None or not queue.active:
        raise QueueNotFoundError(
            QT_TRANSLATE_NOOP(
                "CaseRefusals",
                "Routing sends %1 to %2, which is not an active queue: ask an administrator to "
                "correct the routing rules.",
            ).with_values(case.reference, repr(decision.queue_code)),
            [case.id],
        )
    due, at_risk = case.due_at, case.at_risk_at
    if setup.code != case.service.code:
        due, at_risk = sla_clock(setup, case.created_at)
    return Rerouting(
        service=ServiceRef(setup.code, setup.name),
        location=location,
        district=district,
        queue=queue,
        keeps_holder=_held_within(uow, case.queue, queue),
        priority=decision.priority,
        explanation=str(decision.explanation),  # stored in English
        due_at=due,
        at_risk_at=at_risk,
    )


def _held_within(uow: CaseUnitOfWork, held_by: QueueRef | None, queue: QueueRef) -> bool:
    """True when `held_by` is `queue` or a team or crew inside it."""
    seen: set[int] = set()
    while held_by is not None and held_by.id not in seen:
        if held_by.id == queue.id:
            return True
        seen.add(held_by.id)
        held_by = uow.queue_by_id(held_by.parent_id) if held_by.parent_id else None
    return False
