"""What routing administration reads and writes, and the unit of work port storage implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.unit_of_work import UnitOfWork

RoutingEventKind = Literal["routing_rule_added", "routing_rule_changed", "routing_rule_removed"]
ROUTING_EVENT_KINDS: tuple[RoutingEventKind, ...] = (
    "routing_rule_added",
    "routing_rule_changed",
    "routing_rule_removed",
)


@dataclass(frozen=True)
class DistrictKey:
    """A district as rules name it: its layer ("ward") and its code in that layer ("3")."""

    layer: str
    code: str


@dataclass(frozen=True)
class RuleTarget:
    """What a rule says, in codes: the requests it takes and where it sends them.

    Attributes:
        service_code: one service; None with no group means any service.
        service_group: a group of services (the catalog's group name); only without a service.
        district: one district; None means any district.
        queue_code: the queue the requests go to.
        priority: "low", "normal", "high", "urgent", or None to keep the service's own.
        rank: orders rules of the same reach, lowest first.
        note: why the rule exists, for the next administrator.
    """

    service_code: str | None
    service_group: str | None
    district: DistrictKey | None
    queue_code: str
    priority: str | None
    rank: int
    note: str = ""


@dataclass(frozen=True)
class RoutingRuleRow:
    """A stored rule as the screen shows it: its id, what it says, and the names of its codes."""

    id: int
    target: RuleTarget
    service_name: str = ""
    district_name: str = ""
    queue_name: str = ""

    def as_data(self) -> dict[str, Any]:
        """The rule as JSON for the audit trail."""
        target = self.target
        return {
            "id": self.id,
            "service": target.service_code,
            "group": target.service_group,
            "district_layer": target.district.layer if target.district else None,
            "district": target.district.code if target.district else None,
            "queue": target.queue_code,
            "priority": target.priority,
            "rank": target.rank,
            "note": target.note,
        }


@dataclass(frozen=True)
class RuleDraft:
    """A rule as the administrator typed it; the rank is text until checked.

    Exactly what the dialog holds: a service code or a group name (or neither: any service),
    a district's layer and code (both empty: any district), a queue, a priority ("" keeps the
    service's own), a rank and a note.
    """

    service_code: str = ""
    service_group: str = ""
    district_layer: str = ""
    district_code: str = ""
    queue_code: str = ""
    priority: str = ""
    rank: str = "100"
    note: str = ""


@dataclass(frozen=True)
class RuleFilter:
    """Which rules to list: those naming this service (or its group), queue or district."""

    service_code: str = ""
    queue_code: str = ""
    district: DistrictKey | None = None


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name: str
    group: str


@dataclass(frozen=True)
class DistrictChoice:
    layer: str
    code: str
    name: str

    @property
    def key(self) -> DistrictKey:
        return DistrictKey(self.layer, self.code)


@dataclass(frozen=True)
class QueueChoice:
    code: str
    name: str


@dataclass(frozen=True)
class RoutingChoices:
    """What a rule may name: the services, their groups, the districts by layer, the queues."""

    services: tuple[ServiceChoice, ...] = ()
    districts: tuple[DistrictChoice, ...] = ()
    queues: tuple[QueueChoice, ...] = ()

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(sorted({service.group for service in self.services if service.group}))

    def service_name(self, code: str) -> str:
        return next((s.name for s in self.services if s.code == code), code)

    def queue_name(self, code: str) -> str:
        return next((q.name for q in self.queues if q.code == code), code)

    def district_name(self, key: DistrictKey) -> str:
        return next((d.name for d in self.districts if d.key == key), f"{key.layer} {key.code}")


class RoutingAdminUnitOfWork(UnitOfWork, Protocol):
    """One transaction's reads and writes for routing administration; rolls back unless
    committed."""

    def rules(self, wanted: RuleFilter | None = None) -> list[RoutingRuleRow]:
        """The rules (all of them, or those `wanted` names), by service, district and rank."""

    def rule(self, rule_id: int) -> RoutingRuleRow | None: ...

    def choices(self) -> RoutingChoices:
        """The active services, every district and the active queues, by name."""

    def add_rule(self, target: RuleTarget, event: ConfigEvent) -> int:
        """Store the rule with its audit line; its new id."""

    def change_rule(self, before: RoutingRuleRow, after: RuleTarget, event: ConfigEvent) -> bool:
        """Make the rule say `after` if it still says what `before` read; False (nothing
        written) when someone changed or removed it meanwhile."""

    def remove_rule(self, before: RoutingRuleRow, event: ConfigEvent) -> bool:
        """Remove the rule if it still says what `before` read; False as for `change_rule`."""
