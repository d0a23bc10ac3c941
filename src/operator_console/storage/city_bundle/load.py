"""Load a checked city bundle into the database, in one transaction."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, text

from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.services.city_bundle.model import CityBundle
from operator_console.storage.city_bundle.addresses_step import write_addresses
from operator_console.storage.city_bundle.catalog_step import write_services
from operator_console.storage.city_bundle.districts_step import write_districts
from operator_console.storage.city_bundle.organisation_step import write_departments, write_queues
from operator_console.storage.city_bundle.pruning import prune_missing
from operator_console.storage.city_bundle.routing_step import write_routing
from operator_console.storage.city_bundle.settings_step import (
    write_calendars,
    write_city,
    write_sla_policies,
)
from operator_console.storage.city_bundle.staff_step import write_staff
from operator_console.storage.city_bundle.summary import CityLoadSummary
from operator_console.storage.db.errors import speaking_service_errors
from operator_console.storage.db.tables import config_events

CITY_LOADED = "city_loaded"


def load_city(
    engine: Engine,
    bundle: CityBundle,
    actor: StaffIdentity,
    now: datetime,
    *,
    give_logins: bool = True,
) -> CityLoadSummary:
    """Write the bundle's city into the database in one transaction: everything, or nothing.

    A database that holds a city already is updated by codes, so ids (and the cases that refer
    to them) stay; what the bundle no longer lists is removed, or kept (deactivated) while cases
    use it. One `config_events` row ('city_loaded') records the counts. `give_logins` False
    writes staff rows only (PostgreSQL logins are given later). Raises `NotPermittedError`
    unless `actor` may configure, and `DatabaseRefusedError` (nothing written) when the
    database refuses a step.
    """
    require(actor, Action.CONFIGURE)
    started = time.perf_counter()
    with engine.begin() as connection, speaking_service_errors():
        summary = write_city_bundle(connection, bundle, actor, now, give_logins=give_logins)
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE addresses, districts, routing_rules, services"))
    return replace(summary, seconds=time.perf_counter() - started)


def write_city_bundle(
    connection: Connection,
    bundle: CityBundle,
    actor: StaffIdentity,
    now: datetime,
    *,
    give_logins: bool = True,
) -> CityLoadSummary:
    """`load_city`'s writes, inside the caller's transaction (the demo seeder's)."""
    require(actor, Action.CONFIGURE)
    started = time.perf_counter()
    write_city(connection, bundle)
    calendar_ids = write_calendars(connection, bundle)
    policy_ids = write_sla_policies(connection, bundle, calendar_ids)
    department_ids = write_departments(connection, bundle)
    queue_ids = write_queues(connection, bundle, department_ids)
    service_ids = write_services(connection, bundle, policy_ids, queue_ids)
    district_ids = write_districts(connection, bundle)
    write_routing(connection, bundle, service_ids, district_ids, queue_ids)
    kept = prune_missing(
        connection,
        service_ids=[service_ids[s.service_code] for s in bundle.services],
        queue_ids=[queue_ids[q.code] for q in bundle.queues],
        department_ids=[department_ids[d.code] for d in bundle.departments],
        district_ids=[
            district_ids[(layer.layer, d.code)] for layer in bundle.layers for d in layer.districts
        ],
        policy_ids=[policy_ids[p.code] for p in bundle.sla_policies],
        calendar_ids=[calendar_ids[c.code] for c in bundle.calendars],
    )
    staff_added = write_staff(connection, bundle, queue_ids, give_logins)
    address_count, kept["addresses"] = write_addresses(connection, bundle, district_ids)
    counts = {
        "districts": sum(len(layer.districts) for layer in bundle.layers),
        "departments": len(bundle.departments),
        "queues": len(bundle.queues),
        "services": len(bundle.services),
        "sla_policies": len(bundle.sla_policies),
        "calendars": len(bundle.calendars),
        "closures": len(bundle.closures),
        "routing_rules": len(bundle.routing),
        "staff": len(bundle.staff),
        "addresses": address_count,
    }
    connection.execute(
        insert(config_events).values(
            at=now,
            actor=actor.login,
            kind=CITY_LOADED,
            subject=bundle.settings.name,
            detail=f"loaded from {bundle.root.name}",
            data={"counts": counts, "kept": kept, "staff_added": staff_added},
        )
    )
    return CityLoadSummary(counts, kept, staff_added, time.perf_counter() - started)
