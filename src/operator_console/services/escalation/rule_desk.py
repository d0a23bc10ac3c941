"""The escalation rules an admin reads and changes from the console, each change said in words."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
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


_WHEN = {
    "at_risk": QT_TRANSLATE_NOOP("EscalationRuleWords", "at risk"),
    "overdue": QT_TRANSLATE_NOOP("EscalationRuleWords", "overdue"),
}
_THEN = {
    "notify": QT_TRANSLATE_NOOP("EscalationRuleWords", "notify"),
    "raise_priority": QT_TRANSLATE_NOOP("EscalationRuleWords", "raise the priority"),
}


def rule_words(command: NewRule) -> Words:
    """'overdue by 8 business hours: move to ESCALATIONS (policy 2D)'."""
    when = _WHEN.get(command.trigger) or QT_TRANSLATE_NOOP(
        "EscalationRuleWords", "overdue by %1 business hours"
    ).with_values(f"{command.hours or 0:g}")
    then = _THEN.get(command.action) or QT_TRANSLATE_NOOP(
        "EscalationRuleWords", "move to %1"
    ).with_values(command.queue_code)
    scope = (
        QT_TRANSLATE_NOOP("EscalationRuleWords", "policy %1").with_values(command.policy_code)
        if command.policy_code
        else QT_TRANSLATE_NOOP("EscalationRuleWords", "every policy")
    )
    return Words("", "%1: %2 (%3)", (when, then, scope))


class RuleDesk:
    """Admins' work on the escalation rules over one store; every other role is refused."""

    def __init__(self, store: RuleStore, staff: StaffIdentity) -> None:
        self._store = store
        self._staff = staff

    def setup(self) -> RuleSetup:
        return RuleSetup(tuple(self._store.lines()), self._store.choices())

    def add(self, command: NewRule) -> Words:
        rule_id = add_rule(self._store, command, self._staff)
        return QT_TRANSLATE_NOOP(
            "EscalationRuleWords", "Escalation rule %1 added: %2."
        ).with_values(rule_id, rule_words(command))

    def change(self, rule_id: int, command: NewRule, active: bool) -> Words:
        change_rule(self._store, rule_id, command, self._staff, active)
        return QT_TRANSLATE_NOOP(
            "EscalationRuleWords", "Escalation rule %1 changed: %2."
        ).with_values(rule_id, rule_words(command))

    def set_active(self, rule_id: int, active: bool) -> Words:
        set_rule_active(self._store, rule_id, active, self._staff)
        if active:
            return QT_TRANSLATE_NOOP(
                "EscalationRuleWords", "Escalation rule %1 is active again."
            ).with_values(rule_id)
        return QT_TRANSLATE_NOOP(
            "EscalationRuleWords",
            "Escalation rule %1 is inactive: it fires no more (what it fired stays).",
        ).with_values(rule_id)
