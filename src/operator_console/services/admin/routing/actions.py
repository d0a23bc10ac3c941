"""Routing administration as an admin: list, add, change and remove routing rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.routing.errors import RuleChangedMeanwhileError
from operator_console.services.admin.routing.ports import (
    RoutingAdminUnitOfWork,
    RoutingChoices,
    RoutingEventKind,
    RoutingRuleRow,
    RuleDraft,
    RuleFilter,
    RuleTarget,
)
from operator_console.services.admin.routing.rules import (
    check_not_duplicate,
    checked_target,
    rule_sentence,
    rule_subject,
    what_changed,
)


@dataclass(frozen=True)
class RoutingBook:
    """The rules asked for, and what a rule may name."""

    rules: tuple[RoutingRuleRow, ...]
    choices: RoutingChoices


@dataclass(frozen=True)
class RuleChange:
    """What a step did: the rule before (None when added) and after (None when removed), and
    the sentence the audit trail keeps."""

    kind: RoutingEventKind
    rule_id: int
    before: RoutingRuleRow | None
    after: RoutingRuleRow | None
    sentence: Words

    def summary(self) -> Words:
        """What was done, in one sentence for the administrator."""
        if self.kind == "routing_rule_added":
            said = QT_TRANSLATE_NOOP("RoutingRuleWords", "Added rule %1. %2.")
        elif self.kind == "routing_rule_removed":
            said = QT_TRANSLATE_NOOP("RoutingRuleWords", "Removed rule %1. It said: %2.")
        else:
            said = QT_TRANSLATE_NOOP("RoutingRuleWords", "Changed rule %1. %2.")
        return said.with_values(self.rule_id, self.sentence)


def list_rules(
    uow: RoutingAdminUnitOfWork, wanted: RuleFilter | None, actor: StaffIdentity
) -> RoutingBook:
    require(actor, Action.CONFIGURE)
    with uow:
        return RoutingBook(tuple(uow.rules(wanted)), uow.choices())


def add_rule(
    uow: RoutingAdminUnitOfWork, draft: RuleDraft, actor: StaffIdentity, now: datetime
) -> RuleChange:
    """Store a new rule, with its line in the audit trail."""
    require(actor, Action.CONFIGURE)
    with uow:
        choices = uow.choices()
        target = checked_target(draft, choices)
        check_not_duplicate(target, uow.rules(), choices)
        sentence = rule_sentence(target, choices)
        data = {"after": _target_data(target)}
        event = _event(actor, now, "routing_rule_added", target, sentence, data)
        rule_id = uow.add_rule(target, event)
        uow.commit()
    after = _row(rule_id, target, choices)
    return RuleChange("routing_rule_added", rule_id, None, after, sentence)


def change_rule(
    uow: RoutingAdminUnitOfWork,
    before: RoutingRuleRow,
    draft: RuleDraft,
    actor: StaffIdentity,
    now: datetime,
) -> RuleChange:
    """Make the rule `before` (as the administrator read it) say what `draft` says; refused
    with what changed when someone else changed or removed it meanwhile."""
    require(actor, Action.CONFIGURE)
    with uow:
        choices = uow.choices()
        target = checked_target(draft, choices)
        if target == before.target:
            return RuleChange(
                "routing_rule_changed",
                before.id,
                before,
                before,
                QT_TRANSLATE_NOOP("RoutingRuleWords", "Nothing to change"),
            )
        check_not_duplicate(target, uow.rules(), choices, own_id=before.id)
        sentence = rule_sentence(target, choices)
        data = {"before": before.as_data(), "after": {"id": before.id, **_target_data(target)}}
        event = _event(actor, now, "routing_rule_changed", target, sentence, data)
        if not uow.change_rule(before, target, event):
            _refuse_stale(uow, before, choices)
        uow.commit()
    after = _row(before.id, target, choices)
    return RuleChange("routing_rule_changed", before.id, before, after, sentence)


def remove_rule(
    uow: RoutingAdminUnitOfWork, before: RoutingRuleRow, actor: StaffIdentity, now: datetime
) -> RuleChange:
    """Remove the rule `before` (as the administrator read it), unless someone else changed
    or removed it meanwhile."""
    require(actor, Action.CONFIGURE)
    with uow:
        choices = uow.choices()
        sentence = rule_sentence(before.target, choices)
        data = {"before": before.as_data()}
        event = _event(actor, now, "routing_rule_removed", before.target, sentence, data)
        if not uow.remove_rule(before, event):
            _refuse_stale(uow, before, choices)
        uow.commit()
    return RuleChange("routing_rule_removed", before.id, before, None, sentence)


def _refuse_stale(
    uow: RoutingAdminUnitOfWork, before: RoutingRuleRow, choices: RoutingChoices
) -> None:
    now = uow.rule(before.id)
    changed = what_changed(before.target, now.target if now else None, choices)
    raise RuleChangedMeanwhileError(
        QT_TRANSLATE_NOOP(
            "RoutingRuleProblems", "Rule %1 was not saved: %2. The table shows it as it is now."
        ).with_values(before.id, changed)
    )


def _row(rule_id: int, target: RuleTarget, choices: RoutingChoices) -> RoutingRuleRow:
    service = choices.service_name(target.service_code) if target.service_code else ""
    district = choices.district_name(target.district) if target.district else ""
    return RoutingRuleRow(rule_id, target, service, district, choices.queue_name(target.queue_code))


def _target_data(target: RuleTarget) -> dict[str, Any]:
    data = _row(0, target, RoutingChoices()).as_data()
    data.pop("id")
    return data


def _event(
    actor: StaffIdentity,
    now: datetime,
    kind: RoutingEventKind,
    target: RuleTarget,
    sentence: Words,
    data: dict[str, Any],
) -> ConfigEvent:
    return ConfigEvent(now, actor.login, kind, rule_subject(target), str(sentence), data)
