"""The map widget: the Leaflet page in a QWebEngineView, bridged to Python with QWebChannel."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from operator_console.ui.map import mbtiles
from operator_console.ui.map.page import (
    BaseMap,
    MapPageOptions,
    TileSource,
    assets_url,
    render_page,
)

_log = logging.getLogger(__name__)
_js_log = logging.getLogger(__name__ + ".js")
USER_SOURCES = ("click", "drag", "keyboard")
_MAX_RELOADS = 3

_JS_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
}

MapPoint = tuple[int, float, float, str]
"""(id or number, lat, lon, label) of a marker."""


class MapBridge(QObject):
    """The object the page calls through QWebChannel (registered as "bridge").

    Signals:
        page_connected(): the page's script runs and has reached the channel.
        pin_placed(float, float, str): the user put the pin at (lat, lon); "click", "drag"...
        point_clicked(int): the user clicked a clustered point.
        candidate_clicked(int): the user clicked a numbered candidate marker.
        district_clicked(str): the user clicked a filled district (its code).
    """

    page_connected = Signal()
    pin_placed = Signal(float, float, str)
    point_clicked = Signal(int)
    candidate_clicked = Signal(int)
    district_clicked = Signal(str)

    @Slot()
    def pageReady(self) -> None:
        self.page_connected.emit()

    @Slot(float, float, str)
    def pinMoved(self, lat: float, lon: float, source: str) -> None:
        if source in USER_SOURCES and _valid_position(lat, lon):
            self.pin_placed.emit(lat, lon, source)

    @Slot(int)
    def pointClicked(self, point_id: int) -> None:
        self.point_clicked.emit(point_id)

    @Slot(int)
    def candidateClicked(self, number: int) -> None:
        self.candidate_clicked.emit(number)

    @Slot(str)
    def districtClicked(self, code: str) -> None:
        self.district_clicked.emit(code)


class MapPage(QWebEnginePage):
    """The map's page: JavaScript console output goes to Python logging; links open outside."""

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        _js_log.log(_JS_LEVELS.get(level, logging.DEBUG), "%s (%s:%d)", message, source, line)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url) if isinstance(url, str) else url
        if not is_main_frame or url.isLocalFile():
            return True
        if (
            url.scheme() == "data"
            and kind != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        ):
            return True  # the page itself, set from memory
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            QDesktopServices.openUrl(url)  # attribution links: the system browser, not the map
        return False


class MapView(QWidget):
    """A map of the city: district outlines, the request's pin, candidates and queue points.

    Calls made before the page is up are kept and replayed once it is (and again if the page
    ever has to reload), so callers need not wait for `map_loaded`. The latest call of each
    kind wins. Keyboard: Tab focuses the map, arrows pan, +/- zoom, Enter puts the pin at the
    centre.

    Attributes:
        web_view: the QWebEngineView showing the page (its focusProxy() takes the input).
        base_map_problem: why the configured base map could not be used, or None.

    Signals:
        map_loaded(): the page is up and connected; `ready` is True from now on.
        pin_moved(float, float, str): the pin is at (lat, lon); the source is "click", "drag" or
            "keyboard" when the user moved it, "api" after set_pin().
        point_selected(int): the user clicked the clustered point with this id.
        candidate_clicked(int): the user clicked the candidate marker with this number.
        district_clicked(str): the user clicked the filled district with this code.
    """

    map_loaded = Signal()
    pin_moved = Signal(float, float, str)
    point_selected = Signal(int)
    candidate_clicked = Signal(int)
    district_clicked = Signal(str)

    def __init__(
        self,
        base_map: BaseMap | None = None,
        center: tuple[float, float] = (0.0, 0.0),
        zoom: int = 2,
        parent: QWidget | None = None,
        profile: QWebEngineProfile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.setAccessibleName(self.tr("Map"))
        self.setAccessibleDescription(
            self.tr("Arrow keys pan, plus and minus zoom, Enter puts the pin at the centre.")
        )
        self._ready = False
        self._reloads = 0
        self._calls: dict[str, str] = {}
        self._pin: tuple[float, float] | None = None
        self.base_map_problem: str | None = None

        profile = profile or QWebEngineProfile.defaultProfile()
        self.web_view = QWebEngineView(self)
        self.web_view.setObjectName("mapWebView")
        self.web_view.setAccessibleName(self.accessibleName())
        self.web_view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.web_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.web_view)
        page = MapPage(profile, self.web_view)
        self.web_view.setPage(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.web_view)

        self._bridge = MapBridge(self)
        channel = QWebChannel(page)
        channel.registerObject("bridge", self._bridge)
        page.setWebChannel(channel)
        self._bridge.page_connected.connect(self._on_bridge_page_connected)
        self._bridge.pin_placed.connect(self._on_bridge_pin_placed)
        self._bridge.point_clicked.connect(self._on_bridge_point_clicked)
        self._bridge.candidate_clicked.connect(self.candidate_clicked)
        self._bridge.district_clicked.connect(self.district_clicked)
        page.loadStarted.connect(self._on_page_load_started)
        page.loadFinished.connect(self._on_page_load_finished)
        page.renderProcessTerminated.connect(self._on_page_render_process_terminated)

        tiles = self._tile_source(base_map or BaseMap(), profile)
        remote = tiles is not None and tiles.is_remote
        page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, remote
        )
        options = MapPageOptions(center=center, zoom=zoom, tiles=tiles, texts=self._page_texts())
        self._page_html = render_page(options)
        self._load_page()

    def _page_texts(self) -> dict[str, str]:
        """The words of the page, Leaflet's own included, in the console's language."""
        return {
            "map": self.tr("Map"),
            "pin": self.tr("Request location"),
            "zoom_in": self.tr("Zoom in"),
            "zoom_out": self.tr("Zoom out"),
            "leaflet": self.tr("A JavaScript library for interactive maps"),
            "metres": QCoreApplication.translate("Units", "%1 m"),
            "kilometres": QCoreApplication.translate("Units", "%1 km"),
            "feet": QCoreApplication.translate("Units", "%1 ft"),
            "miles": QCoreApplication.translate("Units", "%1 mi"),
            "locale": QLocale().bcp47Name(),
        }

    def _load_page(self) -> None:
        self.web_view.setHtml(self._page_html, assets_url())

    def _tile_source(self, base_map: BaseMap, profile: QWebEngineProfile) -> TileSource | None:
        if base_map.mbtiles_path is None:
            return base_map.tile_source()
        try:
            if base_map.tileset is None:
                raise RuntimeError(
                    base_map.problem or f"{base_map.mbtiles_path}: the tile set was not opened."
                )
            handler = mbtiles.handler_for(profile)
            host = handler.add(base_map.tileset)
        except RuntimeError as exc:
            self.base_map_problem = str(exc)
            _log.warning("Map: showing district outlines only: %s", exc)
            return None
        info = handler.info(host)
        template = mbtiles.tile_url_template(host)
        attribution = info.attribution or info.name
        return TileSource(template, attribution, info.min_zoom, info.max_zoom, info.bounds)

    @property
    def ready(self) -> bool:
        """True once the page is up and connected (after `map_loaded`)."""
        return self._ready

    @property
    def pin(self) -> tuple[float, float] | None:
        """Where the pin is, (lat, lon), or None."""
        return self._pin

    @property
    def centred(self) -> bool:
        """True once `set_center` was called (the view the page shows is chosen)."""
        return "view" in self._calls

    def sizeHint(self) -> QSize:
        return QSize(480, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 120)

    def set_districts(self, geojson: Mapping[str, Any] | None, fit: bool = True) -> None:
        """Draw these district outlines (a GeoJSON FeatureCollection) in place of the old ones."""
        self._call("districts", "setDistricts", geojson, fit)

    def set_choropleth(self, geojson: Mapping[str, Any] | None, fit: bool = True) -> None:
        """Fill districts (a GeoJSON FeatureCollection whose properties give each one's `code`,
        `fill` colour and `label`), in place of the old ones; a click emits district_clicked."""
        self._call("choropleth", "setChoropleth", geojson, fit)

    def click_district(self, code: str) -> None:
        """Click the filled district with this code, as a person would (for the keyboard's
        equivalent and for tests)."""
        if self._ready and shiboken6.isValid(self.web_view):
            script = f"operatorConsole.clickDistrict({json.dumps(code)});"
            self.web_view.page().runJavaScript(script)

    def set_center(self, lat: float, lon: float, zoom: int | None = None) -> None:
        """Show (lat, lon) in the middle, at `zoom` (None: the current zoom)."""
        _check_position(lat, lon)
        self._call("view", "setView", lat, lon, zoom)

    def set_pin(self, lat: float, lon: float) -> None:
        """Put the pin at (lat, lon), e.g. the chosen address; emits pin_moved(..., "api")."""
        _check_position(lat, lon)
        self._pin = (lat, lon)
        self._call("pin", "setPin", lat, lon)
        self.pin_moved.emit(lat, lon, "api")

    def clear_pin(self) -> None:
        """Take the pin off the map."""
        self._pin = None
        self._call("pin", "clearPin")

    def set_candidates(self, candidates: Sequence[MapPoint]) -> None:
        """Show numbered markers (number, lat, lon, label) matching a list; [] removes them."""
        self._call("candidates", "setCandidates", _points(candidates))

    def set_cluster_points(self, points: Sequence[MapPoint]) -> None:
        """Show clustered markers (id, lat, lon, label), e.g. a queue's open cases."""
        self._call("cluster", "setClusterPoints", _points(points))

    def select_point(self, point_id: int | None) -> None:
        """Highlight the clustered point with this id and zoom to it; None clears. No signal."""
        self._call("select", "selectPoint", point_id)

    def _call(self, key: str, function: str, *args: Any) -> None:
        script = f"operatorConsole.{function}({', '.join(json.dumps(arg) for arg in args)});"
        self._calls.pop(key, None)
        self._calls[key] = script
        if self._ready and shiboken6.isValid(self.web_view):  # a late answer to a closed map
            self.web_view.page().runJavaScript(script)

    @Slot()
    def _on_page_load_started(self) -> None:
        self._ready = False

    @Slot(bool)
    def _on_page_load_finished(self, ok: bool) -> None:
        if not ok:
            _log.warning("Map: the page did not load (its assets: %s).", assets_url().toString())

    @Slot()
    def _on_bridge_page_connected(self) -> None:
        self._ready = True
        for script in self._calls.values():
            self.web_view.page().runJavaScript(script)
        self.map_loaded.emit()

    @Slot(QWebEnginePage.RenderProcessTerminationStatus, int)
    def _on_page_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        self._ready = False
        normal = QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus
        if status == normal or self._reloads >= _MAX_RELOADS:
            return
        self._reloads += 1
        _log.warning("Map: the page's renderer ended (%s, code %d); reloading.", status, code)
        self._load_page()

    @Slot(float, float, str)
    def _on_bridge_pin_placed(self, lat: float, lon: float, source: str) -> None:
        self._pin = (lat, lon)
        self._calls.pop("pin", None)
        self._calls["pin"] = f"operatorConsole.setPin({json.dumps(lat)}, {json.dumps(lon)});"
        self.pin_moved.emit(lat, lon, source)

    @Slot(int)
    def _on_bridge_point_clicked(self, point_id: int) -> None:
        self._calls.pop("select", None)
        self._calls["select"] = f"operatorConsole.selectPoint({json.dumps(point_id)});"
        self.point_selected.emit(point_id)


def _valid_position(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _check_position(lat: float, lon: float) -> None:
    if not _valid_position(lat, lon):
        raise ValueError(f"({lat}, {lon}) is not a latitude and longitude.")


def _points(points: Sequence[MapPoint]) -> list[list[Any]]:
    checked = []
    for key, lat, lon, label in points:
        _check_position(lat, lon)
        checked.append([int(key), float(lat), float(lon), str(label)])
    return checked
