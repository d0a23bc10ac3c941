"""Routing administration's use cases on an in-memory unit of work: who may, what is written
with its audit line, and what a stale edit is told."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.admin.routing.actions import (
    add_rule,
    change_rule,
    list_rules,
    remove_rule,
)
from operator_console.services.admin.routing.errors import (
    RoutingRuleError,
    RuleChangedMeanwhileError,
)
from operator_console.services.admin.routing.ports import RuleDraft
from tests.support.routing_fakes import FakeRoutingUnitOfWork

ADMIN = StaffIdentity("admin1", "Sam Okafor", "admin")
SUPERVISOR = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
WARD_3 = RuleDraft("pothole", "", "ward", "3", "PWD3", "urgent", "10", "Ward 3 crew")


def test_a_supervisor_is_refused_before_anything_is_read() -> None:
    uow = FakeRoutingUnitOfWork()
    with pytest.raises(NotPermittedError):
        add_rule(uow, WARD_3, SUPERVISOR, NOW)
    with pytest.raises(NotPermittedError):
        list_rules(uow, None, SUPERVISOR)
    assert uow.entered == 0 and uow.events == []


def test_an_added_rule_and_its_audit_line_are_committed_together() -> None:
    uow = FakeRoutingUnitOfWork()
    change = add_rule(uow, WARD_3, ADMIN, NOW)
    assert uow.saved[change.rule_id].queue_code == "PWD3"
    (event,) = uow.events
    assert (event.kind, event.actor, event.subject) == (
        "routing_rule_added",
        "admin1",
        "pothole · ward 3",
    )
    assert event.detail == (
        "Routing: Pothole in Ward 3 goes to PWD District 3 (rank 10, priority urgent)"
    )
    assert event.data["after"]["queue"] == "PWD3" and "id" not in event.data["after"]


def test_a_refused_rule_writes_nothing() -> None:
    uow = FakeRoutingUnitOfWork()
    with pytest.raises(RoutingRuleError) as refused:
        add_rule(uow, RuleDraft("pothole", "Streets", queue_code="PWD"), ADMIN, NOW)
    assert refused.value.field == "service"
    assert len(uow.saved) == 1 and uow.events == []


def test_saving_a_rule_unchanged_writes_nothing() -> None:
    uow = FakeRoutingUnitOfWork()
    rule = list_rules(uow, None, ADMIN).rules[0]
    same = RuleDraft("pothole", "", "", "", "PWD", "", "100", "Default")
    change = change_rule(uow, rule, same, ADMIN, NOW)
    assert str(change.summary()) == "Changed rule 1. Nothing to change."
    assert uow.events == []


def test_a_stale_change_or_removal_says_what_the_other_admin_did() -> None:
    uow = FakeRoutingUnitOfWork()
    rule = list_rules(uow, None, ADMIN).rules[0]
    uow.change_elsewhere(1, rank=50, queue_code="PWD3")
    draft = RuleDraft("pothole", "", "", "", "PWD", "high", "100", "Default")
    with pytest.raises(RuleChangedMeanwhileError) as refused:
        change_rule(uow, rule, draft, ADMIN, NOW)
    assert str(refused.value) == (
        "Rule 1 was not saved: someone changed it meanwhile: its queue is now PWD District 3; "
        "its rank is now 50. The table shows it as it is now."
    )
    with pytest.raises(RuleChangedMeanwhileError):
        remove_rule(uow, rule, ADMIN, NOW)
    assert uow.events == []
