"""The map's HTML page: a folium/Leaflet map on the vendored assets, rendered in memory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import folium
from branca.element import Figure
from PySide6.QtCore import QCoreApplication, QUrl

from operator_console.services.basemaps import Tileset
from operator_console.services.resources import resource_dir
from operator_console.ui.map import mbtiles
from operator_console.ui.map.script import BridgeScript

ASSETS_DIR_VARIABLE = "OPERATOR_CONSOLE_MAP_ASSETS"
_MARKER = Path("leaflet", "leaflet.js")

# Relative to the page's base URL, the folder of resources/map; nothing from a CDN.
_JS = [
    ("leaflet", "leaflet/leaflet.js"),
    ("jquery", "jquery/jquery.min.js"),
    ("markercluster", "leaflet.markercluster/leaflet.markercluster.js"),
    ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"),
]
_CSS = [
    ("leaflet_css", "leaflet/leaflet.css"),
    ("markercluster_css", "leaflet.markercluster/MarkerCluster.css"),
    ("markercluster_default_css", "leaflet.markercluster/MarkerCluster.Default.css"),
]
_DEFAULT_TEXTS = {
    "map": "Map",
    "pin": "Request location",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "leaflet": "A JavaScript library for interactive maps",
    "metres": "%1 m",
    "kilometres": "%1 km",
    "feet": "%1 ft",
    "miles": "%1 mi",
    "locale": "en",
}
LEAFLET_FONT_SIZE = "0.75rem"
"""Leaflet's own size for the scale and attribution; folium's 1rem overflows the scale bar."""


def register_map_schemes() -> None:
    """Register the map's URL schemes (mbtiles://) with QtWebEngine.

    Call it once at startup BEFORE the QApplication is created (QtWebEngine only accepts schemes
    then); calling it again is harmless, calling it after the QApplication exists raises
    RuntimeError. Without it the map still works, but cannot show an MBTiles basemap.
    """
    mbtiles.register_scheme()


@dataclass(frozen=True)
class TileSource:
    """Raster tiles drawn under the district outlines.

    Attributes:
        url_template: a Leaflet URL template with {z}, {x} and {y}.
        attribution: shown in the map's corner (HTML, from the settings or the tile file).
        min_native_zoom: the lowest zoom level the source has tiles for.
        max_native_zoom: the highest; deeper zoom levels enlarge its tiles.
        bounds: (west, south, east, north) outside which no tile is asked for, or None.
    """

    url_template: str
    attribution: str
    min_native_zoom: int = 0
    max_native_zoom: int = 19
    bounds: tuple[float, float, float, float] | None = None

    @property
    def is_remote(self) -> bool:
        return urlsplit(self.url_template).scheme in ("http", "https")


@dataclass(frozen=True)
class BaseMap:
    """What is drawn under the district outlines (the `tile_url` setting).

    Attributes:
        tile_url: an XYZ URL template ("https://tiles.example.org/{z}/{x}/{y}.png"), or None.
        mbtiles_path: a local .mbtiles file, served on the mbtiles:// scheme, or None.
        tileset: that file, opened (off the Qt thread) by whoever builds the base map, or None.
        problem: why that file could not be opened, in words for the person, or None.
        attribution: shown for XYZ tiles; defaults to the tile server's host name.
    """

    tile_url: str | None = None
    mbtiles_path: Path | None = None
    attribution: str = ""
    tileset: Tileset | None = None
    problem: str | None = None

    @classmethod
    def from_setting(cls, value: str | None) -> BaseMap:
        """None or "": outlines only; a path (or file: URL) ending .mbtiles; else an XYZ URL."""
        text = (value or "").strip()
        if not text:
            return cls()
        if text.lower().endswith(".mbtiles"):
            if text.lower().startswith("file:"):
                text = url2pathname(urlsplit(text).path)
            return cls(mbtiles_path=Path(text).expanduser())
        if not all(part in text for part in ("{z}", "{x}", "{y}")):
            raise ValueError(
                f"tile_url '{text}' is neither an XYZ URL template with {{z}}, {{x}} and {{y}} "
                "nor the path of an .mbtiles file."
            )
        return cls(tile_url=text, attribution=urlsplit(text).hostname or "")

    def tile_source(self) -> TileSource | None:
        """The XYZ tiles to draw; None for outlines only or for MBTiles (MapView serves those)."""
        if self.tile_url is None:
            return None
        credit = self.attribution or QCoreApplication.translate("MapView", "Tiles")
        return TileSource(self.tile_url, credit)


@dataclass(frozen=True)
class MapPageOptions:
    """Everything the page needs when it is written.

    Attributes:
        center: the (lat, lon) the map opens on.
        zoom: the zoom level it opens at.
        tiles: the base map's tiles, or None for district outlines only.
        districts: a GeoJSON FeatureCollection drawn (and fitted) as the page opens, or None.
        min_zoom: the lowest zoom level the user may choose.
        max_zoom: the highest zoom level the user may choose.
        texts: the words the page shows, already translated: the "map" label, the "pin"
            title, the zoom buttons' titles ("zoom_in", "zoom_out"), the title of Leaflet's
            credit ("leaflet"), the scale's units with a %1 place ("metres", "kilometres",
            "feet", "miles"), and the BCP 47 "locale" its numbers are written in.
    """

    center: tuple[float, float] = (0.0, 0.0)
    zoom: int = 2
    tiles: TileSource | None = None
    districts: Mapping[str, Any] | None = None
    min_zoom: int = 0
    max_zoom: int = 19
    texts: Mapping[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEXTS))


def render_page(options: MapPageOptions) -> str:
    """The page's HTML; its asset URLs are relative to the page directory (or qrc:)."""
    leaflet_map = folium.Map(
        location=list(options.center),
        zoom_start=options.zoom,
        tiles=None,
        control_scale=False,  # the script adds the scale and zoom buttons with translated words
        zoom_control=False,
        font_size=LEAFLET_FONT_SIZE,
    )
    # Instance attributes: folium's class-level lists point at CDNs and are shared by all maps.
    leaflet_map.default_js = list(_JS)
    leaflet_map.default_css = list(_CSS)
    root = leaflet_map.get_root()
    assert isinstance(root, Figure)
    root.title = options.texts.get("map", _DEFAULT_TEXTS["map"])
    tiles = options.tiles
    if tiles is not None:
        extra: dict[str, Any] = {"min_native_zoom": tiles.min_native_zoom}
        if tiles.bounds is not None:
            west, south, east, north = tiles.bounds
            extra["bounds"] = [[south, west], [north, east]]
        folium.TileLayer(
            tiles=tiles.url_template,
            attr=tiles.attribution,
            name="basemap",
            min_zoom=options.min_zoom,
            max_zoom=options.max_zoom,
            max_native_zoom=tiles.max_native_zoom,
            **extra,
        ).add_to(leaflet_map)
    texts = {**_DEFAULT_TEXTS, **options.texts}
    BridgeScript(texts, options.min_zoom, options.max_zoom, options.districts).add_to(leaflet_map)
    html: str = leaflet_map.get_root().render()
    return html


def assets_dir() -> Path:
    """The vendored assets: $OPERATOR_CONSOLE_MAP_ASSETS, the source checkout, or the install."""
    try:
        return resource_dir("map", _MARKER, ASSETS_DIR_VARIABLE)
    except FileNotFoundError as error:
        raise FileNotFoundError(f"No map assets found ({error}).") from None


def assets_url() -> QUrl:
    """The page's base URL: the assets' folder, so the page's relative links find them."""
    return QUrl.fromLocalFile(f"{assets_dir()}/")
