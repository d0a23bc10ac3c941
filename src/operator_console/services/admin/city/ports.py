"""What city settings administration reads and writes, and the unit of work port."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.city_bundle.model import CitySettings
from operator_console.services.unit_of_work import UnitOfWork


def settings_data(settings: CitySettings) -> dict[str, Any]:
    """The settings as JSON for the audit trail."""
    return {
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
    }


@dataclass(frozen=True)
class CityDraft:
    """The settings as the administrator typed them (nothing checked yet)."""

    name: str
    time_zone: str
    phone_region: str
    reference_prefix: str
    languages: str  # codes separated by commas, the default first: "en, es"
    map_lat: str
    map_lon: str
    map_zoom: str
    unknown_lat: str = ""  # both empty: the city has no "location unknown" point
    unknown_lon: str = ""


class CityAdminUnitOfWork(UnitOfWork, Protocol):
    """One transaction's reads and writes of the city's settings; rolls back unless committed."""

    def settings(self) -> CitySettings:
        """The city's settings (CitySettingsMissingError when the database has none)."""

    def save(self, before: CitySettings, after: CitySettings, event: ConfigEvent) -> bool:
        """Write `after` with the event, only while the row still holds `before`; False when
        it does not any more."""
