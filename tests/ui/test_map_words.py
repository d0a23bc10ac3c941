"""Leaflet's own words on the map page (zoom buttons, credit, scale) in the console's language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from pytestqt.qtbot import QtBot

from operator_console.ui.map.view import MapView
from tests.ui.map_support import run_js, run_js_json
from tests.ui.test_translations import spanish_catalog

__all__ = ["spanish_catalog"]

_WORDS = (
    "[document.querySelector('.leaflet-control-zoom-in').title,"
    " document.querySelector('.leaflet-control-zoom-out').title,"
    " document.querySelector('.leaflet-control-attribution a').title]"
)
_SCALE = "Array.from(document.querySelectorAll('.leaflet-control-scale-line'), e => e.textContent)"


@pytest.fixture
def spanish_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("es"))
    yield
    QLocale.setDefault(before)


def _scale_at(view: MapView, qtbot: QtBot, zoom: int) -> list[str]:
    run_js(view, qtbot, f"operatorConsole.map.setZoom({zoom}, {{animate: false}}); 0")
    lines: list[str] = run_js_json(view, qtbot, _SCALE)
    return lines


def _loaded(qtbot: QtBot, open_view: Callable[..., MapView]) -> MapView:
    view = open_view()
    with qtbot.waitSignal(view.map_loaded, timeout=20000):
        pass
    return view


def test_the_map_names_its_buttons_credit_and_scale_in_english(
    qtbot: QtBot, open_view: Callable[..., MapView]
) -> None:
    view = _loaded(qtbot, open_view)
    assert run_js_json(view, qtbot, _WORDS) == [
        "Zoom in",
        "Zoom out",
        "A JavaScript library for interactive maps",
    ]
    metric, imperial = _scale_at(view, qtbot, 16)
    assert re.fullmatch(r"\d+ m", metric) and re.fullmatch(r"\d+ ft", imperial)
    metric, imperial = _scale_at(view, qtbot, 8)
    assert re.fullmatch(r"\d+ km", metric) and re.fullmatch(r"\d+ mi", imperial)


def test_the_map_names_its_buttons_credit_and_scale_in_spanish(
    qtbot: QtBot,
    open_view: Callable[..., MapView],
    spanish_catalog: QTranslator,
    spanish_locale: None,
) -> None:
    view = _loaded(qtbot, open_view)
    assert run_js_json(view, qtbot, _WORDS) == [
        "Acercar",
        "Alejar",
        "Una biblioteca de JavaScript para mapas interactivos",
    ]
    metric, imperial = _scale_at(view, qtbot, 16)
    assert re.fullmatch(r"\d+ m", metric) and re.fullmatch(r"\d+ pies", imperial)
    overflowing = run_js_json(
        view,
        qtbot,
        "Array.from(document.querySelectorAll('.leaflet-control-scale-line'))"
        ".filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)",
    )
    assert overflowing == []
