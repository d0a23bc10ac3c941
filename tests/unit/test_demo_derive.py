"""The pure helpers that derive the demo city from Boston's export: parsing, dates, SLA medians."""

from __future__ import annotations

import csv
import gzip
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from operator_console.domain.lifecycle import ClosureReason
from operator_console.domain.sla import BusinessCalendar
from operator_console.storage.demo_city import files
from operator_console.storage.demo_city.parsing import (
    StreetAddress,
    channel_for,
    closure_note,
    closure_reason_for,
    format_full_address,
    is_unknown_location,
    median_hours,
    normalise_zipcode,
    parse_boston_datetime,
    parse_locality_and_zip,
    parse_street_address,
    referenced_case_ids,
    slugify,
    ward_code,
)
from operator_console.tools.demo_city import derive
from operator_console.tools.demo_city.sla_targets import (
    WorkingTime,
    choose_sla_target,
    round_business_days,
)
from operator_console.tools.demo_city.wards import Ward, WardLocator
from tests.support.data import BOSTON_2015_WARD_3, BOSTON_WARDS


@pytest.mark.parametrize(
    ("text", "number", "street"),
    [
        ("29 Hereford St", "29", "Hereford St"),
        ("42-44 Raymond St", "42-44", "Raymond St"),
        ("537 -551 Tremont St", "537-551", "Tremont St"),
        ("190 A-192  Sydney St", "190A-192", "Sydney St"),
        ("139R Providence St", "139R", "Providence St"),
        ("15 1/2 Boston Fish Pier", "15 1/2", "Boston Fish Pier"),
        ("100 Pier 4 Blvd", "100", "Pier 4 Blvd"),
        ("12 A St", "12", "A St"),
        ("INTERSECTION Boylston St & Dartmouth St", "", "Boylston St & Dartmouth St"),
        ("INTERSECTION of Clarendon St & Commonwealth Ave", "", "Clarendon St & Commonwealth Ave"),
        ("Fenway & Riverway", "", "Fenway & Riverway"),
    ],
)
def test_street_addresses_are_split_into_number_and_street(
    text: str, number: str, street: str
) -> None:
    assert parse_street_address(text) == StreetAddress(number, street)


@pytest.mark.parametrize("text", ["", "   ", "Hereford St", "INTERSECTION of Main St &"])
def test_text_without_a_findable_place_is_not_an_address(text: str) -> None:
    assert parse_street_address(text) is None


def test_locality_zip_and_full_address_come_from_the_location_column() -> None:
    assert parse_locality_and_zip("11  S Fairview St  Roslindale  MA  02131") == (
        "Roslindale",
        "02131",
    )
    assert parse_locality_and_zip("INTERSECTION of A St & B St  South Boston  MA") == (
        "South Boston",
        "",
    )
    assert parse_locality_and_zip("") == ("", "")
    assert normalise_zipcode("2115.0") == "02115"
    assert normalise_zipcode("") == ""
    street = StreetAddress("29", "Hereford St")
    assert format_full_address(street, "Boston", "02115") == "29 Hereford St, Boston, MA 02115"
    corner = StreetAddress("", "Fenway & Riverway")
    assert format_full_address(corner, "Boston", "") == "Fenway & Riverway, Boston, MA"


def test_boston_dates_are_local_and_aware() -> None:
    summer = parse_boston_datetime("07/05/2015 12:40:41 PM")
    winter = parse_boston_datetime("01/05/2015 12:40:41 AM")
    assert summer is not None and winter is not None
    assert summer.astimezone(UTC) == datetime(2015, 7, 5, 16, 40, 41, tzinfo=UTC)
    assert winter.astimezone(UTC) == datetime(2015, 1, 5, 5, 40, 41, tzinfo=UTC)
    assert parse_boston_datetime("  ") is None
    with pytest.raises(ValueError):
        parse_boston_datetime("2015-01-05 12:40")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Case Closed. Closed date : 2015-10-13 06:51:40.053 Duplicate of Existing Case 1586627",
            "duplicate",
        ),
        ("Case Closed Case Noted this is a duplicate of cases #1607357", "duplicate"),
        ("Case Closed Case Invalid caller cancelled request", "cancelled"),
        (
            "Case Closed. Closed date : 2015-11-02 07:00:00 ROA: Refer to Other Agency/Division",
            "referred",
        ),
        ("Case Closed Case Noted The tree is on private property.", "not_city_responsibility"),
        ("Case Closed NOVIO: No Violation Found/No Cause", "no_further_action"),
        (
            "Case Closed Case Resolved Location has been made safe. Will be referred for repair",
            "fixed",
        ),
        ("Case Closed Case Resolved picked up", "fixed"),
    ],
)
def test_closure_text_maps_to_a_closure_reason(text: str, reason: str) -> None:
    assert closure_reason_for(text) is ClosureReason(reason)


def test_closure_notes_and_duplicate_parents_are_read_from_the_text() -> None:
    text = "Case Closed. Closed date : 2015-10-21 09:50:15.067 Duplicate of case 101001602496"
    assert closure_note(text) == "Duplicate of case 101001602496"
    assert referenced_case_ids(text) == ["101001602496"]
    assert referenced_case_ids("Duplicate of Existing Case 1586627") == ["101001586627"]
    assert referenced_case_ids("inspecion 218205 Hansen Database") == []


def test_codes_channels_and_the_unknown_location() -> None:
    assert slugify("Heat - Excessive  Insufficient") == "heat-excessive-insufficient"
    assert slugify("Pothole Repair (Internal)") == "pothole-repair-internal"
    assert ward_code("Ward 5") == ward_code("05") == "5"
    assert ward_code("") == ""
    assert channel_for("Constituent Call") == "phone"
    assert channel_for("Citizens Connect App") == "app"
    assert channel_for("Carrier pigeon") == "other"
    assert is_unknown_location(42.3594, -71.0587)
    assert not is_unknown_location(42.3504, -71.0867)


def test_sla_median_ignores_targets_before_the_opening() -> None:
    assert median_hours([24.0, 48.0, 72.0, -5.0, 0.0]) == 48.0
    assert median_hours([]) is None


def test_short_targets_run_on_the_calendar_clock_and_long_ones_on_business_days() -> None:
    short = choose_sla_target([24.4] * 10, [5.0] * 10, case_count=12, working_day_hours=9)
    assert short is not None and (short.clock, short.target_hours) == ("calendar", 24.0)
    assert short.code == "calendar-24h"
    week = choose_sla_target([168.0] * 10, [45.0] * 10, case_count=10, working_day_hours=9)
    assert week is not None and (week.clock, week.target_hours) == ("business", 45.0)
    assert week.name == "5 business days"
    assert choose_sla_target([24.0] * 9, [9.0] * 9, case_count=9, working_day_hours=9) is None
    assert choose_sla_target([24.0] * 10, [9.0] * 10, case_count=40, working_day_hours=9) is None


def test_business_days_round_to_what_a_department_would_publish() -> None:
    assert round_business_days(0.2) == 1
    assert round_business_days(6.6) == 7
    assert round_business_days(12.0) == 10
    assert round_business_days(41.5) == 40
    assert round_business_days(251.0) == 250


def test_working_time_skips_nights_weekends_and_holidays() -> None:
    calendar = BusinessCalendar("America/New_York", country="US", subdivision="MA")
    working = WorkingTime(calendar, date(2015, 12, 1), date(2016, 1, 31))
    zone = calendar.zone
    friday_afternoon = datetime(2015, 12, 18, 15, 0, tzinfo=zone)
    monday_morning = datetime(2015, 12, 21, 10, 0, tzinfo=zone)
    assert working.hours_between(friday_afternoon, monday_morning) == pytest.approx(4.0)
    christmas_eve = datetime(2015, 12, 24, 16, 0, tzinfo=zone)
    after_christmas = datetime(2015, 12, 28, 9, 0, tzinfo=zone)
    assert working.hours_between(christmas_eve, after_christmas) == pytest.approx(2.0)
    same_day = datetime(2015, 12, 21, 7, 0, tzinfo=zone), datetime(2015, 12, 21, 12, 0, tzinfo=zone)
    assert working.hours_between(*same_day) == pytest.approx(4.0)
    assert working.hours_between(monday_morning, friday_afternoon) == 0.0
    with pytest.raises(ValueError, match="outside"):
        working.hours_between(friday_afternoon, datetime(2016, 3, 1, tzinfo=zone))


def test_derivation_is_reproducible_on_a_sample(tmp_path: Path) -> None:
    sample = tmp_path / "boston"
    (sample / derive.REQUESTS_FILE).parent.mkdir(parents=True)
    (sample / derive.WARDS_FILE).parent.mkdir(parents=True)
    shutil.copy(BOSTON_WARDS, sample / derive.WARDS_FILE)
    with (
        gzip.open(BOSTON_2015_WARD_3, "rt", newline="") as rows,
        gzip.open(sample / derive.REQUESTS_FILE, "wt", newline="") as out,
    ):
        writer = csv.writer(out)
        for index, row in enumerate(csv.reader(rows)):
            if index % 10 == 0:
                writer.writerow(row)
    first, second = tmp_path / "first", tmp_path / "second"
    counts = derive.derive(sample, first)
    derive.derive(sample, second)
    assert counts["districts"] == 22
    assert counts["requests"] == counts["source_cases"] > 1000
    written = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert {"city.toml", "districts/ward.geojson", "routing.csv", "requests.csv.gz"} <= {
        path.as_posix() for path in written
    }
    for name in written:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_placeholder_house_numbers_are_not_house_numbers() -> None:
    assert StreetAddress("12", "Main St").has_house_number
    assert StreetAddress("0-2", "Main St").has_house_number
    assert not StreetAddress("00", "D St").has_house_number
    assert not StreetAddress("", "A St & B St").has_house_number


def test_demo_data_is_found_in_the_checkout_or_where_the_variable_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(files.DATA_DIR_VARIABLE, raising=False)
    checkout = files.default_data_dir()
    assert checkout == Path(__file__).resolve().parents[2] / "resources" / "demo_city"
    (tmp_path / files.MANIFEST).write_text("{}")
    monkeypatch.setenv(files.DATA_DIR_VARIABLE, str(tmp_path))
    assert files.default_data_dir() == tmp_path


def test_a_point_on_a_ward_boundary_gets_the_ward_the_console_gives_it() -> None:
    def ward(code: str, south: float) -> Ward:
        ring = [[0.0, south], [1.0, south], [1.0, south + 1], [0.0, south + 1], [0.0, south]]
        return Ward(code, f"Ward {code}", {"type": "Polygon", "coordinates": [ring]}, 0, 0, 0, 0)

    locator = WardLocator([ward("1", 1.0), ward("2", 0.0)])
    # On the shared edge, the first ward, as intake's district lookup (domain.geo) decides.
    assert locator.wards_at([1.0, 0.5, 1.5, 5.0], [0.5, 0.5, 0.5, 5.0]) == ["1", "2", "1", ""]
