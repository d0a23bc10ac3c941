"""addresses.csv (or .csv.gz): address points for the gazetteer, by the hundred thousand."""

from __future__ import annotations

import csv
import io
from operator import itemgetter

from operator_console.services.city_bundle.csv_files import Problems, header_columns, read_text
from operator_console.services.city_bundle.model import AddressPoint
from operator_console.services.city_bundle.source import BundleSource

ADDRESS_COLUMNS = ("number", "street", "lat", "lon")
TEXT_COLUMNS = ("number", "street", "unit", "zip", "locality")
LIMITS = (20, 200, 20, 10, 100)  # the addresses table's column sizes
PROJECTED_ROWS_NAMED = 3  # rows in metres or feet named one by one before they are summed up


def read_addresses(source: BundleSource, file: str, problems: Problems) -> tuple[AddressPoint, ...]:
    """The address points; a row with a bad coordinate, no street or an overlong cell is a
    problem at its cell. Kept to the fewest steps a row: a city has hundreds of thousands."""
    text = read_text(source, file, problems)
    if text is None:
        return ()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    points: list[AddressPoint] = []
    projected = 0
    try:
        header = next((cells for cells in reader if any(cell.strip() for cell in cells)), None)
        if header is None:
            problems.add(file, 1, None, "is empty: it needs a header row")
            return ()
        columns, missing = header_columns(file, reader.line_num, header, ADDRESS_COLUMNS, problems)
        if missing:
            return ()
        width = max(columns.values()) + 1
        # An absent column reads the empty cell appended to every row, at position `width`.
        texts = itemgetter(*(columns.get(name, width) for name in TEXT_COLUMNS))
        lat_at, lon_at = columns["lat"], columns["lon"]
        for cells in reader:
            if len(cells) < width:
                if not any(cell.strip() for cell in cells):
                    continue
                cells += [""] * (width - len(cells))
            cells.append("")
            try:
                lat, lon = float(cells[lat_at]), float(cells[lon_at])
            except ValueError:
                _bad_coordinate(file, reader.line_num, cells, columns, problems)
                continue
            number, street, unit, zipcode, locality = texts(cells)
            number, street, unit = number.strip(), street.strip(), unit.strip()
            zipcode, locality = zipcode.strip(), locality.strip()
            if (
                -90 <= lat <= 90
                and -180 <= lon <= 180
                and street
                and len(number) <= 20
                and len(street) <= 200
                and len(unit) <= 20
                and len(zipcode) <= 10
                and len(locality) <= 100
            ):
                points.append(AddressPoint(number, street, unit, zipcode, lat, lon, locality))
                continue
            if abs(lat) > 180 or abs(lon) > 180:
                projected += 1
                if projected > PROJECTED_ROWS_NAMED:
                    continue
            column, message = _row_problem(lat, lon, (number, street, unit, zipcode, locality))
            problems.add(file, reader.line_num, columns.get(column, width) + 1, message)
    except csv.Error as exc:
        problems.add(file, reader.line_num, None, f"not readable as CSV: {exc}")
    if projected > PROJECTED_ROWS_NAMED:
        problems.add(
            file,
            None,
            None,
            f"{projected:,} address points have coordinates far beyond degrees, as projected "
            "ones (metres or feet) are: address points are WGS 84 latitude and longitude; "
            "reproject them (ogr2ogr -t_srs EPSG:4326, or pyproj)",
        )
    return tuple(points)


def _row_problem(lat: float, lon: float, texts: tuple[str, ...]) -> tuple[str, str]:
    """What is wrong with a row the fast check in `read_addresses` (same limits) refused."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        swapped = -90 <= lon <= 90 and -180 <= lat <= 180
        hint = ": are lat and lon swapped?" if swapped else ""
        return "lat", f"({lat}, {lon}) is not a latitude and longitude{hint}"
    if not texts[1]:
        return "street", "street is empty"
    for name, value, limit in zip(TEXT_COLUMNS, texts, LIMITS, strict=True):
        if len(value) > limit:
            return name, f"{name} is longer than {limit} characters"
    raise AssertionError("the row has no problem: the fast check and LIMITS disagree")


def _bad_coordinate(
    file: str, line: int, cells: list[str], columns: dict[str, int], problems: Problems
) -> None:
    for name in ("lat", "lon"):
        at = columns[name]
        try:
            float(cells[at])
        except ValueError:
            problems.add(file, line, at + 1, f"{name} {cells[at]!r} is not a number")
            return
