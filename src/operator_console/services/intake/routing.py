"""Where a request goes and when it is due: one routing call for intake and re-routing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from operator_console.domain.routing import RoutingDecision, RoutingLabels, RoutingRule, route
from operator_console.domain.sla import at_risk_at, due_at

if TYPE_CHECKING:  # submission.py routes through this module
    from operator_console.services.intake.submission import (
        District,
        PointDistricts,
        ServiceSetup,
    )


class RoutingReads(Protocol):
    """What routing reads: the category's setup, the districts under a pin, the rules."""

    def service_setup(self, code: str) -> ServiceSetup | None: ...

    def districts_at(self, latitude: float, longitude: float) -> PointDistricts:
        """The districts of every layer holding the point, and the one a case records."""

    def routing_rules(
        self, service_code: str, group: str
    ) -> tuple[list[RoutingRule], RoutingLabels]: ...


def route_request(
    reader: RoutingReads, setup: ServiceSetup, districts: Sequence[District]
) -> tuple[RoutingDecision, RoutingLabels]:
    """The routing rules' decision for a request of `setup`'s category lying in `districts`
    (one per layer; none: outside every district), with the names its explanation was written
    with."""
    rules, labels = reader.routing_rules(setup.code, setup.group)
    if districts:
        names = {district.ref: district.name for district in districts}
        labels = replace(labels, layer_districts={**labels.layer_districts, **names})
    decision = route(
        setup.code,
        setup.group or None,
        [district.ref for district in districts],
        rules,
        setup.default_queue,
        setup.default_priority,
        labels=labels,
    )
    return decision, labels


def sla_clock(setup: ServiceSetup, opened_at: datetime) -> tuple[datetime | None, datetime | None]:
    """When a request of `setup`'s category opened at `opened_at` is due, and when it turns
    at risk, on the category's own clock; (None, None) for a category without an SLA."""
    if setup.sla is None:
        return None, None
    due = due_at(opened_at, setup.sla, setup.calendar)
    return due, at_risk_at(opened_at, due, setup.sla, setup.calendar)
