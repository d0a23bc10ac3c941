"""The database's city as a bundle: what `city export` writes, and `city load` reads back."""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from operator_console.domain.lifecycle import Priority
from operator_console.domain.open311 import ServiceAttribute, ServiceDefinition
from operator_console.domain.permissions import Role
from operator_console.services.city_bundle.address_lines import locality_of
from operator_console.services.city_bundle.model import (
    AddressPoint,
    Basemap,
    Calendar,
    CityBundle,
    CitySettings,
    Closure,
    Department,
    District,
    DistrictLayer,
    Queue,
    RoutingRow,
    ServiceSettings,
    SlaPolicyRow,
    StaffRow,
)
from operator_console.services.city_bundle.writer import write_bundle
from operator_console.storage.catalog.store import attribute_from_row, service_from_row
from operator_console.storage.db.errors import speaking_service_errors
from operator_console.storage.db.tables import (
    addresses,
    business_calendars,
    calendar_closures,
    city,
    departments,
    districts,
    queues,
    routing_rules,
    service_attributes,
    services,
    sla_policies,
    staff,
    staff_queues,
)
from operator_console.storage.demo_city.files import DemoDataError, default_data_dir


class NoCityError(RuntimeError):
    """The database holds no city to export."""


EXPORTED_TILES = "streets.mbtiles"
"""Where an export puts a copy of the city's street tiles, beside `city.toml`."""


class TilesNotHereError(RuntimeError):
    """The city's street tiles are a file this machine cannot read."""


def write_city_export(engine: Engine, out_dir: Path) -> tuple[CityBundle, list[str]]:
    """`export_city` written into `out_dir` with a copy of the city's street tiles; returns
    the bundle and the bundle-relative paths written. Raises `NoCityError`,
    `TilesNotHereError`, and OSError when a file cannot be written."""
    bundle = export_city(engine, out_dir)
    tiles = street_tiles_file(engine)
    if bundle.basemap is not None and tiles is None:
        raise TilesNotHereError(
            "the city's street tiles were loaded from a file this machine cannot read; export "
            "on a console that has it, or load the bundle again with its tiles"
        )
    written = write_bundle(bundle, out_dir)
    if tiles is not None:
        copy = out_dir / EXPORTED_TILES
        if not copy.exists() or not copy.samefile(tiles):
            shutil.copyfile(tiles, copy)
        written.append(EXPORTED_TILES)
    return bundle, written


def street_tiles_file(engine: Engine) -> Path | None:
    """The city's street tiles as a file on this machine (what `city load` recorded from a
    bundle's `[basemap]`), or None when the city shows a tile server's map or none."""
    with engine.connect() as connection, speaking_service_errors():
        tile_url = connection.execute(select(city.c.tile_url)).scalar()
    if not tile_url or "://" in tile_url:
        return None
    path = Path(tile_url)
    if not path.is_absolute():
        try:
            path = default_data_dir() / path
        except DemoDataError:
            return None
    return path if path.is_file() else None


def export_city(engine: Engine, root: Path | None = None) -> CityBundle:
    """Everything `load_city` writes, read back in one snapshot, in the order it was loaded
    (by id); `root` is where the bundle will be written. Raises `NoCityError` for a database
    without city settings."""
    with engine.connect() as connection, speaking_service_errors():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        settings = _settings(connection)
        basemap = _basemap(connection)
        calendar_codes = _codes(connection, business_calendars.c.id, business_calendars.c.code)
        policy_codes = _codes(connection, sla_policies.c.id, sla_policies.c.code)
        department_codes = _codes(connection, departments.c.id, departments.c.code)
        queue_codes = _codes(connection, queues.c.id, queues.c.code)
        service_codes = _codes(connection, services.c.id, services.c.code)
        layers, district_keys = _layers(connection)
        definitions = _definitions(connection, service_codes)
        with_questions = {definition.service_code for definition in definitions}
        service_rows = list(connection.execute(select(services).order_by(services.c.id)).mappings())
        return CityBundle(
            root=root or Path("."),
            settings=settings,
            basemap=basemap,
            layers=layers,
            departments=tuple(
                Department(row.code, row.name, row.email, row.phone)
                for row in connection.execute(select(departments).order_by(departments.c.id))
            ),
            queues=tuple(
                Queue(
                    row.code,
                    row.name,
                    department_codes[row.department_id],
                    row.kind,
                    queue_codes[row.parent_id] if row.parent_id else None,
                    row.active,
                )
                for row in connection.execute(select(queues).order_by(queues.c.id))
            ),
            services=tuple(
                service_from_row(row, row["code"] in with_questions) for row in service_rows
            ),
            definitions=definitions,
            service_settings=tuple(
                _service_settings(row, policy_codes, queue_codes) for row in service_rows
            ),
            calendars=tuple(
                _calendar(row)
                for row in connection.execute(
                    select(business_calendars).order_by(business_calendars.c.id)
                )
            ),
            closures=tuple(
                Closure(calendar_codes[row.calendar_id], date.fromisoformat(row.day), row.name)
                for row in connection.execute(
                    select(calendar_closures).order_by(
                        calendar_closures.c.calendar_id, calendar_closures.c.day
                    )
                )
            ),
            sla_policies=tuple(
                SlaPolicyRow(
                    row.code,
                    row.name,
                    row.target_hours,
                    row.clock,
                    calendar_codes[row.calendar_id] if row.calendar_id else None,
                    row.at_risk_fraction,
                )
                for row in connection.execute(select(sla_policies).order_by(sla_policies.c.id))
            ),
            routing=_routing(connection, service_codes, district_keys, queue_codes),
            staff=_staff(connection, queue_codes),
            addresses=_addresses(connection),
        )


def _codes(connection: Connection, id_column: Any, code_column: Any) -> dict[int, str]:
    return {
        int(row_id): str(code)
        for row_id, code in connection.execute(select(id_column, code_column))
    }


def _settings(connection: Connection) -> CitySettings:
    row = connection.execute(select(city)).first()
    if row is None:
        raise NoCityError("The database holds no city yet: load a city bundle first.")
    unknown = None
    if row.unknown_lat is not None and row.unknown_lon is not None:
        unknown = (row.unknown_lat, row.unknown_lon)
    return CitySettings(
        name=row.name,
        time_zone=row.time_zone,
        phone_region=row.phone_region,
        reference_prefix=row.reference_prefix,
        languages=tuple(code.strip() for code in row.languages.split(",") if code.strip()),
        map_center=(row.map_lat, row.map_lon),
        map_zoom=row.map_zoom,
        unknown_location=unknown,
    )


def _basemap(connection: Connection) -> Basemap | None:
    """`[basemap]` naming the copy of the city's tiles file beside the export, when it has one."""
    row = connection.execute(select(city.c.tile_url, city.c.attribution)).first()
    if row is None or not row.tile_url or "://" in row.tile_url:
        return None
    return Basemap(tiles=EXPORTED_TILES, attribution=row.attribution or "")


def _layers(
    connection: Connection,
) -> tuple[tuple[DistrictLayer, ...], dict[int, tuple[str, str]]]:
    """The layers in load order, the city's routing layer first (a bundle's first layer is its
    routing layer), and each district's (layer, code) by id."""
    by_layer: dict[str, list[District]] = {}
    keys: dict[int, tuple[str, str]] = {}
    for row in connection.execute(select(districts).order_by(districts.c.id)):
        by_layer.setdefault(row.layer, []).append(District(row.code, row.name, row.geometry))
        keys[int(row.id)] = (row.layer, row.code)
    routing_layer = connection.execute(select(city.c.routing_layer)).scalar()
    first = routing_layer or min(by_layer, default=None)
    ordered = sorted(by_layer.items(), key=lambda item: item[0] != first)
    layers = tuple(DistrictLayer(layer, tuple(items)) for layer, items in ordered)
    return layers, keys


def _definitions(
    connection: Connection, service_codes: dict[int, str]
) -> tuple[ServiceDefinition, ...]:
    a = service_attributes.c
    questions: dict[int, list[ServiceAttribute]] = defaultdict(list)
    statement = select(service_attributes).order_by(a.service_id, a.position, a.id)
    for row in connection.execute(statement).mappings():
        questions[int(row["service_id"])].append(attribute_from_row(row))
    return tuple(
        ServiceDefinition(service_codes[service_id], tuple(questions[service_id]))
        for service_id in sorted(questions)
    )


def _service_settings(
    row: Any, policy_codes: dict[int, str], queue_codes: dict[int, str]
) -> ServiceSettings:
    return ServiceSettings(
        service=row["code"],
        sla_policy=policy_codes[row["sla_policy_id"]] if row["sla_policy_id"] else None,
        default_queue=queue_codes[row["default_queue_id"]] if row["default_queue_id"] else None,
        default_priority=Priority(row["default_priority"]),
        staff_only=row["staff_only"],
        active=row["active"],
        notice=row["notice"],
        dup_enabled=row["dup_enabled"],
        dup_radius_m=row["dup_radius_m"],
        dup_window_days=row["dup_window_days"],
        dup_include_closed=row["dup_include_closed"],
    )


def _calendar(row: Any) -> Calendar:
    days = frozenset(int(day) for day in row.working_days.split(",") if day.strip())
    return Calendar(
        code=row.code,
        time_zone=row.time_zone,
        working_days=days,
        work_start=time.fromisoformat(row.work_start),
        work_end=time.fromisoformat(row.work_end),
        holiday_country=row.holiday_country,
        holiday_subdivision=row.holiday_subdivision,
    )


def _routing(
    connection: Connection,
    service_codes: dict[int, str],
    district_keys: dict[int, tuple[str, str]],
    queue_codes: dict[int, str],
) -> tuple[RoutingRow, ...]:
    rules = []
    for row in connection.execute(select(routing_rules).order_by(routing_rules.c.id)):
        layer, district = district_keys[row.district_id] if row.district_id else (None, None)
        rules.append(
            RoutingRow(
                queue=queue_codes[row.queue_id],
                service=service_codes[row.service_id] if row.service_id else None,
                group=None if row.service_id else row.service_group,
                layer=layer,
                district=district,
                priority=Priority(row.priority) if row.priority else None,
                rank=row.rank,
                note=row.note,
            )
        )
    return tuple(rules)


def _staff(connection: Connection, queue_codes: dict[int, str]) -> tuple[StaffRow, ...]:
    queues_of: dict[int, list[str]] = defaultdict(list)
    memberships = select(staff_queues.c.staff_id, staff_queues.c.queue_id).order_by(
        staff_queues.c.staff_id, staff_queues.c.queue_id
    )
    for staff_id, queue_id in connection.execute(memberships):
        queues_of[int(staff_id)].append(queue_codes[queue_id])
    return tuple(
        StaffRow(row.login, row.display_name, Role(row.role), row.email, tuple(queues_of[row.id]))
        for row in connection.execute(select(staff).order_by(staff.c.id))
    )


def _addresses(connection: Connection) -> tuple[AddressPoint, ...]:
    a = addresses.c
    statement = select(
        a.house_number, a.street, a.unit, a.zipcode, a.lat, a.lon, a.full_address
    ).order_by(a.id)
    return tuple(
        AddressPoint(
            number,
            street,
            unit,
            zipcode or "",
            lat,
            lon,
            locality_of(full, number, street, unit, zipcode or ""),
        )
        for number, street, unit, zipcode, lat, lon, full in connection.execute(statement)
    )
