"""Load the demo city into an empty, migrated database, in one transaction."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, func, select, text

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.catalog.sla_rows import business_calendar, sla_policy
from operator_console.storage.city_bundle.load import write_city_bundle
from operator_console.storage.db import schema
from operator_console.storage.db.tables import (
    addresses,
    city,
    districts,
    queues,
    service_requests,
    services,
)
from operator_console.storage.demo_city.files import DemoDataError, default_data_dir
from operator_console.storage.demo_city.load import WARD_LAYER, load_demo_city
from operator_console.storage.demo_city.seed_history import (
    IMPORT_ACTOR,
    CatalogIds,
    InsertedAddresses,
    insert_history,
)

SEEDER = StaffIdentity(IMPORT_ACTOR, "Demo city seeder", Role.ADMIN.value)
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

    The city is loaded from its bundle by the same code as any city's (`write_city_bundle`,
    staff as plain rows: `give_demo_logins` gives them logins afterwards), then its request
    history is added, all in one transaction. Raises DemoDataError (naming the file) for
    missing or damaged demo files and SeedRefusedError for a database that is not migrated or
    already holds a city.
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
        loaded = write_city_bundle(connection, demo.bundle, SEEDER, now, give_logins=False)
        catalog_ids = _catalog_ids(connection, demo.bundle)
        history = insert_history(connection, demo, catalog_ids, _gazetteer(connection), now)
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE addresses, service_requests, request_events"))
    counts = loaded.counts
    return SeedSummary(
        departments=counts["departments"],
        queues=counts["queues"],
        sla_policies=counts["sla_policies"],
        services=counts["services"],
        districts=counts["districts"],
        routing_rules=counts["routing_rules"],
        addresses=counts["addresses"],
        staff=counts["staff"],
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


def _codes(connection: Connection, table: Table) -> dict[str, int]:
    return {
        str(code): int(row_id)
        for code, row_id in connection.execute(select(table.c.code, table.c.id))
    }


def _catalog_ids(connection: Connection, bundle: CityBundle) -> CatalogIds:
    """What the history needs of the loaded city: ids by code, names, the SLA rules."""
    settings = bundle.settings
    policies = {
        p.code: sla_policy(p.target_hours, p.clock, p.at_risk_fraction) for p in bundle.sla_policies
    }
    service_settings = {
        s.service_code: bundle.settings_for(s.service_code) for s in bundle.services
    }
    ward_ids = connection.execute(
        select(districts.c.code, districts.c.id).where(districts.c.layer == WARD_LAYER)
    )
    (calendar,) = bundle.calendars
    return CatalogIds(
        queues=_codes(connection, queues),
        services=_codes(connection, services),
        districts={str(code): int(row_id) for code, row_id in ward_ids},
        queue_names={q.code: q.name for q in bundle.queues},
        service_names={s.service_code: s.service_name for s in bundle.services},
        service_priorities={
            code: row.default_priority.value for code, row in service_settings.items()
        },
        time_zone=settings.time_zone,
        reference_prefix=settings.reference_prefix,
        service_policies={
            code: policies.get(row.sla_policy or "") for code, row in service_settings.items()
        },
        calendar=business_calendar(
            calendar.time_zone,
            ",".join(str(day) for day in sorted(calendar.working_days)),
            calendar.work_start.strftime("%H:%M"),
            calendar.work_end.strftime("%H:%M"),
            calendar.holiday_country,
            calendar.holiday_subdivision,
        ),
    )


def _gazetteer(connection: Connection) -> InsertedAddresses:
    """The addresses as loaded into the empty database: in bundle order, by id."""
    rows = connection.execute(
        select(addresses.c.id, addresses.c.full_address).order_by(addresses.c.id)
    ).all()
    return InsertedAddresses([int(row.id) for row in rows], [str(row.full_address) for row in rows])
