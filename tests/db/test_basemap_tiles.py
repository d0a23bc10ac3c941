"""Base maps: MBTiles files opened off the Qt thread, rows flipped to XYZ, problems named, and
which base map a console draws (its settings, its city's, the demo city's streets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert

from operator_console.app.basemap import open_base_map
from operator_console.services.basemaps import TilesetError
from operator_console.storage.basemaps.city_tiles import city_tile_url
from operator_console.storage.basemaps.mbtiles import MbtilesFile
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city
from operator_console.storage.demo_city.files import default_data_dir
from tests.support.mbtiles import write_mbtiles

CITY_ROW = {
    "name": "Springfield",
    "time_zone": "America/Chicago",
    "phone_region": "US",
    "reference_prefix": "SPR",
    "map_lat": 39.78,
    "map_lon": -89.65,
    "map_zoom": 12,
}


def test_mbtiles_rows_are_flipped_to_xyz(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "city.mbtiles", {(1, 0, 0): b"north-west"})
    tiles = MbtilesFile(path)
    assert tiles.tile(1, 0, 0) == b"north-west"
    assert tiles.tile(1, 0, 1) is None and tiles.tile(1, 5, 0) is None
    assert (tiles.info.name, tiles.info.min_zoom, tiles.info.max_zoom) == ("Tiny", 1, 1)
    assert tiles.info.mime_type == "image/png"
    tiles.close()


def test_a_file_that_is_not_mbtiles_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.mbtiles"
    path.write_text("not a database")
    with pytest.raises(TilesetError, match=r"notes\.mbtiles: not an MBTiles file"):
        MbtilesFile(path)


def test_the_settings_base_map_comes_opened(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "city.mbtiles", {(0, 0, 0): b"world"})
    base_map = open_base_map(str(path))
    assert base_map.tileset is not None and base_map.problem is None
    assert base_map.tileset.tile(0, 0, 0) == b"world"
    base_map.tileset.close()


def test_a_missing_file_leaves_a_problem_in_words(tmp_path: Path) -> None:
    base_map = open_base_map(str(tmp_path / "absent.mbtiles"))
    assert base_map.tileset is None
    assert (
        base_map.problem is not None and "absent.mbtiles: no such MBTiles file" in base_map.problem
    )


def test_a_malformed_setting_names_the_settings_file() -> None:
    with pytest.raises(ValueError, match=r"tile_url: tile_url .tiles\.example\.org. is neither"):
        open_base_map("tiles.example.org")


def test_the_demo_database_draws_the_demo_city_streets() -> None:
    base_map = open_base_map(None, demo=True)
    assert base_map.tileset is not None, base_map.problem
    assert base_map.tileset.path.name == "streets.mbtiles"
    assert "OpenStreetMap" in base_map.tileset.info.attribution
    base_map.tileset.close()
    assert open_base_map(None).mbtiles_path is None  # another database: outlines only


def test_the_settings_file_wins_over_the_city_and_the_demo(tmp_path: Path) -> None:
    path = write_mbtiles(tmp_path / "own.mbtiles", {(0, 0, 0): b"own"})
    base_map = open_base_map(str(path), "streets.mbtiles", demo=True)
    assert base_map.mbtiles_path == path
    assert base_map.tileset is not None
    base_map.tileset.close()


def test_a_relative_city_tile_url_is_a_file_of_the_city_folder(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(insert(city).values(id=1, **CITY_ROW, tile_url="streets.mbtiles"))
    setting = city_tile_url(engine)
    engine.dispose()
    assert setting == "streets.mbtiles"
    base_map = open_base_map(None, setting)
    assert base_map.mbtiles_path == default_data_dir() / "streets.mbtiles"
    assert base_map.tileset is not None
    base_map.tileset.close()


def test_a_city_without_tiles_names_none(db_url: str) -> None:
    engine = make_engine(db_url)
    assert city_tile_url(engine) is None  # no city row yet
    with engine.begin() as connection:
        connection.execute(insert(city).values(id=1, **CITY_ROW))
    assert city_tile_url(engine) is None
    engine.dispose()


def test_a_malformed_city_tile_url_says_it_is_the_citys() -> None:
    with pytest.raises(ValueError, match=r"the city's tile_url: tile_url .tiles\.example"):
        open_base_map(None, "tiles.example.org")
