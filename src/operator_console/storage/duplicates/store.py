"""The duplicate use cases' ports over SQLAlchemy: one transaction per action, short reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from operator_console.domain.caller import Caller
from operator_console.services.duplicates.finder import RequestSnapshot
from operator_console.services.duplicates.ports import (
    CityPlace,
    DuplicateClosure,
    LinkEvent,
    LinkState,
)
from operator_console.services.intake.read_back import Acknowledgement
from operator_console.storage.callers import upsert_caller
from operator_console.storage.db.errors import speaking_service_errors, speaks_service_errors
from operator_console.storage.duplicates import marking, writes
from operator_console.storage.duplicates.queries import references
from operator_console.storage.duplicates.reads import (
    CACHE_SECONDS,
    SETTINGS_SECONDS,
    ReadCache,
    SqlCandidateReads,
)


@speaks_service_errors
class SqlDuplicateUnitOfWork:
    """`DuplicateUnitOfWork` over one connection; rolls back unless `commit()` was called.

    The city's settings come from the shared cache (read, when stale, on a connection of their
    own), so the first statement of the transaction is the claim that locks the row.
    """

    def __init__(self, engine: Engine, autocommit: Engine, cache: ReadCache) -> None:
        self._engine = engine
        self._autocommit = autocommit
        self._cache = cache
        self._connection: Connection | None = None

    @property
    def connection(self) -> Connection:
        assert self._connection is not None, "use the unit of work in a with block"
        return self._connection

    def __enter__(self) -> Self:
        with speaking_service_errors():
            self._connection = self._engine.connect()
            self._connection.begin()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        with speaking_service_errors():
            try:
                if connection.in_transaction():
                    connection.rollback()
            finally:
                connection.close()

    def commit(self) -> None:
        self.connection.commit()

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

    def send_email(self, request_id: int, message: Acknowledgement, now: datetime) -> None:
        writes.send_email(self.connection, request_id, message, now)


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
