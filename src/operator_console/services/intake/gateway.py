"""What the intake form reads from the database, as one port the storage layer implements
(the submission itself is `submission.submit`, over an `IntakeUnitOfWork`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from operator_console.domain.catalog_search import SearchableService
from operator_console.domain.open311 import ServiceAttribute


@dataclass(frozen=True)
class ServiceChoice:
    """A service as the operator picks it: what to search, say and ask."""

    code: str
    name: str
    group: str
    description: str
    keywords: tuple[str, ...]
    notice: str
    staff_only: bool
    questions: tuple[ServiceAttribute, ...]
    uses: int = 0  # requests for it over a recent window (see services.category_catalog)

    def searchable(self) -> SearchableService:
        return SearchableService(
            self.code, self.name, self.group, self.keywords, self.staff_only, self.uses
        )


@dataclass(frozen=True)
class EarlierRequest:
    """A request the same caller made before."""

    reference: str
    service: str
    status: str
    created_at: datetime
    address: str


@dataclass(frozen=True)
class KnownCaller:
    """What the caller of a known number gave last: the name as stored, the e-mail and how
    they want to hear back (a channel, or no messages)."""

    name: str
    email: str
    preferred_channel: str | None = None
    no_messages: bool = False


@dataclass(frozen=True)
class CallerHistory:
    """What the console knows of a phone number: its caller and their latest requests."""

    caller: KnownCaller | None
    earlier: tuple[EarlierRequest, ...]


@dataclass(frozen=True)
class PinPlace:
    """What is at a map pin: the nearest known address and the district a case records there
    (of the city's routing layer), if any."""

    address: str
    district_code: str | None
    district_name: str | None


@dataclass(frozen=True)
class MapSetup:
    """Where the map starts and what it outlines."""

    center_lat: float
    center_lon: float
    zoom: int
    districts_geojson: dict[str, Any]
    unknown_location: tuple[float, float] | None
    time_zone: str
    phone_region: str
    city_name: str = ""


class IntakeGateway(Protocol):
    """Reads for the intake form; every call may block."""

    def catalog(self) -> list[ServiceChoice]: ...

    def service_usage(self, window: timedelta) -> dict[str, int]:
        """Requests per service code opened within `window` before now; unused ones left out."""
        ...

    def map_setup(self) -> MapSetup: ...

    def caller_history(self, phone_e164: str, limit: int = 5) -> CallerHistory: ...

    def place_at(self, latitude: float, longitude: float) -> PinPlace: ...
