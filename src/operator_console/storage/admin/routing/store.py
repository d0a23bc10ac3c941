"""The routing administration unit of work, and the tester's reads: one connection each."""

from __future__ import annotations

from typing import Self

from sqlalchemy import text

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.routing.ports import (
    RoutingChoices,
    RoutingRuleRow,
    RuleFilter,
    RuleTarget,
)
from operator_console.storage.admin.routing.reads import read_choices, read_rule, read_rules
from operator_console.storage.admin.routing.writes import delete_rule, insert_rule, update_rule
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaking_service_errors, speaks_service_errors
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork

ROUTING_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('operator_console.routing'))")
"""Held until the transaction ends: routing changes run one at a time, so two admins adding the
same rule at once cannot both pass the duplicate check."""


@speaks_service_errors
class SqlRoutingAdminUnitOfWork(SqlConnectionScope):
    """`RoutingAdminUnitOfWork` over one connection; rolls back unless `commit()` was called."""

    def __enter__(self) -> Self:
        """Begin; on PostgreSQL, wait until no other routing change is running (SQLite writes
        one at a time)."""
        super().__enter__()
        if self.connection.dialect.name == "postgresql":
            try:
                with speaking_service_errors():
                    self.connection.execute(ROUTING_LOCK)
            except BaseException:
                self.__exit__(None, None, None)
                raise
        return self

    def rules(self, wanted: RuleFilter | None = None) -> list[RoutingRuleRow]:
        return read_rules(self.connection, wanted)

    def rule(self, rule_id: int) -> RoutingRuleRow | None:
        return read_rule(self.connection, rule_id)

    def choices(self) -> RoutingChoices:
        return read_choices(self.connection)

    def add_rule(self, target: RuleTarget, event: ConfigEvent) -> int:
        return insert_rule(self.connection, target, event)

    def change_rule(self, before: RoutingRuleRow, after: RuleTarget, event: ConfigEvent) -> bool:
        return update_rule(self.connection, before, after, event)

    def remove_rule(self, before: RoutingRuleRow, event: ConfigEvent) -> bool:
        return delete_rule(self.connection, before, event)


@speaks_service_errors
class SqlRoutingTestReads(SqlIntakeUnitOfWork):
    """`RoutingTestReads`: intake's own routing reads (the same SQL a submission runs); never
    commits."""
