"""The case actions' unit of work: versioned updates and their history events in one transaction."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError

from operator_console.services.cases.history import HistoryEntry
from operator_console.services.cases.ports import (
    CaseState,
    CaseWrite,
    NewEvent,
    QueueRef,
    StaffRef,
)
from operator_console.services.messages.model import OutgoingMessage, Recipient
from operator_console.storage.callers import follower_recipients
from operator_console.storage.cases.refusals import privilege_refusal, row_security_refusal
from operator_console.storage.cases.rows import (
    read_cases,
    read_department_names,
    read_history,
    read_queue,
    read_staff,
)
from operator_console.storage.db.errors import (
    service_error,
    speaking_service_errors,
    speaks_service_errors,
)
from operator_console.storage.db.tables import request_events, service_requests, services
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.storage.outbox import queue_messages

_VALUE_LENGTH = 200  # request_events.from_value and to_value are String(200)

_r = service_requests.c
# Compiled once: every mutable column from bound values, the version bumped, and only if the
# row is still at the version the change was decided on.
_UPDATE_CASE = (
    update(service_requests)
    .where(_r.id == bindparam("case_id"), _r.version == bindparam("expected_version"))
    .values(
        status=bindparam("new_status"),
        priority=bindparam("new_priority"),
        service_id=select(services.c.id)
        .where(services.c.code == bindparam("new_service_code"))
        .scalar_subquery(),
        queue_id=bindparam("new_queue_id"),
        assignee_id=bindparam("new_assignee_id"),
        lat=bindparam("new_lat"),
        lon=bindparam("new_lon"),
        address=bindparam("new_address"),
        address_id=bindparam("new_address_id"),
        district_id=bindparam("new_district_id"),
        routed_at=bindparam("new_routed_at"),
        first_action_at=bindparam("new_first_action_at"),
        assigned_at=bindparam("new_assigned_at"),
        resolved_at=bindparam("new_resolved_at"),
        closed_at=bindparam("new_closed_at"),
        due_at=bindparam("new_due_at"),
        at_risk_at=bindparam("new_at_risk_at"),
        closure_reason=bindparam("new_closure_reason"),
        closure_note=bindparam("new_closure_note"),
        routing_explanation=bindparam("new_routing_explanation"),
        calls_count=bindparam("new_calls_count"),
        updated_at=bindparam("new_updated_at"),
        version=_r.version + 1,
    )
)


class SqlCaseTransaction(SqlIntakeUnitOfWork):
    """The intake's unit of work (one connection, one transaction, the routing reads), with a
    database that stops answering reported as `BackendUnavailableError`, and the names of
    departments."""

    def __enter__(self) -> Self:
        with speaking_service_errors():
            return super().__enter__()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        super().__exit__(kind, error, tb)
        if isinstance(error, DBAPIError):
            raise service_error(error) from error

    def department_names(self, codes: Collection[str]) -> dict[str, str]:
        with speaking_service_errors():
            return read_department_names(self.connection, codes)


@speaks_service_errors
class SqlCaseUnitOfWork(SqlCaseTransaction):
    """`CaseUnitOfWork` over one connection; rolls back unless `commit()` was called.

    Case reads and optimistic writes (`UPDATE ... WHERE id = :id AND version = :expected`, all
    rows or none) over the intake's unit of work, whose routing reads re-routing uses. A case
    PostgreSQL's security keeps the login from changing (a row policy that filters it out, a
    guard that refuses it) is refused with `CaseWriteRefusedError`, not reported as changed by
    someone else nor as a general database error.
    """

    def rollback(self) -> None:
        connection = self.connection
        connection.rollback()
        connection.begin()

    def cases(self, request_ids: Sequence[int]) -> dict[int, CaseState]:
        return read_cases(self.connection, request_ids)

    def queue(self, code: str) -> QueueRef | None:
        return read_queue(self.connection, code=code)

    def queue_by_id(self, queue_id: int) -> QueueRef | None:
        return read_queue(self.connection, queue_id=queue_id)

    def staff_member(self, login: str) -> StaffRef | None:
        return read_staff(self.connection, login)

    def update_cases(self, writes: Sequence[CaseWrite], now: datetime) -> bool:
        if not writes:
            return True
        rows = [_update_parameters(write, now) for write in writes]
        try:
            updated = self.connection.execute(_UPDATE_CASE, rows).rowcount
        except DBAPIError as error:
            refused = privilege_refusal(error, [write.before.id for write in writes])
            if refused is not None:
                raise refused from error
            raise
        if updated == len(writes):
            return True
        expected = {write.before.id: write.before.version for write in writes}
        refused = row_security_refusal(self.connection, expected)
        if refused is not None:
            raise refused
        return False

    def add_events(self, events: Sequence[NewEvent]) -> None:
        if not events:
            return
        try:
            self.connection.execute(insert(request_events), [_event_row(e) for e in events])
        except DBAPIError as error:
            refused = privilege_refusal(error, sorted({event.request_id for event in events}))
            if refused is not None:
                raise refused from error
            raise

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        return follower_recipients(self.connection, request_ids)

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        queue_messages(self.connection, messages, now)

    def history(self, request_ids: Sequence[int]) -> dict[int, tuple[HistoryEntry, ...]]:
        return read_history(self.connection, request_ids)


def _update_parameters(write: CaseWrite, now: datetime) -> dict[str, object]:
    case = write.after
    location = case.location
    return {
        "case_id": case.id,
        "expected_version": write.before.version,
        "new_status": case.status.value,
        "new_priority": case.priority.value,
        "new_service_code": case.service.code,
        "new_queue_id": case.queue.id if case.queue else None,
        "new_assignee_id": case.assignee.id if case.assignee else None,
        "new_lat": location.latitude,
        "new_lon": location.longitude,
        "new_address": location.address,
        "new_address_id": location.address_id,
        "new_district_id": case.district.id if case.district else None,
        "new_routed_at": case.routed_at,
        "new_first_action_at": case.first_action_at,
        "new_assigned_at": case.assigned_at,
        "new_resolved_at": case.resolved_at,
        "new_closed_at": case.closed_at,
        "new_due_at": case.due_at,
        "new_at_risk_at": case.at_risk_at,
        "new_closure_reason": case.closure_reason.value if case.closure_reason else None,
        "new_closure_note": case.closure_note,
        "new_routing_explanation": case.routing_explanation,
        "new_calls_count": case.calls_count,
        "new_updated_at": now,
    }


def _event_row(event: NewEvent) -> dict[str, object]:
    return {
        "request_id": event.request_id,
        "at": event.at,
        "actor": event.actor,
        "kind": event.kind,
        "from_value": _fit(event.from_value),
        "to_value": _fit(event.to_value),
        "reason": event.reason,
        "public": event.public,
        "data": dict(event.data),
    }


def _fit(value: str | None) -> str | None:
    """The value cut to the column's length (the full values are in the event's data)."""
    if value is None or len(value) <= _VALUE_LENGTH:
        return value
    return value[: _VALUE_LENGTH - 1] + "\N{HORIZONTAL ELLIPSIS}"
