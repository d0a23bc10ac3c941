"""Services with their questions (the catalog store's own upsert) and their settings."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from operator_console.domain.open311 import ServiceDefinition
from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.catalog.store import replace_questions, upsert_service_rows
from operator_console.storage.db.tables import services


def write_services(
    connection: Connection,
    bundle: CityBundle,
    policy_ids: dict[str, int],
    queue_ids: dict[str, int],
) -> dict[str, int]:
    """Services by code, each with exactly the bundle's questions and settings; returns every
    service's id by code."""
    upsert_service_rows(connection, bundle.services)
    defined = {definition.service_code: definition for definition in bundle.definitions}
    replace_questions(
        connection,
        [
            defined.get(service.service_code, ServiceDefinition(service.service_code, ()))
            for service in bundle.services
        ],
    )
    s = services.c
    ids = {str(code): int(row_id) for code, row_id in connection.execute(select(s.code, s.id))}
    for service in bundle.services:
        row = bundle.settings_for(service.service_code)
        connection.execute(
            update(services)
            .where(s.id == ids[service.service_code])
            .values(
                sla_policy_id=policy_ids[row.sla_policy] if row.sla_policy else None,
                default_queue_id=queue_ids[row.default_queue] if row.default_queue else None,
                default_priority=row.default_priority.value,
                staff_only=row.staff_only,
                active=row.active,
                notice=row.notice,
                dup_enabled=row.dup_enabled,
                dup_radius_m=float(row.dup_radius_m),
                dup_window_days=row.dup_window_days,
                dup_include_closed=row.dup_include_closed,
            )
        )
    return ids
