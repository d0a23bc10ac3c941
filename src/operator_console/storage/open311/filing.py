"""Filing as a client application: intake's and the duplicate notes' transactions, each
naming the client, and the request's Open311 facts kept with it."""

from __future__ import annotations

from typing import Self

from sqlalchemy import Engine, insert, text

from operator_console.services.intake.submission import IntakeReceipt, NewRequest
from operator_console.services.open311.ports import Filing
from operator_console.storage.duplicates.reads import (
    CACHE_SECONDS,
    SETTINGS_SECONDS,
    ReadCache,
    SqlCandidateReads,
)
from operator_console.storage.duplicates.store import SqlDuplicateUnitOfWork
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.storage.open311.security_sql import CLIENT_SETTING
from operator_console.storage.open311.tables import open311_submissions

_NAME_CLIENT = text(f"SELECT set_config('{CLIENT_SETTING}', :client, true)")


class ClientIntakeUnitOfWork(SqlIntakeUnitOfWork):
    """Intake's unit of work for one client application's request."""

    def __init__(self, engine: Engine, client_name: str, filing: Filing) -> None:
        super().__init__(engine)
        self._client_name = client_name
        self._filing = filing

    def __enter__(self) -> Self:
        super().__enter__()
        if self.connection.dialect.name == "postgresql":
            self.connection.execute(_NAME_CLIENT, {"client": self._client_name})
        return self

    def add_request(self, request: NewRequest, attachments: tuple[bytes, ...]) -> IntakeReceipt:
        receipt = super().add_request(request, attachments)
        filing = self._filing
        self.connection.execute(
            insert(open311_submissions).values(
                request_id=receipt.request_id,
                token=filing.token,
                client_id=filing.client_id,
                media_url=filing.media_url,
                device_id=filing.device_id,
                account_id=filing.account_id,
            )
        )
        return receipt


class ClientDuplicateUnitOfWork(SqlDuplicateUnitOfWork):
    """The duplicate notes' unit of work for one client application."""

    def __init__(
        self, engine: Engine, autocommit: Engine, cache: ReadCache, client_name: str
    ) -> None:
        super().__init__(engine, autocommit, cache)
        self._client_name = client_name

    def __enter__(self) -> Self:
        super().__enter__()
        if self.connection.dialect.name == "postgresql":
            self.connection.execute(_NAME_CLIENT, {"client": self._client_name})
        return self


class SqlFilingPorts:
    """`FilingPorts` over one engine (the Open311 server's login)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._cache = ReadCache(CACHE_SECONDS, SETTINGS_SECONDS)

    def intake(self, client_name: str, filing: Filing) -> ClientIntakeUnitOfWork:
        return ClientIntakeUnitOfWork(self._engine, client_name, filing)

    def candidate_reads(self) -> SqlCandidateReads:
        return SqlCandidateReads(self._autocommit, self._cache)

    def duplicates(self, client_name: str) -> ClientDuplicateUnitOfWork:
        return ClientDuplicateUnitOfWork(self._engine, self._autocommit, self._cache, client_name)
