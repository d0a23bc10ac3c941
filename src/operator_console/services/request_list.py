"""Listing requests a page at a time: the rows, the query and the port storage implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

SORT_KEYS = (
    "reference",
    "service",
    "status",
    "priority",
    "address",
    "district",
    "queue",
    "created_at",
    "due_at",
    "callers",
)


@dataclass(frozen=True)
class RequestRow:
    """One request as a list shows it."""

    id: int
    reference: str
    service: str
    status: str
    priority: str
    address: str
    district: str
    queue: str
    assignee: str
    created_at: datetime
    due_at: datetime | None
    callers: int
    version: int


@dataclass(frozen=True)
class ListQuery:
    """Which requests, in which order; the database does the sorting and filtering."""

    sort_key: str = "created_at"
    descending: bool = True
    open_only: bool = True
    queue_ids: tuple[int, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.sort_key not in SORT_KEYS:
            raise ValueError(f"cannot sort by {self.sort_key!r}")


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the sort value and id of the last row seen."""

    sort_value: object
    id: int


@dataclass(frozen=True)
class Page:
    """Rows in order, and the cursor for the next page (None at the end)."""

    rows: tuple[RequestRow, ...]
    next_cursor: Cursor | None


class RequestListReader(Protocol):
    """Reads pages of requests with keyset paging."""

    def page(self, query: ListQuery, after: Cursor | None, limit: int) -> Page: ...

    def count(self, query: ListQuery) -> int: ...
