"""Loading a gazetteer into the `addresses` table in bulk, with search keys computed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Engine, insert, text

from operator_console.domain.address_text import address_key, address_label
from operator_console.storage.db.tables import addresses

BATCH_SIZE = 5_000


@dataclass(frozen=True)
class GazetteerEntry:
    """One findable place.

    Attributes:
        house_number: "12", "12A", "42-44"; "" for an intersection or a named place.
        street: "Washington St", or "Washington St & Columbus Ave" for an intersection.
        lat, lon: WGS84 degrees.
        zipcode: the ZIP code, when known.
        full_address: what the operator sees and reads back; "12 Washington St" when empty.
        district_id: the district the place lies in, when known.
    """

    house_number: str
    street: str
    lat: float
    lon: float
    zipcode: str | None = None
    full_address: str = ""
    district_id: int | None = None


def _row(entry: GazetteerEntry) -> dict[str, Any]:
    house_number = " ".join(entry.house_number.split()).upper()
    street = " ".join(entry.street.split())
    if not street:
        raise ValueError(f"a gazetteer entry needs a street: {entry!r}")
    if not (-90.0 <= entry.lat <= 90.0 and -180.0 <= entry.lon <= 180.0):
        raise ValueError(f"not a WGS84 position: {entry!r}")
    return {
        "house_number": house_number,
        "street": street,
        "full_address": entry.full_address.strip() or address_label(house_number, street),
        "search_key": address_key(house_number, street),
        "zipcode": entry.zipcode or None,
        "lat": entry.lat,
        "lon": entry.lon,
        "district_id": entry.district_id,
    }


def _batches(entries: Iterable[GazetteerEntry]) -> Iterator[list[dict[str, Any]]]:
    rows = (_row(entry) for entry in entries)
    while batch := list(islice(rows, BATCH_SIZE)):
        yield batch


def load_addresses(engine: Engine, rows: Iterable[GazetteerEntry]) -> int:
    """Insert the entries in one transaction (all or none); returns how many were added.

    On PostgreSQL the table's planner statistics are refreshed afterwards.
    """
    count = 0
    with engine.begin() as connection:
        for batch in _batches(rows):
            connection.execute(insert(addresses), batch)
            count += len(batch)
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE addresses"))
    return count
