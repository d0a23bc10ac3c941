"""One connection held for a `with` block, in a transaction that rolls back unless committed."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from operator_console.storage.db.errors import speaking_service_errors, speaks_service_errors


@speaks_service_errors
class SqlConnectionScope:
    """Holds one connection of `engine` for a `with` block; with `transaction` (the default) the
    block runs in one transaction that rolls back unless `commit()` was called. A database that
    does not answer leaves as the services' error, on the way in and on the way out."""

    def __init__(self, engine: Engine, transaction: bool = True) -> None:
        self._engine = engine
        self._transaction = transaction
        self._connection: Connection | None = None

    @property
    def connection(self) -> Connection:
        assert self._connection is not None, "use it in a with block"
        return self._connection

    def __enter__(self) -> Self:
        with speaking_service_errors():
            self._connection = self._engine.connect()
            if self._transaction:
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
