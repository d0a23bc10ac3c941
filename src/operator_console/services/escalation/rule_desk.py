"""The escalation rules an admin reads and changes from the console, each change said in words."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.escalation.rule_admin import (
    NewRule,
    RuleChoices,
    RuleLine,
    RuleStore,
    add_rule,
    change_rule,
    set_rule_active,
)


@dataclass(frozen=True)
class RuleSetup:
    """The rules and what a rule may name."""

    lines: tuple[RuleLine, ...]
    choices: RuleChoices


def rule_words(command: NewRule) -> str:
    """'overdue by 8 business hours: move to ESCALATIONS (policy 2D)'."""
    when = {"at_risk": "at risk", "overdue": "overdue"}.get(command.trigger)
    if when is None:
        when = f"overdue by {command.hours or 0:g} business hours"
    then = {"notify": "notify", "raise_priority": "raise the priority"}.get(command.action)
    if then is None:
        then = f"move to {command.queue_code}"
    scope = f"policy {command.policy_code}" if command.policy_code else "every policy"
    return f"{when}: {then} ({scope})"


class RuleDesk:
    """Admins' work on the escalation rules over one store; every other role is refused."""

    def __init__(self, store: RuleStore, staff: StaffIdentity) -> None:
        self._store = store
        self._staff = staff

    def setup(self) -> RuleSetup:
        return RuleSetup(tuple(self._store.lines()), self._store.choices())

    def add(self, command: NewRule) -> str:
        rule_id = add_rule(self._store, command, self._staff)
        return f"Escalation rule {rule_id} added: {rule_words(command)}."

    def change(self, rule_id: int, command: NewRule, active: bool) -> str:
        change_rule(self._store, rule_id, command, self._staff, active)
        return f"Escalation rule {rule_id} changed: {rule_words(command)}."

    def set_active(self, rule_id: int, active: bool) -> str:
        set_rule_active(self._store, rule_id, active, self._staff)
        if active:
            return f"Escalation rule {rule_id} is active again."
        return f"Escalation rule {rule_id} is inactive: it fires no more (what it fired stays)."
