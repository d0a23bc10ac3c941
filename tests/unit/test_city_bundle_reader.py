"""Reading a complete city bundle, from a folder and from a zip."""

from __future__ import annotations

import gzip
import json
import zipfile
from datetime import date, time
from pathlib import Path

import pytest

from operator_console.domain.lifecycle import Priority
from operator_console.domain.permissions import Role
from operator_console.services.city_bundle.model import CityBundle, RoutingRow
from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import (
    SMALL_SERVICES,
    csv_text,
    small_addresses,
    write_small_bundle,
    zip_folder,
)


def test_the_small_bundle_reads_with_everything_it_holds(tmp_path: Path) -> None:
    bundle = read_bundle(write_small_bundle(tmp_path / "springfield"))

    assert_small_bundle(bundle)
    assert bundle.root == tmp_path / "springfield"
    assert bundle.warnings == ()


def assert_small_bundle(bundle: CityBundle) -> None:
    settings = bundle.settings
    assert (settings.name, settings.time_zone, settings.reference_prefix) == (
        "Springfield 311",
        "America/Chicago",
        "SPR",
    )
    assert settings.languages == ("en", "es")
    assert settings.map_center == (39.7817, -89.6501)
    assert settings.unknown_location == (39.8017, -89.6436)
    [wards] = bundle.layers
    assert wards.layer == "ward"
    assert [(d.code, d.name) for d in wards.districts] == [("1", "Ward One"), ("2", "Ward Two")]
    assert wards.districts[0].geometry["type"] == "Polygon"
    assert [d.code for d in bundle.departments] == ["PWD", "ANML"]
    assert [(q.code, q.kind, q.parent) for q in bundle.queues] == [
        ("PWD_STREETS", "queue", None),
        ("PWD_NIGHT", "team", "PWD_STREETS"),
        ("ANML_FIELD", "queue", None),
    ]
    assert [s.service_code for s in bundle.services] == ["pothole", "streetlight", "loose-dog"]
    assert [d.service_code for d in bundle.definitions] == ["pothole"]
    assert bundle.settings_for("loose-dog").default_priority is Priority.HIGH
    assert bundle.settings_for("streetlight").notice == "Lights are fixed at night."
    [calendar] = bundle.calendars
    assert calendar.working_days == frozenset(range(5))
    assert (calendar.work_start, calendar.work_end) == (time(8), time(17))
    assert (calendar.holiday_country, calendar.holiday_subdivision) == ("US", "IL")
    assert [(c.calendar, c.day) for c in bundle.closures] == [("city", date(2026, 2, 9))]
    assert [(p.code, p.clock, p.calendar) for p in bundle.sla_policies] == [
        ("business-2d", "business", "city"),
        ("calendar-4h", "calendar", None),
    ]
    assert bundle.routing[1] == RoutingRow(
        queue="PWD_NIGHT",
        service="pothole",
        layer="ward",
        district="2",
        priority=Priority.HIGH,
        rank=10,
        note="Ward 2 by night",
    )
    assert bundle.routing[0].group == "Streets" and bundle.routing[0].rank == 100
    assert [(s.login, s.role, s.queues) for s in bundle.staff] == [
        ("mgarcia", Role.OPERATOR, ()),
        ("tchen", Role.DISPATCHER, ("PWD_STREETS", "PWD_NIGHT")),
        ("admin1", Role.ADMIN, ()),
    ]
    assert len(bundle.addresses) == 20
    assert bundle.addresses[0] == ("100", "Main St", "Apt 1", "62701", 39.77, -89.69, "Springfield")
    assert bundle.basemap is not None and bundle.basemap.streets == "streets.geojson"


@pytest.mark.parametrize("top", [None, "springfield"])
def test_a_zip_of_the_bundle_reads_the_same(tmp_path: Path, top: str | None) -> None:
    folder = write_small_bundle(tmp_path / "springfield")
    archive = zip_folder(folder, tmp_path / "springfield.zip", top=top)

    bundle = read_bundle(archive)

    assert_small_bundle(bundle)
    assert bundle.root == archive


def test_gzipped_addresses_and_optional_files_left_out(tmp_path: Path) -> None:
    folder = write_small_bundle(
        tmp_path / "b", addresses_csv=None, staff_csv=None, closures_csv=None
    )
    (folder / "addresses.csv.gz").write_bytes(gzip.compress(small_addresses(5).encode()))

    bundle = read_bundle(folder)

    assert len(bundle.addresses) == 5
    assert bundle.staff == () and bundle.closures == ()


def test_a_service_with_questions_but_no_definition_is_a_warning(tmp_path: Path) -> None:
    bundle = read_bundle(write_small_bundle(tmp_path / "b", services_pothole_json=None))

    assert bundle.definitions == ()
    assert [str(w) for w in bundle.warnings] == [
        "services.json:2:3: 'Pothole' (pothole) has metadata: true but no definition file in "
        "services/: it is loaded without questions"
    ]


def test_a_warning_about_a_service_names_it_and_gives_its_line(tmp_path: Path) -> None:
    graffiti = {
        "service_code": "4e7b9c0d1e2f3a4b5c6d7e8f",
        "service_name": "Graffiti",
        "description": "",
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": "Streets",
    }
    services = json.dumps([*SMALL_SERVICES, graffiti], indent=2)
    folder = write_small_bundle(tmp_path / "b", services_json=services)

    assert [str(w) for w in read_bundle(folder).warnings] == [
        "services.json:29:3: 'Graffiti' (4e7b9c0d1e2f3a4b5c6d7e8f) has metadata: true but no "
        "definition file in services/: it is loaded without questions"
    ]


def test_a_path_that_is_not_a_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")

    with pytest.raises(BundleInvalid) as refused:
        read_bundle(tmp_path / "notes.txt")

    assert [str(problem) for problem in refused.value.problems] == [
        f"{tmp_path / 'notes.txt'}: neither a folder nor a zip file"
    ]


def test_a_zip_made_by_the_finder_reads_despite_its_resource_forks(tmp_path: Path) -> None:
    folder = write_small_bundle(tmp_path / "springfield")
    archive = zip_folder(folder, tmp_path / "springfield.zip", top="springfield")
    with zipfile.ZipFile(archive, "a") as finder_zip:
        finder_zip.writestr("__MACOSX/springfield/._city.toml", b"\x00\x05\x16\x07")

    assert_small_bundle(read_bundle(archive))


def test_an_at_risk_share_may_be_written_as_a_percentage(tmp_path: Path) -> None:
    policies = csv_text(
        ("code", "name", "target_hours", "clock", "calendar", "at_risk_fraction"),
        [
            ("business-2d", "2 business days", "18", "business", "city", "80%"),
            ("calendar-4h", "4 hours", "4", "calendar", "", "0.5"),
        ],
    )
    bundle = read_bundle(write_small_bundle(tmp_path / "b", sla_policies_csv=policies))
    assert [policy.at_risk_fraction for policy in bundle.sla_policies] == [0.8, 0.5]


def test_address_points_in_metres_are_named_three_times_then_summed_up(tmp_path: Path) -> None:
    rows = [(str(n), "Main St", "", "", 4374492.5 + n, 725000.8, "") for n in range(200)]
    header = ("number", "street", "unit", "zip", "lat", "lon", "locality")
    folder = write_small_bundle(tmp_path / "b", addresses_csv=csv_text(header, rows))
    with pytest.raises(BundleInvalid) as refused:
        read_bundle(folder)
    said = [str(problem) for problem in refused.value.problems]
    assert len([line for line in said if "is not a latitude and longitude" in line]) == 3
    assert (
        "addresses.csv: 200 address points have coordinates far beyond degrees, as projected "
        "ones (metres or feet) are: address points are WGS 84 latitude and longitude; reproject "
        "them (ogr2ogr -t_srs EPSG:4326, or pyproj)"
    ) in said
