"""Queue administration over one connection: reads the tree, writes a queue only where it still
holds what was read, each change with its line in the configuration's audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, insert, select, update
from sqlalchemy.orm import aliased

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.queues.ports import (
    QUEUE_KINDS,
    Department,
    QueueKind,
    QueueRow,
    QueueTree,
    QueueUse,
    QueueValues,
)
from operator_console.storage.admin.audit import write_config_event
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    departments,
    queues,
    routing_rules,
    service_requests,
    services,
)

_q = queues.c
_parent = aliased(queues)


@speaks_service_errors
class SqlQueueAdminUnitOfWork(SqlConnectionScope):
    """`QueueAdminUnitOfWork` over one connection; rolls back unless `commit()` was called."""

    def tree(self) -> QueueTree:
        d = departments.c
        found = self.connection.execute(select(d.code, d.name).order_by(d.name)).all()
        return QueueTree(
            tuple(Department(row.code, row.name) for row in found), tuple(self._rows())
        )

    def queue(self, code: str) -> QueueRow | None:
        rows = self._rows(_q.code == code)
        return rows[0] if rows else None

    def use_of(self, queue_id: int) -> QueueUse:
        r, s = service_requests.c, services.c
        connection = self.connection
        open_cases = connection.scalar(
            select(func.count())
            .select_from(service_requests)
            .where(r.queue_id == queue_id, r.status.in_([str(x) for x in OPEN_STATUSES]))
        )
        rules = connection.scalar(
            select(func.count())
            .select_from(routing_rules)
            .where(routing_rules.c.queue_id == queue_id)
        )
        defaults = connection.execute(
            select(s.code).where(s.default_queue_id == queue_id, s.active).order_by(s.code)
        ).scalars()
        return QueueUse(int(open_cases or 0), int(rules or 0), tuple(defaults))

    def add_queue(self, values: QueueValues, event: ConfigEvent) -> int:
        added = self.connection.execute(
            insert(queues).values(code=values.code, **self._stored(values)).returning(_q.id)
        )
        write_config_event(self.connection, event)
        return int(added.scalar_one())

    def change_queue(self, before: QueueRow, after: QueueValues, event: ConfigEvent) -> bool:
        stored = self._stored(after)
        changed = self.connection.execute(
            update(queues).where(self._still_holds(before)).values(**stored)
        )
        if changed.rowcount != 1:
            return False
        if after.kind == "queue":  # its teams and crews stay in its department
            self.connection.execute(
                update(queues)
                .where(_q.parent_id == before.id)
                .values(department_id=stored["department_id"])
            )
        write_config_event(self.connection, event)
        return True

    def _rows(self, *where: ColumnElement[bool]) -> list[QueueRow]:
        r = service_requests.c
        open_counts = (
            select(r.queue_id, func.count().label("open_cases"))
            .where(r.status.in_([str(x) for x in OPEN_STATUSES]))
            .group_by(r.queue_id)
            .subquery()
        )
        found = self.connection.execute(
            select(
                _q.id,
                _q.code,
                _q.name,
                departments.c.code.label("department"),
                _q.kind,
                _parent.c.code.label("parent"),
                _q.active,
                func.coalesce(open_counts.c.open_cases, 0).label("open_cases"),
            )
            .join(departments, departments.c.id == _q.department_id)
            .outerjoin(_parent, _parent.c.id == _q.parent_id)
            .outerjoin(open_counts, open_counts.c.queue_id == _q.id)
            .where(*where)
            .order_by(_q.name)
        ).all()
        return [
            QueueRow(
                row.id,
                QueueValues(
                    row.code,
                    row.name,
                    row.department,
                    _kind(row.kind),
                    row.parent,
                    bool(row.active),
                ),
                int(row.open_cases),
            )
            for row in found
        ]

    def _stored(self, values: QueueValues) -> dict[str, Any]:
        """The row's columns for `values`: codes become ids."""
        return {
            "name": values.name,
            "department_id": self._department_id(values.department_code),
            "kind": values.kind,
            "parent_id": self._queue_id(values.parent_code),
            "active": values.active,
        }

    def _still_holds(self, before: QueueRow) -> ColumnElement[bool]:
        """The queue `before.id`, only while every column still holds what was read."""
        stored = self._stored(before.values)
        return and_(
            _q.id == before.id,
            _q.code == before.code,
            *(_q[name].is_not_distinct_from(value) for name, value in stored.items()),
        )

    def _department_id(self, code: str) -> int | None:
        return self._id_of(departments.c.id, departments.c.code, code, self.connection)

    def _queue_id(self, code: str | None) -> int | None:
        if code is None:
            return None
        return self._id_of(_q.id, _q.code, code, self.connection)

    @staticmethod
    def _id_of(id_column: Any, code_column: Any, code: str, connection: Connection) -> int | None:
        found = connection.scalar(select(id_column).where(code_column == code))
        return None if found is None else int(found)


def _kind(stored: str) -> QueueKind:
    return next((kind for kind in QUEUE_KINDS if kind == stored), "queue")
