"""The queue and case maps open on the city of the database, with its district outlines."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.map_support import run_js_json, summary
from tests.ui.window_support import delete_maps

SUPERVISOR = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")


def _window_with_maps(
    url: str, runner: BackgroundRunner, qtbot: QtBot, drafts: Path
) -> tuple[ConsoleSession, MainWindow]:
    opened = open_for_console(Settings(url, False, SUPERVISOR.login, None, "test"))
    session = build_session(opened.database, SUPERVISOR)
    window = build_main_window(session, runner, drafts, BaseMap())
    qtbot.addWidget(window, before_close_func=delete_maps)
    return session, window


def test_the_queue_and_case_maps_show_the_city_and_its_districts(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    session, window = _window_with_maps(demo_sqlite_url, runner, qtbot, tmp_path)
    view = window.panels()["queues"].map_view  # type: ignore[attr-defined]
    assert isinstance(view, MapView)
    qtbot.waitUntil(lambda: view.ready, timeout=20000)
    qtbot.waitUntil(lambda: summary(view, qtbot)["districts"] > 0, timeout=20000)
    city = session.intake.map_setup()
    case_map = window.panels()["case"].map_view  # type: ignore[attr-defined]
    assert isinstance(case_map, MapView) and case_map.pin is None  # no case opened yet
    qtbot.waitUntil(lambda: case_map.ready, timeout=20000)
    qtbot.waitUntil(lambda: summary(case_map, qtbot)["districts"] > 0, timeout=20000)
    qtbot.waitUntil(lambda: summary(case_map, qtbot)["zoom"] == city.zoom, timeout=20000)
    centre = run_js_json(case_map, qtbot, "operatorConsole.map.getCenter()")
    assert (centre["lat"], centre["lng"]) == pytest.approx((city.center_lat, city.center_lon))


def test_the_queue_map_closing_first_drops_the_points_still_coming(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    _session, window = _window_with_maps(demo_sqlite_url, runner, qtbot, tmp_path)
    panel: Any = window.panels()["queues"]
    qtbot.waitUntil(lambda: bool(panel.map_sync.points), timeout=20000)
    delete_maps(window)  # the window is closing: its map goes first
    before = panel.map_sync.points
    panel.model.reload(replace(panel.model.query(), priorities=("high",)))
    qtbot.waitUntil(lambda: panel.map_sync.points != before, timeout=20000)  # and no error
