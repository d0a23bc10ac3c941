"""The duplicate use cases' ports over SQLAlchemy: one transaction per action, short reads."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import Engine

from operator_console.domain.caller import Caller
from operator_console.services.cases.scope import ScopedCase
from operator_console.services.duplicates.finder import RequestSnapshot
from operator_console.services.duplicates.ports import (
    CityPlace,
    DuplicateClosure,
    LinkEvent,
    LinkState,
)
from operator_console.services.messages.model import OutgoingMessage, Recipient
from operator_console.storage.callers import follower_recipients, upsert_caller
from operator_console.storage.cases.rows import read_department_names, read_scoped_cases
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.duplicates import marking, writes
from operator_console.storage.duplicates.queries import references
from operator_console.storage.duplicates.reads import (
    CACHE_SECONDS,
    SETTINGS_SECONDS,
    ReadCache,
    SqlCandidateReads,
)
from operator_console.storage.outbox import queue_messages


@speaks_service_errors
class SqlDuplicateUnitOfWork(SqlConnectionScope):
    """`DuplicateUnitOfWork` over one connection; rolls back unless `commit()` was called.

    The city's settings come from the shared cache (read, when stale, on a connection of their
    own), so the first statement of the transaction is the claim that locks the row.
    """

    def __init__(self, engine: Engine, autocommit: Engine, cache: ReadCache) -> None:
        super().__init__(engine)
        self._autocommit = autocommit
        self._cache = cache

    def place(self) -> CityPlace:
        known = self._cache.known_place()
        if known is not None:
            return known
        with self._autocommit.connect() as reading:
            return self._cache.place(reading)

    def claim(
        self, request_id: int, now: datetime, expected_version: int | None = None
    ) -> LinkState | None:
        return writes.claim(self.connection, request_id, now, expected_version)

    def scoped_cases(self, request_ids: Sequence[int]) -> dict[int, ScopedCase]:
        return read_scoped_cases(self.connection, request_ids)

    def department_names(self, codes: Collection[str]) -> dict[str, str]:
        return read_department_names(self.connection, codes)

    def snapshot(self, request_id: int) -> RequestSnapshot | None:
        return writes.snapshot(self.connection, request_id)

    def references(self, request_ids: Sequence[int]) -> dict[int, str]:
        return references(self.connection, request_ids)

    def parent_of(self, request_id: int) -> int | None:
        return marking.parent_of(self.connection, request_id)

    def caller_id(self, caller: Caller, phone: str | None, now: datetime) -> int:
        return upsert_caller(self.connection, caller, phone, now)

    def follows(self, request_id: int, caller_id: int) -> bool:
        return writes.follows(self.connection, request_id, caller_id)

    def add_follower(self, request_id: int, caller_id: int, now: datetime, added_by: str) -> None:
        writes.add_follower(self.connection, request_id, caller_id, now, added_by)

    def move_followers(self, from_id: int, to_id: int) -> tuple[int, int]:
        return marking.move_followers(self.connection, from_id, to_id)

    def set_callers(self, request_id: int, callers: int) -> None:
        writes.set_callers(self.connection, request_id, callers)

    def close_as_duplicate(self, closure: DuplicateClosure) -> None:
        marking.close_as_duplicate(self.connection, closure)

    def add_event(self, event: LinkEvent) -> None:
        writes.add_event(self.connection, event)

    def names(self, service_id: int, queue_id: int | None) -> tuple[str, str]:
        return writes.names(self.connection, service_id, queue_id)

    def recipients(self, request_ids: Sequence[int]) -> dict[int, list[Recipient]]:
        return follower_recipients(self.connection, request_ids)

    def queue_messages(self, messages: Sequence[OutgoingMessage], now: datetime) -> None:
        queue_messages(self.connection, messages, now)


class SqlDuplicateStore:
    """Makes the duplicate use cases' reads and units of work over one engine, sharing the
    cache of slow-changing reads (see `ReadCache`)."""

    def __init__(
        self,
        engine: Engine,
        cache_seconds: float = CACHE_SECONDS,
        settings_seconds: float = SETTINGS_SECONDS,
    ) -> None:
        self._engine = engine
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._cache = ReadCache(cache_seconds, settings_seconds)

    def reads(self) -> SqlCandidateReads:
        return SqlCandidateReads(self._autocommit, self._cache)

    def unit_of_work(self) -> SqlDuplicateUnitOfWork:
        return SqlDuplicateUnitOfWork(self._engine, self._autocommit, self._cache)
