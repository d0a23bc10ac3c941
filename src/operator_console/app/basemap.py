"""The base map of the settings, its MBTiles file opened before the map asks for tiles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from operator_console.app.settings import settings_file
from operator_console.services.basemaps import TilesetError
from operator_console.storage.basemaps.mbtiles import MbtilesFile
from operator_console.storage.demo_city.files import DemoDataError, default_data_dir
from operator_console.ui.map.page import BaseMap

DEMO_STREETS = "streets.mbtiles"
"""The demo city's street basemap, in its folder of resources."""


def open_base_map(
    setting: str | None, city_setting: str | None = None, demo: bool = False
) -> BaseMap:
    """Runs on a worker: the base map to draw, its MBTiles file opened.

    The `tile_url` of settings.toml wins; else the city's own `tile_url` (a relative .mbtiles
    path is a file of the demo city's folder); else, on the demo database, the demo city's
    streets. A malformed setting is refused (ValueError naming where it came from); a file that
    cannot be opened leaves the district outlines, and the map says why.
    """
    if setting and setting.strip():
        return _opened(setting, f"{settings_file()}: tile_url")
    if city_setting:
        return _opened(_in_city_folder(city_setting), "the city's tile_url")
    if demo:
        return _opened(_in_city_folder(DEMO_STREETS), "the demo city's streets")
    return BaseMap()


def _in_city_folder(value: str) -> str:
    """A relative .mbtiles path (no scheme) as a file of the demo city's folder."""
    text = value.strip()
    relative = not urlsplit(text).scheme and not Path(text).expanduser().is_absolute()
    if not (relative and text.lower().endswith(".mbtiles")):
        return text
    try:
        return str(default_data_dir() / text)
    except DemoDataError as exc:
        raise ValueError(f"{text}: {exc}") from exc


def _opened(setting: str, source: str) -> BaseMap:
    try:
        base_map = BaseMap.from_setting(setting)
    except ValueError as exc:
        raise ValueError(f"{source}: {exc}") from exc
    if base_map.mbtiles_path is None:
        return base_map
    try:
        return replace(base_map, tileset=MbtilesFile(base_map.mbtiles_path))
    except TilesetError as exc:
        return replace(base_map, problem=str(exc))
