"""An in-memory `CaseUnitOfWork` and sample cases for the case action use cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from operator_console.domain.lifecycle import Priority, Status
from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.routing import RoutingLabels, RoutingRule
from operator_console.domain.sla import BusinessCalendar, SlaPolicy
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.cases.ports import (
    CaseLocation,
    CaseState,
    CaseWrite,
    NewEvent,
    QueueRef,
    ServiceRef,
    StaffRef,
)
from operator_console.services.intake.submission import (
    CityProfile,
    District,
    PointDistricts,
    ServiceSetup,
)
from operator_console.services.messages.model import OutgoingMessage, Recipient

OPENED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # a Monday, 9:00 in Boston
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)

STREETS = QueueRef(1, "PWD_STREETS", "Streets", "queue", True)
LIGHTS = QueueRef(2, "PWD_LIGHTS", "Street Lights", "queue", True)
CREW_3 = QueueRef(3, "PWD_CREW3", "Crew 3", "crew", True, parent_id=1)
RETIRED = QueueRef(4, "PWD_OLD", "Old queue", "queue", False)
OPERATOR = StaffIdentity("o1", "Maria Alvarez", "operator")
DISPATCHER = StaffIdentity("d1", "Denise Walsh", "dispatcher")
SUPERVISOR = StaffIdentity("s1", "Patricia Chen", "supervisor")
DENISE = StaffRef(10, "dispatcher1", "Denise Walsh", "dispatcher", True)
GONE = StaffRef(11, "operator9", "Former Operator", "operator", False)
POTHOLE = ServiceRef("pothole", "Pothole")
WARD_5 = District(5, "5", "Ward 5")
CALENDAR = BusinessCalendar("America/New_York")
SETUPS = {
    "pothole": ServiceSetup(
        "pothole", "Pothole", "Streets", (), "PWD_STREETS", Priority.NORMAL, None, CALENDAR
    ),
    "streetlight": ServiceSetup(
        "streetlight",
        "Street Light Out",
        "Lights",
        (),
        "PWD_LIGHTS",
        Priority.LOW,
        SlaPolicy(16, "hours", "business"),
        CALENDAR,
    ),
}
RULES = [RoutingRule("PWD_LIGHTS", service_code="streetlight", rule_id=7)]


def case(case_id: int = 100, **changes: object) -> CaseState:
    """An open pothole case in the Streets queue, at version 1."""
    base = CaseState(
        id=case_id,
        reference=f"BOS-26-{case_id:06d}",
        version=1,
        status=Status.IN_QUEUE,
        priority=Priority.NORMAL,
        service=POTHOLE,
        queue=STREETS,
        assignee=None,
        location=CaseLocation(42.35, -71.06, "1 Main St"),
        district=WARD_5,
        merged_into=None,
        created_at=OPENED,
        routed_at=OPENED,
        first_action_at=None,
        assigned_at=None,
        resolved_at=None,
        closed_at=None,
        due_at=None,
        closure_reason=None,
        closure_note=None,
        routing_explanation="Routed to Streets because ...",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def entry(version: int, kind: str = "assigned", actor: str = "Marcus Johnson") -> HistoryEntry:
    data = {"version": version, "changes": {"queue": ["Streets", "Crew 3"]}}
    return HistoryEntry(version, NOW, "dispatcher2", actor, kind, None, None, "busy", False, data)


class FakeCaseUnitOfWork:
    """Keeps cases, events and queued messages in dicts (`followers`: who follows each case);
    `before_update` plays another console writing first."""

    def __init__(self, *cases: CaseState) -> None:
        self.stored = {c.id: c for c in cases}
        self.events: list[NewEvent] = []
        self.messages: list[OutgoingMessage] = []
        self.followers: dict[int, list[Recipient]] = {}
        self.earlier_history: dict[int, list[HistoryEntry]] = {}
        self.before_update: Callable[[FakeCaseUnitOfWork], None] | None = None
        self.entered = False
        self.commits = 0
        self._pending: list[CaseWrite] = []
        self._pending_events: list[NewEvent] = []
        self._pending_messages: list[OutgoingMessage] = []

    def __enter__(self) -> Self:
        self.entered = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        for write in self._pending:
            self.stored[write.after.id] = replace(write.after, version=write.before.version + 1)
        self.events.extend(self._pending_events)
        self.messages.extend(self._pending_messages)
        self.commits += 1
        self.rollback()

    def rollback(self) -> None:
        self._pending, self._pending_events, self._pending_messages = [], [], []

    def cases(self, request_ids: Sequence[int]) -> dict[int, CaseState]:
        return {i: self.stored[i] for i in request_ids if i in self.stored}

    def queue(self, code: str) -> QueueRef | None:
        return next((q for q in (STREETS, LIGHTS, CREW_3, RETIRED) if q.code == code), None)

    def queue_by_id(self, queue_id: int) -> QueueRef | None:
        return next((q for q in (STREETS, LIGHTS, CREW_3, RETIRED) if q.id == queue_id), None)

    def staff_member(self, login: str) -> StaffRef | None:
        return next((s for s in (DENISE, GONE) if s.login == login), None)

    def service_setup(self, code: str) -> ServiceSetup | None:
        return SETUPS.get(code)

    def districts_at(self, latitude: float, longitude: float) -> PointDistricts:
        return PointDistricts((WARD_5,), WARD_5) if latitude > 42 else PointDistricts()

    def routing_rules(
        self, service_code: str, group: str
    ) -> tuple[list[RoutingRule], RoutingLabels]:
        names = {q.code: q.name for q in (STREETS, LIGHTS, CREW_3)}
        return RULES, RoutingLabels(queues=names)

    def update_cases(self, writes: Sequence[CaseWrite], now: datetime) -> bool:
        if self.before_update is not None:
            self.before_update(self)
        self._pending = list(writes)
        return all(self.stored[w.after.id].version == w.before.version for w in writes)

    def add_events(self, events: Sequence[NewEvent]) -> None:
        self._pending_events.extend(events)

    def city(self) -> CityProfile:
        return CityProfile("Boston", "BOS", "US", "America/New_York")

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        return {i: list(self.followers.get(i, ())) for i in request_ids}

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        self._pending_messages.extend(messages)

    def history(self, request_ids: Sequence[int]) -> dict[int, tuple[HistoryEntry, ...]]:
        return {i: tuple(self.earlier_history.get(i, ())) for i in request_ids}
