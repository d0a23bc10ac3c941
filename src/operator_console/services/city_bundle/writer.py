"""Write a city bundle's files (docs/city-bundle.md) from a `CityBundle`."""

from __future__ import annotations

from pathlib import Path

from operator_console.domain.open311 import service_definition_to_json, services_to_json
from operator_console.services.city_bundle import file_formats as out
from operator_console.services.city_bundle.model import (
    FORMAT_VERSION,
    Calendar,
    CityBundle,
    DistrictLayer,
    ServiceSettings,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEPARTMENT_COLUMNS = ("code", "name", "email", "phone")
QUEUE_COLUMNS = ("code", "name", "department", "kind", "parent", "active")
SERVICE_SETTINGS_COLUMNS = (
    "service",
    "sla_policy",
    "default_queue",
    "default_priority",
    "staff_only",
    "active",
    "notice",
    "dup_enabled",
    "dup_radius_m",
    "dup_window_days",
    "dup_include_closed",
)
CALENDAR_COLUMNS = (
    "code",
    "time_zone",
    "working_days",
    "work_start",
    "work_end",
    "holiday_country",
    "holiday_subdivision",
)
CLOSURE_COLUMNS = ("calendar", "day", "name")
SLA_COLUMNS = ("code", "name", "target_hours", "clock", "calendar", "at_risk_fraction")
ROUTING_COLUMNS = ("service", "group", "layer", "district", "queue", "priority", "rank", "note")
STAFF_COLUMNS = ("login", "name", "role", "email", "queues")
ADDRESS_COLUMNS = ("number", "street", "unit", "zip", "lat", "lon", "locality")
ADDRESSES_FILE = "addresses.csv.gz"


def layer_file(layer: str) -> str:
    """Where a layer's districts are written: `districts/<layer>.geojson`."""
    return f"districts/{layer}.geojson"


def write_bundle(bundle: CityBundle, out_dir: Path) -> list[str]:
    """Write every file of `bundle` into `out_dir` (created; files replaced); returns the
    bundle-relative paths written. The same bundle always gives the same bytes. Service
    definitions and district files of an earlier bundle in `out_dir` are removed; the street
    files a `[basemap]` table names are not written here: they are copied beside."""
    files = bundle_files(bundle)
    for relative, data in files.items():
        out.write_file(out_dir / relative, data)
    for folder, suffix in (("services", ".json"), ("districts", ".geojson")):
        for stale in sorted((out_dir / folder).glob(f"*{suffix}")):
            if f"{folder}/{stale.name}" not in files:
                stale.unlink()  # a reader would take it for part of the city
    return list(files)


def bundle_files(bundle: CityBundle) -> dict[str, bytes]:
    """The bytes of every file of the bundle, by bundle-relative path."""
    files = {"city.toml": manifest_text(bundle).encode("utf-8")}
    for layer in bundle.layers:
        files[layer_file(layer.layer)] = _layer_bytes(layer)
    files["departments.csv"] = out.csv_bytes(
        DEPARTMENT_COLUMNS, ((d.code, d.name, d.email, d.phone) for d in bundle.departments)
    )
    files["queues.csv"] = out.csv_bytes(
        QUEUE_COLUMNS,
        ((q.code, q.name, q.department, q.kind, q.parent, q.active) for q in bundle.queues),
    )
    files["services.json"] = out.json_bytes(services_to_json(bundle.services))
    for definition in bundle.definitions:
        document = service_definition_to_json(definition)
        files[f"services/{definition.service_code}.json"] = out.json_bytes(document)
    files["service_settings.csv"] = out.csv_bytes(
        SERVICE_SETTINGS_COLUMNS, (_settings_row(row) for row in bundle.service_settings)
    )
    files["calendars.csv"] = out.csv_bytes(
        CALENDAR_COLUMNS, (_calendar_row(calendar) for calendar in bundle.calendars)
    )
    files["closures.csv"] = out.csv_bytes(
        CLOSURE_COLUMNS, ((c.calendar, c.day.isoformat(), c.name) for c in bundle.closures)
    )
    files["sla_policies.csv"] = out.csv_bytes(
        SLA_COLUMNS,
        (
            (p.code, p.name, p.target_hours, p.clock, p.calendar, p.at_risk_fraction)
            for p in bundle.sla_policies
        ),
    )
    files["routing.csv"] = out.csv_bytes(
        ROUTING_COLUMNS,
        (
            (r.service, r.group, r.layer, r.district, r.queue, r.priority, r.rank, r.note)
            for r in bundle.routing
        ),
    )
    files["staff.csv"] = out.csv_bytes(
        STAFF_COLUMNS,
        ((s.login, s.name, s.role.value, s.email, ";".join(s.queues)) for s in bundle.staff),
    )
    files[ADDRESSES_FILE] = out.gzip_bytes(out.csv_bytes(ADDRESS_COLUMNS, bundle.addresses))
    return files


def manifest_text(bundle: CityBundle) -> str:
    """city.toml: the format, the `[city]` table and one `[[districts]]` table per layer."""
    settings = bundle.settings
    parts = [
        out.toml_table("", {"format": FORMAT_VERSION}),
        out.toml_table(
            "[city]",
            {
                "name": settings.name,
                "time_zone": settings.time_zone,
                "phone_region": settings.phone_region,
                "reference_prefix": settings.reference_prefix,
                "languages": list(settings.languages),
                "map_center": list(settings.map_center),
                "map_zoom": settings.map_zoom,
                "unknown_location": (
                    list(settings.unknown_location) if settings.unknown_location else None
                ),
            },
        ),
    ]
    for layer in bundle.layers:
        parts.append(
            out.toml_table(
                "[[districts]]",
                {
                    "layer": layer.layer,
                    "file": layer_file(layer.layer),
                    "code_property": "code",
                    "name_property": "name",
                },
            )
        )
    basemap = bundle.basemap
    if basemap is not None and (basemap.streets or basemap.tiles or basemap.attribution):
        parts.append(
            out.toml_table(
                "[basemap]",
                {
                    "streets": basemap.streets,
                    "tiles": basemap.tiles,
                    "attribution": basemap.attribution or None,
                },
            )
        )
    parts.append(out.toml_table("[files]", {"addresses": ADDRESSES_FILE}))
    return "\n".join(parts)


def _layer_bytes(layer: DistrictLayer) -> bytes:
    return out.feature_collection_bytes(
        {
            "type": "Feature",
            "properties": {"code": district.code, "name": district.name},
            "geometry": district.geometry,
        }
        for district in layer.districts
    )


def _settings_row(row: ServiceSettings) -> tuple[out.Cell, ...]:
    return (
        row.service,
        row.sla_policy,
        row.default_queue,
        row.default_priority.value,
        row.staff_only,
        row.active,
        row.notice,
        row.dup_enabled,
        row.dup_radius_m,
        row.dup_window_days,
        row.dup_include_closed,
    )


def _calendar_row(calendar: Calendar) -> tuple[out.Cell, ...]:
    return (
        calendar.code,
        calendar.time_zone,
        working_days_text(calendar.working_days),
        calendar.work_start.strftime("%H:%M"),
        calendar.work_end.strftime("%H:%M"),
        calendar.holiday_country,
        calendar.holiday_subdivision,
    )


def working_days_text(days: frozenset[int]) -> str:
    """`mon-fri` for Monday to Friday, else the days' names separated by `;`."""
    if days == frozenset(range(5)):
        return "mon-fri"
    return ";".join(WEEKDAYS[day] for day in sorted(days))
