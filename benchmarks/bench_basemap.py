"""Street basemap at street level: per-tile time in the map page while panning and zooming.

Opens the real map page offscreen on the demo city's street tiles (or --mbtiles FILE) over
downtown Boston at zoom 16, then pans and zooms it programmatically, step after step, waiting
for each step's tiles. Each tile's time is Leaflet's `tileloadstart` -> `tileload` measured
with `performance.now()` in the page: the mbtiles:// request, the SQLite read on the handler's
worker, the answer, and the image decode.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import shiboken6
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from operator_console.app.basemap import open_base_map
from operator_console.ui.map.page import register_map_schemes
from operator_console.ui.map.view import MapView

DOWNTOWN = (42.3560, -71.0620)

_INSTRUMENT = """
(function () {
  const map = operatorConsole.map;
  window.tileTimes = []; window.tileErrors = 0; window.tileLayer = null; window.step = -1;
  const started = new Map();
  map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) window.tileLayer = layer; });
  const layer = window.tileLayer;
  layer.on('tileloadstart', e => started.set(e.tile, performance.now()));
  layer.on('tileload', e => {
    const t0 = started.get(e.tile);
    if (t0 === undefined) return;
    window.tileTimes.push([window.step, performance.now() - t0]);
    started.delete(e.tile);
  });
  layer.on('tileerror', e => { window.tileErrors += 1; started.delete(e.tile); });
  return !!layer;
})()
"""


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return True


def _js(app: QApplication, view: MapView, script: str) -> Any:
    answers: list[Any] = []
    view.web_view.page().runJavaScript(script, 0, resultCallback=answers.append)
    if not _wait(app, lambda: bool(answers), 10.0):
        raise RuntimeError(f"no answer from the page to: {script[:60]}")
    return answers[0]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mbtiles", help="a street tiles file (default: the demo city's)")
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument(
        "--warmup", type=int, default=10, help="steps also reported apart, the page's first"
    )
    parser.add_argument("--size", default="1280x720", help="the map's size in pixels")
    arguments = parser.parse_args()

    register_map_schemes()
    app = QApplication(sys.argv[:1])
    base_map = open_base_map(arguments.mbtiles, demo=True)
    if base_map.tileset is None:
        print(f"no street tiles: {base_map.problem}", file=sys.stderr)
        return 2
    width, height = (int(part) for part in arguments.size.split("x"))
    view = MapView(base_map, center=DOWNTOWN, zoom=16)
    view.resize(width, height)
    view.show()
    if not _wait(app, lambda: view.ready, 30.0):
        print("the map page did not load", file=sys.stderr)
        return 1
    if not _js(app, view, _INSTRUMENT):
        print("the page has no tile layer", file=sys.stderr)
        return 1

    def settled() -> bool:
        return bool(_js(app, view, "!window.tileLayer.isLoading()"))

    _wait(app, settled, 30.0)
    _js(app, view, "window.tileTimes.length = 0")
    walk = random.Random(12)
    step_seconds: list[float] = []
    for step in range(arguments.steps):
        if step % 10 == 9:
            zoom = 17 if _js(app, view, "operatorConsole.map.getZoom()") == 16 else 16
            script = f"operatorConsole.map.setZoom({zoom}, {{animate: false}})"
        else:
            dx = walk.choice((-1, 1)) * walk.randint(width // 4, width // 2)
            dy = walk.choice((-1, 1)) * walk.randint(height // 4, height // 2)
            script = f"operatorConsole.map.panBy([{dx}, {dy}], {{animate: false}})"
        centre = json.loads(_js(app, view, "JSON.stringify(operatorConsole.map.getCenter())"))
        if abs(centre["lat"] - DOWNTOWN[0]) > 0.02 or abs(centre["lng"] - DOWNTOWN[1]) > 0.03:
            script = (
                f"operatorConsole.map.panTo([{DOWNTOWN[0]}, {DOWNTOWN[1]}], {{animate: false}})"
            )
        started = time.perf_counter()
        _js(app, view, f"window.step = {step}; {script}; 0")
        if not _wait(app, settled, 30.0):
            print(f"step {step}: tiles still loading after 30 s", file=sys.stderr)
        step_seconds.append(time.perf_counter() - started)
    timed = json.loads(_js(app, view, "JSON.stringify(window.tileTimes)"))
    errors = int(_js(app, view, "window.tileErrors"))
    view.close()
    shiboken6.delete(view)  # before the profile goes, with the application

    print(
        f"machine: {platform.node()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}"
    )
    print(
        f"tiles: {base_map.tileset.path} ({base_map.tileset.info.min_zoom}-"
        f"{base_map.tileset.info.max_zoom}); map {width}x{height}; {arguments.steps} steps "
        "(pans of a quarter to half the map, a zoom 16 <-> 17 every 10th)"
    )
    if not timed:
        print("no tile loaded", file=sys.stderr)
        return 1
    print(f"tile load (tileloadstart -> tileload), {errors} errors:")
    warm = arguments.warmup
    for title, first in (("every step", 0), (f"after the first {warm} steps", warm)):
        times = [float(ms) for step, ms in timed if step >= first]
        if times:
            print(
                f"  {title}: {len(times)} tiles, p50 {statistics.median(times):.1f} ms, "
                f"p95 {_percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
            )
    steps_ms = [s * 1000 for s in step_seconds]
    print(
        "step (command -> all tiles in, seen from Python): "
        f"p50 {statistics.median(steps_ms):.1f} ms, "
        f"p95 {_percentile(steps_ms, 0.95):.1f} ms, max {max(steps_ms):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
