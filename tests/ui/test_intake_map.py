"""A real click on the intake map sets the pin through QWebChannel and finds the place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import open_intake
from tests.ui.map_support import click, wait_settled


def test_a_click_on_the_map_places_the_pin_and_names_the_district(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path, with_map=True)
    qtbot.waitUntil(lambda: panel.map_view is not None and panel.map_view.ready, timeout=20000)
    view = panel.map_view
    assert view is not None
    wait_settled(view, qtbot)
    centre = QPoint(view.width() // 2, view.height() // 2)
    with qtbot.waitSignal(panel.presenter.place_found, timeout=10000) as found:
        click(view, centre)
    lat, lon, place = found.args
    assert view.pin is not None and abs(view.pin[0] - lat) < 1e-9
    assert place.district_code is not None
    assert panel.fields.latitude == lat and panel.fields.longitude == lon
    assert "Ward" in panel.ui.locationStatus.text()
    assert panel.ui.locationAddress.text() == place.address != ""
