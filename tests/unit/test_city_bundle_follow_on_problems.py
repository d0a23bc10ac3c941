"""A missing or unusable file is one problem, not one more at every row that refers to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import SMALL_CITY_TOML, csv_text, write_small_bundle


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)
    return [str(problem) for problem in refused.value.problems]


def test_a_missing_sla_policies_file_is_not_reported_again_at_each_service(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(tmp_path / "b", sla_policies_csv=None)

    assert problems_of(folder) == [
        "sla_policies.csv: is missing",
        "service_settings.csv:2:2: sla_policy not checked on any row: sla_policies.csv is missing",
    ]


def test_a_missing_queues_file_is_said_once_in_each_file_that_names_queues(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(tmp_path / "b", queues_csv=None)

    assert problems_of(folder) == [
        "queues.csv: is missing",
        "service_settings.csv:2:3: default_queue not checked on any row: queues.csv is missing",
        "routing.csv:2:5: queue not checked on any row: queues.csv is missing",
        "staff.csv:3:5: queues not checked on any row: queues.csv is missing",
    ]


def test_a_departments_file_without_its_code_column_is_not_reported_at_each_queue(
    tmp_path: Path,
) -> None:
    departments = csv_text(("id", "name"), [("PWD", "Public Works"), ("ANML", "Animal Control")])
    folder = write_small_bundle(tmp_path / "b", departments_csv=departments)

    assert problems_of(folder) == [
        "departments.csv:1: the required column 'code' is missing from the header",
        "queues.csv:2:3: department not checked on any row: departments.csv has no 'code' column",
    ]


def test_an_unreadable_calendars_file_is_not_reported_at_each_closure_and_policy(
    tmp_path: Path,
) -> None:
    folder = write_small_bundle(tmp_path / "b", calendars_csv='code,time_zone\n"city,UTC\n')

    assert problems_of(folder) == [
        "calendars.csv:2: not readable as CSV: unexpected end of data",
        "closures.csv:2:1: calendar not checked on any row: calendars.csv could not be read",
        "sla_policies.csv:2:5: calendar not checked on any row: calendars.csv could not be read",
    ]


@pytest.mark.parametrize(
    ("manifest_change", "problem"),
    [
        (('"America/Chicago"', '"Central"'), "city.toml:5:1: 'Central' is not an IANA time zone"),
        (('"SPR"', '"spr"'), "city.toml:7:1: reference_prefix must be 2 to 5 capitals"),
    ],
)
def test_a_calendar_on_the_city_time_zone_is_not_told_city_toml_gives_none(
    tmp_path: Path, manifest_change: tuple[str, str], problem: str
) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        city_toml=SMALL_CITY_TOML.replace(*manifest_change),
        calendars_csv=csv_text(("code", "time_zone"), [("city", "")]),
    )

    assert problems_of(folder) == [problem]


def test_a_calendar_is_still_told_when_city_toml_gives_no_time_zone(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        city_toml=SMALL_CITY_TOML.replace('time_zone = "America/Chicago"\n', ""),
        calendars_csv=csv_text(("code", "time_zone"), [("city", "")]),
    )

    assert problems_of(folder) == [
        "city.toml:3:1: time_zone is missing from [city]",
        "calendars.csv:2:2: time_zone is empty and city.toml gives none",
    ]
