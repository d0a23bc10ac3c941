"""The queues a person works: which ones, their live counts, filter choices and saved filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any, Protocol

from operator_console.services.queues.request_list import ListQuery, RequestListReader

SUPERVISING_ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class QueueSummary:
    """One queue (or team) with its live counts of open requests.

    Attributes:
        kind: "queue", "team" or "crew".
        at_risk: open, not yet due, past the at-risk share of the target.
        overdue: open and past the due date.
    """

    id: int
    name: str
    department: str
    kind: str
    open: int = 0
    unassigned: int = 0
    at_risk: int = 0
    overdue: int = 0
    code: str = ""


@dataclass(frozen=True)
class Choice:
    """A value a filter can take: the id (or code) and what a person reads."""

    value: int | str
    label: str


@dataclass(frozen=True)
class FilterChoices:
    """What the filter bar offers for a set of queues."""

    districts: tuple[Choice, ...] = ()
    categories: tuple[Choice, ...] = ()
    assignees: tuple[Choice, ...] = ()
    assignee_logins: tuple[Choice, ...] = ()
    """The same people as `assignees`, by login (what case actions take)."""


class QueueDirectory(Protocol):
    """Reads the queues a person works and counts what is in them."""

    def queues_for(self, login: str) -> list[QueueSummary]:
        """The person's queues (everything for supervisors and admins), counts included."""
        ...

    def counts(self, queue_ids: Sequence[int]) -> list[QueueSummary]:
        """Fresh counts for these queues."""
        ...

    def covered_by(self, login: str) -> list[QueueSummary]:
        """Every queue of the departments the person is a member in (all for admins, and for
        anyone who belongs to no queue), counts included: a supervisor's triage scope."""
        ...

    def choices(self, queue_ids: Sequence[int]) -> FilterChoices: ...


@dataclass(frozen=True)
class MatchCount:
    """How many requests a list's query selects, and how many of those are overdue."""

    matching: int
    overdue: int


def count_matches(reader: RequestListReader, query: ListQuery) -> MatchCount:
    """What `query` selects, with its filters and queues, and the overdue among it.

    The SLA states split the requests, so the overdue ones among those selected are the query
    narrowed to "breached" (none when its SLA filter leaves that state out).
    """
    matching = reader.count(query)
    if query.sla_states and "breached" not in query.sla_states:
        return MatchCount(matching, 0)
    return MatchCount(matching, reader.count(replace(query, sla_states=("breached",))))


class SavedFilterStore(Protocol):
    """Named filters a person keeps (stored on their computer)."""

    def load(self) -> dict[str, ListQuery]: ...

    def save(self, name: str, query: ListQuery) -> None: ...

    def delete(self, name: str) -> None: ...


def query_to_json(query: ListQuery) -> dict[str, Any]:
    """`query` as plain JSON values."""
    document = asdict(query)
    for key in ("created_from", "created_to"):
        value = document[key]
        document[key] = value.isoformat() if value is not None else None
    for key, value in list(document.items()):
        if isinstance(value, tuple):
            document[key] = list(value)
    return document


def query_from_json(document: Mapping[str, Any]) -> ListQuery:
    """The query `query_to_json` wrote; unknown keys are ignored (older or newer files)."""
    known = {f.name for f in fields(ListQuery)}
    values: dict[str, Any] = {}
    for key, value in document.items():
        if key not in known:
            continue
        if key in ("created_from", "created_to") and value is not None:
            value = datetime.fromisoformat(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return ListQuery(**values)
