"""What the Open311 use cases read and write, whatever stores it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.open311 import Service, ServiceDefinition
from operator_console.services.duplicates.ports import CandidateReads, DuplicateUnitOfWork
from operator_console.services.intake.submission import IntakeUnitOfWork
from operator_console.services.open311.keys import KeyHolder
from operator_console.services.open311.record import PublicEvent, PublicRequest


@dataclass(frozen=True)
class RequestQuery:
    """The filters of GET requests.json; None leaves a filter out."""

    references: tuple[str, ...] | None = None
    service_codes: tuple[str, ...] | None = None
    start: datetime | None = None
    end: datetime | None = None
    open: bool | None = None
    limit: int = 1000


@dataclass(frozen=True)
class Filing:
    """The Open311 facts kept with a request a client application filed."""

    client_id: int
    token: str
    media_url: str | None
    device_id: str | None
    account_id: str | None


class PublicReads(Protocol):
    """The public catalog and record; every call may block."""

    def services(self) -> Sequence[Service]: ...

    def definition(self, service_code: str) -> ServiceDefinition | None: ...

    def requests(self, query: RequestQuery) -> Sequence[PublicRequest]: ...

    def reference_of_token(self, token: str) -> str | None: ...

    def updates(
        self, start: datetime | None, end: datetime | None, limit: int
    ) -> Sequence[PublicEvent]: ...


class KeyGate(Protocol):
    """Client keys and the shared count of their requests."""

    def holder(self, key_prefix: str) -> KeyHolder | None: ...

    def count(self, client_id: int, minute: datetime) -> int:
        """Count one more request of the client in `minute`; the count so far."""
        ...


class FilingPorts(Protocol):
    """Where a client's request is filed, as its client (the actor the database records)."""

    def intake(self, client_name: str, filing: Filing) -> IntakeUnitOfWork: ...

    def candidate_reads(self) -> CandidateReads: ...

    def duplicates(self, client_name: str) -> DuplicateUnitOfWork: ...
