"""The escalation rules as admins configure them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, Select, func, insert, select, update

from operator_console.services.escalation.rule_admin import RuleChoices, RuleLine
from operator_console.services.escalation.rules import EscalationRule
from operator_console.storage.db.tables import escalation_rules, escalations_fired, queues
from operator_console.storage.db.tables import sla_policies as policies


class SqlRuleStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def lines(self) -> list[RuleLine]:
        e = escalation_rules.c
        fired = (
            select(func.count())
            .where(escalations_fired.c.rule_id == e.id)
            .scalar_subquery()
            .label("fired")
        )
        statement = (
            select(escalation_rules, policies.c.code.label("policy"), queues.c.code.label("queue"))
            .add_columns(fired)
            .outerjoin(policies, policies.c.id == e.sla_policy_id)
            .outerjoin(queues, queues.c.id == e.queue_id)
            .order_by(e.id)
        )
        with self._engine.connect() as connection:
            return [
                RuleLine(
                    EscalationRule(
                        id=int(row.id),
                        trigger=row.trigger,
                        action=row.action,
                        sla_policy_id=row.sla_policy_id,
                        hours=row.hours,
                        queue_id=row.queue_id,
                        active=bool(row.active),
                    ),
                    row.policy,
                    row.queue,
                    int(row.fired),
                )
                for row in connection.execute(statement)
            ]

    def policy_id(self, code: str) -> int | None:
        return self._id(select(policies.c.id).where(policies.c.code == code))

    def queue_id(self, code: str) -> int | None:
        return self._id(select(queues.c.id).where(queues.c.code == code))

    def add(self, rule: EscalationRule) -> int:
        values = {
            "trigger": rule.trigger,
            "action": rule.action,
            "sla_policy_id": rule.sla_policy_id,
            "hours": rule.hours,
            "queue_id": rule.queue_id,
            "active": rule.active,
        }
        with self._engine.begin() as connection:
            added = connection.execute(
                insert(escalation_rules).values(**values).returning(escalation_rules.c.id)
            )
            return int(added.scalar_one())

    def set_active(self, rule_id: int, active: bool) -> bool:
        with self._engine.begin() as connection:
            changed = connection.execute(
                update(escalation_rules)
                .where(escalation_rules.c.id == rule_id)
                .values(active=active)
            )
            return changed.rowcount == 1

    def update(self, rule: EscalationRule) -> bool:
        with self._engine.begin() as connection:
            changed = connection.execute(
                update(escalation_rules)
                .where(escalation_rules.c.id == rule.id)
                .values(
                    trigger=rule.trigger,
                    action=rule.action,
                    sla_policy_id=rule.sla_policy_id,
                    hours=rule.hours,
                    queue_id=rule.queue_id,
                    active=rule.active,
                )
            )
            return changed.rowcount == 1

    def choices(self) -> RuleChoices:
        with self._engine.connect() as connection:
            found = [
                tuple(
                    (str(row.code), str(row.name))
                    for row in connection.execute(
                        select(table.c.code, table.c.name).order_by(table.c.code)
                    )
                )
                for table in (policies, queues)
            ]
        return RuleChoices(policies=found[0], queues=found[1])

    def _id(self, statement: Select[tuple[Any]]) -> int | None:
        with self._engine.connect() as connection:
            found = connection.execute(statement).scalar()
        return None if found is None else int(found)
