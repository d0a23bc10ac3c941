"""Admins configure the escalation rules: list them, add one, make one inactive or active again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from operator_console.domain.permissions import Action, NotPermittedError, StaffIdentity, permits
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.escalation.rules import (
    EscalationAction,
    EscalationRule,
    Trigger,
)


@dataclass(frozen=True)
class RuleLine:
    """A rule as an admin reads it: codes, not ids."""

    rule: EscalationRule
    policy_code: str | None
    queue_code: str | None
    fired: int


@dataclass(frozen=True)
class NewRule:
    """What an admin asks for; codes as the city bundle names them."""

    trigger: Trigger
    action: EscalationAction
    policy_code: str | None = None
    hours: float | None = None
    queue_code: str | None = None


@dataclass(frozen=True)
class RuleChoices:
    """What a rule may name: SLA policies and queues, as (code, name) pairs."""

    policies: tuple[tuple[str, str], ...]
    queues: tuple[tuple[str, str], ...]


class RuleProblemError(ValueError):
    """A rule that cannot be saved, and why; nothing was changed. `field` names what was
    wrong ('policy', 'hours', 'queue'), or is empty."""

    def __init__(self, message: Words, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class RuleStore(Protocol):
    def lines(self) -> list[RuleLine]: ...

    def policy_id(self, code: str) -> int | None: ...

    def queue_id(self, code: str) -> int | None: ...

    def add(self, rule: EscalationRule) -> int:
        """Store `rule` (its id is ignored); returns the new id."""
        ...

    def set_active(self, rule_id: int, active: bool) -> bool:
        """False when there is no rule `rule_id`."""
        ...

    def update(self, rule: EscalationRule) -> bool:
        """Store what `rule` says under its id (its `active` too); False when there is none."""
        ...

    def choices(self) -> RuleChoices: ...


def add_rule(store: RuleStore, command: NewRule, actor: StaffIdentity) -> int:
    """Check and store a rule; returns its id."""
    _check(actor)
    return store.add(_rule(store, 0, command))


def change_rule(
    store: RuleStore, rule_id: int, command: NewRule, actor: StaffIdentity, active: bool = True
) -> None:
    """Check and store what rule `rule_id` now says; what it fired before stays fired."""
    _check(actor)
    if not store.update(_rule(store, rule_id, command, active)):
        raise RuleProblemError(_no_rule(rule_id))


def _rule(store: RuleStore, rule_id: int, command: NewRule, active: bool = True) -> EscalationRule:
    if command.trigger == "overdue_by" and (command.hours is None or command.hours <= 0):
        raise RuleProblemError(
            QT_TRANSLATE_NOOP(
                "EscalationRuleProblems",
                "an 'overdue_by' rule needs a positive number of business hours",
            ),
            "hours",
        )
    if command.action == "move_queue" and command.queue_code is None:
        raise RuleProblemError(
            QT_TRANSLATE_NOOP(
                "EscalationRuleProblems", "a 'move_queue' rule needs the queue to move the case to"
            ),
            "queue",
        )
    policy_id = None
    if command.policy_code is not None:
        policy_id = store.policy_id(command.policy_code)
        if policy_id is None:
            raise RuleProblemError(
                QT_TRANSLATE_NOOP(
                    "EscalationRuleProblems", "no SLA policy has the code %1"
                ).with_values(repr(command.policy_code)),
                "policy",
            )
    queue_id = None
    if command.queue_code is not None:
        queue_id = store.queue_id(command.queue_code)
        if queue_id is None:
            raise RuleProblemError(
                QT_TRANSLATE_NOOP("EscalationRuleProblems", "no queue has the code %1").with_values(
                    repr(command.queue_code)
                ),
                "queue",
            )
    try:
        return EscalationRule(
            id=rule_id,
            trigger=command.trigger,
            action=command.action,
            sla_policy_id=policy_id,
            hours=command.hours,
            queue_id=queue_id,
            active=active,
        )
    except ValueError as error:
        raise RuleProblemError(
            QT_TRANSLATE_NOOP("EscalationRuleProblems", "the rule cannot be saved: %1").with_values(
                str(error)
            )
        ) from error


def set_rule_active(store: RuleStore, rule_id: int, active: bool, actor: StaffIdentity) -> None:
    _check(actor)
    if not store.set_active(rule_id, active):
        raise RuleProblemError(_no_rule(rule_id))


def _no_rule(rule_id: int) -> Words:
    return QT_TRANSLATE_NOOP(
        "EscalationRuleProblems", "there is no escalation rule %1"
    ).with_values(rule_id)


def _check(actor: StaffIdentity) -> None:
    if not permits(actor.role, Action.CONFIGURE):
        raise NotPermittedError(actor, Action.CONFIGURE)
