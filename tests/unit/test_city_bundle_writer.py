"""The bundle writer: what it writes reads back as the same city, byte for byte the same again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from operator_console.services.city_bundle.address_lines import full_address, locality_of
from operator_console.services.city_bundle.file_formats import float_text, toml_value
from operator_console.services.city_bundle.model import AddressPoint
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.services.city_bundle.writer import bundle_files, write_bundle
from tests.support.city_bundles import write_small_bundle


def test_a_written_bundle_reads_back_as_the_same_city(tmp_path: Path) -> None:
    # The street files a [basemap] table names are not the writer's: it writes the table only.
    original = dataclasses.replace(
        read_bundle(write_small_bundle(tmp_path / "small")), basemap=None
    )
    stale = tmp_path / "written" / "services" / "retired-service.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    written = write_bundle(original, tmp_path / "written")
    assert not stale.exists()
    assert "districts/ward.geojson" in written and "addresses.csv.gz" in written
    again = read_bundle(tmp_path / "written")
    for field in dataclasses.fields(original):
        if field.name not in ("root", "service_settings"):
            assert getattr(again, field.name) == getattr(original, field.name), field.name
    # A service without a settings row is written with the defaults it had.
    assert {row.service: row for row in again.service_settings} == {
        service.service_code: original.settings_for(service.service_code)
        for service in original.services
    }
    assert bundle_files(again) == bundle_files(original)  # the same bytes, every file
    assert (tmp_path / "written" / "city.toml").read_text().startswith("format = 1\n")


@pytest.mark.parametrize(
    ("point", "shown"),
    [
        (
            AddressPoint("29", "Hereford St", "", "02115", 0, 0, "Boston, MA"),
            "29 Hereford St, Boston, MA 02115",
        ),
        (AddressPoint("", "A St & B St", "", "", 0, 0, "Boston, MA"), "A St & B St, Boston, MA"),
        (AddressPoint("100", "Main St", "Apt 1", "62701", 0, 0, ""), "100 Main St Apt 1, 62701"),
        (AddressPoint("7", "Elm St", "", "", 0, 0, ""), "7 Elm St"),
    ],
)
def test_full_addresses_and_their_locality_read_back(point: AddressPoint, shown: str) -> None:
    assert full_address(point) == shown
    assert locality_of(shown, point.number, point.street, point.unit, point.zip) == point.locality


def test_numbers_are_written_in_their_shortest_exact_form() -> None:
    assert float_text(42.3123) == "42.3123"
    assert float_text(90.0) == "90"
    assert float(float_text(0.1 + 0.2)) == 0.1 + 0.2
    assert toml_value([42.0, -71.089]) == "[42.0, -71.089]"
    assert toml_value('Say "hi"') == '"Say \\"hi\\""'
