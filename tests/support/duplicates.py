"""Calls submitted through the real intake, the duplicate use cases on a real database, and
reads, for the duplicate tests."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, IntakeDraft, Location
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.intake.submission import IntakeReceipt, Submission, submit
from operator_console.storage.db.tables import (
    city,
    request_events,
    request_followers,
    service_requests,
    services,
)
from operator_console.storage.duplicates.store import SqlDuplicateStore
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.staff import OPERATOR1

VEHICLES = "abandoned-vehicles"  # often reported twice: 12.6% of the demo closed as duplicates
VEHICLES_NAME = "Abandoned Vehicles"
LIGHTS = "street-light-outages"  # seldom closed as duplicates: about 1% of the demo
LIGHTS_ANSWERS = {"lights_out": "one"}
HARBOR = (42.3300, -70.9500)  # open water: no request of the demo city within kilometres
METRES_PER_DEGREE = 111_320.0
ANA = Caller("Ana", "Lopes", "617 555 0142", "ana@example.org")
BEN = Caller("Ben", "Okafor", "617-555-0199", "")
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(200)  # a PNG signature is all intake checks


def offset(
    lat: float, lon: float, north_m: float = 0.0, east_m: float = 0.0
) -> tuple[float, float]:
    """The point `north_m` north and `east_m` east of (lat, lon)."""
    east = east_m / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    return lat + north_m / METRES_PER_DEGREE, lon + east


def submit_call(
    engine: Engine,
    caller: Caller,
    lat: float,
    lon: float,
    description: str = "Grey van, flat tyres, has not moved for weeks.",
    address: str = "",
    photo: bytes | None = None,
    service_code: str = VEHICLES,
    answers: dict[str, str] | None = None,
) -> IntakeReceipt:
    """A call (an abandoned vehicle unless told) submitted as an operator would, with the real
    clock."""
    photos = () if photo is None else (Attachment("van.png", len(photo), photo[:16]),)
    draft = IntakeDraft(
        caller=caller,
        location=Location(lat, lon, address),
        service_code=service_code,
        answers=answers or {},
        description=description,
        attachments=photos,
    )
    submission = Submission(str(uuid.uuid4()), draft, attachment_contents=(photo,) if photo else ())
    return submit(lambda: SqlIntakeUnitOfWork(engine), submission, OPERATOR1, datetime.now(UTC))


def duplicate_desk(
    engine: Engine,
    staff: StaffIdentity = OPERATOR1,
    clock: Callable[[], datetime] | None = None,
) -> DuplicateDesk:
    """The duplicate use cases as `staff` at a console would run them, over `engine`."""
    store = SqlDuplicateStore(engine)
    return DuplicateDesk(store.unit_of_work, store.reads, staff, clock)


def request_row(engine: Engine, request_id: int) -> Any:
    with engine.connect() as connection:
        return connection.execute(
            select(service_requests).where(service_requests.c.id == request_id)
        ).one()


def follower_ids(engine: Engine, request_id: int) -> list[int]:
    with engine.connect() as connection:
        return sorted(
            connection.execute(
                select(request_followers.c.caller_id).where(
                    request_followers.c.request_id == request_id
                )
            ).scalars()
        )


def events(engine: Engine, request_id: int) -> list[tuple[str, str | None, str]]:
    """(kind, to_value, actor) of the request's history, oldest first."""
    e = request_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.to_value, e.actor)
            .where(e.request_id == request_id)
            .order_by(e.at, e.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def count(engine: Engine, table: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def unknown_location(engine: Engine) -> tuple[float, float]:
    with engine.connect() as connection:
        row = connection.execute(select(city.c.unknown_lat, city.c.unknown_lon)).one()
    return float(row.unknown_lat), float(row.unknown_lon)


def newest_open_request(engine: Engine, service_code: str = VEHICLES) -> Any:
    """The newest open request of the service that is not on the "location unknown" point."""
    unknown_lat, unknown_lon = unknown_location(engine)
    r = service_requests.c
    with engine.connect() as connection:
        return connection.execute(
            select(r.id, r.reference, r.lat, r.lon, r.version, r.callers_count)
            .join(services, services.c.id == r.service_id)
            .where(
                services.c.code == service_code,
                r.status == "in_queue",
                (func.abs(r.lat - unknown_lat) > 0.001) | (func.abs(r.lon - unknown_lon) > 0.001),
            )
            .order_by(r.id.desc())
            .limit(1)
        ).one()
