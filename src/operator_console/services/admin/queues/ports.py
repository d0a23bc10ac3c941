"""What queue administration reads and writes, and the unit of work port storage implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.unit_of_work import UnitOfWork

QueueKind = Literal["queue", "team", "crew"]
QUEUE_KINDS: tuple[QueueKind, ...] = ("queue", "team", "crew")
QueueEventKind = Literal["queue_added", "queue_changed", "team_added"]


@dataclass(frozen=True)
class Department:
    code: str
    name: str


@dataclass(frozen=True)
class QueueValues:
    """A queue, team or crew as stored, in codes: a team or crew has the queue it belongs to
    as `parent_code` and that queue's department."""

    code: str
    name: str
    department_code: str
    kind: QueueKind = "queue"
    parent_code: str | None = None
    active: bool = True

    def as_data(self) -> dict[str, Any]:
        """The queue as JSON for the audit trail."""
        return {
            "code": self.code,
            "name": self.name,
            "department": self.department_code,
            "kind": self.kind,
            "parent": self.parent_code,
            "active": self.active,
        }


@dataclass(frozen=True)
class QueueRow:
    """A stored queue, team or crew as the screen shows it, with its open cases."""

    id: int
    values: QueueValues
    open_cases: int = 0

    @property
    def code(self) -> str:
        return self.values.code

    @property
    def label(self) -> str:
        return f"{self.values.name} ({self.values.code})"


@dataclass(frozen=True)
class QueueTree:
    """Every department and every queue, team and crew, active or not."""

    departments: tuple[Department, ...]
    queues: tuple[QueueRow, ...]

    def queue(self, code: str) -> QueueRow | None:
        return next((row for row in self.queues if row.code == code), None)

    def in_department(self, department_code: str) -> list[QueueRow]:
        """The department's queues (not their teams), by name."""
        found = [
            row
            for row in self.queues
            if row.values.department_code == department_code and row.values.parent_code is None
        ]
        return sorted(found, key=lambda row: row.values.name.casefold())

    def under(self, queue_code: str) -> list[QueueRow]:
        """The teams and crews of a queue, by name."""
        found = [row for row in self.queues if row.values.parent_code == queue_code]
        return sorted(found, key=lambda row: row.values.name.casefold())

    def department_name(self, code: str) -> str:
        return next((d.name for d in self.departments if d.code == code), code)


@dataclass(frozen=True)
class QueueDraft:
    """A queue, team or crew as the administrator typed it (nothing checked yet)."""

    code: str = ""
    name: str = ""
    department_code: str = ""
    kind: str = "queue"
    parent_code: str = ""


@dataclass(frozen=True)
class QueueUse:
    """What still depends on a queue: its open cases, and what sends new requests to it."""

    open_cases: int
    routing_rules: int
    default_for_services: tuple[str, ...]


class QueueAdminUnitOfWork(UnitOfWork, Protocol):
    """One transaction's reads and writes for queue administration; rolls back unless
    committed."""

    def tree(self) -> QueueTree:
        """Every department and queue, with each queue's open cases."""

    def queue(self, code: str) -> QueueRow | None: ...

    def use_of(self, queue_id: int) -> QueueUse: ...

    def add_queue(self, values: QueueValues, event: ConfigEvent) -> int:
        """Insert the queue and the event; its new id."""

    def change_queue(self, before: QueueRow, after: QueueValues, event: ConfigEvent) -> bool:
        """Write `after` over the queue, with the event, only while the row still holds what
        `before` says (and, for a queue, move its teams and crews to its department); False
        when it does not any more."""
