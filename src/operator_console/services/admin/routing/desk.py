"""Routing administration bound to the admin at the console and the database (units of work)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.routing.actions import (
    RoutingBook,
    RuleChange,
    add_rule,
    change_rule,
    list_rules,
    remove_rule,
)
from operator_console.services.admin.routing.ports import (
    RoutingAdminUnitOfWork,
    RoutingRuleRow,
    RuleDraft,
    RuleFilter,
)
from operator_console.services.admin.routing.tester import (
    RoutingAnswer,
    RoutingQuestion,
    RoutingTestReads,
    where_would_this_go,
)


class RoutingDesk:
    """Runs routing administration as `actor`, each step in a fresh unit of work (call off the
    Qt thread). A refused step raises `RoutingRuleError` or `NotPermittedError` and changes
    nothing."""

    def __init__(
        self,
        new_uow: Callable[[], RoutingAdminUnitOfWork],
        new_test_reads: Callable[[], RoutingTestReads],
        actor: StaffIdentity,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._new_uow = new_uow
        self._new_test_reads = new_test_reads
        self._actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))

    def book(self, wanted: RuleFilter | None = None) -> RoutingBook:
        return list_rules(self._new_uow(), wanted, self._actor)

    def add(self, draft: RuleDraft) -> RuleChange:
        return add_rule(self._new_uow(), draft, self._actor, self._clock())

    def change(self, before: RoutingRuleRow, draft: RuleDraft) -> RuleChange:
        return change_rule(self._new_uow(), before, draft, self._actor, self._clock())

    def remove(self, before: RoutingRuleRow) -> RuleChange:
        return remove_rule(self._new_uow(), before, self._actor, self._clock())

    def where_would_this_go(self, question: RoutingQuestion) -> RoutingAnswer:
        return where_would_this_go(self._new_test_reads(), question, self._actor)
