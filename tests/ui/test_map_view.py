"""The map widget on real QtWebEngine: offline page, districts, clicks via QWebChannel, tiles."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from operator_console.ui.map.page import (
    MapPageOptions,
    TileSource,
    render_page,
)
from operator_console.ui.map.script import STREET_ZOOM
from operator_console.ui.map.view import MapView
from tests.support.data import BOSTON_WARDS as WARDS
from tests.ui.map_support import (
    BOSTON,
    click,
    pixel_of,
    run_js,
    run_js_json,
    send_mouse,
    summary,
)


@pytest.fixture
def wards() -> dict[str, Any]:
    return dict(json.loads(WARDS.read_text(encoding="utf-8")))


@pytest.fixture
def loaded_view(qtbot: QtBot, open_view: Callable[..., MapView]) -> MapView:
    view = open_view()
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    return view


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


def test_choosing_one_of_many_points_at_one_spot_stops_at_street_level(
    loaded_view: MapView, qtbot: QtBot
) -> None:
    view = loaded_view
    view.set_cluster_points([(200 + n, 42.33, -71.07, f"case {n}") for n in range(5)])
    qtbot.waitUntil(lambda: summary(view, qtbot)["clusterPoints"] == 5)
    view.select_point(203)
    qtbot.waitUntil(lambda: summary(view, qtbot)["shownId"] == 203)
    assert summary(view, qtbot)["zoom"] == STREET_ZOOM
