"""Admins' escalation rules from the console: refusals name their field, a change keeps the
rule's id, and anyone but an admin is refused."""

from __future__ import annotations

import pytest

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.escalation.rule_admin import (
    NewRule,
    RuleChoices,
    RuleLine,
    RuleProblemError,
)
from operator_console.services.escalation.rule_desk import RuleDesk
from operator_console.services.escalation.rules import EscalationRule

ADMIN = StaffIdentity("ada", "Ada", "admin")


class _Rules:
    def __init__(self) -> None:
        self.stored: dict[int, EscalationRule] = {}

    def lines(self) -> list[RuleLine]:
        return [RuleLine(rule, None, None, 0) for rule in self.stored.values()]

    def policy_id(self, code: str) -> int | None:
        return {"2D": 2}.get(code)

    def queue_id(self, code: str) -> int | None:
        return {"ESC": 9}.get(code)

    def add(self, rule: EscalationRule) -> int:
        rule_id = len(self.stored) + 1
        self.stored[rule_id] = rule
        return rule_id

    def set_active(self, rule_id: int, active: bool) -> bool:
        return rule_id in self.stored

    def update(self, rule: EscalationRule) -> bool:
        if rule.id not in self.stored:
            return False
        self.stored[rule.id] = rule
        return True

    def choices(self) -> RuleChoices:
        return RuleChoices((("2D", "2 days"),), (("ESC", "Escalations"),))


@pytest.mark.parametrize(
    ("command", "field", "words"),
    [
        (NewRule("overdue_by", "notify"), "hours", "positive number of business hours"),
        (NewRule("overdue_by", "notify", hours=-1), "hours", "positive number of business hours"),
        (NewRule("overdue", "move_queue"), "queue", "needs the queue"),
        (NewRule("overdue", "move_queue", queue_code="NOPE"), "queue", "'NOPE'"),
        (NewRule("overdue", "notify", policy_code="9Z"), "policy", "'9Z'"),
    ],
)
def test_a_rule_that_cannot_work_is_refused_at_its_field(
    command: NewRule, field: str, words: str
) -> None:
    with pytest.raises(RuleProblemError) as refused:
        RuleDesk(_Rules(), ADMIN).add(command)
    assert refused.value.field == field and words in str(refused.value)


def test_a_change_keeps_the_id_and_says_what_the_rule_now_does() -> None:
    store = _Rules()
    desk = RuleDesk(store, ADMIN)
    assert str(desk.add(NewRule("at_risk", "notify"))) == (
        "Escalation rule 1 added: at risk: notify (every policy)."
    )
    said = desk.change(1, NewRule("overdue_by", "move_queue", "2D", 8, "ESC"), active=False)
    assert (
        str(said)
        == "Escalation rule 1 changed: overdue by 8 business hours: move to ESC (policy 2D)."
    )
    assert store.stored[1] == EscalationRule(1, "overdue_by", "move_queue", 2, 8, 9, False)
    with pytest.raises(RuleProblemError, match="there is no escalation rule 5"):
        desk.change(5, NewRule("at_risk", "notify"), active=True)


def test_only_an_admin_changes_the_rules() -> None:
    desk = RuleDesk(_Rules(), StaffIdentity("sam", "Sam", "supervisor"))
    with pytest.raises(NotPermittedError):
        desk.add(NewRule("at_risk", "notify"))
