"""A whole city bundle as read and checked: every file's rows as frozen values.

Codes refer to each other as in the files (a queue names its department's code); the reader
has checked that every code referred to exists. Paths inside the bundle (district files, the
basemap) are POSIX paths relative to the bundle's folder, whether `root` is a folder or a zip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, Literal, NamedTuple

from operator_console.domain.lifecycle import Priority
from operator_console.domain.open311 import Service, ServiceDefinition
from operator_console.domain.permissions import Role
from operator_console.domain.sla import DEFAULT_AT_RISK_FRACTION, ClockKind
from operator_console.services.city_bundle.problems import BundleProblem

FORMAT_VERSION = 1
QueueKind = Literal["queue", "team", "crew"]
QUEUE_KINDS: tuple[QueueKind, ...] = ("queue", "team", "crew")
DEFAULT_RANK = 100
DEFAULT_DUP_RADIUS_M = 250.0
DEFAULT_DUP_WINDOW_DAYS = 30


@dataclass(frozen=True)
class CitySettings:
    """The `[city]` table of city.toml.

    Attributes:
        languages: language codes offered to callers, the default first.
        map_center: (latitude, longitude) where the map opens.
        unknown_location: (latitude, longitude) the old system used for "no location", or None.
    """

    name: str
    time_zone: str
    phone_region: str
    reference_prefix: str
    languages: tuple[str, ...]
    map_center: tuple[float, float]
    map_zoom: int
    unknown_location: tuple[float, float] | None = None


@dataclass(frozen=True)
class District:
    """One district: its code (text), display name and outline (a GeoJSON Polygon or
    MultiPolygon geometry dict in longitude/latitude, valid)."""

    code: str
    name: str
    geometry: Mapping[str, Any]


@dataclass(frozen=True)
class DistrictLayer:
    """The districts of one layer (ward, council...), from one GeoJSON file, in file order."""

    layer: str
    districts: tuple[District, ...]


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Queue:
    """A queue, team or crew; `parent` is the queue code a team or crew belongs to."""

    code: str
    name: str
    department: str
    kind: QueueKind = "queue"
    parent: str | None = None
    active: bool = True


@dataclass(frozen=True)
class ServiceSettings:
    """A service_settings.csv row: what Open311 does not carry about a service.

    A service with no row has `ServiceSettings(service=code)`: these defaults.
    """

    service: str
    sla_policy: str | None = None
    default_queue: str | None = None
    default_priority: Priority = Priority.NORMAL
    staff_only: bool = False
    active: bool = True
    notice: str = ""
    dup_enabled: bool = True
    dup_radius_m: float = DEFAULT_DUP_RADIUS_M
    dup_window_days: int = DEFAULT_DUP_WINDOW_DAYS
    dup_include_closed: bool = True


@dataclass(frozen=True)
class Calendar:
    """A business calendar (calendars.csv).

    Attributes:
        working_days: weekdays worked, Monday = 0 ... Sunday = 6.
        holiday_country, holiday_subdivision: codes of the `holidays` package ("US", "MA").
    """

    code: str
    time_zone: str
    working_days: frozenset[int] = frozenset(range(5))
    work_start: time = time(8, 0)
    work_end: time = time(17, 0)
    holiday_country: str | None = None
    holiday_subdivision: str | None = None


@dataclass(frozen=True)
class Closure:
    """A day a calendar is closed (closures.csv): a snow day, a local holiday."""

    calendar: str
    day: date
    name: str


@dataclass(frozen=True)
class SlaPolicyRow:
    """An SLA policy (sla_policies.csv); `calendar` is set whenever `clock` is "business"."""

    code: str
    name: str
    target_hours: float
    clock: ClockKind = "business"
    calendar: str | None = None
    at_risk_fraction: float = DEFAULT_AT_RISK_FRACTION


@dataclass(frozen=True)
class RoutingRow:
    """A routing rule (routing.csv): `service` or `group` (or neither: any) in a district
    (or anywhere) goes to `queue`. When a district is given, `layer` is too (the first layer
    when the row left it empty)."""

    queue: str
    service: str | None = None
    group: str | None = None
    layer: str | None = None
    district: str | None = None
    priority: Priority | None = None
    rank: int = DEFAULT_RANK
    note: str = ""


@dataclass(frozen=True)
class StaffRow:
    """A staff member (staff.csv): login, display name, role, email and queue codes."""

    login: str
    name: str
    role: Role
    email: str | None = None
    queues: tuple[str, ...] = ()


class AddressPoint(NamedTuple):
    """An address point for the gazetteer; lat/lon in WGS 84, empty text when not given."""

    number: str
    street: str
    unit: str
    zip: str
    lat: float
    lon: float
    locality: str


@dataclass(frozen=True)
class Basemap:
    """The `[basemap]` table: bundle-relative paths of the street centrelines and of the tiles
    built from them (None until built), and the data's attribution to show on the map."""

    streets: str | None = None
    tiles: str | None = None
    attribution: str = ""


@dataclass(frozen=True)
class CityBundle:
    """Everything a bundle says about a city, checked.

    Attributes:
        root: the folder or `.zip` the bundle was read from.
        layers: the district layers in manifest order; the first is routing's default layer.
        definitions: the questions of the services that have any (services/<code>.json).
        service_settings: the rows of service_settings.csv (see `settings_for`).
        warnings: doubtful things that do not stop a load (a service whose services.json
            says it has questions but with no definition file).
    """

    root: Path
    settings: CitySettings
    layers: tuple[DistrictLayer, ...]
    departments: tuple[Department, ...]
    queues: tuple[Queue, ...]
    services: tuple[Service, ...]
    definitions: tuple[ServiceDefinition, ...]
    service_settings: tuple[ServiceSettings, ...]
    calendars: tuple[Calendar, ...]
    closures: tuple[Closure, ...]
    sla_policies: tuple[SlaPolicyRow, ...]
    routing: tuple[RoutingRow, ...]
    staff: tuple[StaffRow, ...]
    addresses: tuple[AddressPoint, ...]
    basemap: Basemap | None = None
    warnings: tuple[BundleProblem, ...] = field(default=())
    format: int = FORMAT_VERSION

    def settings_for(self, service_code: str) -> ServiceSettings:
        """The service's settings row, or the defaults when service_settings.csv has none."""
        for row in self.service_settings:
            if row.service == service_code:
                return row
        return ServiceSettings(service=service_code)
