"""The demo city's street basemap in the real map page: tiles at street level, names, credit."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pytestqt.qtbot import QtBot

from operator_console.app.basemap import open_base_map
from operator_console.storage.basemaps.street_tiles.style import MAJOR
from operator_console.ui.map.view import MapView
from tests.ui.map_support import run_js, run_js_json

DOWNTOWN = (42.3540, -71.0630)  # Boston Common's east corner: Tremont, Boylston, Washington
_ALL_TILES_SHOWN = """(() => {
  let layer = null;
  operatorConsole.map.eachLayer(l => { if (l instanceof L.TileLayer) layer = l; });
  const tiles = [...document.querySelectorAll('.leaflet-tile-pane img.leaflet-tile')]
    .filter(t => t.src.includes('/16/'));
  return !!layer && !layer.isLoading() && tiles.length >= 4 && tiles.every(
    t => t.classList.contains('leaflet-tile-loaded') && getComputedStyle(t).opacity === '1');
})()"""


def test_the_demo_streets_load_under_the_outlines_with_their_credit(
    qtbot: QtBot, open_view: Callable[..., MapView]
) -> None:
    base_map = open_base_map(None, demo=True)
    assert base_map.tileset is not None, base_map.problem
    view = open_view(base_map)
    assert view.base_map_problem is None
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    view.set_center(*DOWNTOWN, 16)
    qtbot.waitUntil(lambda: run_js_json(view, qtbot, _ALL_TILES_SHOWN), timeout=20000)
    sources = run_js_json(
        view, qtbot, "[...document.querySelectorAll('.leaflet-tile')].map(t => t.src)"
    )
    assert all(source.startswith("mbtiles://") for source in sources)
    credit = run_js(
        view, qtbot, "document.querySelector('.leaflet-control-attribution').textContent"
    )
    assert "© OpenStreetMap contributors" in credit

    pane_below_outlines: list[str] = run_js_json(
        view,
        qtbot,
        "[getComputedStyle(document.querySelector('.leaflet-tile-pane')).zIndex,"
        " getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex]",
    )
    assert int(pane_below_outlines[0]) < int(pane_below_outlines[1])

    image = view.web_view.grab().toImage()
    width, height = image.width(), image.height()
    colours = [image.pixelColor(x, y) for y in range(0, height, 4) for x in range(0, width, 4)]
    pixels = np.array([(c.red(), c.green(), c.blue()) for c in colours])
    major_street = (np.abs(pixels - MAJOR.fill).max(axis=1) <= 12).sum()
    assert major_street > 50  # Tremont and Boylston Streets, drawn from the tiles
