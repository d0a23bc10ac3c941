"""Mapping files for the history import: their faults, date formats, vocabularies, row rules."""

from __future__ import annotations

import csv
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.history_import.dates import DateReader, UnreadableDateError
from operator_console.services.history_import.mapping import (
    MappingFileError,
    parse_mapping,
    read_mapping,
)
from operator_console.services.history_import.rows import (
    CityCatalog,
    ImportedRequest,
    MissingColumnsError,
    Rejected,
    RequestMapper,
    slug,
)
from operator_console.services.history_import.shipped import find_mapping, mappings_dir
from operator_console.tools.export_mapping import BOSTON, shipped_export_mapping
from tests.support.data import NYC_PORTAL_2011, NYC_SODA_2024

SPRINGFIELD = """
name = "springfield"
time_zone = "America/Chicago"
date_formats = ["%d.%m.%Y %H:%M"]
unknown_location = [39.8, -89.6]

[columns]
id = ["Ticket"]
opened = ["Opened"]
closed = ["Closed"]
status = ["State"]
closure = ["Outcome"]
service = ["Kind"]
latitude = ["Y"]
longitude = ["X"]
channel = ["Via"]
queue = ["Team"]

[statuses]
"New" = "received"
"Working" = "in_progress"
"Done" = "closed"

[closure]
default = "fixed"
rules = [
    { match = 'dup(?:licate)?\\b', reason = "duplicate" },
    { prefix = "no action", reason = "no_further_action" },
]

[services]
fallback = "other"

[services.names]
"Pot hole" = "pothole"
"Graffiti" = "graffiti"

[channels]
default = "other"

[channels.names]
"Phone" = "phone"
"App" = "app"
"""
HEADER = ["Ticket", "Opened", "Closed", "State", "Outcome", "Kind", "Y", "X", "Via", "Team"]
CITY = CityCatalog("SPR", {"pothole", "graffiti", "other"}, {"roads"})


def mapper(text: str = SPRINGFIELD, header: list[str] = HEADER) -> RequestMapper:
    return RequestMapper(parse_mapping(text, "springfield.toml"), header, CITY)


def row(**cells: str) -> list[str]:
    values = {
        "Ticket": "7001",
        "Opened": "05.01.2020 14:30",
        "Closed": "",
        "State": "New",
        "Outcome": "",
        "Kind": "Pot hole",
        "Y": "39.78",
        "X": "-89.65",
        "Via": "Phone",
        "Team": "roads",
    } | cells
    return [values[name] for name in HEADER]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("[columns]", "[columns"), r"springfield.toml: not valid TOML: .*\(at line 7, column 9\)"),
        (('name = "springfield"', 'name = "Spring Field"'), "name: 'Spring Field' is not"),
        (('name = "springfield"', ""), "springfield.toml: name: is missing"),
        (("America/Chicago", "Mars/Olympus"), "time_zone: 'Mars/Olympus' is not a time zone"),
        (('id = ["Ticket"]', ""), r"columns.id: is missing \(list the header names\)"),
        (('queue = ["Team"]', 'owner = ["Team"]'), r"columns.owner: unknown key \(known here"),
        (('"Done" = "closed"', '"Done" = "finished"'), "statuses.'Done': 'finished' is not a"),
        (('reason = "duplicate"', 'reason = "dupe"'), r"closure.rules\[1\].reason: 'dupe' is not"),
        (("dup(?:licate", "dup(?:licate(("), r"closure.rules\[1\]: bad pattern"),
        (("dup(?:licate", "Dup(?:licate"), r"closure.rules\[1\].match: write .* in lower case"),
        (('prefix = "no action"', 'prefix = "no", match = "x"'), "either match .* or prefix"),
        (("unknown_location = [39.8, -89.6]", "unknown_location = [139.8]"), "unknown_location"),
        (('date_formats = ["%d.%m.%Y %H:%M"]', 'date_formats = ["dd.mm.yyyy"]'), "no % directive"),
        (('"Graffiti" = "graffiti"', '"Graffiti" = 3'), "services.names.'Graffiti': must be"),
        (("[services]", "colour = 1\n[services]"), "colour: unknown key"),
    ],
)
def test_a_bad_mapping_file_is_refused_with_the_key_and_the_fault(
    change: tuple[str, str], message: str
) -> None:
    assert change[0] in SPRINGFIELD
    with pytest.raises(MappingFileError, match=message):
        parse_mapping(SPRINGFIELD.replace(change[0], change[1], 1), "springfield.toml")


def test_a_mapping_file_is_read_from_its_path_and_the_shipped_ones_by_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "springfield.toml"
    path.write_text(SPRINGFIELD, encoding="utf-8")
    assert find_mapping(str(path)).name == "springfield"
    assert read_mapping(path).actor == "import:springfield"
    assert {find_mapping("boston").name, find_mapping("NYC").name} == {"boston", "nyc"}
    with pytest.raises(MappingFileError, match=r"no mapping 'paris': give a \.toml file or one of"):
        find_mapping("paris")
    with pytest.raises(MappingFileError, match="no such mapping file"):
        find_mapping(str(tmp_path / "absent.toml"))
    # dupes evaluate reads the same file
    assert shipped_export_mapping(str(path)).unknown_location == (39.8, -89.6)
    assert shipped_export_mapping(str(path)).closed_statuses == ("done",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/05/2015 12:40:41 PM", datetime(2015, 1, 5, 17, 40, 41, tzinfo=UTC)),  # EST
        ("01/05/2015 12:40:41 AM", datetime(2015, 1, 5, 5, 40, 41, tzinfo=UTC)),
        ("07/04/2015 09:00:00 pm", datetime(2015, 7, 5, 1, 0, 0, tzinfo=UTC)),  # EDT
        ("1/5/2015 13:40", datetime(2015, 1, 5, 18, 40, tzinfo=UTC)),
        ("2015-01-05 12:40:41", datetime(2015, 1, 5, 17, 40, 41, tzinfo=UTC)),
        ("2024-04-16T03:03:15.000", datetime(2024, 4, 16, 7, 3, 15, tzinfo=UTC)),
        ("2026-03-20 09:00:00+00", datetime(2026, 3, 20, 9, tzinfo=UTC)),
        ("2019-01-01T05:13:00Z", datetime(2019, 1, 1, 5, 13, tzinfo=UTC)),
        ("05-Jan-2015 12:40:41", datetime(2015, 1, 5, 17, 40, 41, tzinfo=UTC)),
        ("20150105", datetime(2015, 1, 5, 5, tzinfo=UTC)),  # a strptime-only format
        ("  ", None),
    ],
)
def test_dates_in_the_mapping_formats_become_utc(text: str, expected: datetime | None) -> None:
    formats = ["%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%d-%b-%Y %H:%M:%S", "%Y%m%d%z"]
    reader = DateReader([*formats[:3], "%Y%m%d"], "America/New_York")
    assert reader(text) == expected


def test_a_date_no_earlier_format_of_the_same_shape_can_be_is_read_by_a_later_one() -> None:
    formats = ["%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M"]
    reader = DateReader(formats, "Europe/Madrid")
    assert reader("22/08/2026 18:15") == datetime(2026, 8, 22, 16, 15, tzinfo=UTC)
    fresh = DateReader(formats, "Europe/Madrid")
    assert fresh("05/08/2026 09:00") == datetime(2026, 5, 8, 7, 0, tzinfo=UTC)  # the first fits


@pytest.mark.parametrize("text", ["yesterday", "13/45/2015 10:00:00 AM", "2015-02-30 10:00"])
def test_text_in_no_format_is_unreadable(text: str) -> None:
    with pytest.raises(UnreadableDateError, match=r"none of the mapping's formats|is not a date"):
        DateReader(["%m/%d/%Y %I:%M:%S %p"], "America/New_York")(text)


def test_a_row_in_the_console_terms() -> None:
    request = mapper().map(2, row())
    assert isinstance(request, ImportedRequest)
    assert (request.source_id, request.reference) == ("7001", "SPR-7001")
    assert request.service_code == "pothole" and request.status is Status.RECEIVED
    assert request.created_at == datetime(2020, 1, 5, 20, 30, tzinfo=UTC)  # Chicago, CST
    assert request.closed_at is None and request.closure_reason is None
    assert (request.lat, request.lon, request.channel, request.queue_code) == (
        39.78,
        -89.65,
        "phone",
        "roads",
    )


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [
        ("Dup of 6990", ClosureReason.DUPLICATE),
        ("no action needed", ClosureReason.NO_FURTHER_ACTION),
        ("Nothing to do, no action", ClosureReason.FIXED),  # a prefix, not anywhere
        ("Filled", ClosureReason.FIXED),
    ],
)
def test_closure_text_gives_the_first_matching_rule_and_keeps_the_text(
    outcome: str, reason: ClosureReason
) -> None:
    request = mapper().map(2, row(State="Done", Closed="06.01.2020 09:00", Outcome=outcome))
    assert isinstance(request, ImportedRequest)
    assert request.status is Status.CLOSED and request.closure_reason == reason.value
    assert request.closure_note == outcome
    assert request.closed_at == request.resolved_at == datetime(2020, 1, 6, 15, tzinfo=UTC)


def test_vocabularies_fall_back_as_the_mapping_says() -> None:
    rows = mapper()
    fallback = rows.map(2, row(Kind="Street light", Via="Fax", Team="nowhere"))
    assert isinstance(fallback, ImportedRequest)
    assert (fallback.service_code, fallback.channel, fallback.queue_code) == ("other", "other", "")
    closed_early = rows.map(3, row(Ticket="7002", State="Done", Closed="01.01.2020 00:00"))
    assert isinstance(closed_early, ImportedRequest)
    assert closed_early.closed_at == closed_early.created_at  # never before it was opened
    at_the_unknown_pin = rows.map(4, row(Ticket="7003", Y="39.80001", X="-89.6"))
    assert isinstance(at_the_unknown_pin, ImportedRequest) and at_the_unknown_pin.lat is None
    strict = mapper(SPRINGFIELD.replace('fallback = "other"', ""))
    refused = strict.map(2, row(Kind="Street light"))
    assert refused == Rejected(2, "service not in the mapping", "Street light")
    as_code = mapper(SPRINGFIELD.replace('fallback = "other"', "source_name_as_code = true"))
    named = as_code.map(2, row(Kind="GRAFFITI!"))
    assert isinstance(named, ImportedRequest) and named.service_code == "graffiti"
    missing = as_code.map(3, row(Ticket="7004", Kind="Street light"))
    assert missing == Rejected(3, "service not in the catalog", "Street light (street-light)")


def test_source_names_that_are_catalog_codes_are_kept_as_written() -> None:
    codes = ["PWD-POT", "STREET_LIGHT", "4e7b3e4c992b945109000000", "heat-hot-water"]
    as_code = RequestMapper(
        parse_mapping(SPRINGFIELD.replace('fallback = "other"', "source_name_as_code = true"), "s"),
        HEADER,
        CityCatalog("SPR", set(codes), set()),
    )
    for line, code in enumerate(codes, start=2):
        request = as_code.map(line, row(Ticket=str(line), Kind=code))
        assert isinstance(request, ImportedRequest) and request.service_code == code
    slugged = as_code.map(10, row(Ticket="10", Kind="HEAT/HOT WATER"))
    assert isinstance(slugged, ImportedRequest) and slugged.service_code == "heat-hot-water"
    unknown = as_code.map(11, row(Ticket="11", Kind="PWD-XYZ"))
    assert unknown == Rejected(11, "service not in the catalog", "PWD-XYZ (pwd-xyz)")


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"Ticket": ""}, "no id"),
        ({"Ticket": "26-004711"}, "id looks like a console reference"),
        ({"Ticket": "9" * 40}, "id too long for a reference"),
        ({"Opened": ""}, "no opened date"),
        ({"Opened": "last tuesday"}, "unreadable date"),
        ({"Closed": "31.02.2020 10:00"}, "unreadable date"),
        ({"State": "Lost"}, "unknown status"),
        ({"Kind": ""}, "no service"),
    ],
)
def test_a_row_that_cannot_be_used_says_why(cells: dict[str, str], reason: str) -> None:
    rejected = mapper().map(9, row(**cells))
    assert isinstance(rejected, Rejected) and (rejected.line, rejected.reason) == (9, reason)


def test_an_id_seen_before_in_the_file_is_rejected_and_short_rows_are_read() -> None:
    rows = mapper()
    assert isinstance(rows.map(2, row()), ImportedRequest)
    assert rows.map(3, row()) == Rejected(3, "id repeated in the file", "7001")
    short = rows.map(4, row(Ticket="7005")[:6])  # no place, channel or team
    assert isinstance(short, ImportedRequest) and short.lat is None
    assert short.channel == "other"


def test_a_file_without_the_needed_columns_is_refused_at_its_header() -> None:
    with pytest.raises(MissingColumnsError, match=r"no column for id \(Ticket\); service"):
        mapper(header=["Opened", "State"])


@pytest.mark.parametrize("path", [NYC_SODA_2024, NYC_PORTAL_2011], ids=["soda", "portal"])
def test_nyc_mapping_reads_every_row_of_both_layouts(path: Path) -> None:
    nyc = find_mapping("nyc")
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as lines:
        records = list(csv.reader(lines))
    header = records[0]
    column = next(i for i, name in enumerate(header) if name.lower().startswith("complaint"))
    city = CityCatalog("NYC", {slug(r[column]) for r in records[1:]}, set())
    rows = RequestMapper(nyc, header, city)
    mapped = [rows.map(line, record) for line, record in enumerate(records[1:], start=2)]
    assert not [r for r in mapped if isinstance(r, Rejected)]
    assert all(r.created_at.tzinfo is UTC for r in mapped if isinstance(r, ImportedRequest))


def test_shipped_boston_mapping_is_the_replays_boston_and_names_the_demo_catalog() -> None:
    assert BOSTON.unknown_location == (42.3594, -71.0587)
    assert BOSTON.service_code == ("TYPE", "service_name")
    boston = read_mapping(mappings_dir() / "boston.toml")
    catalog = json.loads((mappings_dir().parent / "demo_city" / "services.json").read_text())
    demo = {service["service_name"]: service["service_code"] for service in catalog}
    assert dict(boston.service_names) == demo  # every 2015 TYPE, by the demo's own code
