"""Departments and their queues, teams and crews."""

from __future__ import annotations

from sqlalchemy import Connection, update

from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.city_bundle.coded import upsert_by_key
from operator_console.storage.db.tables import departments, queues


def write_departments(connection: Connection, bundle: CityBundle) -> dict[str, int]:
    rows = [
        {"code": d.code, "name": d.name, "email": d.email, "phone": d.phone}
        for d in bundle.departments
    ]
    return {
        str(code): row_id for code, row_id in upsert_by_key(connection, departments, rows).items()
    }


def write_queues(
    connection: Connection, bundle: CityBundle, department_ids: dict[str, int]
) -> dict[str, int]:
    """Queues by code; a team's or crew's parent is set once every queue has its id."""
    rows = [
        {
            "code": q.code,
            "name": q.name,
            "department_id": department_ids[q.department],
            "kind": q.kind,
            "active": q.active,
        }
        for q in bundle.queues
    ]
    ids = {str(code): row_id for code, row_id in upsert_by_key(connection, queues, rows).items()}
    for queue in bundle.queues:
        parent_id = ids[queue.parent] if queue.parent else None
        connection.execute(
            update(queues)
            .where(queues.c.id == ids[queue.code], queues.c.parent_id.is_distinct_from(parent_id))
            .values(parent_id=parent_id)
        )
    return ids
