"""Street tiles drawn from a few crossing streets: where the tiles are, what they show, the file."""

from __future__ import annotations

import gzip
import io
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from operator_console.storage.basemaps.street_tiles import (
    StreetsFileError,
    render_street_tiles,
)
from operator_console.storage.basemaps.street_tiles.labels import named_lines, place_labels
from operator_console.storage.basemaps.street_tiles.streets import mercator, read_streets
from operator_console.storage.basemaps.street_tiles.style import LABEL_TEXT, MAJOR, RESIDENTIAL
from operator_console.tools import street_tiles as street_tiles_cli

# Around Boston Common: a primary street west to east, a residential one south to north, and a
# diagonal one drawn from east to west (its name must still read left to right).
MAIN = [(-71.0700, 42.3550), (-71.0600, 42.3550)]
ELM = [(-71.0650, 42.3510), (-71.0650, 42.3590)]
OAK = [(-71.0610, 42.3585), (-71.0690, 42.3515)]


def _feature(name: str, highway: str, line: list[tuple[float, float]]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"name": name, "highway": highway},
        "geometry": {"type": "LineString", "coordinates": [list(point) for point in line]},
    }


def _collection(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


@pytest.fixture(scope="module")
def streets_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("streets") / "streets.geojson.gz"
    document = _collection(
        _feature("Main Street", "primary", MAIN),
        _feature("Elm Street", "residential", ELM),
        _feature("Oak Avenue", "residential", OAK),
    )
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        json.dump(document, stream)
    return path


@pytest.fixture(scope="module")
def tiles_file(streets_file: Path) -> Path:
    out = streets_file.with_name("streets.mbtiles")
    render_street_tiles(streets_file, out, min_zoom=13, max_zoom=16, name="Test streets")
    return out


def _tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int, float, float]:
    """XYZ column and row of the tile holding (lon, lat), and the point's pixel in it."""
    x, y = mercator(lon, lat)
    px, py = x * 256 * (1 << zoom), y * 256 * (1 << zoom)
    return int(px // 256), int(py // 256), px % 256, py % 256


def _image(path: Path, zoom: int, column: int, tms_row: int) -> Image.Image | None:
    with sqlite3.connect(path) as connection:
        found = connection.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (zoom, column, tms_row),
        ).fetchone()
    return None if found is None else Image.open(io.BytesIO(found[0])).convert("RGB")


def _close(colour: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_tiles_are_stored_in_tms_rows(tiles_file: Path) -> None:
    for zoom in (13, 16):
        column, row, _, _ = _tile_of(*MAIN[0], zoom)
        assert _image(tiles_file, zoom, column, (1 << zoom) - 1 - row) is not None
        assert _image(tiles_file, zoom, column, row) is None  # XYZ numbering is not MBTiles'


def test_a_primary_street_is_drawn_in_its_colour(tiles_file: Path) -> None:
    zoom = 16
    coloured = 0
    samples = 20
    for step in range(samples):
        lon = MAIN[0][0] + (MAIN[1][0] - MAIN[0][0]) * (step + 0.5) / samples
        column, row, px, py = _tile_of(lon, MAIN[0][1], zoom)
        image = _image(tiles_file, zoom, column, (1 << zoom) - 1 - row)
        assert image is not None
        pixel = np.asarray(image)[int(py), int(px)]
        coloured += _close(tuple(int(v) for v in pixel), MAJOR.fill)
    assert coloured >= samples // 2  # the rest may lie under its name or a crossing


def test_names_are_written_on_the_street_level_tiles_only(tiles_file: Path) -> None:
    def dark_pixels(zoom: int) -> int:
        total = 0
        for lon, lat in (MAIN[0], MAIN[1], ELM[0], ELM[1]):
            column, row, _, _ = _tile_of(lon, lat, zoom)
            image = _image(tiles_file, zoom, column, (1 << zoom) - 1 - row)
            assert image is not None
            pixels = np.asarray(image, dtype=np.int16)
            total += int((np.abs(pixels - LABEL_TEXT).max(axis=2) <= 40).sum())
        return total

    assert dark_pixels(13) == 0
    assert dark_pixels(16) > 100


def test_the_metadata_say_what_the_file_holds(tiles_file: Path) -> None:
    with sqlite3.connect(tiles_file) as connection:
        metadata = dict(connection.execute("SELECT name, value FROM metadata").fetchall())
        zooms = connection.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
    assert metadata["name"] == "Test streets"
    assert metadata["format"] == "png"
    assert (metadata["minzoom"], metadata["maxzoom"]) == ("13", "16")
    assert zooms == (13, 16)
    assert "© " in metadata["attribution"] and "OpenStreetMap" in metadata["attribution"]
    west, south, east, north = (float(part) for part in metadata["bounds"].split(","))
    assert west == pytest.approx(-71.0700, abs=1e-5) and east == pytest.approx(-71.0600, abs=1e-5)
    assert south == pytest.approx(42.3510, abs=1e-5) and north == pytest.approx(42.3590, abs=1e-5)


def test_the_same_streets_give_the_same_bytes(streets_file: Path, tiles_file: Path) -> None:
    again = streets_file.with_name("again.mbtiles")
    render_street_tiles(streets_file, again, min_zoom=13, max_zoom=16, name="Test streets")
    assert again.read_bytes() == tiles_file.read_bytes()


def test_names_read_left_to_right_and_never_overlap(streets_file: Path) -> None:
    labels = place_labels(named_lines(read_streets(streets_file)), 17)
    assert {label.text for label in labels} == {"Main Street", "Elm Street", "Oak Avenue"}
    assert all(-90 < label.angle <= 90 for label in labels)
    oak = next(label for label in labels if label.text == "Oak Avenue")
    assert -60 < oak.angle < -30  # south-west to north-east, drawn east to west in the file
    for first in labels:
        for second in labels:
            if first is not second:
                assert not _overlap(first.bounds, second.bounds) or _rotated(first, second)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _rotated(*labels: Any) -> bool:
    """Turned labels' bounding boxes may meet while the labels themselves do not."""
    return any(abs(math.sin(math.radians(label.angle))) > 0.1 for label in labels)


def test_residential_names_start_at_zoom_15(streets_file: Path) -> None:
    lines = named_lines(read_streets(streets_file))
    assert {label.text for label in place_labels(lines, 14)} <= {"Main Street"}
    assert RESIDENTIAL.label_zoom == 15


def test_a_file_in_feet_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "feet.geojson"
    line = [(775000.0, 2955000.0), (776000.0, 2955500.0)]
    path.write_text(json.dumps(_collection(_feature("Main Street", "primary", line))))
    with pytest.raises(StreetsFileError, match=r"feet.geojson: feature 1: .*reprojected"):
        render_street_tiles(path, tmp_path / "out.mbtiles")
    assert not (tmp_path / "out.mbtiles").exists()


def test_the_command_line_builds_tiles_and_says_how_far_it_is(
    streets_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.mbtiles"
    assert street_tiles_cli.main([str(streets_file), str(out), "--max-zoom", "14"]) == 0
    printed = capsys.readouterr()
    assert printed.err.rstrip().endswith("(100 %)")
    assert f"{out}: " in printed.out and " tiles, " in printed.out
    with sqlite3.connect(out) as connection:
        assert connection.execute("SELECT max(zoom_level) FROM tiles").fetchone() == (14,)


def test_the_command_line_names_a_file_it_cannot_draw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "streets.geojson"
    path.write_text('{"type": "Feature"}')
    assert street_tiles_cli.main([str(path), str(tmp_path / "out.mbtiles")]) == 2
    assert "streets.geojson: not a GeoJSON FeatureCollection" in capsys.readouterr().err
