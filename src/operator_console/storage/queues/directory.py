"""Which queues a person works, with live counts, and the choices their filter bar offers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, case, func, select

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.services.queues.directory import (
    SUPERVISING_ROLES,
    Choice,
    FilterChoices,
    QueueSummary,
)
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    departments,
    districts,
    queues,
    service_requests,
    services,
    staff,
    staff_queues,
)
from operator_console.storage.queues.filters import sla_clause

r = service_requests
_OPEN = [s.value for s in OPEN_STATUSES]


@speaks_service_errors
class SqlQueueDirectory:
    """`QueueDirectory` over SQLAlchemy Core; one grouped query counts every queue."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._dialect = engine.dialect.name
        self._clock = clock or (lambda: datetime.now(UTC))

    def queues_for(self, login: str) -> list[QueueSummary]:
        listing = (
            select(queues.c.id, queues.c.name, queues.c.kind, departments.c.name.label("dept"))
            .join(departments, departments.c.id == queues.c.department_id)
            .where(queues.c.active)
            .order_by(departments.c.name, queues.c.name)
        )
        with self._engine.connect() as connection:
            role = connection.execute(select(staff.c.role).where(staff.c.login == login)).scalar()
            if role not in SUPERVISING_ROLES:
                mine = (
                    select(staff_queues.c.queue_id)
                    .join(staff, staff.c.id == staff_queues.c.staff_id)
                    .where(staff.c.login == login)
                )
                listing = listing.where(queues.c.id.in_(mine))
            found = connection.execute(listing).all()
        summaries = [QueueSummary(q.id, q.name, q.dept, q.kind) for q in found]
        counted = {s.id: s for s in self.counts([s.id for s in summaries])}
        return [counted.get(s.id, s) for s in summaries]

    def covered_by(self, login: str) -> list[QueueSummary]:
        member_departments = (
            select(queues.c.department_id)
            .join(staff_queues, staff_queues.c.queue_id == queues.c.id)
            .join(staff, staff.c.id == staff_queues.c.staff_id)
            .where(staff.c.login == login)
        )
        listing = select(queues.c.id).where(queues.c.active)
        with self._engine.connect() as connection:
            role = connection.execute(select(staff.c.role).where(staff.c.login == login)).scalar()
            departments_in = set(connection.execute(member_departments).scalars())
            if role != "admin" and departments_in:
                listing = listing.where(queues.c.department_id.in_(departments_in))
            ids = list(connection.execute(listing).scalars())
        return self.counts(ids)

    def counts(self, queue_ids: Sequence[int]) -> list[QueueSummary]:
        if not queue_ids:
            return []
        now = self._clock()

        def tally(condition: Any) -> Any:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        counted = (
            select(
                r.c.queue_id,
                func.count().label("open"),
                tally(r.c.assignee_id.is_(None)).label("unassigned"),
                tally(sla_clause(self._dialect, "at_risk", now)).label("at_risk"),
                tally(sla_clause(self._dialect, "breached", now)).label("overdue"),
            )
            .where(r.c.queue_id.in_(list(queue_ids)), r.c.status.in_(_OPEN))
            .group_by(r.c.queue_id)
            .subquery()
        )
        statement = (
            select(
                queues.c.id,
                queues.c.name,
                queues.c.kind,
                queues.c.code,
                departments.c.name.label("dept"),
                func.coalesce(counted.c.open, 0).label("open"),
                func.coalesce(counted.c.unassigned, 0).label("unassigned"),
                func.coalesce(counted.c.at_risk, 0).label("at_risk"),
                func.coalesce(counted.c.overdue, 0).label("overdue"),
            )
            .join(departments, departments.c.id == queues.c.department_id)
            .outerjoin(counted, counted.c.queue_id == queues.c.id)
            .where(queues.c.id.in_(list(queue_ids)))
            .order_by(departments.c.name, queues.c.name)
        )
        with self._engine.connect() as connection:
            found = connection.execute(statement).all()
        return [
            QueueSummary(
                q.id,
                q.name,
                q.dept,
                q.kind,
                int(q.open),
                int(q.unassigned),
                int(q.at_risk),
                int(q.overdue),
                q.code,
            )
            for q in found
        ]

    def choices(self, queue_ids: Sequence[int]) -> FilterChoices:
        district_rows = select(districts.c.id, districts.c.name).order_by(districts.c.name)
        in_queues = r.c.queue_id.in_(list(queue_ids)) if queue_ids else r.c.id.isnot(None)
        used_services = select(r.c.service_id).where(in_queues, r.c.status.in_(_OPEN)).distinct()
        service_rows = (
            select(services.c.id, services.c.name)
            .where(services.c.id.in_(used_services))
            .order_by(services.c.name)
        )
        staff_rows = (
            select(staff.c.id, staff.c.login, staff.c.display_name)
            .where(staff.c.active, staff.c.role != "operator")
            .order_by(staff.c.display_name)
        )
        with self._engine.connect() as connection:
            used_districts = set(
                connection.execute(
                    select(r.c.district_id).where(in_queues, r.c.status.in_(_OPEN)).distinct()
                ).scalars()
            )
            found_districts = [
                Choice(d.id, d.name)
                for d in connection.execute(district_rows)
                if d.id in used_districts
            ]
            found_services = [Choice(s.id, s.name) for s in connection.execute(service_rows)]
            people = connection.execute(staff_rows).all()
        return FilterChoices(
            tuple(found_districts),
            tuple(found_services),
            tuple(Choice(s.id, s.display_name) for s in people),
            tuple(Choice(s.login, s.display_name) for s in people),
        )
