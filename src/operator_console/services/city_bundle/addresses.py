"""addresses.csv (or .csv.gz): address points for the gazetteer, by the hundred thousand."""

from __future__ import annotations

from operator_console.services.city_bundle.csv_files import (
    CsvSyntaxError,
    Problems,
    csv_rows,
    header_columns,
    read_text,
)
from operator_console.services.city_bundle.model import AddressPoint
from operator_console.services.city_bundle.source import BundleSource

ADDRESS_COLUMNS = ("number", "street", "lat", "lon")
_LIMITS = {"number": 20, "street": 200, "unit": 20, "zip": 10, "locality": 100}


def read_addresses(source: BundleSource, file: str, problems: Problems) -> tuple[AddressPoint, ...]:
    text = read_text(source, file, problems)
    if text is None:
        return ()
    points: list[AddressPoint] = []
    rows = csv_rows(text)
    try:
        first = next(rows, None)
        if first is None:
            problems.add(file, 1, None, "is empty: it needs a header row")
            return ()
        columns, missing = header_columns(file, first[0], first[1], ADDRESS_COLUMNS, problems)
        if missing:
            return ()
        positions = [columns.get(name) for name in ("number", "street", "unit", "zip", "locality")]
        lat_at, lon_at = columns["lat"], columns["lon"]
        width = max(columns.values()) + 1
        for line, cells in rows:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            number, street, unit, zipcode, locality = (
                "" if at is None else cells[at].strip() for at in positions
            )
            try:
                lat, lon = float(cells[lat_at]), float(cells[lon_at])
            except ValueError:
                _bad_coordinate(file, line, cells, lat_at, lon_at, problems)
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                problems.add(
                    file, line, lat_at + 1, f"({lat}, {lon}) is not a latitude and longitude"
                )
                continue
            if not street:
                problems.add(file, line, columns["street"] + 1, "street is empty")
                continue
            point = AddressPoint(number, street, unit, zipcode, lat, lon, locality)
            if _too_long(file, line, columns, point, problems):
                continue
            points.append(point)
    except CsvSyntaxError as exc:
        problems.add(file, exc.line, None, f"not readable as CSV: {exc}")
    return tuple(points)


def _bad_coordinate(
    file: str, line: int, cells: list[str], lat_at: int, lon_at: int, problems: Problems
) -> None:
    for name, at in (("lat", lat_at), ("lon", lon_at)):
        try:
            float(cells[at])
        except ValueError:
            problems.add(file, line, at + 1, f"{name} {cells[at]!r} is not a number")
            return


def _too_long(
    file: str, line: int, columns: dict[str, int], point: AddressPoint, problems: Problems
) -> bool:
    for name, limit in _LIMITS.items():
        value = point.zip if name == "zip" else getattr(point, name)
        if len(value) > limit:
            problems.add(file, line, columns[name] + 1, f"{name} is longer than {limit} characters")
            return True
    return False
