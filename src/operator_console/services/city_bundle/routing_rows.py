"""service_settings.csv and routing.csv: each service's defaults, and where requests go."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from operator_console.domain.lifecycle import Priority
from operator_console.services.city_bundle.checks import Codes, check_reference
from operator_console.services.city_bundle.csv_files import Cells, CsvTable
from operator_console.services.city_bundle.model import (
    DEFAULT_DUP_RADIUS_M,
    DEFAULT_DUP_WINDOW_DAYS,
    DEFAULT_RANK,
    RoutingRow,
    ServiceSettings,
)

SERVICE_SETTINGS_COLUMNS = ("service",)
ROUTING_COLUMNS = ("queue",)
PRIORITIES = tuple(priority.value for priority in Priority)


@dataclass(frozen=True)
class RoutingTargets:
    """What routing rules may name: services, their groups, district codes by layer, queues."""

    services: Collection[str] | None
    groups: Collection[str] | None
    layers: Mapping[str, Collection[str]]
    queues: Codes


def read_service_settings(
    table: CsvTable, services: Collection[str] | None, policies: Codes, queues: Codes
) -> tuple[ServiceSettings, ...]:
    rows = []
    seen = Codes("service", table.file)
    for cells in table.rows:
        service = cells.required("service")
        check_reference(cells, "service", service, services, "service in services.json")
        sla_policy = cells.optional("sla_policy")
        check_reference(cells, "sla_policy", sla_policy, policies, "SLA policy")
        default_queue = cells.optional("default_queue")
        check_reference(cells, "default_queue", default_queue, queues, "queue")
        radius = cells.number("dup_radius_m", DEFAULT_DUP_RADIUS_M)
        if radius is not None and radius <= 0:
            cells.problem("dup_radius_m", f"dup_radius_m {radius:g} is not above 0")
        row = ServiceSettings(
            service=service,
            sla_policy=sla_policy,
            default_queue=default_queue,
            default_priority=Priority(cells.choice("default_priority", PRIORITIES, "normal")),
            staff_only=cells.boolean("staff_only", False),
            active=cells.boolean("active", True),
            notice=cells.text("notice"),
            dup_enabled=cells.boolean("dup_enabled", True),
            dup_radius_m=radius if radius and radius > 0 else DEFAULT_DUP_RADIUS_M,
            dup_window_days=cells.integer("dup_window_days", DEFAULT_DUP_WINDOW_DAYS, minimum=1),
            dup_include_closed=cells.boolean("dup_include_closed", True),
        )
        if seen.define(cells, "service", service):
            rows.append(row)
    return tuple(rows)


def read_routing(table: CsvTable, targets: RoutingTargets) -> tuple[RoutingRow, ...]:
    """Rules in file order; a district with no layer is in the manifest's first layer."""
    first_layer = next(iter(targets.layers), None)
    rules = []
    for cells in table.rows:
        service = cells.optional("service")
        group = cells.optional("group")
        if service is not None and group is not None:
            cells.problem("group", "a rule names a service or a group, not both")
        check_reference(cells, "service", service, targets.services, "service in services.json")
        check_reference(cells, "group", group, targets.groups, "group in services.json")
        layer, district = _district(cells, targets, first_layer)
        queue = cells.required("queue")
        check_reference(cells, "queue", queue, targets.queues, "queue")
        priority = cells.choice("priority", PRIORITIES, "") or None
        rules.append(
            RoutingRow(
                queue=queue,
                service=service,
                group=None if service is not None else group,
                layer=layer,
                district=district,
                priority=Priority(priority) if priority else None,
                rank=cells.integer("rank", DEFAULT_RANK),
                note=cells.text("note"),
            )
        )
    return tuple(rules)


def _district(
    cells: Cells, targets: RoutingTargets, first_layer: str | None
) -> tuple[str | None, str | None]:
    layer = cells.optional("layer")
    district = cells.optional("district")
    if layer is not None and layer not in targets.layers:
        known = ", ".join(targets.layers) or "none"
        cells.problem("layer", f"layer {layer!r}: no such layer in city.toml (layers: {known})")
        return layer, district
    if district is None:
        if layer is not None:
            cells.problem("district", "a layer is given but no district")
        return None, None
    layer = layer or first_layer
    # A layer whose file could not be read has no districts; its problems are reported there.
    if layer is not None and targets.layers[layer] and district not in targets.layers[layer]:
        cells.problem("district", f"district {district!r}: no such district in layer {layer!r}")
    return layer, district
