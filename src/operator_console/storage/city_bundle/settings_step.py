"""The city's settings, business calendars with their closure days, and SLA policies."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, update

from operator_console.services.city_bundle.model import Calendar, CityBundle
from operator_console.storage.city_bundle.coded import upsert_by_key
from operator_console.storage.db.tables import (
    business_calendars,
    calendar_closures,
    city,
    sla_policies,
)
from operator_console.storage.demo_city.files import DemoDataError, default_data_dir


def write_city(connection: Connection, bundle: CityBundle) -> None:
    """The single city row, created or updated; its base map is the bundle's built street tiles
    when the bundle is a folder that holds them, else left as it is."""
    settings = bundle.settings
    unknown = settings.unknown_location
    values = {
        "name": settings.name,
        "time_zone": settings.time_zone,
        "phone_region": settings.phone_region,
        "reference_prefix": settings.reference_prefix,
        "languages": ",".join(settings.languages),
        "map_lat": settings.map_center[0],
        "map_lon": settings.map_center[1],
        "map_zoom": settings.map_zoom,
        "unknown_lat": unknown[0] if unknown else None,
        "unknown_lon": unknown[1] if unknown else None,
        "routing_layer": bundle.layers[0].layer if bundle.layers else None,
        **street_tiles(bundle),
    }
    if connection.execute(select(city.c.id)).first() is None:
        connection.execute(insert(city).values(id=1, **values))
    else:
        connection.execute(update(city).where(city.c.id == 1).values(**values))


def street_tiles(bundle: CityBundle) -> dict[str, str]:
    """The city's tile_url and attribution for the bundle's built street tiles, if any.

    The demo city's tiles are named relative to its folder (wherever the console is installed);
    another city's by their absolute path, which every console must be able to read (a shared
    folder), unless a console's settings.toml names its own tile_url.
    """
    basemap = bundle.basemap
    if basemap is None or basemap.tiles is None or not bundle.root.is_dir():
        return {}
    tiles = (bundle.root / basemap.tiles).resolve()
    if not tiles.is_file():
        return {}
    try:
        in_demo = bundle.root.resolve() == default_data_dir().resolve()
    except DemoDataError:
        in_demo = False
    return {
        "tile_url": basemap.tiles if in_demo else str(tiles),
        "attribution": basemap.attribution,
    }


def calendar_values(calendar: Calendar) -> dict[str, object]:
    return {
        "code": calendar.code,
        "time_zone": calendar.time_zone,
        "working_days": ",".join(str(day) for day in sorted(calendar.working_days)),
        "work_start": calendar.work_start.strftime("%H:%M"),
        "work_end": calendar.work_end.strftime("%H:%M"),
        "holiday_country": calendar.holiday_country,
        "holiday_subdivision": calendar.holiday_subdivision,
    }


def write_calendars(connection: Connection, bundle: CityBundle) -> dict[str, int]:
    """Calendars by code; each bundle calendar's closure days become exactly the bundle's."""
    ids = upsert_by_key(
        connection, business_calendars, [calendar_values(c) for c in bundle.calendars]
    )
    listed = [ids[calendar.code] for calendar in bundle.calendars]
    if listed:
        connection.execute(
            delete(calendar_closures).where(calendar_closures.c.calendar_id.in_(listed))
        )
    if bundle.closures:
        connection.execute(
            insert(calendar_closures),
            [
                {"calendar_id": ids[c.calendar], "day": c.day.isoformat(), "name": c.name}
                for c in bundle.closures
            ],
        )
    return {str(code): row_id for code, row_id in ids.items()}


def write_sla_policies(
    connection: Connection, bundle: CityBundle, calendar_ids: dict[str, int]
) -> dict[str, int]:
    rows = [
        {
            "code": policy.code,
            "name": policy.name,
            "clock": policy.clock,
            "target_hours": float(policy.target_hours),
            "at_risk_fraction": float(policy.at_risk_fraction),
            "calendar_id": calendar_ids[policy.calendar] if policy.calendar else None,
        }
        for policy in bundle.sla_policies
    ]
    return {
        str(code): row_id for code, row_id in upsert_by_key(connection, sla_policies, rows).items()
    }
