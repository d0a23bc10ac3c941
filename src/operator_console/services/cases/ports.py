"""What case actions read and write, and the unit of work port storage implements."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.intake.routing import RoutingReads
from operator_console.services.intake.submission import CityProfile, District
from operator_console.services.messages.model import OutgoingMessage, Recipient
from operator_console.services.unit_of_work import UnitOfWork

TEAM_KINDS = frozenset({"team", "crew"})


@dataclass(frozen=True)
class Department:
    """A department of the city, which owns queues, teams and crews."""

    code: str
    name: str


@dataclass(frozen=True)
class QueueRef:
    """A queue, team or crew that can hold cases.

    Attributes:
        kind: "queue" (a department's shared queue), "team" or "crew" (people who do the work).
        parent_id: the queue a team or crew belongs to, if any.
        department: the department it belongs to (whose staff may change its cases).
    """

    id: int
    code: str
    name: str
    kind: str
    active: bool
    parent_id: int | None = None
    department: Department | None = None

    @property
    def is_team(self) -> bool:
        """True for a team or crew: a case handed to it is assigned, not waiting in a queue."""
        return self.kind in TEAM_KINDS


@dataclass(frozen=True)
class StaffRef:
    """A staff member a case can be assigned to."""

    id: int
    login: str
    display_name: str
    role: str
    active: bool


@dataclass(frozen=True)
class ServiceRef:
    """A case's category (service) by code, with the name people read."""

    code: str
    name: str


@dataclass(frozen=True)
class CaseLocation:
    """Where the problem is: a pin and/or an address (address_id: the gazetteer entry, if any)."""

    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    address_id: int | None = None

    @property
    def has_pin(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class CaseState:
    """A case as case actions see it: the fields they decide on and change.

    Attributes:
        version: bumped by every change; a write names the version it was decided on.
        merged_into: the parent's reference when the case was closed as its duplicate.
        calls_count: the status calls logged on the case (residents asking about it).
    """

    id: int
    reference: str
    version: int
    status: Status
    priority: Priority
    service: ServiceRef
    queue: QueueRef | None
    assignee: StaffRef | None
    location: CaseLocation
    district: District | None
    merged_into: str | None
    created_at: datetime
    routed_at: datetime | None
    first_action_at: datetime | None
    assigned_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    due_at: datetime | None
    closure_reason: ClosureReason | None
    closure_note: str | None
    routing_explanation: str
    at_risk_at: datetime | None = None
    calls_count: int = 0


@dataclass(frozen=True)
class CaseWrite:
    """Store `after` over the case, if it is still at `before.version`; bumps the version."""

    before: CaseState
    after: CaseState


@dataclass(frozen=True)
class NewEvent:
    """A history event to append in the same transaction as the change it records."""

    request_id: int
    at: datetime
    actor: str
    kind: str
    from_value: str | None
    to_value: str | None
    reason: str
    public: bool
    data: Mapping[str, object]


class DepartmentNames(Protocol):
    """Reads the names of departments, to say which ones a person may change cases of."""

    def department_names(self, codes: Collection[str]) -> dict[str, str]:
        """The name of each department among `codes` that exists, by code."""


class CaseUnitOfWork(UnitOfWork, RoutingReads, DepartmentNames, Protocol):
    """One transaction's reads and writes for a case action; rolls back unless committed.

    The routing reads (`service_setup`, `districts_at`, `routing_rules`) are the intake's.
    """

    def rollback(self) -> None:
        """Undo what this transaction wrote; later reads see what others committed."""

    def cases(self, request_ids: Sequence[int]) -> dict[int, CaseState]:
        """The cases that exist among `request_ids`, by id."""

    def queue(self, code: str) -> QueueRef | None: ...

    def queue_by_id(self, queue_id: int) -> QueueRef | None: ...

    def staff_member(self, login: str) -> StaffRef | None: ...

    def update_cases(self, writes: Sequence[CaseWrite], now: datetime) -> bool:
        """Apply every write whose case is still at its `before.version`, setting `updated_at`;
        False when any case was at another version (then roll back: nothing may be kept)."""

    def add_events(self, events: Sequence[NewEvent]) -> None: ...

    def city(self) -> CityProfile:
        """The city's settings (its time zone writes the dates residents read)."""

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        """The callers following each case, as message recipients, by case id."""

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        """Queue residents' messages in the notification outbox, in this transaction."""

    def history(self, request_ids: Sequence[int]) -> dict[int, tuple[HistoryEntry, ...]]:
        """Every event of each case, oldest first."""
