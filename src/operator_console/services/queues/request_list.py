"""Listing requests a page at a time: the rows, the query and the port storage implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, get_args

from operator_console.domain.sla import RequestSlaState

SORT_KEYS = (
    "reference",
    "service",
    "status",
    "priority",
    "address",
    "district",
    "queue",
    "assignee",
    "created_at",
    "due_at",
    "callers",
    "calls",
    "channel",
)
CHANNELS = ("phone", "web", "app", "open311")
"""Where requests come from: calls, the city's website, its app, other Open311 clients."""
SLA_STATES: tuple[RequestSlaState, ...] = get_args(RequestSlaState)
TRIAGE_BUCKETS = ("at_risk_today", "overdue", "unassigned", "reopened")
TriageBucket = Literal["at_risk_today", "overdue", "unassigned", "reopened"]
UNASSIGNED = 0
"""`ListQuery.assignee_ids` value meaning "nobody"."""


@dataclass(frozen=True)
class RequestRow:
    """One request as a list shows it.

    Attributes:
        at_risk_at: when the request turns at risk (None without a due date).
        lat, lon: where it is, None when unknown (for the queue map).
        calls: status calls logged on it (residents asking about it again).
        channel: where it came from (one of `CHANNELS`, or another an import recorded).
    """

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
    at_risk_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    queue_id: int | None = None
    calls: int = 0
    channel: str = "phone"


@dataclass(frozen=True)
class ListQuery:
    """Which requests, in which order; the database does the sorting and filtering.

    Empty tuples mean "any". `text` matches reference, address and description;
    `created_from`/`created_to` bound the opening time (from inclusive, to exclusive).
    """

    sort_key: str = "created_at"
    descending: bool = True
    open_only: bool = True
    queue_ids: tuple[int, ...] = field(default_factory=tuple)
    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    sla_states: tuple[str, ...] = ()
    district_ids: tuple[int, ...] = ()
    service_ids: tuple[int, ...] = ()
    assignee_ids: tuple[int, ...] = ()
    channels: tuple[str, ...] = ()
    text: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None
    bucket: TriageBucket | None = None

    def __post_init__(self) -> None:
        if self.sort_key not in SORT_KEYS:
            raise ValueError(f"cannot sort by {self.sort_key!r}")
        unknown = set(self.sla_states) - set(SLA_STATES)
        if unknown:
            raise ValueError(f"unknown SLA states {sorted(unknown)}")
        if self.bucket is not None and self.bucket not in TRIAGE_BUCKETS:
            raise ValueError(f"unknown triage bucket {self.bucket!r}")


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the sort value and id of the last row seen."""

    sort_value: object
    id: int


@dataclass(frozen=True)
class Page:
    """Rows in order, and the cursor for the next page (None at the end).

    Attributes:
        sort_values: the sort value of each row (same order), so a caller can place rows
            it re-reads later among those it holds.
    """

    rows: tuple[RequestRow, ...]
    next_cursor: Cursor | None
    sort_values: tuple[object, ...] = ()


class RequestListReader(Protocol):
    """Reads pages of requests with keyset paging."""

    def page(self, query: ListQuery, after: Cursor | None, limit: int) -> Page: ...

    def count(self, query: ListQuery) -> int: ...

    def rows_by_ids(self, query: ListQuery, ids: Sequence[int]) -> Page:
        """Those of `ids` that `query` selects, in its order, with their sort values."""
        ...
