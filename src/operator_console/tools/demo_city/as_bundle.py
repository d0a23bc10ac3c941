"""The derived demo city as a `CityBundle`, written by the same writer as `city export`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from pathlib import Path
from typing import Any

from operator_console.domain.lifecycle import Priority
from operator_console.domain.open311 import (
    AttributeValue,
    Datatype,
    Service,
    ServiceAttribute,
    ServiceDefinition,
)
from operator_console.domain.permissions import Role
from operator_console.services.city_bundle.model import (
    AddressPoint,
    Basemap,
    Calendar,
    CityBundle,
    CitySettings,
    Department,
    District,
    DistrictLayer,
    Queue,
    RoutingRow,
    ServiceSettings,
    SlaPolicyRow,
    StaffRow,
)
from operator_console.tools.demo_city.wards import Ward

WARD_LAYER = "ward"
STATE = "MA"
STREETS = "streets.geojson.gz"
STREET_TILES = "streets.mbtiles"
STREETS_ATTRIBUTION = "© OpenStreetMap contributors"


def demo_bundle(
    out_dir: Path,
    city: dict[str, Any],
    catalog: dict[str, Any],
    wards: Sequence[Ward],
    rules: Sequence[dict[str, Any]],
    addresses: Sequence[Sequence[Any]],
) -> CityBundle:
    """The bundle of the derived city (the history is not part of it); its `[basemap]` names
    the street files when `out_dir` holds them (they are not derived: streets-LICENSE.md)."""
    settings = city["settings"]
    calendar = city["business_calendar"]
    services = catalog["services"]
    return CityBundle(
        root=out_dir,
        settings=CitySettings(
            name=settings["name"],
            time_zone=settings["time_zone"],
            phone_region=settings["phone_region"],
            reference_prefix=settings["reference_prefix"],
            languages=("en",),
            map_center=(settings["map_lat"], settings["map_lon"]),
            map_zoom=settings["map_zoom"],
            unknown_location=(settings["unknown_lat"], settings["unknown_lon"]),
        ),
        layers=(
            DistrictLayer(
                WARD_LAYER,
                tuple(District(ward.code, ward.name, ward.geometry) for ward in wards),
            ),
        ),
        departments=tuple(Department(d["code"], d["name"]) for d in catalog["departments"]),
        queues=tuple(Queue(q["code"], q["name"], q["department"]) for q in catalog["queues"]),
        services=tuple(_service(service) for service in services),
        definitions=tuple(
            ServiceDefinition(
                service["code"],
                tuple(
                    _question(question, order)
                    for order, question in enumerate(service["attributes"], start=1)
                ),
            )
            for service in services
            if service["attributes"]
        ),
        service_settings=tuple(
            ServiceSettings(
                service=service["code"],
                sla_policy=service["sla_policy"],
                default_queue=service["default_queue"],
                default_priority=Priority(service["default_priority"]),
                staff_only=service["staff_only"],
                notice=service["notice"],
                dup_enabled=service["dup_enabled"],
            )
            for service in services
        ),
        calendars=(
            Calendar(
                code=calendar["code"],
                time_zone=calendar["time_zone"],
                working_days=frozenset(int(day) for day in calendar["working_days"].split(",")),
                work_start=time.fromisoformat(calendar["work_start"]),
                work_end=time.fromisoformat(calendar["work_end"]),
                holiday_country=calendar["holiday_country"],
                holiday_subdivision=calendar["holiday_subdivision"],
            ),
        ),
        closures=(),
        sla_policies=tuple(
            SlaPolicyRow(
                code=policy["code"],
                name=policy["name"],
                target_hours=float(policy["target_hours"]),
                clock=policy["clock"],
                calendar=calendar["code"],
            )
            for policy in catalog["sla_policies"]
        ),
        routing=tuple(
            RoutingRow(
                queue=rule["queue"],
                service=rule["service"],
                layer=WARD_LAYER if rule["ward"] else None,
                district=rule["ward"],
                rank=int(rule["rank"]),
                note=rule["note"],
            )
            for rule in rules
        ),
        staff=tuple(
            StaffRow(
                member["login"],
                member["display_name"],
                Role(member["role"]),
                None,
                tuple(member["queues"]),
            )
            for member in city["staff"]
        ),
        addresses=tuple(_address(row) for row in addresses),
        basemap=(
            Basemap(STREETS, STREET_TILES, STREETS_ATTRIBUTION)
            if (out_dir / STREETS).is_file()
            else None
        ),
    )


def _service(service: dict[str, Any]) -> Service:
    return Service(
        service_code=service["code"],
        service_name=service["name"],
        description=service["description"],
        metadata=bool(service["attributes"]),
        type="realtime",
        keywords=tuple(word.strip() for word in service["keywords"].split(",") if word.strip()),
        group=service["group"],
    )


def _question(question: dict[str, Any], order: int) -> ServiceAttribute:
    return ServiceAttribute(
        code=question["code"],
        variable=question["variable"],
        datatype=Datatype(question["datatype"]),
        required=question["required"],
        datatype_description=question["datatype_description"] or None,
        order=order,
        description=question["description"],
        values=tuple(AttributeValue(v["key"], v["name"]) for v in question["values"] or ()),
    )


def _address(row: Sequence[Any]) -> AddressPoint:
    """A gazetteer row (number, street, neighbourhood, ZIP, lat, lon, ward) as a bundle point;
    the state goes with the neighbourhood, so the full address reads "..., Boston, MA 02115"."""
    number, street, locality, zipcode, lat, lon, _ward = row
    return AddressPoint(
        number, street, "", zipcode, lat, lon, f"{locality}, {STATE}" if locality else STATE
    )
