"""Alerts as rows: the open ones of some departments, and their acknowledgement."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, func, select, update

from operator_console.services.escalation.alerts import Alert
from operator_console.storage.db.tables import (
    alerts,
    departments,
    escalation_rules,
    service_requests,
)


class SqlAlertStore:
    """On PostgreSQL row security shows a login only its departments' alerts as well."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def open_alerts(self, department_codes: frozenset[str] | None, limit: int) -> list[Alert]:
        a, d = alerts.c, departments.c
        statement = (
            select(
                a.id,
                a.request_id,
                service_requests.c.reference,
                a.kind,
                a.message,
                d.name.label("department"),
                a.created_at,
                escalation_rules.c.hours,
            )
            .join(service_requests, service_requests.c.id == a.request_id)
            .outerjoin(departments, d.id == a.department_id)
            .outerjoin(escalation_rules, escalation_rules.c.id == a.rule_id)
            .where(a.acknowledged_at.is_(None))
            .order_by(a.id.desc())
            .limit(limit)
        )
        if department_codes is not None:
            statement = statement.where(d.code.in_(sorted(department_codes)))
        with self._engine.connect() as connection:
            return [
                Alert(
                    id=int(row.id),
                    request_id=int(row.request_id),
                    reference=row.reference,
                    kind=row.kind,
                    message=row.message,
                    department=row.department,
                    created_at=row.created_at,
                    hours=row.hours,
                )
                for row in connection.execute(statement)
            ]

    def open_count(self, department_codes: frozenset[str] | None) -> int:
        a, d = alerts.c, departments.c
        statement = select(func.count()).select_from(alerts).where(a.acknowledged_at.is_(None))
        if department_codes is not None:
            mine = select(d.id).where(d.code.in_(sorted(department_codes)))
            statement = statement.where(a.department_id.in_(mine.scalar_subquery()))
        with self._engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())

    def acknowledge(
        self,
        alert_id: int,
        login: str,
        now: datetime,
        department_codes: frozenset[str] | None,
    ) -> bool:
        a = alerts.c
        statement = (
            update(alerts)
            .where(a.id == alert_id, a.acknowledged_at.is_(None))
            .values(acknowledged_by=login, acknowledged_at=now)
        )
        if department_codes is not None:
            mine = select(departments.c.id).where(departments.c.code.in_(sorted(department_codes)))
            statement = statement.where(a.department_id.in_(mine.scalar_subquery()))
        with self._engine.begin() as connection:
            return connection.execute(statement).rowcount == 1
