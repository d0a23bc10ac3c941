"""Read Boston's 2015 "311 Service Requests" export into typed cases."""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from operator_console.storage.demo_city.parsing import (
    is_unknown_location,
    normalise_zipcode,
    parse_boston_datetime,
    ward_code,
)

REQUIRED_COLUMNS = (
    "CASE_ENQUIRY_ID",
    "OPEN_DT",
    "TARGET_DT",
    "CLOSED_DT",
    "CASE_STATUS",
    "CLOSURE_REASON",
    "CASE_TITLE",
    "SUBJECT",
    "REASON",
    "TYPE",
    "QUEUE",
    "Department",
    "Location",
    "LOCATION_STREET_NAME",
    "LOCATION_ZIPCODE",
    "ward",
    "LATITUDE",
    "LONGITUDE",
    "Source",
)
# One 2015 case carries this placeholder instead of a queue.
NO_QUEUE = "No Queue Assigned To User"


@dataclass(frozen=True)
class BostonCase:
    """One row of the export, with dates parsed and codes normalised."""

    case_id: str
    opened: datetime
    target: datetime | None
    closed: datetime | None
    is_open: bool
    closure_text: str
    title: str
    subject: str
    reason: str
    type_name: str
    queue: str
    department: str
    location: str
    street_name: str
    zipcode: str
    source_ward: str
    lat: float
    lon: float
    source: str

    @property
    def location_unknown(self) -> bool:
        return is_unknown_location(self.lat, self.lon)


def read_boston_cases(path: Path) -> list[BostonCase]:
    """Every case of the gzipped CSV, in file order; ValueError names the row that is wrong."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [name for name in REQUIRED_COLUMNS if name not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        cases = []
        for line, row in enumerate(reader, start=2):
            try:
                cases.append(_case_from_row(row))
            except ValueError as exc:
                raise ValueError(f"{path}, line {line}: {exc}") from exc
    return cases


def _case_from_row(row: dict[str, str]) -> BostonCase:
    opened = parse_boston_datetime(row["OPEN_DT"])
    if opened is None:
        raise ValueError("OPEN_DT is empty")
    queue = row["QUEUE"].strip()
    return BostonCase(
        case_id=row["CASE_ENQUIRY_ID"].strip(),
        opened=opened,
        target=parse_boston_datetime(row["TARGET_DT"]),
        closed=parse_boston_datetime(row["CLOSED_DT"]),
        is_open=row["CASE_STATUS"].strip().lower() != "closed",
        closure_text=row["CLOSURE_REASON"].strip(),
        title=row["CASE_TITLE"].strip(),
        subject=row["SUBJECT"].strip(),
        reason=row["REASON"].strip(),
        type_name=row["TYPE"].strip(),
        queue="" if queue == NO_QUEUE else queue,
        department=row["Department"].strip(),
        location=row["Location"],
        street_name=row["LOCATION_STREET_NAME"],
        zipcode=normalise_zipcode(row["LOCATION_ZIPCODE"]),
        source_ward=ward_code(row["ward"]),
        lat=float(row["LATITUDE"]),
        lon=float(row["LONGITUDE"]),
        source=row["Source"].strip(),
    )
