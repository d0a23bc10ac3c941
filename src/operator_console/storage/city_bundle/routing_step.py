"""Routing rules: replaced as a whole by the bundle's."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert

from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.city_bundle.districts_step import DistrictKey
from operator_console.storage.db.tables import routing_rules


def write_routing(
    connection: Connection,
    bundle: CityBundle,
    service_ids: dict[str, int],
    district_ids: dict[DistrictKey, int],
    queue_ids: dict[str, int],
) -> None:
    connection.execute(delete(routing_rules))
    if not bundle.routing:
        return
    default_layer = bundle.layers[0].layer if bundle.layers else ""
    rows = []
    for rule in bundle.routing:
        district_id = None
        if rule.district:
            district_id = district_ids[(rule.layer or default_layer, rule.district)]
        rows.append(
            {
                "service_id": service_ids[rule.service] if rule.service else None,
                "service_group": None if rule.service else rule.group,
                "district_id": district_id,
                "queue_id": queue_ids[rule.queue],
                "priority": rule.priority.value if rule.priority else None,
                "rank": rule.rank,
                "note": rule.note,
            }
        )
    connection.execute(insert(routing_rules), rows)
