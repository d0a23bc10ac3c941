"""What an import reads once: the city's prefix, services, queues, districts and routing rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from sqlalchemy import Connection, select

from operator_console.domain.geo import DistrictOutlines
from operator_console.domain.lifecycle import Priority
from operator_console.domain.routing import DistrictRef, RoutingLabels, RoutingRule, route
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


@dataclass(frozen=True)
class LayerOutlines:
    """One district layer: its name, and its districts' ids, codes and outlines, in order."""

    layer: str
    ids: list[int]
    codes: list[str]
    outlines: DistrictOutlines


@dataclass
class CitySetup:
    """The catalog the rows are checked against and the ids they are written with.

    `layers` are the city's district layers by name; `routing_layer` is the position of the one
    whose district a case records (None: a city without districts).
    """

    reference_prefix: str
    phone_region: str
    services: dict[str, ServiceRow]
    queue_ids: dict[str, int]
    queue_names: dict[str, str]
    layers: list[LayerOutlines]
    routing_layer: int | None
    rules: list[RoutingRule]
    labels: RoutingLabels
    _routes: dict[tuple[str, int | None], Routed] = field(default_factory=dict)
    _places: list[tuple[int | None, ...]] = field(default_factory=list)
    _place_numbers: dict[tuple[int | None, ...], int] = field(default_factory=dict)
    _numbering: Lock = field(default_factory=Lock)  # the writing lanes number places at once

    def catalog(self) -> CityCatalog:
        return CityCatalog(
            self.reference_prefix, frozenset(self.services), frozenset(self.queue_ids)
        )

    def places_at(
        self, lats: Sequence[float | None], lons: Sequence[float | None]
    ) -> list[int | None]:
        """Where each point lies: the number of its place (its district in each layer, for
        `route` and `recorded_district_id`); None without a point or outside every district."""
        found: list[int | None] = [None] * len(lats)
        placed = [i for i, lat in enumerate(lats) if lat is not None]
        if not placed or not self.layers:
            return found
        placed_lats = [lats[i] or 0.0 for i in placed]
        placed_lons = [lons[i] or 0.0 for i in placed]
        by_layer = [layer.outlines.districts_at(placed_lats, placed_lons) for layer in self.layers]
        with self._numbering:
            for i, place in zip(placed, zip(*by_layer, strict=True), strict=True):
                if any(position is not None for position in place):
                    found[i] = self._number(place)
        return found

    def _number(self, place: tuple[int | None, ...]) -> int:
        number = self._place_numbers.get(place)
        if number is None:
            number = self._place_numbers[place] = len(self._places)
            self._places.append(place)
        return number

    def recorded_district_id(self, place: int | None) -> int | None:
        """The id of the district of the routing layer at `place` (None: none there)."""
        if place is None or self.routing_layer is None:
            return None
        position = self._places[place][self.routing_layer]
        return None if position is None else self.layers[self.routing_layer].ids[position]

    def route(self, service_code: str, place: int | None) -> Routed:
        """The routing rules' decision, computed once per service and place."""
        key = (service_code, place)
        routed = self._routes.get(key)
        if routed is None:
            service = self.services[service_code]
            decision = route(
                service_code,
                service.group or None,
                self._district_refs(place),
                self.rules,
                service.default_queue,
                Priority(service.priority),
                labels=self.labels,
            )
            routed = Routed(
                self.queue_ids.get(decision.queue_code),
                decision.priority.value,
                str(decision.explanation),
            )
            self._routes[key] = routed
        return routed

    def _district_refs(self, place: int | None) -> list[DistrictRef]:
        if place is None:
            return []
        return [
            DistrictRef(layer.layer, layer.codes[position])
            for layer, position in zip(self.layers, self._places[place], strict=True)
            if position is not None
        ]


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
        select(
            districts.c.id,
            districts.c.layer,
            districts.c.code,
            districts.c.name,
            districts.c.geometry,
        ).order_by(districts.c.layer, districts.c.id)
    ).all()
    layers = _layers(district_rows)
    routing_layer = connection.execute(select(city.c.routing_layer)).scalar()
    layer_names = [layer.layer for layer in layers]
    if routing_layer not in layer_names:
        routing_layer = layer_names[0] if layer_names else None
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
        layers=layers,
        routing_layer=None if routing_layer is None else layer_names.index(routing_layer),
        rules=_routing_rules(connection),
        labels=RoutingLabels(
            queues={row.code: row.name for row in queue_rows},
            services={row.code: row.name for row in service_rows},
            layer_districts={DistrictRef(row.layer, row.code): row.name for row in district_rows},
            name_layers=len(layers) > 1,
        ),
    )


def _layers(district_rows: Sequence[Any]) -> list[LayerOutlines]:
    """The district layers by name, each with its districts by id."""
    by_layer: dict[str, list[Any]] = {}
    for row in district_rows:
        by_layer.setdefault(row.layer, []).append(row)
    return [
        LayerOutlines(
            layer,
            [row.id for row in rows],
            [row.code for row in rows],
            DistrictOutlines(row.geometry for row in rows),
        )
        for layer, rows in by_layer.items()
    ]


def _routing_rules(connection: Connection) -> list[RoutingRule]:
    rr = routing_rules
    rows = connection.execute(
        select(
            rr.c.id,
            rr.c.service_group,
            rr.c.priority,
            rr.c.rank,
            services.c.code.label("service_code"),
            districts.c.layer.label("district_layer"),
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
            row.district_layer,
        )
        for row in rows
    ]
