"""Write the demo city's request history: requests, their events and the reference counters."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, bindparam, insert, update

from operator_console.domain.lifecycle import Status
from operator_console.domain.reference import format_reference
from operator_console.domain.sla import BusinessCalendar, SlaPolicy, at_risk_at
from operator_console.storage.db.tables import reference_counters, request_events, service_requests
from operator_console.storage.demo_city.bulk import ConversionMemo, bulk_insert, insert_with_ids
from operator_console.storage.demo_city.load import DemoCity, RequestRow

IMPORT_ACTOR = "import"
NO_ANSWERS: dict[str, Any] = {}
RECEIVED, IN_QUEUE, CLOSED = Status.RECEIVED.value, Status.IN_QUEUE.value, Status.CLOSED.value
# Fixed so that re-seeding gives every historical request the same client UUID.
DEMO_UUID_NAMESPACE = uuid.UUID("6f2f3f0e-5b1d-5c4e-9a57-0b0c5d1e3a11")


@dataclass(frozen=True)
class CatalogIds:
    """Database ids and labels of what the catalog step inserted, by code."""

    queues: dict[str, int]
    services: dict[str, int]
    districts: dict[str, int]
    queue_names: dict[str, str]
    service_names: dict[str, str]
    service_priorities: dict[str, str]
    time_zone: str
    reference_prefix: str
    service_policies: dict[str, SlaPolicy | None]
    calendar: BusinessCalendar


@dataclass(frozen=True)
class InsertedAddresses:
    """The gazetteer as inserted: database id and full address of each file row, in order."""

    ids: list[int]
    full_addresses: list[str]


@dataclass(frozen=True)
class HistoryCounts:
    requests: int
    open_requests: int
    events: int
    newest_created_at: datetime


def client_uuid_for(case_id: str) -> str:
    return str(uuid.uuid5(DEMO_UUID_NAMESPACE, f"boston-311:{case_id}"))


def insert_history(
    connection: Connection,
    demo: DemoCity,
    ids: CatalogIds,
    gazetteer: InsertedAddresses,
    now: datetime,
) -> HistoryCounts:
    """Insert every historical request shifted so the newest opens at `now`; returns counts."""
    zone = ZoneInfo(ids.time_zone)
    sequences: Counter[int] = Counter()
    request_rows = []
    for row in demo.requests:
        created = now + timedelta(seconds=row.opened_s)
        year = created.astimezone(zone).year
        sequences[year] += 1
        request_rows.append(
            _request_values(row, ids, gazetteer, created, now)
            | {"reference": format_reference(ids.reference_prefix, year, sequences[year])}
        )
    converted: ConversionMemo = {}
    request_ids = insert_with_ids(connection, service_requests, request_rows, converted)
    _link_duplicates(connection, demo.requests, request_ids)
    reference_by_case = {
        row.case_id: values["reference"]
        for row, values in zip(demo.requests, request_rows, strict=True)
    }
    plain_events: list[dict[str, Any]] = []
    closing_events: list[dict[str, Any]] = []
    for row, values, request_id in zip(demo.requests, request_rows, request_ids, strict=True):
        plain, closing = _events(row, values, request_id, ids, reference_by_case)
        plain_events.extend(plain)
        if closing is not None:
            closing_events.append(closing)
    # Two statements, so events without data store SQL NULL instead of a JSON null.
    bulk_insert(connection, request_events, plain_events, converted)
    bulk_insert(connection, request_events, closing_events, converted)
    connection.execute(
        insert(reference_counters),
        [{"year": year, "last_value": last} for year, last in sorted(sequences.items())],
    )
    return HistoryCounts(
        requests=len(request_rows),
        open_requests=sum(row.is_open for row in demo.requests),
        events=len(plain_events) + len(closing_events),
        newest_created_at=max(values["created_at"] for values in request_rows),
    )


def _link_duplicates(
    connection: Connection, requests: Sequence[RequestRow], request_ids: Sequence[int]
) -> None:
    """Point each duplicate at its parent, once both rows exist."""
    id_by_case = {
        row.case_id: request_id for row, request_id in zip(requests, request_ids, strict=True)
    }
    parents = [
        {"child": request_id, "parent": id_by_case[row.parent_case_id]}
        for row, request_id in zip(requests, request_ids, strict=True)
        if row.parent_case_id in id_by_case
    ]
    if parents:
        connection.execute(
            update(service_requests)
            .where(service_requests.c.id == bindparam("child"))
            .values(parent_id=bindparam("parent")),
            parents,
        )


def _request_values(
    row: RequestRow,
    ids: CatalogIds,
    gazetteer: InsertedAddresses,
    created: datetime,
    now: datetime,
) -> dict[str, Any]:
    closed = None if row.is_open or row.closed_s is None else now + timedelta(seconds=row.closed_s)
    due = None if row.due_s is None else now + timedelta(seconds=row.due_s)
    queue_id = ids.queues.get(row.queue)
    ref = row.address_ref
    status = CLOSED if closed is not None else (IN_QUEUE if queue_id is not None else RECEIVED)
    explanation = (
        f"Boston 311 history: the city sent case {row.case_id} to {ids.queue_names[row.queue]}."
        if queue_id is not None
        else ""
    )
    return {
        "client_uuid": client_uuid_for(row.case_id),
        "service_id": ids.services[row.service],
        "status": status,
        "priority": ids.service_priorities[row.service],
        "lat": row.lat,
        "lon": row.lon,
        "address": row.address if ref is None else gazetteer.full_addresses[ref],
        "address_id": None if ref is None else gazetteer.ids[ref],
        "district_id": ids.districts.get(row.ward),
        "description": row.description,
        "answers": NO_ANSWERS,
        "channel": row.channel,
        "callers_count": 1,
        "queue_id": queue_id,
        "routing_explanation": explanation,
        "created_by": IMPORT_ACTOR,
        "created_at": created,
        "routed_at": created if queue_id is not None else None,
        "first_action_at": closed,
        "resolved_at": closed,
        "closed_at": closed,
        "due_at": due,
        "at_risk_at": _at_risk_at(created, due, ids.service_policies[row.service], ids.calendar),
        "updated_at": closed or created,
        "closure_reason": row.closure if closed else None,
        "closure_note": row.closure_note if closed else None,
        "version": 1,
    }


def _at_risk_at(
    created: datetime, due: datetime | None, policy: SlaPolicy | None, calendar: BusinessCalendar
) -> datetime | None:
    """On the service's own clock, as intake stores it; None lets the database's rule fill it."""
    if due is None or policy is None:
        return None
    return at_risk_at(created, due, policy, calendar)


def _events(
    row: RequestRow,
    values: dict[str, Any],
    request_id: int,
    ids: CatalogIds,
    reference_by_case: dict[str, str],
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The request's plain events, and its closing event (the only one carrying data)."""
    created = values["created_at"]

    def event(at: datetime, kind: str, **fields: Any) -> dict[str, Any]:
        base = {"from_value": None, "to_value": None, "reason": "", "public": False}
        return (
            base
            | {"request_id": request_id, "at": at, "actor": IMPORT_ACTOR, "kind": kind}
            | fields
        )

    service_name = ids.service_names[row.service]
    plain = [
        event(
            created,
            "created",
            to_value=RECEIVED,
            public=True,
            reason=f"Received by {row.channel} as {service_name} (Boston case {row.case_id}).",
        )
    ]
    if values["queue_id"] is not None:
        plain.append(
            event(
                created,
                "routed",
                to_value=ids.queue_names[row.queue],
                reason=values["routing_explanation"],
            )
        )
    closed = values["closed_at"]
    if closed is None:
        return plain, None
    data: dict[str, Any] = {"closure_reason": values["closure_reason"]}
    if row.parent_case_id in reference_by_case:
        data["parent_reference"] = reference_by_case[row.parent_case_id]
    closing = event(
        closed,
        "closed",
        from_value=IN_QUEUE,
        to_value=CLOSED,
        reason=row.closure_note,
        public=True,
        data=data,
    )
    return plain, closing
