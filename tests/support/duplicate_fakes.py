"""An in-memory `DuplicateUnitOfWork` and sample requests for the duplicate use cases."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from operator_console.domain.caller import Caller
from operator_console.domain.lifecycle import Status
from operator_console.services.duplicates.finder import RequestSnapshot
from operator_console.services.duplicates.ports import (
    CityPlace,
    DuplicateClosure,
    LinkEvent,
    LinkState,
)
from operator_console.services.intake.read_back import caller_recipient
from operator_console.services.messages.model import OutgoingMessage, Recipient

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
OPENED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
BOSTON = CityPlace(None, "US", "America/New_York")
VEHICLES = 7  # the service id of "Abandoned Vehicles"
PARKING = 3  # the queue id of "Parking Enforcement"


def request(request_id: int, **changes: object) -> LinkState:
    """An open abandoned-vehicle request in the parking queue with one caller, at version 1."""
    base = LinkState(
        id=request_id,
        reference=f"BOS-26-{request_id:06d}",
        version=1,
        status=Status.IN_QUEUE,
        callers=1,
        closure_reason=None,
        parent_id=None,
        queue_id=PARKING,
        service_id=VEHICLES,
        due_at=None,
        first_action_at=None,
        resolved_at=None,
        closed_at=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@dataclass
class Stored:
    """What the fake database holds; a transaction works on a copy."""

    requests: dict[int, LinkState]
    followers: dict[int, set[int]] = field(default_factory=dict)
    phones: dict[str, int] = field(default_factory=dict)
    callers: int = 0
    notes: dict[int, str] = field(default_factory=dict)
    events: list[LinkEvent] = field(default_factory=list)
    contacts: dict[int, Recipient] = field(default_factory=dict)
    messages: list[OutgoingMessage] = field(default_factory=list)


class FakeDuplicateUnitOfWork:
    """Keeps requests, followers, events and messages in memory; writes are kept on `commit()`.

    `entered` says whether the use case began a transaction (a refusal by role must not).
    """

    def __init__(self, *requests: LinkState, followers: dict[int, set[int]] | None = None):
        self.stored = Stored({r.id: r for r in requests}, followers={**(followers or {})})
        self._working: Stored | None = None
        self.entered = False
        self.commits = 0

    @property
    def _now(self) -> Stored:
        assert self._working is not None, "use the unit of work in a with block"
        return self._working

    def __enter__(self) -> Self:
        self.entered = True
        self._working = copy.deepcopy(self.stored)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._working = None

    def commit(self) -> None:
        self.stored = copy.deepcopy(self._now)
        self.commits += 1

    def place(self) -> CityPlace:
        return BOSTON

    def claim(
        self, request_id: int, now: datetime, expected_version: int | None = None
    ) -> LinkState | None:
        found = self._now.requests.get(request_id)
        if found is None or expected_version not in (None, found.version):
            return None
        claimed = replace(found, version=found.version + 1)
        self._now.requests[request_id] = claimed
        return claimed

    def snapshot(self, request_id: int) -> RequestSnapshot | None:
        found = self._now.requests.get(request_id)
        if found is None:
            return None
        parent = self._now.requests.get(found.parent_id) if found.parent_id else None
        latest = [e for e in self._now.events if e.request_id == request_id][-3:]
        return RequestSnapshot(
            found.id,
            found.reference,
            found.version,
            found.status.value,
            found.callers,
            found.closure_reason.value if found.closure_reason else None,
            parent.reference if parent else None,
            tuple(f"{e.kind.replace('_', ' ')} by {e.actor}" for e in reversed(latest)),
        )

    def references(self, request_ids: Sequence[int]) -> dict[int, str]:
        held = self._now.requests
        return {i: held[i].reference for i in request_ids if i in held}

    def parent_of(self, request_id: int) -> int | None:
        found = self._now.requests.get(request_id)
        return found.parent_id if found else None

    def caller_id(self, caller: Caller, phone: str | None, now: datetime) -> int:
        if phone and phone in self._now.phones:
            known = self._now.phones[phone]
        else:
            self._now.callers += 1
            known = self._now.callers
        if phone:
            self._now.phones[phone] = known
        self._now.contacts[known] = caller_recipient(caller, phone, known)
        return known

    def follows(self, request_id: int, caller_id: int) -> bool:
        return caller_id in self._now.followers.get(request_id, set())

    def add_follower(self, request_id: int, caller_id: int, now: datetime, added_by: str) -> None:
        self._now.followers.setdefault(request_id, set()).add(caller_id)

    def move_followers(self, from_id: int, to_id: int) -> tuple[int, int]:
        moving = self._now.followers.pop(from_id, set())
        on_parent = self._now.followers.setdefault(to_id, set())
        moved = moving - on_parent
        on_parent |= moving
        return len(moved), len(moving) - len(moved)

    def set_callers(self, request_id: int, callers: int) -> None:
        held = self._now.requests
        held[request_id] = replace(held[request_id], callers=callers)

    def close_as_duplicate(self, closure: DuplicateClosure) -> None:
        held = self._now.requests
        held[closure.request_id] = replace(
            held[closure.request_id],
            status=closure.status,
            closure_reason=closure.closure_reason,
            parent_id=closure.parent_id,
            first_action_at=closure.first_action_at,
            resolved_at=closure.resolved_at,
            closed_at=closure.closed_at,
        )
        self._now.notes[closure.request_id] = closure.note

    def add_event(self, event: LinkEvent) -> None:
        self._now.events.append(event)

    def names(self, service_id: int, queue_id: int | None) -> tuple[str, str]:
        return "Abandoned Vehicles", "Parking Enforcement" if queue_id == PARKING else ""

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        held = self._now
        return {
            request_id: [
                held.contacts.get(caller, Recipient(caller))
                for caller in sorted(held.followers.get(request_id, set()))
            ]
            for request_id in request_ids
        }

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        self._now.messages.extend(messages)
