"""An in-memory `RoutingAdminUnitOfWork` for the routing administration use cases."""

from __future__ import annotations

from dataclasses import replace
from types import TracebackType
from typing import Self

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.admin.routing.ports import (
    DistrictChoice,
    QueueChoice,
    RoutingChoices,
    RoutingRuleRow,
    RuleFilter,
    RuleTarget,
    ServiceChoice,
)

CHOICES = RoutingChoices(
    services=(
        ServiceChoice("pothole", "Pothole", "Streets"),
        ServiceChoice("streetlight", "Street Light Out", "Lights"),
    ),
    districts=(DistrictChoice("ward", "3", "Ward 3"), DistrictChoice("ward", "4", "Ward 4")),
    queues=(QueueChoice("PWD3", "PWD District 3"), QueueChoice("PWD", "Public Works")),
)


class FakeRoutingUnitOfWork:
    """Rules and audit lines in memory; writes are kept only when committed. `entered` counts
    the transactions begun, so a test can see a refusal came before any read."""

    def __init__(self) -> None:
        self.saved: dict[int, RuleTarget] = {
            1: RuleTarget("pothole", None, None, "PWD", None, 100, "Default"),
        }
        self.events: list[ConfigEvent] = []
        self.entered = 0
        self._pending: dict[int, RuleTarget] = {}
        self._pending_events: list[ConfigEvent] = []

    def __enter__(self) -> Self:
        self.entered += 1
        self._pending = dict(self.saved)
        self._pending_events = []
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._pending = {}
        self._pending_events = []

    def commit(self) -> None:
        self.saved = dict(self._pending)
        self.events += self._pending_events

    def rules(self, wanted: RuleFilter | None = None) -> list[RoutingRuleRow]:
        rows = [RoutingRuleRow(rule_id, target) for rule_id, target in self._pending.items()]
        if wanted is not None and wanted.queue_code:
            rows = [row for row in rows if row.target.queue_code == wanted.queue_code]
        return rows

    def rule(self, rule_id: int) -> RoutingRuleRow | None:
        target = self._pending.get(rule_id)
        return RoutingRuleRow(rule_id, target) if target is not None else None

    def choices(self) -> RoutingChoices:
        return CHOICES

    def add_rule(self, target: RuleTarget, event: ConfigEvent) -> int:
        rule_id = max(self._pending, default=0) + 1
        self._pending[rule_id] = target
        self._pending_events.append(event)
        return rule_id

    def change_rule(self, before: RoutingRuleRow, after: RuleTarget, event: ConfigEvent) -> bool:
        if self._pending.get(before.id) != before.target:
            return False
        self._pending[before.id] = after
        self._pending_events.append(event)
        return True

    def remove_rule(self, before: RoutingRuleRow, event: ConfigEvent) -> bool:
        if self._pending.get(before.id) != before.target:
            return False
        del self._pending[before.id]
        self._pending_events.append(event)
        return True

    def change_elsewhere(self, rule_id: int, **changes: object) -> None:
        """Another admin's committed change to a rule."""
        self.saved[rule_id] = replace(self.saved[rule_id], **changes)  # type: ignore[arg-type]
