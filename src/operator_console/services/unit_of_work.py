"""What every port around a transaction is: a with block, and for writes a commit."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self


class Transaction(Protocol):
    """A with block around one transaction; leaving it rolls back what was not committed."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class UnitOfWork(Transaction, Protocol):
    """A transaction whose writes are kept by `commit()`."""

    def commit(self) -> None: ...
