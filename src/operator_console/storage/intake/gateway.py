"""`IntakeGateway` over SQLAlchemy: the catalog, the map, earlier requests, a pin's place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from operator_console.services.intake.gateway import (
    CallerHistory,
    EarlierRequest,
    KnownCaller,
    MapSetup,
    PinPlace,
    ServiceChoice,
)
from operator_console.storage.catalog.rows import load_questions
from operator_console.storage.db.city_settings import city_settings
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import callers, districts, service_requests, services
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork

NearestAddress = Callable[[float, float], str | None]


@speaks_service_errors
class SqlIntakeGateway:
    """Every method opens its own short connection; call them off the Qt thread."""

    def __init__(
        self,
        engine: Engine,
        nearest_address: NearestAddress,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._engine = engine
        self._nearest_address = nearest_address
        self._clock = clock

    def catalog(self) -> list[ServiceChoice]:
        s = services.c
        with self._engine.connect() as connection:
            rows = connection.execute(select(services).where(s.active).order_by(s.name)).all()
            return [
                ServiceChoice(
                    code=row.code,
                    name=row.name,
                    group=row.group_name,
                    description=row.description,
                    keywords=tuple(k.strip() for k in row.keywords.split(",") if k.strip()),
                    notice=row.notice,
                    staff_only=row.staff_only,
                    questions=load_questions(connection, row.id),
                )
                for row in rows
            ]

    def service_usage(self, window: timedelta) -> dict[str, int]:
        r = service_requests.c
        statement = (
            select(services.c.code, func.count(r.id))
            .join(services, services.c.id == r.service_id)
            .where(r.created_at >= self._clock() - window)
            .group_by(services.c.code)
        )
        with self._engine.connect() as connection:
            return {code: int(count) for code, count in connection.execute(statement)}

    def map_setup(self) -> MapSetup:
        with self._engine.connect() as connection:
            settings = city_settings(connection)
            outlines = connection.execute(
                select(districts.c.code, districts.c.name, districts.c.layer, districts.c.geometry)
            ).all()
        features: list[dict[str, Any]] = [
            {
                "type": "Feature",
                "properties": {"code": row.code, "name": row.name, "layer": row.layer},
                "geometry": row.geometry,
            }
            for row in outlines
        ]
        unknown = None
        if settings.unknown_lat is not None and settings.unknown_lon is not None:
            unknown = (settings.unknown_lat, settings.unknown_lon)
        return MapSetup(
            center_lat=settings.map_lat,
            center_lon=settings.map_lon,
            zoom=settings.map_zoom,
            districts_geojson={"type": "FeatureCollection", "features": features},
            unknown_location=unknown,
            time_zone=settings.time_zone,
            phone_region=settings.phone_region,
            city_name=settings.name,
        )

    def caller_history(self, phone_e164: str, limit: int = 5) -> CallerHistory:
        r = service_requests.c
        known = (
            select(
                callers.c.name,
                callers.c.email,
                callers.c.preferred_channel,
                callers.c.no_messages,
            )
            .where(callers.c.phone == phone_e164)
            .order_by(callers.c.id)
            .limit(1)
        )
        earlier = (
            select(r.reference, services.c.name, r.status, r.created_at, r.address)
            .join(services, services.c.id == r.service_id)
            .join(callers, callers.c.id == r.caller_id)
            .where(callers.c.phone == phone_e164)
            .order_by(r.created_at.desc())
            .limit(limit)
        )
        with self._engine.connect() as connection:
            caller = connection.execute(known).first()
            requests = tuple(EarlierRequest(*row) for row in connection.execute(earlier))
        if caller is None:
            return CallerHistory(None, requests)
        known_caller = KnownCaller(
            caller.name, caller.email or "", caller.preferred_channel, bool(caller.no_messages)
        )
        return CallerHistory(known_caller, requests)

    def place_at(self, latitude: float, longitude: float) -> PinPlace:
        with SqlIntakeUnitOfWork(self._engine) as uow:
            district = uow.districts_at(latitude, longitude).recorded
        address = self._nearest_address(latitude, longitude) or ""
        if district is None:
            return PinPlace(address, None, None)
        return PinPlace(address, district.code, district.name)
