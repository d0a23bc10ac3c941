"""The escalation pass's store: rules and clocks read, the pass run by the database."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, select, text

from operator_console.services.escalation.cutoffs import Cutoff, PolicyClock
from operator_console.services.escalation.rules import EscalationRule
from operator_console.storage.db.tables import escalation_rules
from operator_console.storage.escalation.clocks import read_policy_clocks
from operator_console.storage.escalation.sqlite_pass import fire_on_sqlite

_PASS = text("SELECT console_run_escalations(:now, CAST(:cutoffs AS jsonb), :max_cases)")


class SqlEscalationStore:
    """On PostgreSQL the pass is console_run_escalations (migration 0015); on SQLite the same
    pass in Python, in one transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def rules(self) -> list[EscalationRule]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(escalation_rules).order_by(escalation_rules.c.id))
            return [
                EscalationRule(
                    id=int(row.id),
                    trigger=row.trigger,
                    action=row.action,
                    sla_policy_id=row.sla_policy_id,
                    hours=row.hours,
                    queue_id=row.queue_id,
                    active=bool(row.active),
                )
                for row in rows
            ]

    def policy_clocks(self) -> list[PolicyClock]:
        with self._engine.connect() as connection:
            return read_policy_clocks(connection)

    def fire(self, now: datetime, overdue_by: Sequence[Cutoff], max_cases: int) -> int:
        with self._engine.begin() as connection:
            if connection.dialect.name != "postgresql":
                return fire_on_sqlite(connection, now, overdue_by, max_cases)
            cutoffs = json.dumps(
                [
                    {"rule": c.rule_id, "policy": c.policy_id, "due_by": c.due_by.isoformat()}
                    for c in overdue_by
                ]
            )
            parameters = {"now": now, "cutoffs": cutoffs, "max_cases": max_cases}
            return int(connection.execute(_PASS, parameters).scalar_one())
