"""Reading routing rules, with the names of what they point at, and what a rule may name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, Select, select

from operator_console.services.admin.routing.ports import (
    DistrictChoice,
    DistrictKey,
    QueueChoice,
    RoutingChoices,
    RoutingRuleRow,
    RuleFilter,
    RuleTarget,
    ServiceChoice,
)
from operator_console.storage.db.tables import districts, queues, routing_rules, services

_rr, _s, _d, _q = routing_rules.c, services.c, districts.c, queues.c


def rules_statement() -> Select[Any]:
    """Every rule with its service, district and queue, by service, district and rank."""
    return (
        select(
            _rr.id,
            _rr.service_group,
            _rr.priority,
            _rr.rank,
            _rr.note,
            _s.code.label("service_code"),
            _s.name.label("service_name"),
            _s.group_name.label("service_group_name"),
            _d.layer.label("district_layer"),
            _d.code.label("district_code"),
            _d.name.label("district_name"),
            _q.code.label("queue_code"),
            _q.name.label("queue_name"),
        )
        .join(queues, queues.c.id == _rr.queue_id)
        .outerjoin(services, services.c.id == _rr.service_id)
        .outerjoin(districts, districts.c.id == _rr.district_id)
        .order_by(
            _s.name.is_(None), _s.name, _rr.service_group, _d.layer, _d.name, _rr.rank, _rr.id
        )
    )


def read_rules(connection: Connection, wanted: RuleFilter | None) -> list[RoutingRuleRow]:
    statement = rules_statement()
    if wanted is not None:
        statement = _filtered(statement, wanted)
    return [_row(row) for row in connection.execute(statement)]


def read_rule(connection: Connection, rule_id: int) -> RoutingRuleRow | None:
    row = connection.execute(rules_statement().where(_rr.id == rule_id)).first()
    return _row(row) if row is not None else None


def read_choices(connection: Connection) -> RoutingChoices:
    service_rows = connection.execute(
        select(_s.code, _s.name, _s.group_name).where(_s.active).order_by(_s.name, _s.code)
    )
    district_rows = connection.execute(
        select(_d.layer, _d.code, _d.name).order_by(_d.layer, _d.name, _d.code)
    )
    queue_rows = connection.execute(
        select(_q.code, _q.name).where(_q.active).order_by(_q.name, _q.code)
    )
    return RoutingChoices(
        services=tuple(ServiceChoice(r.code, r.name, r.group_name) for r in service_rows),
        districts=tuple(DistrictChoice(r.layer, r.code, r.name) for r in district_rows),
        queues=tuple(QueueChoice(r.code, r.name) for r in queue_rows),
    )


def _filtered(statement: Select[Any], wanted: RuleFilter) -> Select[Any]:
    if wanted.service_code:
        group = select(_s.group_name).where(_s.code == wanted.service_code).scalar_subquery()
        statement = statement.where((_s.code == wanted.service_code) | (_rr.service_group == group))
    if wanted.queue_code:
        statement = statement.where(_q.code == wanted.queue_code)
    if wanted.district is not None:
        statement = statement.where(
            _d.layer == wanted.district.layer, _d.code == wanted.district.code
        )
    return statement


def _row(row: Row[Any]) -> RoutingRuleRow:
    district = (
        DistrictKey(row.district_layer, row.district_code)
        if row.district_code is not None
        else None
    )
    target = RuleTarget(
        service_code=row.service_code,
        service_group=row.service_group,
        district=district,
        queue_code=row.queue_code,
        priority=row.priority,
        rank=int(row.rank),
        note=row.note or "",
    )
    return RoutingRuleRow(
        id=int(row.id),
        target=target,
        service_name=row.service_name or "",
        district_name=row.district_name or "",
        queue_name=row.queue_name,
    )
