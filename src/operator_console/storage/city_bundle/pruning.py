"""What the bundle no longer lists: removed, or kept (deactivated) while cases still use it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Column, Connection, delete, select, update

from operator_console.storage.city_bundle.coded import used_ids
from operator_console.storage.db.tables import (
    addresses,
    business_calendars,
    calendar_closures,
    departments,
    districts,
    queues,
    service_requests,
    services,
    sla_policies,
    staff_queues,
)


def prune_missing(
    connection: Connection,
    service_ids: Collection[int],
    queue_ids: Collection[int],
    department_ids: Collection[int],
    district_ids: Collection[int],
    policy_ids: Collection[int],
    calendar_ids: Collection[int],
) -> dict[str, int]:
    """Remove every service, queue, department, district, SLA policy and calendar that is not
    among the bundle's ids, unless cases (or what is kept for them) still use it; services and
    queues kept are deactivated. Routing rules must already be the bundle's. Returns the counts
    kept, by kind."""
    kept = {
        "services": _prune_services(connection, service_ids),
        "queues": _prune_queues(connection, queue_ids),
    }
    in_use = used_ids(connection, queues, "department_id")
    kept["departments"] = _delete_unused(connection, departments.c.id, department_ids, in_use)
    kept["districts"] = _prune_districts(connection, district_ids)
    in_use = used_ids(connection, services, "sla_policy_id")
    kept["sla_policies"] = _delete_unused(connection, sla_policies.c.id, policy_ids, in_use)
    in_use = used_ids(connection, sla_policies, "calendar_id")
    missing = _missing(connection, business_calendars.c.id, calendar_ids) - in_use
    if missing:
        connection.execute(
            delete(calendar_closures).where(calendar_closures.c.calendar_id.in_(missing))
        )
    kept["calendars"] = _delete_unused(connection, business_calendars.c.id, calendar_ids, in_use)
    return kept


def _missing(connection: Connection, id_column: Column[Any], listed: Collection[int]) -> set[int]:
    return set(connection.execute(select(id_column)).scalars()) - set(listed)


def _delete_unused(
    connection: Connection, id_column: Column[Any], listed: Collection[int], in_use: set[int]
) -> int:
    """Delete the rows not listed and not in use; returns how many unlisted rows stay."""
    missing = _missing(connection, id_column, listed)
    removable = missing - in_use
    if removable:
        connection.execute(delete(id_column.table).where(id_column.in_(removable)))
    return len(missing - removable)


def _prune_services(connection: Connection, listed: Collection[int]) -> int:
    missing = _missing(connection, services.c.id, listed)
    in_use = used_ids(connection, service_requests, "service_id") & missing
    if in_use:
        connection.execute(update(services).where(services.c.id.in_(in_use)).values(active=False))
    if missing - in_use:
        connection.execute(delete(services).where(services.c.id.in_(missing - in_use)))
    return len(in_use)


def _prune_queues(connection: Connection, listed: Collection[int]) -> int:
    missing = _missing(connection, queues.c.id, listed)
    q = queues.c
    in_use = used_ids(connection, service_requests, "queue_id") & missing
    if in_use:
        connection.execute(update(queues).where(q.id.in_(in_use)).values(active=False))
    removable = missing - in_use
    if removable:
        connection.execute(delete(staff_queues).where(staff_queues.c.queue_id.in_(removable)))
        connection.execute(
            update(services)
            .where(services.c.default_queue_id.in_(removable))
            .values(default_queue_id=None)
        )
        connection.execute(update(queues).where(q.parent_id.in_(removable)).values(parent_id=None))
        connection.execute(delete(queues).where(q.id.in_(removable)))
    return len(in_use)


def _prune_districts(connection: Connection, listed: Collection[int]) -> int:
    missing = _missing(connection, districts.c.id, listed)
    in_use = used_ids(connection, service_requests, "district_id") & missing
    removable = missing - in_use
    if removable:
        connection.execute(
            update(addresses).where(addresses.c.district_id.in_(removable)).values(district_id=None)
        )
        connection.execute(delete(districts).where(districts.c.id.in_(removable)))
    return len(in_use)
