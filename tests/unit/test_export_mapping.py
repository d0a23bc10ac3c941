"""City export mappings: header spellings, date layouts, labels, and rows that must be skipped."""

from __future__ import annotations

import csv
import gzip
import itertools
import re
from datetime import datetime
from pathlib import Path

import pytest

from operator_console.services.history_import.mapping import parse_mapping
from operator_console.tools.export_mapping import (
    BOSTON,
    NYC,
    DateParser,
    MappingError,
    export_mapping_of,
    header_key,
    map_rows,
    mapping_from_dict,
)
from tests.support.data import BOSTON_2015_WARD_3, NYC_PORTAL_2011, NYC_SODA_2024


def test_headers_match_whatever_the_case_spaces_or_underscores() -> None:
    assert header_key("OPEN_DT") == header_key("open_dt") == "opendt"
    assert header_key("Unique Key") == header_key("unique_key") == "uniquekey"
    assert header_key(" Latitude ") == header_key("LATITUDE")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/05/2015 12:40:41 PM", datetime(2015, 1, 5, 12, 40, 41)),
        ("01/05/2015 12:40:41 AM", datetime(2015, 1, 5, 0, 40, 41)),
        ("1/5/2015 13:40", datetime(2015, 1, 5, 13, 40)),
        ("2019-01-01 00:13:00", datetime(2019, 1, 1, 0, 13)),
        ("2019-01-01T00:13:00", datetime(2019, 1, 1, 0, 13)),
        ("2024-04-16T03:03:15.000", datetime(2024, 4, 16, 3, 3, 15)),
        # offsets become the mapping's local time (Boston: EST in January)
        ("2019-01-01 05:13:00+00", datetime(2019, 1, 1, 0, 13)),
        ("2019-01-01T05:13:00Z", datetime(2019, 1, 1, 0, 13)),
        ("2019-07-01 00:13:00.5-04:00", datetime(2019, 7, 1, 0, 13, 0, 500000)),
        ("", None),
        ("yesterday", None),
        ("13/45/2015 10:00:00 AM", None),
    ],
)
def test_dates_in_every_layout_the_exports_use(text: str, expected: datetime | None) -> None:
    from zoneinfo import ZoneInfo

    assert DateParser(ZoneInfo("America/New_York"))(text) == expected


BOSTON_HEADER_2015 = [
    "", "CASE_ENQUIRY_ID", "OPEN_DT", "CLOSED_DT", "CASE_STATUS", "CLOSURE_REASON", "CASE_TITLE",
    "REASON", "TYPE", "LOCATION_STREET_NAME", "LATITUDE", "LONGITUDE", "Source",
    "Geocoded_Location",
]  # fmt: skip


def boston_rows(header: list[str], opened: str, closed: str) -> list[list[str]]:
    return [
        header,
        ["1", "101001", opened, closed, "Closed",
         "Case Closed Case Noted Duplicate request", "Sign Repair", "Signs & Signals",
         "Sign Repair", "29 Hereford St", "42.3504", "-71.0867", "Constituent Call", ""],
        ["2", "101002", opened, "", "Open", "", "Sign Repair", "Signs & Signals", "Sign Repair",
         "1 Newbury St", "", "", "Citizens Connect App", "(42.3512, -71.0799)"],
        ["3", "101003", opened, "", "Open", "", "Sign Repair", "Signs & Signals", "Sign Repair",
         "", "", "", "Self Service", ""],
        ["4", "101004", "", "", "Open", "", "Sign Repair", "Signs & Signals", "Sign Repair",
         "", "42.35", "-71.08", "Self Service", ""],
        ["5", "101005", "last tuesday", "", "Open", "", "x", "y", "Sign Repair", "", "42.35",
         "-71.08", "", ""],
        ["6", "101006", opened],  # a short row
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "opened", "closed"),
    [
        (BOSTON_HEADER_2015, "01/05/2015 12:40:41 PM", "01/06/2015 01:46:56 PM"),
        ([h.lower() for h in BOSTON_HEADER_2015], "2015-01-05 12:40:41", "2015-01-06T13:46:56.12"),
    ],
)
def test_boston_reads_old_and_new_exports_alike(
    header: list[str], opened: str, closed: str
) -> None:
    mapped = map_rows(BOSTON, boston_rows(header, opened, closed))
    assert mapped.total == 6
    assert dict(mapped.skipped) == {
        "no usable coordinates": 2,
        "no opened date": 1,
        "unreadable opened date": 1,
    }
    first, second = mapped.rows
    assert first.is_duplicate and not second.is_duplicate
    assert first.request.opened_at == datetime(2015, 1, 5, 12, 40, 41)
    assert first.request.closed_at is not None and first.request.closed_at.day == 6
    assert first.request.service_code == "Sign Repair"
    assert first.request.service_group == "Signs & Signals"
    assert first.request.status == "closed" and second.request.status == "open"
    assert (second.request.lat, second.request.lon) == (42.3512, -71.0799)  # from the point
    assert first.channel == "Constituent Call" and first.request.address == "29 Hereford St"


NYC_PORTAL = ["Unique Key", "Created Date", "Closed Date", "Agency", "Complaint Type",
              "Descriptor", "Incident Address", "Status", "Resolution Description",
              "Open Data Channel Type", "Latitude", "Longitude", "Location"]  # fmt: skip
NYC_SODA = [re.sub(r"\W+", "_", h.lower()) for h in NYC_PORTAL]


@pytest.mark.parametrize("header", [NYC_PORTAL, NYC_SODA])
def test_nyc_portal_and_soda_headers_read_the_same(header: list[str]) -> None:
    rows = [
        header,
        ["60879417", "2024-04-16T03:03:15.000", "2024-04-15T01:00:00.000", "HPD",
         "HEAT/HOT WATER", "ENTIRE BUILDING", "1 MAIN ST", "Closed",
         "The complaint you filed is a duplicate of a condition already reported", "PHONE",
         "40.67679280229251", "-73.7379342313789", ""],
        ["60879418", "02/28/2023 11:45:00 PM", "", "DCA", "Consumer Complaint", "", "",
         "Closed", "Please do not file duplicate complaints", "ONLINE", "0", "0", ""],
        ["60879419", "02/28/2023 11:45:00 PM", "", "DOT", "Street Condition", "Pothole", "",
         "In Progress", "", "MOBILE", "", "", "(40.7, -73.9)"],
    ]  # fmt: skip
    mapped = map_rows(NYC, rows)
    assert dict(mapped.skipped) == {"no usable coordinates": 1}
    heat, pothole = mapped.rows
    assert heat.is_duplicate and not pothole.is_duplicate
    assert heat.request.service_code == "HEAT/HOT WATER / ENTIRE BUILDING"
    assert heat.request.service_group == "HEAT/HOT WATER"
    # closed before it was created: treated as closed on arrival
    assert heat.request.closed_at == heat.request.opened_at == datetime(2024, 4, 16, 3, 3, 15)
    assert pothole.request.status == "open" and pothole.request.closed_at is None
    assert (pothole.request.lat, pothole.request.lon) == (40.7, -73.9)


def test_a_closed_status_without_a_date_closes_on_arrival() -> None:
    rows = [NYC_PORTAL, ["1", "02/28/2023 10:00:00 AM", "", "NYPD", "Noise", "Loud", "", "Closed",
                         "", "PHONE", "40.7", "-73.9", ""]]  # fmt: skip
    [only] = map_rows(NYC, rows).rows
    assert only.request.status == "closed" and only.request.closed_at == only.request.opened_at


def test_mappings_load_from_json_data_and_reject_bad_ones() -> None:
    data = {
        "name": "springfield",
        "id": "Ticket",
        "opened_at": ["Opened"],
        "closed_at": [],
        "service_code": ["Kind"],
        "service_group": [],
        "latitude": ["Y"],
        "longitude": ["X"],
        "duplicate_label": ["Outcome"],
        "duplicate_pattern": "(?i)dup",
        "unknown_location": [39.8, -89.6],
    }
    mapping = mapping_from_dict(data)
    assert mapping.id == ("Ticket",) and mapping.unknown_location == (39.8, -89.6)
    records = [
        ["ticket", "OPENED", "kind", "y", "x", "outcome"],
        ["7", "2020-05-01 10:00", "Pothole", "39.7", "-89.5", "DUP"],
    ]
    mapped = map_rows(mapping, records)
    assert mapped.rows[0].is_duplicate and mapped.rows[0].request.id == "7"
    with pytest.raises(MappingError, match="unknown mapping keys"):
        mapping_from_dict({**data, "colour": "red"})
    with pytest.raises(MappingError, match="bad duplicate_pattern"):
        mapping_from_dict({**data, "duplicate_pattern": "(unclosed"})
    with pytest.raises(MappingError, match="incomplete"):
        mapping_from_dict({"name": "x"})
    with pytest.raises(MappingError, match="no column for"):
        map_rows(BOSTON, [NYC_PORTAL])
    with pytest.raises(MappingError, match="empty"):
        map_rows(BOSTON, [])


def test_real_boston_2015_slice() -> None:
    with gzip.open(BOSTON_2015_WARD_3, "rt", newline="", encoding="utf-8") as text:
        records = list(itertools.islice(csv.reader(text), 3001))
    mapped = map_rows(BOSTON, records)
    reason = records[0].index("CLOSURE_REASON")
    labelled = sum(1 for r in records[1:] if re.search("(?i)duplicate", r[reason]))
    assert mapped.total == 3000 and not mapped.skipped
    assert sum(r.is_duplicate for r in mapped.rows) == labelled > 0
    assert all(r.request.opened_at.year == 2015 for r in mapped.rows)
    closed = [r for r in mapped.rows if r.request.closed_at is not None]
    assert all(r.request.closed_at >= r.request.opened_at for r in closed)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("path", "used", "skipped"),
    [
        (NYC_SODA_2024, 977, 23),  # SODA header, multi-line fields
        (NYC_PORTAL_2011, 705, 294),
    ],
    ids=["soda-2024", "portal-2011"],
)
def test_real_nyc_files(path: Path, used: int, skipped: int) -> None:
    with gzip.open(path, "rt", newline="", encoding="utf-8-sig", errors="replace") as text:
        mapped = map_rows(NYC, csv.reader(text))
    assert (len(mapped.rows), sum(mapped.skipped.values())) == (used, skipped)
    assert set(mapped.skipped) == {"no usable coordinates"}


def test_dupes_evaluate_reads_dates_in_the_mappings_own_formats() -> None:
    mapping = parse_mapping(
        'name = "valencia"\ntime_zone = "Europe/Madrid"\ndate_formats = ["%d/%m/%Y %H:%M"]\n'
        '[columns]\nid = ["Aviso"]\nopened = ["Alta"]\nservice = ["Tipo"]\n'
        'latitude = ["Lat"]\nlongitude = ["Lon"]\n',
        "valencia.toml",
    )
    header = ["Aviso", "Alta", "Tipo", "Lat", "Lon"]
    rows = [["1", "22/08/2026 18:15", "Baches", "39,47", "-0,37"]]
    mapped = map_rows(export_mapping_of(mapping), [header, *rows])
    assert [row.request.opened_at for row in mapped.rows] == [datetime(2026, 8, 22, 18, 15)]
