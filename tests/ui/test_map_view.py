"""The map widget on real QtWebEngine: offline page, districts, clicks via QWebChannel, tiles."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from operator_console.app.basemap import open_base_map
from operator_console.ui.map.page import (
    BaseMap,
    MapPageOptions,
    TileSource,
    register_map_schemes,
    render_page,
)
from operator_console.ui.map.script import STREET_ZOOM
from operator_console.ui.map.view import MapView
from tests.support.data import BOSTON_WARDS as WARDS
from tests.support.mbtiles import write_mbtiles

# QtWebEngine takes URL schemes only before the QApplication exists; pytest-qt creates it later,
# when the first test asks for qtbot, and every test module is imported before that.
register_map_schemes()

BOSTON = (42.33, -71.07)


def run_js(view: MapView, qtbot: QtBot, script: str) -> Any:
    """The value of a script run in the page (waits for the answer)."""
    results: list[Any] = []
    view.web_view.page().runJavaScript(script, 0, resultCallback=results.append)
    qtbot.waitUntil(lambda: bool(results))
    return results[0]


def run_js_json(view: MapView, qtbot: QtBot, expression: str) -> Any:
    """The value of an expression, through JSON: PySide6's runJavaScript gives "" for arrays,
    objects and null."""
    return json.loads(run_js(view, qtbot, f"JSON.stringify({expression})"))


def summary(view: MapView, qtbot: QtBot) -> dict[str, Any]:
    return dict(run_js_json(view, qtbot, "operatorConsole.summary()"))


def pixel_of(view: MapView, qtbot: QtBot, lat: float, lon: float) -> QPoint:
    point = run_js_json(view, qtbot, f"operatorConsole.map.latLngToContainerPoint([{lat}, {lon}])")
    return QPoint(round(point["x"]), round(point["y"]))


def click(view: MapView, at: QPoint) -> None:
    """A real mouse click on the widget that takes the web view's input."""
    target = view.web_view.focusProxy()
    assert target is not None
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def send_mouse(
    target: QWidget,
    kind: QEvent.Type,
    at: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    """One real mouse event (QTest cannot move the mouse with a button held)."""
    point = QPointF(at)
    event = QMouseEvent(
        kind, point, target.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, event)


@pytest.fixture
def open_view(qtbot: QtBot) -> Iterator[Callable[..., MapView]]:
    """Opens map views and deletes them after the test (a page left to the end of the process
    outlives QtWebEngine's profile: "Release of profile requested but WebEnginePage still not
    deleted")."""
    views: list[MapView] = []

    def opener(base_map: BaseMap | None = None) -> MapView:
        view = MapView(base_map, center=BOSTON, zoom=12)
        views.append(view)
        view.resize(640, 480)
        view.show()
        return view

    yield opener
    for view in views:
        view.close()
        shiboken6.delete(view)


@pytest.fixture
def wards() -> dict[str, Any]:
    return dict(json.loads(WARDS.read_text(encoding="utf-8")))


@pytest.fixture
def loaded_view(qtbot: QtBot, open_view: Callable[..., MapView]) -> MapView:
    view = open_view()
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    return view


def png_tile(color: str) -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_page_loads_nothing_from_the_network() -> None:
    tiles = TileSource("mbtiles://t1/{z}/{x}/{y}", "Test city")
    html = render_page(MapPageOptions(center=BOSTON, zoom=12, tiles=tiles))
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert "leaflet/leaflet.js" in urls and "qrc:///qtwebchannel/qwebchannel.js" in urls
    assert all(not url.startswith(("http:", "https:", "//")) for url in urls), urls


def test_page_opens_offline_and_draws_the_districts(
    qtbot: QtBot,
    open_view: Callable[..., MapView],
    wards: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="operator_console.ui.map.view.js")
    view = open_view()
    assert view.objectName() == "mapView" and view.accessibleName() == "Map"
    assert not view.ready
    view.set_districts(wards)
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    assert view.ready
    assert summary(view, qtbot)["districts"] == len(wards["features"]) == 22
    drawn = run_js(
        view, qtbot, "document.querySelectorAll('path.leaflet-interactive, svg path').length"
    )
    assert drawn >= 22
    versions = run_js_json(
        view, qtbot, "[L.version, jQuery.fn.jquery, typeof L.markerClusterGroup]"
    )
    assert versions == ["1.9.4", "3.7.1", "function"]
    urls = run_js_json(
        view,
        qtbot,
        "Array.from(document.querySelectorAll('script[src], link')).map(e => e.src || e.href)",
    )
    assert len(urls) == 7
    assert all(url.startswith(("file:", "qrc:")) for url in urls), urls
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    run_js(view, qtbot, "console.error('the page says hello'); 0")  # the console reaches logging
    qtbot.waitUntil(lambda: any("says hello" in r.getMessage() for r in caplog.records))


def test_the_scale_bar_holds_its_words_at_every_street_zoom(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    """Leaflet sizes the bar for its own 12 px type; folium's default 1rem overflowed it
    ("100 m" ran past the bar's edge)."""
    overflowing = []
    for zoom in range(10, 19):
        run_js(loaded_view, qtbot, f"operatorConsole.map.setZoom({zoom}, {{animate: false}}); 0")
        lines = run_js_json(
            loaded_view,
            qtbot,
            "Array.from(document.querySelectorAll('.leaflet-control-scale-line'))"
            ".map(e => [e.textContent, e.scrollWidth, e.clientWidth])",
        )
        assert len(lines) == 2  # metric and imperial
        overflowing += [(zoom, text) for text, scroll, client in lines if scroll > client]
    assert overflowing == []


def test_a_real_click_on_the_map_moves_the_pin_through_the_web_channel(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    view = loaded_view
    at = QPoint(400, 300)
    script = f"operatorConsole.map.containerPointToLatLng([{at.x()}, {at.y()}])"
    expected = run_js_json(view, qtbot, script)
    with qtbot.waitSignal(view.pin_moved, timeout=5000) as moved:
        click(view, at)
    lat, lon, source = moved.args
    assert source == "click"
    assert lat == pytest.approx(expected["lat"], abs=1e-4)
    assert lon == pytest.approx(expected["lng"], abs=1e-4)
    assert view.pin == (lat, lon)
    assert summary(view, qtbot)["pin"] == pytest.approx([lat, lon])


def test_dragging_the_pin_reports_where_it_was_dropped(loaded_view: MapView, qtbot: QtBot) -> None:
    view = loaded_view
    view.set_pin(*BOSTON)
    qtbot.waitUntil(lambda: summary(view, qtbot)["pin"] is not None)
    tip = pixel_of(view, qtbot, *BOSTON)  # the icon's anchor: the bottom of the pin
    grab, offset = tip + QPoint(0, -20), QPoint(90, 60)
    expected = run_js_json(
        view,
        qtbot,
        f"operatorConsole.map.containerPointToLatLng([{tip.x() + 90}, {tip.y() + 60}])",
    )
    target = view.web_view.focusProxy()
    assert target is not None
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    with qtbot.waitSignal(view.pin_moved, timeout=5000) as moved:
        send_mouse(target, QEvent.Type.MouseButtonPress, grab, left, left)
        for step in range(1, 11):
            send_mouse(target, QEvent.Type.MouseMove, grab + offset * (step / 10), none, left)
        # Leaflet moves the marker on the next animation frame; drop it once it has followed.
        qtbot.waitUntil(
            lambda: (
                summary(view, qtbot)["pin"]
                == pytest.approx([expected["lat"], expected["lng"]], abs=1e-3)
            )
        )
        send_mouse(target, QEvent.Type.MouseButtonRelease, grab + offset, left, none)
    lat, lon, source = moved.args
    assert source == "drag"
    assert lat == pytest.approx(expected["lat"], abs=1e-3)
    assert lon == pytest.approx(expected["lng"], abs=1e-3)


def test_keyboard_only_tab_to_the_map_and_enter_places_the_pin(qtbot: QtBot) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    before = QLineEdit(form)
    layout.addWidget(before)
    view = MapView(center=BOSTON, zoom=12, parent=form)
    layout.addWidget(view)
    form.resize(640, 520)
    form.show()
    try:
        with qtbot.waitSignal(view.map_loaded, timeout=20000):
            pass
        before.setFocus()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is view.web_view.focusProxy()
        qtbot.waitUntil(
            lambda: run_js(
                view, qtbot, "document.activeElement === operatorConsole.map.getContainer()"
            )
        )
        centre = run_js_json(view, qtbot, "operatorConsole.map.getCenter()")
        with qtbot.waitSignal(view.pin_moved, timeout=5000) as moved:
            QTest.keyClick(focused, Qt.Key.Key_Return)
        assert moved.args == [
            pytest.approx(centre["lat"]),
            pytest.approx(centre["lng"]),
            "keyboard",
        ]
    finally:
        form.close()
        shiboken6.delete(form)


def test_calls_before_the_page_loads_are_replayed(
    qtbot: QtBot, open_view: Callable[..., MapView]
) -> None:
    view = open_view()
    with qtbot.waitSignal(view.pin_moved) as moved:
        view.set_pin(42.3504, -71.0867)
    assert moved.args == [42.3504, -71.0867, "api"]
    view.set_candidates([(1, 42.35, -71.08, "12 Main St")])
    view.set_center(42.3504, -71.0867, 15)
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    state = summary(view, qtbot)
    assert state["pin"] == pytest.approx([42.3504, -71.0867])
    assert state["candidates"] == 1 and state["zoom"] == 15
    assert view.pin == (42.3504, -71.0867)
    view.clear_pin()
    qtbot.waitUntil(lambda: summary(view, qtbot)["pin"] is None)


def test_numbered_candidates_match_the_list_and_report_clicks(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    view = loaded_view
    candidates = [
        (1, 42.35, -71.10, "1 A St"),
        (2, 42.33, -71.07, "2 B St"),
        (3, 42.31, -71.04, ""),
    ]
    view.set_candidates(candidates)
    qtbot.waitUntil(lambda: summary(view, qtbot)["candidates"] == 3)
    numbers = run_js_json(
        view,
        qtbot,
        "Array.from(document.querySelectorAll('.oc-candidate')).map(e => e.textContent)",
    )
    assert sorted(numbers) == ["1", "2", "3"]
    at = pixel_of(view, qtbot, 42.33, -71.07) + QPoint(0, -2)
    with qtbot.waitSignal(view.candidate_clicked, timeout=5000) as clicked:
        click(view, at)
    assert clicked.args == [2]
    assert view.pin is None  # a click on a candidate does not move the pin
    view.set_candidates([])
    qtbot.waitUntil(lambda: summary(view, qtbot)["candidates"] == 0)


HIDDEN_SPOTS = """Array.from(document.querySelectorAll('.oc-candidate')).map(function (icon) {
  var box = icon.getBoundingClientRect();
  var spots = [[0.5, 0.5], [0.5, 0.15], [0.15, 0.5], [0.85, 0.5], [0.5, 0.85]];
  return [icon.textContent, spots.filter(function (f) {
    var hit = document.elementFromPoint(box.left + f[0] * box.width, box.top + f[1] * box.height);
    return !icon.contains(hit);
  }).length];
})"""
"""[number, how many of five spots across its face something else covers], per candidate."""


def test_numbered_candidates_are_never_hidden_under_the_pin_or_each_other(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    view = loaded_view
    view.set_center(*BOSTON, STREET_ZOOM)
    view.set_pin(*BOSTON)
    just_north = (BOSTON[0] + 0.0002, BOSTON[1])  # ~22 m: where the pin's head is drawn
    next_door = (BOSTON[0], BOSTON[1] + 0.00006)  # ~5 m east: a few pixels apart
    view.set_candidates(
        [
            (1, *BOSTON, "at the pin"),
            (2, *BOSTON, "at the pin too"),
            (3, *just_north, "north"),
            (4, *next_door, "next door"),
        ]
    )
    qtbot.waitUntil(lambda: summary(view, qtbot)["candidates"] == 4)
    assert summary(view, qtbot)["pin"] == pytest.approx(list(BOSTON))
    hidden = run_js_json(view, qtbot, HIDDEN_SPOTS)
    assert sorted(hidden) == [["1", 0], ["2", 0], ["3", 0], ["4", 0]]
    view.set_center(*BOSTON, STREET_ZOOM - 2)  # zooming out draws them apart again
    qtbot.waitUntil(lambda: summary(view, qtbot)["zoom"] == STREET_ZOOM - 2)
    assert sorted(run_js_json(view, qtbot, HIDDEN_SPOTS)) == sorted(hidden)


def test_clustered_points_select_both_ways(loaded_view: MapView, qtbot: QtBot) -> None:
    view = loaded_view
    points = [
        (100 + n, 42.33 + (n % 8) * 1e-3, -71.07 + (n // 8) * 1e-3, f"case {n}") for n in range(40)
    ]
    view.set_cluster_points(points)
    qtbot.waitUntil(lambda: summary(view, qtbot)["clusterPoints"] == 40)
    assert run_js(view, qtbot, "document.querySelectorAll('.marker-cluster').length") >= 1
    view.select_point(117)
    qtbot.waitUntil(lambda: summary(view, qtbot)["shownId"] == 117)  # zoomed in, uncovered
    assert summary(view, qtbot)["selectedId"] == 117
    box = run_js_json(
        view, qtbot, "document.querySelector('img.oc-selected').getBoundingClientRect()"
    )
    at = QPoint(round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2))
    with qtbot.waitSignal(view.point_selected, timeout=5000) as selected:
        click(view, at)
    assert selected.args == [117]


@pytest.fixture
def tiny_mbtiles(tmp_path: Path) -> tuple[Path, bytes]:
    """A one-tile MBTiles file: the north-west quarter of the world at zoom 1 (XYZ 1/0/0)."""
    path = tmp_path / "city.mbtiles"
    tile = png_tile("red")
    write_mbtiles(path, {(1, 0, 0): tile})
    return path, tile


def test_mbtiles_scheme_serves_the_tiles_of_the_file(
    qtbot: QtBot, open_view: Callable[..., MapView], tiny_mbtiles: tuple[Path, bytes]
) -> None:
    path, tile = tiny_mbtiles
    view = open_view(open_base_map(str(path)))
    assert view.base_map_problem is None
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    view.set_center(40.0, -90.0, 1)
    qtbot.waitUntil(lambda: run_js(view, qtbot, "!!document.querySelector('.leaflet-tile-loaded')"))
    src = run_js(view, qtbot, "document.querySelector('.leaflet-tile-loaded').src")
    assert src.startswith("mbtiles://") and src.endswith("/1/0/0")
    run_js(
        view,
        qtbot,
        f"""window.fetched = null;
        fetch({json.dumps(src)}).then(
            r => r.arrayBuffer().then(
                b => window.fetched = [r.status, r.headers.get('content-type'), b.byteLength]),
            e => window.fetched = String(e));
        fetch({json.dumps(src[:-5] + "1/1")}).then(
            r => window.missing = r.status, e => window.missing = String(e)); 0""",
    )
    qtbot.waitUntil(lambda: run_js(view, qtbot, "!!(window.fetched && window.missing)"))
    assert run_js_json(view, qtbot, "window.fetched") == [200, "image/png", len(tile)]
    assert run_js(view, qtbot, "window.missing") == 404


def test_unusable_mbtiles_file_leaves_the_outlines(
    qtbot: QtBot, open_view: Callable[..., MapView], tmp_path: Path
) -> None:
    view = open_view(open_base_map(str(tmp_path / "absent.mbtiles")))
    assert view.base_map_problem is not None and "absent.mbtiles" in view.base_map_problem
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass


class _TileServer(BaseHTTPRequestHandler):
    tile = b""
    paths: list[str] = []

    def do_GET(self) -> None:
        _TileServer.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.tile)))
        self.end_headers()
        self.wfile.write(self.tile)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def tile_server() -> Iterator[str]:
    """An XYZ tile server on loopback that answers every tile with one PNG."""
    _TileServer.tile = png_tile("blue")
    _TileServer.paths = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TileServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    server.shutdown()
    server.server_close()


def test_configured_tile_url_is_drawn(
    qtbot: QtBot, open_view: Callable[..., MapView], tile_server: str
) -> None:
    base_map = BaseMap.from_setting(tile_server)
    assert base_map.attribution == "127.0.0.1"
    view = open_view(base_map)
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    qtbot.waitUntil(lambda: run_js(view, qtbot, "!!document.querySelector('.leaflet-tile-loaded')"))
    assert any(re.fullmatch(r"/12/\d+/\d+\.png", path) for path in _TileServer.paths)


def test_tile_url_setting_is_checked() -> None:
    assert BaseMap.from_setting(None) == BaseMap() == BaseMap.from_setting("  ")
    assert BaseMap.from_setting("file:///srv/maps/city.mbtiles").mbtiles_path == Path(
        "/srv/maps/city.mbtiles"
    )
    with pytest.raises(ValueError, match="neither an XYZ URL template"):
        BaseMap.from_setting("https://tiles.example.org/map.png")


def test_choosing_one_of_many_points_at_one_spot_stops_at_street_level(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    view = loaded_view
    view.set_cluster_points([(200 + n, 42.33, -71.07, f"case {n}") for n in range(5)])
    qtbot.waitUntil(lambda: summary(view, qtbot)["clusterPoints"] == 5)
    view.select_point(203)
    qtbot.waitUntil(lambda: summary(view, qtbot)["shownId"] == 203)
    assert summary(view, qtbot)["zoom"] == STREET_ZOOM
