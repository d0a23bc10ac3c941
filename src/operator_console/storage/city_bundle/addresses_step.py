"""Address points for the gazetteer, each in the district its point lies in; COPY on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import psycopg
from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.exc import DBAPIError

from operator_console.domain.address_text import address_key
from operator_console.domain.geo import DistrictOutlines
from operator_console.services.city_bundle.address_lines import full_address
from operator_console.services.city_bundle.model import AddressPoint, CityBundle
from operator_console.storage.city_bundle.coded import used_ids
from operator_console.storage.city_bundle.districts_step import DistrictKey
from operator_console.storage.db.tables import addresses, service_requests

PointKey = tuple[str, str, str, str, float, float]
COLUMNS = (
    "house_number",
    "street",
    "unit",
    "full_address",
    "search_key",
    "zipcode",
    "lat",
    "lon",
    "district_id",
)


def write_addresses(
    connection: Connection, bundle: CityBundle, district_ids: dict[DistrictKey, int]
) -> tuple[int, int]:
    """The bundle's points become the gazetteer: new ones added (in file order, with new
    ids), known ones (same number, street, unit, ZIP and point) keep their id and get their
    district and full address again, the others are removed unless cases refer to them.
    Returns (points written, points kept for cases)."""
    points = bundle.addresses
    districts = _districts_of(bundle, points, district_ids)
    a = addresses.c
    known: dict[PointKey, tuple[int, str, int | None]] = {
        (row.house_number, row.street, row.unit, row.zipcode or "", row.lat, row.lon): (
            int(row.id),
            row.full_address,
            row.district_id,
        )
        for row in connection.execute(
            select(
                a.id,
                a.house_number,
                a.street,
                a.unit,
                a.zipcode,
                a.lat,
                a.lon,
                a.full_address,
                a.district_id,
            )
        )
    }
    new_rows: list[tuple[Any, ...]] = []
    changed: list[dict[str, Any]] = []
    listed: set[int] = set()
    for point, district_id in zip(points, districts, strict=True):
        full = full_address(point)
        found = known.get((point.number, point.street, point.unit, point.zip, point.lat, point.lon))
        if found is None:
            new_rows.append(
                (
                    point.number,
                    point.street,
                    point.unit,
                    full,
                    address_key(point.number, point.street),
                    point.zip or None,
                    point.lat,
                    point.lon,
                    district_id,
                )
            )
            continue
        row_id, old_full, old_district = found
        listed.add(row_id)
        if (old_full, old_district) != (full, district_id):
            changed.append({"row_id": row_id, "full": full, "district": district_id})
    if changed:
        connection.execute(
            update(addresses)
            .where(a.id == bindparam("row_id"))
            .values(full_address=bindparam("full"), district_id=bindparam("district")),
            changed,
        )
    missing = {row_id for row_id, _, _ in known.values()} - listed
    in_use = used_ids(connection, service_requests, "address_id") & missing
    if missing - in_use:
        connection.execute(delete(addresses).where(a.id.in_(missing - in_use)))
    _insert_new(connection, new_rows)
    return len(points), len(in_use)


def _districts_of(
    bundle: CityBundle, points: Sequence[AddressPoint], district_ids: dict[DistrictKey, int]
) -> list[int | None]:
    """The id of the district of routing's layer (the first) holding each point."""
    if not bundle.layers or not points:
        return [None] * len(points)
    layer = bundle.layers[0]
    outlines = DistrictOutlines(district.geometry for district in layer.districts)
    ids = [district_ids[(layer.layer, district.code)] for district in layer.districts]
    positions = outlines.districts_at([p.lat for p in points], [p.lon for p in points])
    return [None if position is None else ids[position] for position in positions]


def _insert_new(connection: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert in order; the ids come from the table's own numbering (which an admin may use,
    not set), so they follow the bundle's order."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy(connection, rows)
    else:
        connection.execute(
            insert(addresses), [dict(zip(COLUMNS, row, strict=True)) for row in rows]
        )


def _copy(connection: Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """COPY ... FROM STDIN on the connection's own psycopg connection, inside its transaction."""
    statement = f"COPY addresses ({', '.join(COLUMNS)}) FROM STDIN"
    driver_connection: Any = connection.connection.dbapi_connection
    try:
        with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:  # raised by the driver itself: speak as SQLAlchemy would
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc
