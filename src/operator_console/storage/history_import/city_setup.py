"""What an import reads once: the city's prefix, services, queues, districts and routing rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from operator_console.domain.geo import DistrictOutlines
from operator_console.domain.lifecycle import Priority
from operator_console.domain.routing import RoutingLabels, RoutingRule, route
from operator_console.services.history_import.rows import CityCatalog
from operator_console.storage.db.at_risk_sql import DEFAULT_SHARE
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.tables import (
    city,
    districts,
    queues,
    routing_rules,
    services,
    sla_policies,
)


@dataclass(frozen=True)
class ServiceRow:
    id: int
    group: str
    priority: str
    default_queue: str
    at_risk_share: float


@dataclass(frozen=True)
class Routed:
    """Where routing sends a request of one service in one district, and why."""

    queue_id: int | None
    priority: str
    why: str


@dataclass
class CitySetup:
    """The catalog the rows are checked against and the ids they are written with."""

    reference_prefix: str
    phone_region: str
    services: dict[str, ServiceRow]
    queue_ids: dict[str, int]
    queue_names: dict[str, str]
    district_ids: list[int]
    district_codes: list[str]
    outlines: DistrictOutlines
    rules: list[RoutingRule]
    labels: RoutingLabels
    _routes: dict[tuple[str, int | None], Routed] = field(default_factory=dict)

    def catalog(self) -> CityCatalog:
        return CityCatalog(
            self.reference_prefix, frozenset(self.services), frozenset(self.queue_ids)
        )

    def district_positions(
        self, lats: Sequence[float | None], lons: Sequence[float | None]
    ) -> list[int | None]:
        """Which district (its position in `district_ids`) holds each point; None without a
        point or outside every district."""
        found: list[int | None] = [None] * len(lats)
        placed = [i for i, lat in enumerate(lats) if lat is not None]
        if not placed or not len(self.outlines):
            return found
        positions = self.outlines.districts_at(
            [lats[i] or 0.0 for i in placed], [lons[i] or 0.0 for i in placed]
        )
        for i, position in zip(placed, positions, strict=True):
            found[i] = position
        return found

    def route(self, service_code: str, district_position: int | None) -> Routed:
        """The routing rules' decision, computed once per service and district."""
        key = (service_code, district_position)
        routed = self._routes.get(key)
        if routed is None:
            service = self.services[service_code]
            district = None if district_position is None else self.district_codes[district_position]
            decision = route(
                service_code,
                service.group or None,
                district,
                self.rules,
                service.default_queue,
                Priority(service.priority),
                labels=self.labels,
            )
            routed = Routed(
                self.queue_ids.get(decision.queue_code),
                decision.priority.value,
                decision.explanation,
            )
            self._routes[key] = routed
        return routed


def read_city_setup(connection: Connection) -> CitySetup:
    """Everything an import needs to know about the city, read in one go."""
    settings = city_settings(connection, city.c.reference_prefix, city.c.phone_region)
    queue_rows = connection.execute(select(queues.c.id, queues.c.code, queues.c.name)).all()
    queue_codes = {row.id: row.code for row in queue_rows}
    service_rows = connection.execute(
        select(
            services.c.id,
            services.c.code,
            services.c.name,
            services.c.group_name,
            services.c.default_priority,
            services.c.default_queue_id,
            sla_policies.c.at_risk_fraction,
        ).outerjoin(sla_policies, sla_policies.c.id == services.c.sla_policy_id)
    ).all()
    district_rows = connection.execute(
        select(districts.c.id, districts.c.code, districts.c.name, districts.c.geometry).order_by(
            districts.c.layer, districts.c.id
        )
    ).all()
    return CitySetup(
        reference_prefix=settings.reference_prefix,
        phone_region=settings.phone_region,
        services={
            row.code: ServiceRow(
                row.id,
                row.group_name,
                row.default_priority,
                queue_codes.get(row.default_queue_id, ""),
                row.at_risk_fraction if row.at_risk_fraction is not None else DEFAULT_SHARE,
            )
            for row in service_rows
        },
        queue_ids={row.code: row.id for row in queue_rows},
        queue_names={row.code: row.name for row in queue_rows},
        district_ids=[row.id for row in district_rows],
        district_codes=[row.code for row in district_rows],
        outlines=DistrictOutlines(row.geometry for row in district_rows),
        rules=_routing_rules(connection),
        labels=RoutingLabels(
            queues={row.code: row.name for row in queue_rows},
            services={row.code: row.name for row in service_rows},
            districts={row.code: row.name for row in district_rows},
        ),
    )


def _routing_rules(connection: Connection) -> list[RoutingRule]:
    rr = routing_rules
    rows = connection.execute(
        select(
            rr.c.id,
            rr.c.service_group,
            rr.c.priority,
            rr.c.rank,
            services.c.code.label("service_code"),
            districts.c.code.label("district_code"),
            queues.c.code.label("queue_code"),
        )
        .join(queues, queues.c.id == rr.c.queue_id)
        .outerjoin(services, services.c.id == rr.c.service_id)
        .outerjoin(districts, districts.c.id == rr.c.district_id)
        .order_by(rr.c.id)
    ).all()
    return [
        RoutingRule(
            row.queue_code,
            row.service_code,
            row.service_group,
            row.district_code,
            Priority(row.priority) if row.priority else None,
            row.rank,
            row.id,
        )
        for row in rows
    ]
