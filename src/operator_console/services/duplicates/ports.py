"""What the duplicate use cases read and write: the ports storage implements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.caller import Caller
from operator_console.domain.duplicates import ExistingRequest
from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.cases.ports import DepartmentNames
from operator_console.services.cases.scope import ScopedCase
from operator_console.services.duplicates.finder import RequestSnapshot
from operator_console.services.duplicates.rules import DuplicateCounts, ServiceDuplicateSettings
from operator_console.services.messages.model import OutgoingMessage, Recipient
from operator_console.services.unit_of_work import Transaction, UnitOfWork


@dataclass(frozen=True)
class CityPlace:
    """The city's settings the duplicate use cases need."""

    unknown: tuple[float, float] | None  # the "location unknown" pin
    phone_region: str
    time_zone: str


@dataclass(frozen=True)
class ServiceKin:
    """A service, its duplicate settings, and the services whose requests it may duplicate."""

    id: int
    code: str
    group: str
    settings: ServiceDuplicateSettings
    kin: dict[int, tuple[str, str, str]]  # service id -> (code, name, group), itself included


@dataclass(frozen=True)
class NearbyRequest:
    """A request near a pin, as read: the domain's view plus what the screen needs."""

    request: ExistingRequest
    status: str
    version: int
    service_name: str
    has_photo: bool


@dataclass(frozen=True)
class PinnedRequest:
    """A request whose parent is being chosen: what the parent search starts from."""

    id: int
    service_code: str
    lat: float | None
    lon: float | None
    address: str
    description: str


@dataclass(frozen=True)
class LinkState:
    """A request as the duplicate actions see it once claimed (its version already bumped).

    Attributes:
        version: the version the request has now, in this transaction.
        parent_id: the request it was closed as a duplicate of, if any.
    """

    id: int
    reference: str
    version: int
    status: Status
    callers: int
    closure_reason: ClosureReason | None
    parent_id: int | None
    queue_id: int | None
    service_id: int
    due_at: datetime | None
    first_action_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class DuplicateClosure:
    """Close `request_id` as a duplicate of `parent_id`, with these values."""

    request_id: int
    parent_id: int
    status: Status
    closure_reason: ClosureReason
    note: str
    first_action_at: datetime
    resolved_at: datetime
    closed_at: datetime


@dataclass(frozen=True)
class LinkEvent:
    """A history event written in the same transaction as the change it records."""

    request_id: int
    at: datetime
    actor: str
    kind: str
    from_value: str | None = None
    to_value: str | None = None
    reason: str = ""
    public: bool = False
    data: Mapping[str, object] | None = None


class CandidateReads(Transaction, Protocol):
    """The reads of one candidate search, on one connection; every call may block."""

    def place(self) -> CityPlace: ...

    def service_kin(self, service_code: str, *, live: bool) -> ServiceKin | None:
        """The service and its group (None when unknown); `live` keeps only the kin with
        duplicate detection on."""

    def pinned_request(self, request_id: int) -> PinnedRequest | None: ...

    def nearby(
        self,
        kin: Mapping[int, tuple[str, str, str]],
        lat: float,
        lon: float,
        radius_m: float,
        unknown: tuple[float, float] | None,
        closed_since: datetime | None,
    ) -> list[NearbyRequest]:
        """Requests of the `kin` services about `radius_m` around the pin (a superset of the
        circle), never on the unknown point: the open ones, and with `closed_since` those
        finished since then and not closed as duplicates; each request once."""

    def duplicate_counts(
        self, counted_before: datetime
    ) -> tuple[dict[int, DuplicateCounts], DuplicateCounts]:
        """Per service id and city-wide: requests opened before `counted_before`, and how
        many of them were closed as duplicates."""

    def thumbnails(self, request_ids: Sequence[int]) -> dict[int, bytes]:
        """Each request's first photo: its thumbnail, or the photo itself when small."""


class DuplicateUnitOfWork(UnitOfWork, DepartmentNames, Protocol):
    """One transaction's reads and writes for a duplicate action; rolls back unless committed."""

    def place(self) -> CityPlace: ...

    def claim(
        self, request_id: int, now: datetime, expected_version: int | None = None
    ) -> LinkState | None:
        """Bump the request's version (locking its row) if it is at `expected_version` (at
        any, when None); None when it does not exist or is at another version.

        Raises `CaseWriteRefusedError` when the database keeps the login from changing it."""

    def scoped_cases(self, request_ids: Sequence[int]) -> dict[int, ScopedCase]:
        """Each request that exists among `request_ids` with its queue's department, by id."""

    def snapshot(self, request_id: int) -> RequestSnapshot | None:
        """The request as it is now, with its latest events; None when it does not exist."""

    def references(self, request_ids: Sequence[int]) -> dict[int, str]:
        """The public reference of each request that exists among `request_ids`."""

    def parent_of(self, request_id: int) -> int | None:
        """The request `request_id` was closed as a duplicate of, if any."""

    def caller_id(self, caller: Caller, phone: str | None, now: datetime) -> int:
        """The caller's row: the one with this E.164 phone (updated), else a new one."""

    def follows(self, request_id: int, caller_id: int) -> bool: ...

    def add_follower(self, request_id: int, caller_id: int, now: datetime, added_by: str) -> None:
        """The caller follows the request from now on."""

    def move_followers(self, from_id: int, to_id: int) -> tuple[int, int]:
        """Move every follower of `from_id` to `to_id`, each caller once; (moved, already
        following `to_id`)."""

    def set_callers(self, request_id: int, callers: int) -> None: ...

    def close_as_duplicate(self, closure: DuplicateClosure) -> None: ...

    def add_event(self, event: LinkEvent) -> None: ...

    def names(self, service_id: int, queue_id: int | None) -> tuple[str, str]:
        """The service's name and the queue's ("" when none)."""

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        """The callers following each request, as message recipients, by request id."""

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        """Queue the messages in the notification outbox, in this transaction."""
