"""Inserting a few rows straight through the tables, for tests of the read side."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert

from operator_console.storage.db.tables import (
    departments,
    queues,
    service_requests,
    services,
    staff,
)

BASE_TIME = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def add_requests(engine: Engine, count: int, **overrides: Any) -> list[int]:
    """`count` open requests one minute apart, in one queue, for one service, by staff `tester`."""
    with engine.begin() as connection:
        connection.execute(
            insert(staff).values(login="tester", display_name="Test Operator", role="operator")
        )
        department = connection.execute(
            insert(departments).values(code="PWD", name="Public Works")
        ).inserted_primary_key[0]
        queue = connection.execute(
            insert(queues).values(code="PWD_STREETS", name="Streets", department_id=department)
        ).inserted_primary_key[0]
        service = connection.execute(
            insert(services).values(code="pothole", name="Pothole", group_name="Streets")
        ).inserted_primary_key[0]
        ids = []
        for number in range(count):
            created = BASE_TIME + timedelta(minutes=number)
            values = {
                "reference": f"BOS-26-{number + 1:06d}",
                "client_uuid": f"uuid-{number}",
                "service_id": service,
                "status": "in_queue",
                "priority": ("low", "normal", "high", "urgent")[number % 4],
                "lat": 42.35,
                "lon": -71.06,
                "address": f"{number} Main St",
                "answers": {},
                "queue_id": queue,
                "created_by": "tester",
                "created_at": created,
                "updated_at": created,
                "due_at": None if number % 3 == 0 else created + timedelta(days=number % 5),
            } | overrides
            result = connection.execute(insert(service_requests).values(**values))
            ids.append(int(result.inserted_primary_key[0]))
    return ids
