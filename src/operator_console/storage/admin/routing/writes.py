"""Writing routing rules, each change only where the rule still says what was read, with its
line in the configuration's audit trail."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, insert, select, update

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.routing.ports import RoutingRuleRow, RuleTarget
from operator_console.storage.admin.audit import write_config_event
from operator_console.storage.db.tables import (
    districts,
    queues,
    routing_rules,
    services,
)

_rr = routing_rules.c


def insert_rule(connection: Connection, target: RuleTarget, event: ConfigEvent) -> int:
    added = connection.execute(
        insert(routing_rules).values(**_values(connection, target)).returning(_rr.id)
    )
    rule_id = int(added.scalar_one())
    write_config_event(connection, replace(event, data={**event.data, "id": rule_id}))
    return rule_id


def update_rule(
    connection: Connection, before: RoutingRuleRow, after: RuleTarget, event: ConfigEvent
) -> bool:
    changed = connection.execute(
        update(routing_rules)
        .where(_still_says(connection, before))
        .values(**_values(connection, after))
    )
    if changed.rowcount != 1:
        return False
    write_config_event(connection, event)
    return True


def delete_rule(connection: Connection, before: RoutingRuleRow, event: ConfigEvent) -> bool:
    removed = connection.execute(delete(routing_rules).where(_still_says(connection, before)))
    if removed.rowcount != 1:
        return False
    write_config_event(connection, event)
    return True


def _still_says(connection: Connection, before: RoutingRuleRow) -> ColumnElement[bool]:
    """The rule `before.id`, only while every column still holds what was read."""
    values = _values(connection, before.target)
    return and_(
        _rr.id == before.id,
        *(_rr[name].is_not_distinct_from(value) for name, value in values.items()),
    )


def _values(connection: Connection, target: RuleTarget) -> dict[str, Any]:
    district_id = None
    if target.district is not None:
        district_id = connection.execute(
            select(districts.c.id).where(
                districts.c.layer == target.district.layer,
                districts.c.code == target.district.code,
            )
        ).scalar_one()
    service_id = None
    if target.service_code is not None:
        service_id = connection.execute(
            select(services.c.id).where(services.c.code == target.service_code)
        ).scalar_one()
    queue_id = connection.execute(
        select(queues.c.id).where(queues.c.code == target.queue_code)
    ).scalar_one()
    return {
        "service_id": service_id,
        "service_group": target.service_group,
        "district_id": district_id,
        "queue_id": queue_id,
        "priority": target.priority,
        "rank": target.rank,
        "note": target.note,
    }
