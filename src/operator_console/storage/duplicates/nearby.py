"""Requests near a pin, read on the indexes of migration 0003: one statement per dialect."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    exists,
    func,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.sql import Executable
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.duplicates import (
    METRES_PER_DEGREE_LAT,
    BoundingBox,
    ExistingRequest,
    bounding_box,
)
from operator_console.services.duplicates.ports import NearbyRequest
from operator_console.services.duplicates.rules import boxes_around_unknown
from operator_console.storage.db.tables import attachments, service_requests

# Migration 0003_duplicate_candidates indexes exactly these expressions and predicates; the
# planners only use the indexes when the query repeats them word for word.
BANDS_PER_DEGREE = 500  # latitude bands 0.002 degrees (about 222 m) high
BAND_EXPRESSION = {
    "postgresql": "floor(lat * 500)",
    "sqlite": "CAST(lat * 500 AS INTEGER)",  # SQLite may lack floor(); truncation is monotonic
}
LATITUDE_EXPRESSION = {"postgresql": "(lat * 500)", "sqlite": "lat"}
OPEN_PREDICATE = "status NOT IN ('resolved', 'closed')"
FINISHED_PREDICATE = "status IN ('resolved', 'closed')"
NOT_DUPLICATE = "(closure_reason IS NULL OR closure_reason <> 'duplicate')"
CIRCLE_MARGIN = 1.01  # the flat circle in SQL keeps a little more than the exact distance
# Outside the index, a cheap circle: the corners of the box are not sent back to be scored.
IN_CIRCLE = (
    "(lat - :lat) * (lat - :lat) * :lat_scale + (lon - :lon) * (lon - :lon) * :lon_scale "
    "<= :radius_squared"
)
r = service_requests.c

# PostgreSQL: the (band, box) pieces come in as a VALUES list of a fixed length (a multiple of
# SLOTS, padded with bands no row has), so there are a handful of statement texts; psycopg
# prepares each once per connection (after five runs) and the server keeps one generic plan
# instead of planning every search again (about 1.5 ms with the table's many indexes). For each
# piece the band is an index equality, so the longitude range after it narrows the scan (a list
# of bands would be left to a filter), and the latitude range is checked in the index too.
SLOTS = 4
NO_BAND = -1.0e9
_NAMED = re.compile(r"(?<![:\w]):(\w+)")
_PG_COLUMNS = (
    "id, reference, service_id, status, lat, lon, address, description, created_at, "
    "coalesce(resolved_at, closed_at) AS finished_at, callers_count, version, "
    "EXISTS (SELECT 1 FROM attachments WHERE attachments.request_id = service_requests.id) "
    "AS has_photo"
)
_PG_IN_BOX = (
    f"service_id = ANY(CAST(:kin AS integer[])) AND {BAND_EXPRESSION['postgresql']} = box.band "
    f"AND lon BETWEEN box.west AND box.east "
    f"AND {LATITUDE_EXPRESSION['postgresql']} BETWEEN box.south AND box.north AND {IN_CIRCLE}"
)
_PG_OPEN = f"SELECT {_PG_COLUMNS} FROM service_requests WHERE {_PG_IN_BOX} AND {OPEN_PREDICATE}"
_PG_FINISHED = (
    f"SELECT {_PG_COLUMNS} FROM service_requests WHERE {_PG_IN_BOX} AND {FINISHED_PREDICATE} "
    f"AND coalesce(resolved_at, closed_at) >= :since AND {NOT_DUPLICATE}"
)


Kin = Mapping[int, tuple[str, str, str]]  # service id -> (code, name, group)


@dataclass(frozen=True)
class DriverQuery:
    """SQL handed to the driver as it is (psycopg's `%(name)s` parameters): a search runs
    often enough that SQLAlchemy's compiling and caching of forty parameters shows."""

    sql: str
    params: dict[str, Any]


def bands(min_lat: float, max_lat: float, dialect: str) -> list[float] | list[int]:
    """Every latitude band value the dialect's expression gives between the two latitudes."""
    if dialect == "postgresql":
        low, high = math.floor(min_lat * BANDS_PER_DEGREE), math.floor(max_lat * BANDS_PER_DEGREE)
        return [float(band) for band in range(low, high + 1)]
    low, high = int(min_lat * BANDS_PER_DEGREE), int(max_lat * BANDS_PER_DEGREE)
    return list(range(low, high + 1))


def nearby_statement(
    dialect: str,
    kin: Sequence[int],
    lat: float,
    lon: float,
    radius_m: float,
    unknown: tuple[float, float] | None,
    closed_since: datetime | None,
) -> Executable | DriverQuery:
    """Requests of the `kin` services about `radius_m` around the pin (a superset of the exact
    circle), never on the unknown point: the open ones, and with `closed_since` those finished
    since then (not closed as duplicates)."""
    pieces = [
        (band, part)
        for part in boxes_around_unknown(bounding_box(lat, lon, radius_m), unknown)
        for band in bands(part.min_lat, part.max_lat, dialect)
    ]
    lat_scale = METRES_PER_DEGREE_LAT**2
    circle = {
        "lat": lat,
        "lon": lon,
        "lat_scale": lat_scale,
        "lon_scale": lat_scale * math.cos(math.radians(lat)) ** 2,
        "radius_squared": (radius_m * CIRCLE_MARGIN + 1.0) ** 2,
    }
    if dialect == "postgresql":
        return _postgresql(sorted(kin), pieces, circle, closed_since)
    return _portable(dialect, sorted(kin), pieces, circle, closed_since)


@lru_cache(maxsize=32)
def _pg_sql(slots: int, finished: bool) -> str:
    values = ", ".join(
        f"(CAST(:band_{i} AS float8), CAST(:west_{i} AS float8), CAST(:east_{i} AS float8), "
        f"CAST(:south_{i} AS float8), CAST(:north_{i} AS float8))"
        for i in range(slots)
    )
    boxes = f"(VALUES {values}) AS box(band, west, east, south, north)"
    inner = f"{_PG_OPEN} UNION ALL {_PG_FINISHED}" if finished else _PG_OPEN
    sql = f"SELECT found.* FROM {boxes} CROSS JOIN LATERAL ({inner}) AS found"
    return _NAMED.sub(r"%(\1)s", sql)


def _postgresql(
    kin: list[int],
    pieces: list[tuple[Any, BoundingBox]],
    circle: dict[str, float],
    closed_since: datetime | None,
) -> DriverQuery:
    slots = SLOTS * max(1, math.ceil(len(pieces) / SLOTS))
    values: dict[str, Any] = {"kin": kin, **circle}
    for i in range(slots):
        band, part = pieces[i] if i < len(pieces) else (NO_BAND, BoundingBox(0, 0, 0, 0))
        values |= {
            f"band_{i}": band,
            f"west_{i}": part.min_lon,
            f"east_{i}": part.max_lon,
            f"south_{i}": part.min_lat * BANDS_PER_DEGREE,
            f"north_{i}": part.max_lat * BANDS_PER_DEGREE,
        }
    if closed_since is not None:
        values["since"] = closed_since
    return DriverQuery(_pg_sql(slots, closed_since is not None), values)


def _portable(
    dialect: str,
    kin: list[int],
    pieces: list[tuple[Any, BoundingBox]],
    circle: dict[str, float],
    closed_since: datetime | None,
) -> Executable:
    """SQLite: a UNION ALL of one branch per band (its planner handles the lists itself)."""
    band = literal_column(BAND_EXPRESSION[dialect], Integer())
    finished_at = func.coalesce(r.resolved_at, r.closed_at)
    photo = exists().where(attachments.c.request_id == r.id)
    columns = (
        *(r.id, r.reference, r.service_id, r.status, r.lat, r.lon, r.address, r.description),
        *(r.created_at, finished_at.label("finished_at"), r.callers_count, r.version),
        photo.label("has_photo"),
    )
    in_circle = text(IN_CIRCLE).bindparams(**circle)
    selects = []
    for value, part in pieces:
        where: list[ColumnElement[bool]] = [
            r.service_id.in_(kin),
            band == value,
            r.lon.between(part.min_lon, part.max_lon),
            r.lat.between(part.min_lat, part.max_lat),
            in_circle,  # type: ignore[list-item]
        ]
        selects.append(select(*columns).where(*where, literal_column(OPEN_PREDICATE)))
        if closed_since is not None:
            selects.append(
                select(*columns).where(
                    *where,
                    literal_column(FINISHED_PREDICATE),
                    finished_at >= closed_since,
                    literal_column(NOT_DUPLICATE),
                )
            )
    return selects[0] if len(selects) == 1 else union_all(*selects)


def nearby(
    connection: Connection,
    kin: Kin,
    lat: float,
    lon: float,
    radius_m: float,
    unknown: tuple[float, float] | None,
    closed_since: datetime | None,
) -> list[NearbyRequest]:
    """`nearby_statement`'s rows as the domain sees them, each request once."""
    statement = nearby_statement(
        connection.dialect.name, list(kin), lat, lon, radius_m, unknown, closed_since
    )
    if isinstance(statement, DriverQuery):
        rows = connection.exec_driver_sql(statement.sql, statement.params).all()
    else:
        rows = connection.execute(statement).all()
    found: dict[int, NearbyRequest] = {}
    for row in rows:
        if row.id not in found:
            found[row.id] = _nearby_row(row, kin)
    return list(found.values())


def _nearby_row(row: Any, kin: Kin) -> NearbyRequest:
    code, name, group = kin[row.service_id]
    is_open = row.status not in ("resolved", "closed")
    request = ExistingRequest(
        id=str(row.id),
        reference=row.reference,
        service_code=code,
        service_group=group,
        lat=row.lat,
        lon=row.lon,
        address=row.address,
        description=row.description,
        status="open" if is_open else "closed",
        opened_at=row.created_at,
        closed_at=None if is_open else row.finished_at,
        callers=row.callers_count,
    )
    return NearbyRequest(request, row.status, row.version, name, bool(row.has_photo))
