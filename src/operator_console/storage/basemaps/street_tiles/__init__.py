"""Street basemaps: raster MBTiles tiles drawn from a city's street centrelines."""

from operator_console.storage.basemaps.street_tiles.render import (
    OSM_ATTRIBUTION,
    StreetTilesReport,
    render_street_tiles,
)
from operator_console.storage.basemaps.street_tiles.streets import StreetsFileError

__all__ = ["OSM_ATTRIBUTION", "StreetTilesReport", "StreetsFileError", "render_street_tiles"]
