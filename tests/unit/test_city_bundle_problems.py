"""A bundle with mistakes is refused, each mistake named by file, line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from operator_console.services.city_bundle.problems import BundleInvalid, BundleProblem
from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import (
    SMALL_CITY_TOML,
    csv_text,
    feature_collection,
    small_files,
    square,
    ward_feature,
    write_small_bundle,
)


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)
    return [str(problem) for problem in refused.value.problems]


def with_row(file: str, row: str) -> str:
    return small_files()[file] + row + "\n"


def test_the_planted_mistakes_are_each_named_and_nothing_else(tmp_path: Path) -> None:
    feet = feature_collection(
        [
            ward_feature(1, "Ward One", square(770_000.0, 2_950_000.0, 5_000.0)),
            ward_feature(2, "Ward Two", square(775_000.0, 2_950_000.0, 5_000.0)),
        ]
    )
    folder = write_small_bundle(
        tmp_path / "b",
        departments_csv=csv_text(("code", "email"), [("PWD", ""), ("ANML", "")]),
        closures_csv=csv_text(("calendar", "day", "name"), [("city", "2026-02-30", "Snow")]),
        districts_wards_geojson=feet,
        routing_csv=with_row("routing.csv", "pothole,,,,PWD_NOWHERE,,,"),
        staff_csv=with_row("staff.csv", "tchen,Tim Chen,operator,,"),
    )

    assert problems_of(folder) == [
        "districts/wards.geojson:3:1: coordinates look projected (feet or metres): give the "
        'file\'s CRS in a "crs" member, or crs = "EPSG:...." in its [[districts]] table in '
        "city.toml",
        "departments.csv:1: the required column 'name' is missing from the header",
        "closures.csv:2:2: day '2026-02-30' is not a date like 2026-02-09",
        "routing.csv:5:5: queue 'PWD_NOWHERE': no such queue in queues.csv",
        "staff.csv:5:1: login 'tchen' is already on line 3",
    ]


def test_problems_carry_file_line_and_column(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        closures_csv=csv_text(("calendar", "day", "name"), [("city", "9 Feb", "Snow")]),
    )
    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)

    assert refused.value.problems == (
        BundleProblem("closures.csv", 2, 2, "day '9 Feb' is not a date like 2026-02-09"),
    )
    assert "1 problem in the city bundle" in str(refused.value)


def test_every_kind_of_mistake_in_the_tables(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        queues_csv=csv_text(
            ("code", "name", "department", "kind", "parent", "active"),
            [
                ("PWD_STREETS", "Streets", "PWD", "queue", "", "maybe"),
                ("PWD_NIGHT", "Night", "PARKS", "squad", "PWD_DAY", ""),
                ("ANML_FIELD", "Animal officers", "ANML", "", "", ""),
                ("ANML_FIELD", "Again", "ANML", "", "", ""),
            ],
        ),
        calendars_csv=csv_text(
            ("code", "time_zone", "working_days", "work_start", "work_end", "holiday_country"),
            [("city", "America/Springfield", "mon-fry", "8am", "07:00", "XX")],
        ),
        sla_policies_csv=csv_text(
            ("code", "name", "target_hours", "clock", "calendar", "at_risk_fraction"),
            [
                ("business-2d", "2 business days", "two", "business", "city", ""),
                ("calendar-4h", "4 hours", "4", "wall", "county", "1.5"),
            ],
        ),
        closures_csv=csv_text(("calendar", "day", "name"), [("county", "2026-02-09", "Snow")]),
        service_settings_csv=csv_text(
            ("service", "sla_policy", "default_queue", "default_priority", "staff_only"),
            [
                ("pothole", "business-9d", "PWD_STREETS", "soon", "perhaps"),
                ("graffiti", "", "PWD_ROADS", "", ""),
            ],
        ),
        routing_csv=csv_text(
            ("service", "group", "layer", "district", "queue", "priority", "rank"),
            [
                ("potholes", "", "", "", "PWD_STREETS", "", ""),
                ("", "Parks", "", "", "PWD_STREETS", "", "first"),
                ("pothole", "", "council", "7", "PWD_STREETS", "", ""),
                ("pothole", "", "", "9", "PWD_STREETS", "asap", ""),
            ],
        ),
        staff_csv=csv_text(
            ("login", "name", "role", "queues"),
            [("Maria G", "Maria", "boss", "PWD_STREETS;PWD_ROADS"), ("tchen", "", "", "")],
        ),
    )

    assert problems_of(folder) == [
        "calendars.csv:2:2: 'America/Springfield' is not an IANA time zone",
        "calendars.csv:2:4: work_start '8am' is not a time like 08:00",
        "calendars.csv:2:5: work_end 07:00 is not after work_start 08:00",
        "calendars.csv:2:6: holiday_country 'XX' is not a two-letter country the holidays "
        "package knows",
        "calendars.csv:2:3: working_days 'mon-fry': write days like mon-fri or mon;tue;wed",
        "closures.csv:2:1: calendar 'county': no such calendar in calendars.csv",
        "sla_policies.csv:2:3: target_hours 'two' is not a number",
        "sla_policies.csv:3:4: clock 'wall' is not one of business, calendar",
        "sla_policies.csv:3:5: calendar 'county': no such calendar in calendars.csv",
        "sla_policies.csv:3:6: at_risk_fraction 1.5 is not between 0 and 1",
        "queues.csv:2:6: active 'maybe' is not true or false",
        "queues.csv:3:3: department 'PARKS': no such department in departments.csv",
        "queues.csv:3:4: kind 'squad' is not one of queue, team, crew",
        "queues.csv:5:1: queue 'ANML_FIELD' is already on line 4",
        "queues.csv:3:5: parent 'PWD_DAY': no such queue in queues.csv",
        "service_settings.csv:2:2: sla_policy 'business-9d': no such SLA policy in "
        "sla_policies.csv (did you mean 'business-2d'?)",
        "service_settings.csv:2:4: default_priority 'soon' is not one of low, normal, high, urgent",
        "service_settings.csv:2:5: staff_only 'perhaps' is not true or false",
        "service_settings.csv:3:1: service 'graffiti': no such service in services.json",
        "service_settings.csv:3:3: default_queue 'PWD_ROADS': no such queue in queues.csv",
        "routing.csv:2:1: service 'potholes': no such service in services.json (did you mean "
        "'pothole'?)",
        "routing.csv:3:2: group 'Parks': no such group in services.json",
        "routing.csv:3:7: rank 'first' is not a whole number",
        "routing.csv:4:3: layer 'council': no such layer in city.toml (layers: ward)",
        "routing.csv:5:4: district '9': no such district in layer 'ward'",
        "routing.csv:5:6: priority 'asap' is not one of low, normal, high, urgent",
        "staff.csv:2:1: login 'Maria G' must be lower case letters, digits, and _ . @ - (a "
        "database login), starting with a letter or _",
        "staff.csv:2:3: role 'boss' is not one of operator, dispatcher, supervisor, admin",
        "staff.csv:2:4: queues 'PWD_ROADS': no such queue in queues.csv",
        "staff.csv:3:2: name is empty",
        "staff.csv:3:3: role is empty (one of operator, dispatcher, supervisor, admin)",
    ]


def test_manifest_mistakes_are_named_at_their_key(tmp_path: Path) -> None:
    manifest = (
        SMALL_CITY_TOML.replace('"America/Chicago"', '"Central"')
        .replace('"SPR"', '"spr-1"')
        .replace("map_zoom = 12", "map_zoom = 40")
        .replace('code_property = "WARD"', 'code_property = "WARD_NO"')
    )
    folder = write_small_bundle(tmp_path / "b", city_toml=manifest)

    problems = problems_of(folder)

    assert problems[:3] == [
        "city.toml:5:1: 'Central' is not an IANA time zone",
        "city.toml:7:1: reference_prefix must be 2 to 5 capitals",
        "city.toml:10:1: map_zoom must be a whole number from 1 to 20",
    ]
    assert problems[3] == (
        "districts/wards.geojson:3:1: none of the 2 features has a 'WARD_NO' property (the "
        "manifest's code_property); feature 1 has WARD, NAME"
    )


def test_a_manifest_that_is_not_toml_is_named_by_line_and_column(tmp_path: Path) -> None:
    folder = write_small_bundle(tmp_path / "b", city_toml='format = 1\n[city]\nname = "x\n')

    assert problems_of(folder) == ["city.toml:3:10: not valid TOML: Illegal character '\\n'"]


def test_json_syntax_and_district_mistakes(tmp_path: Path) -> None:
    bowtie = [[[-89.70, 39.75], [-89.65, 39.80], [-89.65, 39.75], [-89.70, 39.80], [-89.70, 39.75]]]
    wards = feature_collection(
        [
            ward_feature(1, "Ward One", square(-89.70, 39.75, 0.05)),
            ward_feature(1.0, "Ward One again", square(-89.65, 39.75, 0.05)),
            ward_feature(3, "Bow tie", bowtie),
            {
                "type": "Feature",
                "properties": {"WARD": 4},
                "geometry": {"type": "Point", "coordinates": [-89.6, 39.7]},
            },
            {"type": "Feature", "properties": {"WARD": 5}, "geometry": None},
        ]
    )
    folder = write_small_bundle(
        tmp_path / "b",
        districts_wards_geojson=wards,
        services_json='[{"service_code": "pothole",\n "service_name": }]',
    )

    problems = problems_of(folder)

    assert problems[:5] == [
        "districts/wards.geojson:4:1: district '1' appears twice (first at line 3)",
        "districts/wards.geojson:5:1: feature 3: district '3' is not a valid polygon "
        "(Self-intersection[-89.675 39.775]) and cannot be repaired",
        "districts/wards.geojson:6:1: feature 4: district '4' is a Point, not a Polygon or "
        "MultiPolygon",
        "districts/wards.geojson:7:1: feature 5: district '5' has no geometry",
        "services.json:2:18: not JSON: Expecting value",
    ]


def test_a_district_file_naming_an_unknown_crs(tmp_path: Path) -> None:
    wards = json.loads(small_files()["districts/wards.geojson"])
    wards["crs"] = {"type": "name", "properties": {"name": "EPSG:999999"}}
    folder = write_small_bundle(tmp_path / "b", districts_wards_geojson=json.dumps(wards))

    assert problems_of(folder) == [
        "districts/wards.geojson:1:1: the file's CRS 'EPSG:999999' is not one pyproj knows "
        "(give it as EPSG:<number>, e.g. the state-plane zone the file was exported in)"
    ]


def test_missing_required_files_are_named(tmp_path: Path) -> None:
    folder = write_small_bundle(tmp_path / "b", routing_csv=None, services_json=None)

    assert problems_of(folder) == [
        "services.json: is missing: the service catalog (Open311 services.json)",
        "routing.csv: is missing",
    ]


def test_address_mistakes_are_named_and_the_good_rows_counted(tmp_path: Path) -> None:
    rows = [
        ("1", "Main St", "", "62701", "39.78", "-89.65"),
        ("2", "Main St", "", "62701", "north", "-89.65"),
        ("3", "", "", "62701", "39.78", "-89.65"),
        ("4", "Main St", "", "62701", "139.78", "-89.65"),
        ("5", "Main St", "", "627010000000", "39.78", "-89.65"),
    ]
    folder = write_small_bundle(
        tmp_path / "b",
        addresses_csv=csv_text(("number", "street", "unit", "zip", "lat", "lon"), rows),
    )

    assert problems_of(folder) == [
        "addresses.csv:3:5: lat 'north' is not a number",
        "addresses.csv:4:2: street is empty",
        "addresses.csv:5:5: (139.78, -89.65) is not a latitude and longitude: are lat and lon "
        "swapped?",
        "addresses.csv:6:4: zip is longer than 10 characters",
    ]


def test_a_file_full_of_mistakes_lists_the_first_hundred_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    rows = [(str(number), "Main St", "", "", "x", "-89.65") for number in range(150)]
    folder = write_small_bundle(
        tmp_path / "b",
        addresses_csv=csv_text(("number", "street", "unit", "zip", "lat", "lon"), rows),
    )

    problems = problems_of(folder)

    assert len(problems) == 101
    assert problems[-1] == "addresses.csv: 50 more problems not listed"


def test_a_file_saved_with_semicolons_is_told_to_use_commas(tmp_path: Path) -> None:
    folder = write_small_bundle(tmp_path / "b", departments_csv="code;name\nPWD;Public Works\n")

    assert problems_of(folder)[:3] == [
        "departments.csv:1: the required column 'code' is missing from the header",
        "departments.csv:1: the required column 'name' is missing from the header",
        "departments.csv:1: the header looks separated by ';' or tabs: save the file with commas",
    ]


def test_holiday_places_are_the_holidays_packages_two_letter_codes(tmp_path: Path) -> None:
    header = ("code", "holiday_country", "holiday_subdivision")
    folder = write_small_bundle(
        tmp_path / "b",
        calendars_csv=csv_text(header, [("city", "USA", ""), ("county", "us", "Ontario")]),
        sla_policies_csv=csv_text(
            ("code", "name", "target_hours", "calendar"), [("p", "P", 8, "city")]
        ),
        service_settings_csv=None,
    )

    problems = problems_of(folder)

    country, subdivision = problems
    assert country == (
        "calendars.csv:2:2: holiday_country 'USA' is not a two-letter country the holidays "
        "package knows"
    )
    # Every state is listed (the holidays package's own list, so its version's).
    assert subdivision.startswith(
        "calendars.csv:3:3: holiday_subdivision 'Ontario' is not one of US's (AK, AL, AR, "
    )
    assert ", MA, " in subdivision and ", NY, " in subdivision and subdivision.endswith(", WY)")


def test_a_subdivision_in_lower_case_is_read_as_the_holidays_package_spells_it(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        calendars_csv=csv_text(
            ("code", "holiday_country", "holiday_subdivision"), [("city", "us", "il")]
        ),
    )

    [calendar] = read_bundle(folder).calendars

    assert (calendar.holiday_country, calendar.holiday_subdivision) == ("US", "IL")
    assert calendar.time_zone == "America/Chicago"
