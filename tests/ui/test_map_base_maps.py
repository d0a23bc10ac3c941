"""The map's base maps: an MBTiles file through its own URL scheme, an XYZ tile server."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from operator_console.app.basemap import open_base_map
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from tests.support.mbtiles import write_mbtiles
from tests.ui.map_support import png_tile, run_js, run_js_json


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
