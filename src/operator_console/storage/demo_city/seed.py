"""Load the demo city into an empty, migrated database, in one transaction."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from operator_console.domain.address_text import address_key
from operator_console.domain.sla import DEFAULT_AT_RISK_FRACTION, BusinessCalendar, SlaPolicy
from operator_console.storage.catalog.sla_rows import business_calendar, sla_policy
from operator_console.storage.db import schema
from operator_console.storage.db.tables import (
    addresses,
    business_calendars,
    city,
    departments,
    districts,
    queues,
    routing_rules,
    service_attributes,
    service_requests,
    services,
    sla_policies,
    staff,
    staff_queues,
)
from operator_console.storage.demo_city.bulk import insert_with_ids
from operator_console.storage.demo_city.files import DemoDataError, default_data_dir
from operator_console.storage.demo_city.load import DemoCity, load_demo_city
from operator_console.storage.demo_city.parsing import (
    StreetAddress,
    format_full_address,
)
from operator_console.storage.demo_city.seed_history import (
    CatalogIds,
    InsertedAddresses,
    insert_history,
)

__all__ = ["DemoDataError", "SeedRefusedError", "SeedSummary", "default_data_dir", "seed_demo"]


class SeedRefusedError(RuntimeError):
    """The database is not an empty, migrated console database; nothing was written."""


@dataclass(frozen=True)
class SeedSummary:
    """What the seeder wrote, and how long it took."""

    departments: int
    queues: int
    sla_policies: int
    services: int
    districts: int
    routing_rules: int
    addresses: int
    staff: int
    requests: int
    open_requests: int
    events: int
    newest_created_at: datetime
    seconds: float

    def __str__(self) -> str:
        return (
            f"the demo city was seeded in {self.seconds:.1f} s: {self.requests:,} requests "
            f"({self.open_requests:,} open) with {self.events:,} history events, "
            f"{self.services} services, {self.departments} departments, {self.queues} queues, "
            f"{self.districts} districts, {self.routing_rules} routing rules, "
            f"{self.sla_policies} SLA policies, {self.addresses:,} addresses and {self.staff} staff"
        )


def seed_demo(
    engine: Engine, now: datetime | None = None, data_dir: Path | None = None
) -> SeedSummary:
    """Seed the demo city; the newest historical request is created at `now` (default: now).

    Raises DemoDataError (naming the file) for missing or damaged demo files and
    SeedRefusedError for a database that is not migrated or already holds a city.
    """
    if now is None:
        now = datetime.now(UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    started = time.perf_counter()
    if not schema.is_current(engine):
        raise SeedRefusedError(
            "The database is not at the console's schema: migrate it before seeding the demo."
        )
    with engine.connect() as connection:
        _refuse_unless_empty(connection)
    demo = load_demo_city(data_dir or default_data_dir())
    with engine.begin() as connection:
        _refuse_unless_empty(connection)
        catalog_ids = _insert_catalog(connection, demo)
        gazetteer = _insert_addresses(connection, demo, catalog_ids.districts)
        history = insert_history(connection, demo, catalog_ids, gazetteer, now)
        staff_count = _insert_staff(connection, demo, catalog_ids.queues)
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE addresses, service_requests, request_events"))
    return SeedSummary(
        departments=len(demo.catalog["departments"]),
        queues=len(catalog_ids.queues),
        sla_policies=len(demo.catalog["sla_policies"]),
        services=len(catalog_ids.services),
        districts=len(catalog_ids.districts),
        routing_rules=len(demo.routing),
        addresses=len(gazetteer.ids),
        staff=staff_count,
        requests=history.requests,
        open_requests=history.open_requests,
        events=history.events,
        newest_created_at=history.newest_created_at,
        seconds=time.perf_counter() - started,
    )


def _refuse_unless_empty(connection: Connection) -> None:
    for table, what in ((service_requests, "requests"), (services, "services"), (city, "a city")):
        count = connection.execute(select(func.count()).select_from(table)).scalar_one()
        if count:
            raise SeedRefusedError(
                f"The database already holds {what} ({count} rows in {table.name}): the demo "
                "city is only seeded into an empty database."
            )


def _insert_coded(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> dict[str, int]:
    """Insert rows with a unique `code` column and return code -> id."""
    connection.execute(insert(table), list(rows))
    found = connection.execute(select(table.c.code, table.c.id)).all()
    return {str(code): int(row_id) for code, row_id in found}


def _insert_catalog(connection: Connection, demo: DemoCity) -> CatalogIds:
    settings = demo.city["settings"]
    connection.execute(insert(city).values(id=1, **settings))
    calendar_id = connection.execute(
        insert(business_calendars)
        .values(**demo.city["business_calendar"])
        .returning(business_calendars.c.id)
    ).scalar_one()
    catalog = demo.catalog
    department_ids = _insert_coded(
        connection,
        departments,
        [{"code": d["code"], "name": d["name"]} for d in catalog["departments"]],
    )
    queue_ids = _insert_coded(
        connection,
        queues,
        [
            {"code": q["code"], "name": q["name"], "department_id": department_ids[q["department"]]}
            for q in catalog["queues"]
        ],
    )
    policy_ids = _insert_coded(
        connection,
        sla_policies,
        [
            {
                "code": p["code"],
                "name": p["name"],
                "clock": p["clock"],
                "target_hours": float(p["target_hours"]),
                "at_risk_fraction": _at_risk_fraction(p),
                "calendar_id": calendar_id,
            }
            for p in catalog["sla_policies"]
        ],
    )
    service_ids = _insert_coded(
        connection,
        services,
        [
            {
                "code": s["code"],
                "name": s["name"],
                "group_name": s["group"],
                "description": s.get("description", ""),
                "keywords": s.get("keywords", ""),
                "notice": s.get("notice", ""),
                "staff_only": bool(s.get("staff_only", False)),
                "sla_policy_id": policy_ids[s["sla_policy"]] if s["sla_policy"] else None,
                "default_priority": s.get("default_priority", "normal"),
                "default_queue_id": queue_ids[s["default_queue"]],
                "dup_enabled": bool(s.get("dup_enabled", True)),
            }
            for s in catalog["services"]
        ],
    )
    attribute_rows = [
        {
            "service_id": service_ids[s["code"]],
            "code": a["code"],
            "variable": bool(a["variable"]),
            "datatype": a["datatype"],
            "required": bool(a["required"]),
            "datatype_description": a.get("datatype_description") or "",
            "description": a["description"],
            "position": position,
            "allowed_values": a.get("values"),
        }
        for s in catalog["services"]
        for position, a in enumerate(s["attributes"], start=1)
    ]
    if attribute_rows:
        connection.execute(insert(service_attributes), attribute_rows)
    district_ids = _insert_districts(connection, demo)
    connection.execute(
        insert(routing_rules),
        [
            {
                "service_id": service_ids[rule["service"]],
                "district_id": district_ids[rule["ward"]] if rule["ward"] else None,
                "queue_id": queue_ids[rule["queue"]],
                "rank": int(rule["rank"]),
                "note": rule["note"],
            }
            for rule in demo.routing
        ],
    )
    return CatalogIds(
        queues=queue_ids,
        services=service_ids,
        districts=district_ids,
        queue_names={q["code"]: q["name"] for q in catalog["queues"]},
        service_names={s["code"]: s["name"] for s in catalog["services"]},
        service_priorities={
            s["code"]: s.get("default_priority", "normal") for s in catalog["services"]
        },
        time_zone=str(settings["time_zone"]),
        reference_prefix=str(settings["reference_prefix"]),
        service_policies=_service_policies(catalog),
        calendar=_calendar(demo.city["business_calendar"]),
    )


def _service_policies(catalog: dict[str, Any]) -> dict[str, SlaPolicy | None]:
    policies = {
        p["code"]: sla_policy(float(p["target_hours"]), p["clock"], _at_risk_fraction(p))
        for p in catalog["sla_policies"]
    }
    return {s["code"]: policies.get(s["sla_policy"] or "") for s in catalog["services"]}


def _at_risk_fraction(policy: dict[str, Any]) -> float:
    return float(policy.get("at_risk_fraction", DEFAULT_AT_RISK_FRACTION))


def _calendar(settings: dict[str, Any]) -> BusinessCalendar:
    return business_calendar(
        settings["time_zone"],
        settings["working_days"],
        settings["work_start"],
        settings["work_end"],
        settings.get("holiday_country"),
        settings.get("holiday_subdivision"),
    )


def _insert_districts(connection: Connection, demo: DemoCity) -> dict[str, int]:
    rows = []
    for district in demo.districts:
        min_lat, min_lon, max_lat, max_lon = district["bbox"]
        rows.append(
            {
                "layer": district["layer"],
                "code": district["code"],
                "name": district["name"],
                "geometry": district["geometry"],
                "min_lat": min_lat,
                "min_lon": min_lon,
                "max_lat": max_lat,
                "max_lon": max_lon,
            }
        )
    connection.execute(insert(districts), rows)
    found = connection.execute(
        select(districts.c.code, districts.c.id).where(districts.c.layer == "ward")
    )
    return {str(code): int(row_id) for code, row_id in found}


def _insert_addresses(
    connection: Connection, demo: DemoCity, district_ids: dict[str, int]
) -> InsertedAddresses:
    """Insert the gazetteer, with its full addresses and search keys made here."""
    rows = []
    for row in demo.addresses:
        street = StreetAddress(row.house_number, row.street)
        rows.append(
            {
                "house_number": row.house_number,
                "street": row.street,
                "full_address": format_full_address(street, row.locality, row.zipcode),
                "search_key": address_key(row.house_number, row.street),
                "zipcode": row.zipcode or None,
                "lat": row.lat,
                "lon": row.lon,
                "district_id": district_ids.get(row.ward),
            }
        )
    ids = insert_with_ids(connection, addresses, rows)
    return InsertedAddresses(ids, [str(row["full_address"]) for row in rows])


def _insert_staff(connection: Connection, demo: DemoCity, queue_ids: dict[str, int]) -> int:
    members = demo.city["staff"]
    staff_ids = _insert_coded_staff(connection, members)
    memberships = [
        {"staff_id": staff_ids[member["login"]], "queue_id": queue_ids[code]}
        for member in members
        for code in member.get("queues", [])
    ]
    if memberships:
        connection.execute(insert(staff_queues), memberships)
    return len(members)


def _insert_coded_staff(
    connection: Connection, members: Sequence[dict[str, Any]]
) -> dict[str, int]:
    connection.execute(
        insert(staff),
        [
            {"login": m["login"], "display_name": m["display_name"], "role": m["role"]}
            for m in members
        ],
    )
    found = connection.execute(select(staff.c.login, staff.c.id)).all()
    return {str(login): int(row_id) for login, row_id in found}
