"""SQLite's escalation pass: what console_run_escalations does on PostgreSQL, in Python."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exists, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from operator_console.domain.lifecycle import Priority
from operator_console.services.escalation.cutoffs import Cutoff
from operator_console.services.escalation.rules import (
    CLOCK_ACTOR,
    EVENT_KIND,
    alert_message,
    raised,
)
from operator_console.storage.db.tables import (
    alerts,
    escalation_rules,
    escalations_fired,
    queues,
    request_events,
    service_requests,
    services,
)

_CLOSED = ("resolved", "closed")


def fire_on_sqlite(
    connection: Connection, now: datetime, overdue_by: Sequence[Cutoff], max_cases: int
) -> int:
    """Fire, in the caller's transaction, every active rule a case crossed and that never
    fired on it, on at most `max_cases` cases (the oldest first); returns how many fired."""
    rules = connection.execute(
        select(escalation_rules).where(escalation_rules.c.active).order_by(escalation_rules.c.id)
    ).all()
    crossed: dict[int, list[Any]] = {}
    for rule in rules:
        for request_id in _crossing(connection, rule, now, overdue_by):
            crossed.setdefault(request_id, []).append(rule)
    fired = 0
    for request_id, its_rules in sorted(crossed.items())[:max_cases]:
        won = [rule for rule in its_rules if _record(connection, request_id, rule.id, now)]
        if won:
            _apply(connection, request_id, won, now)
            fired += len(won)
    return fired


def _crossing(
    connection: Connection, rule: Any, now: datetime, overdue_by: Sequence[Cutoff]
) -> list[int]:
    r, s, f = service_requests.c, services.c, escalations_fired.c
    base = (
        select(r.id)
        .join(services, s.id == r.service_id)
        .where(
            r.status.not_in(_CLOSED),
            s.sla_policy_id.is_not(None),
            ~exists().where(f.request_id == r.id, f.rule_id == rule.id),
        )
    )
    if rule.sla_policy_id is not None:
        base = base.where(s.sla_policy_id == rule.sla_policy_id)
    if rule.trigger == "at_risk":
        return list(connection.execute(base.where(r.at_risk_at <= now)).scalars())
    if rule.trigger == "overdue":
        return list(connection.execute(base.where(r.due_at < now)).scalars())
    found: list[int] = []
    for cutoff in overdue_by:
        if cutoff.rule_id == rule.id:
            statement = base.where(s.sla_policy_id == cutoff.policy_id, r.due_at <= cutoff.due_by)
            found.extend(connection.execute(statement).scalars())
    return found


def _record(connection: Connection, request_id: int, rule_id: int, now: datetime) -> bool:
    statement = (
        sqlite_insert(escalations_fired)
        .values(request_id=request_id, rule_id=rule_id, fired_at=now)
        .on_conflict_do_nothing()
    )
    return connection.execute(statement).rowcount == 1


def _apply(connection: Connection, request_id: int, rules: list[Any], now: datetime) -> None:
    r = service_requests.c
    case = connection.execute(
        select(r.reference, r.priority, r.queue_id, r.version).where(r.id == request_id)
    ).one()
    priority, queue_id = Priority(case.priority), case.queue_id
    events: list[dict[str, Any]] = []
    for rule in rules:
        before: str | None = None
        after: str | None = None
        changes: dict[str, list[str | None]] | None = None
        if rule.action == "raise_priority":
            before, priority = priority.value, raised(priority)
            after = priority.value
            changes = {"priority": [before, after]}
        elif rule.action == "move_queue":
            (before, old_name), (after, new_name) = (
                _queue(connection, queue_id),
                _queue(connection, rule.queue_id),
            )
            changes = {"queue": [old_name, new_name]}
            queue_id = rule.queue_id
        events.append(_event(request_id, rule, (before, after), changes, now))
    connection.execute(
        update(service_requests)
        .where(r.id == request_id)
        .values(
            priority=priority.value, queue_id=queue_id, version=case.version + 1, updated_at=now
        )
    )
    connection.execute(insert(request_events), events)
    department = connection.execute(
        select(queues.c.department_id).where(queues.c.id == queue_id)
    ).scalar()
    connection.execute(
        insert(alerts),
        [
            {
                "request_id": request_id,
                "rule_id": rule.id,
                "department_id": department,
                "kind": rule.trigger,
                "message": alert_message(case.reference, rule.trigger, rule.hours),
                "created_at": now,
            }
            for rule in rules
        ],
    )


def _event(
    request_id: int,
    rule: Any,
    values: tuple[str | None, str | None],
    changes: dict[str, list[str | None]] | None,
    now: datetime,
) -> dict[str, Any]:
    before, after = values
    return {
        "request_id": request_id,
        "at": now,
        "actor": CLOCK_ACTOR,
        "kind": EVENT_KIND,
        "from_value": before,
        "to_value": after,
        "reason": f"{rule.trigger}: {rule.action}",
        "public": False,
        "data": {
            "rule": rule.id,
            "trigger": rule.trigger,
            "action": rule.action,
            "hours": rule.hours,
            "changes": changes,
        },
    }


def _queue(connection: Connection, queue_id: int | None) -> tuple[str | None, str | None]:
    """The code and the name of a queue; (None, None) for no queue."""
    if queue_id is None:
        return None, None
    row = connection.execute(
        select(queues.c.code, queues.c.name).where(queues.c.id == queue_id)
    ).one()
    return row.code, row.name
