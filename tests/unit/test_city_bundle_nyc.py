"""New York City, from its own 311 exports and community districts, reads as a bundle."""

from __future__ import annotations

from pathlib import Path

from operator_console.services.city_bundle.reader import read_bundle
from tests.support.city_bundles import nyc_service_code, write_nyc_bundle, zip_folder


def test_the_nyc_bundle_reads_with_no_problems(tmp_path: Path) -> None:
    folder = write_nyc_bundle(tmp_path / "nyc")

    bundle = read_bundle(folder)

    assert bundle.settings.name == "New York City 311"
    [layer] = bundle.layers
    assert layer.layer == "community_district"
    assert len(layer.districts) == 71
    assert {"101", "228", "595"} <= {district.code for district in layer.districts}
    assert layer.districts[0].geometry["type"] == "MultiPolygon"
    assert len(bundle.services) >= 60
    assert "noise-residential" in {service.service_code for service in bundle.services}
    agencies = {department.code for department in bundle.departments}
    assert {"NYPD", "DOT", "DSNY", "HPD"} <= agencies
    assert {queue.code for queue in bundle.queues} == agencies
    noise_rules = [
        rule for rule in bundle.routing if rule.service == nyc_service_code("Noise - Residential")
    ]
    assert len(noise_rules) == 71
    assert {(rule.layer, rule.queue) for rule in noise_rules} == {("community_district", "NYPD")}
    assert bundle.warnings == ()


def test_the_nyc_bundle_zipped_reads_the_same(tmp_path: Path) -> None:
    folder = write_nyc_bundle(tmp_path / "nyc")

    from_zip = read_bundle(zip_folder(folder, tmp_path / "nyc.zip", top="nyc"))

    assert from_zip.layers == read_bundle(folder).layers
    assert from_zip.routing == read_bundle(folder).routing
