"""The city's settings row, written only while it still holds what was read, with its line in
the configuration's audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, update

from operator_console.services.admin.audit import ConfigEvent
from operator_console.services.city_bundle.model import CitySettings
from operator_console.storage.admin.audit import write_config_event
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import city


@speaks_service_errors
class SqlCityAdminUnitOfWork(SqlConnectionScope):
    """`CityAdminUnitOfWork` over one connection; rolls back unless `commit()` was called."""

    def settings(self) -> CitySettings:
        row = city_settings(self.connection)
        unknown = None
        if row.unknown_lat is not None and row.unknown_lon is not None:
            unknown = (float(row.unknown_lat), float(row.unknown_lon))
        return CitySettings(
            name=row.name,
            time_zone=row.time_zone,
            phone_region=row.phone_region,
            reference_prefix=row.reference_prefix,
            languages=tuple(code for code in row.languages.split(",") if code),
            map_center=(float(row.map_lat), float(row.map_lon)),
            map_zoom=int(row.map_zoom),
            unknown_location=unknown,
        )

    def save(self, before: CitySettings, after: CitySettings, event: ConfigEvent) -> bool:
        held = _columns(before)
        changed = self.connection.execute(
            update(city)
            .where(
                and_(*(city.c[name].is_not_distinct_from(value) for name, value in held.items()))
            )
            .values(**_columns(after))
        )
        if changed.rowcount != 1:
            return False
        write_config_event(self.connection, event)
        return True


def _columns(settings: CitySettings) -> dict[str, Any]:
    unknown = settings.unknown_location
    return {
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
    }
