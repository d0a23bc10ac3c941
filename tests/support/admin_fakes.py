"""Queue and city administration units of work in memory, for unit tests of the use cases."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Self

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.queues.ports import (
    Department,
    QueueRow,
    QueueTree,
    QueueUse,
    QueueValues,
)
from operator_console.services.city_bundle.model import CitySettings


@dataclass
class _Transaction:
    """Commits keep what was written; leaving without a commit drops it."""

    commits: int = 0
    _open: bool = False

    def __enter__(self) -> Self:
        self._open = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._open = False

    def commit(self) -> None:
        assert self._open, "commit outside the with block"
        self.commits += 1


@dataclass
class FakeQueueUnitOfWork(_Transaction):
    departments: list[Department] = field(default_factory=list)
    rows: dict[str, QueueRow] = field(default_factory=dict)
    uses: dict[int, QueueUse] = field(default_factory=dict)
    events: list[ConfigEvent] = field(default_factory=list)

    def tree(self) -> QueueTree:
        return QueueTree(tuple(self.departments), tuple(self.rows.values()))

    def queue(self, code: str) -> QueueRow | None:
        return self.rows.get(code)

    def use_of(self, queue_id: int) -> QueueUse:
        return self.uses.get(queue_id, QueueUse(0, 0, ()))

    def add_queue(self, values: QueueValues, event: ConfigEvent) -> int:
        new_id = len(self.rows) + 1
        self.rows[values.code] = QueueRow(new_id, values)
        self.events.append(event)
        return new_id

    def change_queue(self, before: QueueRow, after: QueueValues, event: ConfigEvent) -> bool:
        held = self.rows.get(before.code)
        if held is None or held.values != before.values:
            return False
        self.rows[before.code] = replace(held, values=after)
        self.events.append(event)
        return True


@dataclass
class FakeCityUnitOfWork(_Transaction):
    stored: CitySettings | None = None
    events: list[ConfigEvent] = field(default_factory=list)

    def settings(self) -> CitySettings:
        assert self.stored is not None
        return self.stored

    def save(self, before: CitySettings, after: CitySettings, event: ConfigEvent) -> bool:
        if self.stored != before:
            return False
        self.stored = after
        self.events.append(event)
        return True
