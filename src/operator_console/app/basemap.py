"""The base map of the settings, its MBTiles file opened before the map asks for tiles."""

from __future__ import annotations

from dataclasses import replace

from operator_console.app.settings import settings_file
from operator_console.services.basemaps import TilesetError
from operator_console.storage.basemaps.mbtiles import MbtilesFile
from operator_console.ui.map.page import BaseMap


def open_base_map(setting: str | None) -> BaseMap:
    """Runs on a worker: parse `tile_url` and open its MBTiles file, if it names one.

    A malformed setting is refused (ValueError naming the settings file); a file that cannot be
    opened leaves the district outlines, and the map says why.
    """
    try:
        base_map = BaseMap.from_setting(setting)
    except ValueError as exc:
        raise ValueError(f"{settings_file()}: tile_url: {exc}") from exc
    if base_map.mbtiles_path is None:
        return base_map
    try:
        return replace(base_map, tileset=MbtilesFile(base_map.mbtiles_path))
    except TilesetError as exc:
        return replace(base_map, problem=str(exc))
