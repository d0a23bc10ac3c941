"""The demo city's escalation rules, so that its consoles show the SLA clock's alerts."""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select

from operator_console.storage.db.tables import escalation_rules

DEMO_RULES = (
    {"trigger": "at_risk", "hours": None, "action": "notify"},
    {"trigger": "overdue", "hours": None, "action": "notify"},
    {"trigger": "overdue_by", "hours": 40.0, "action": "raise_priority"},
)
"""For every SLA policy: at risk, say so; overdue, say so; a working week overdue, raise the
priority one step."""


def seed_demo_escalation_rules(engine: Engine) -> int:
    """Add the demo's rules to a database that has none (as its owner); how many were added."""
    with engine.begin() as connection:
        if connection.execute(select(func.count()).select_from(escalation_rules)).scalar_one():
            return 0
        connection.execute(insert(escalation_rules), [dict(rule) for rule in DEMO_RULES])
    return len(DEMO_RULES)
