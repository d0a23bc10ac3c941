"""An administrator's window on a database, its configuration bus listening, for admin tests."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from operator_console.app.admin_wiring import config_feed_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city, departments, staff
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from tests.support.rows import add_requests
from tests.ui.window_support import delete_maps

WAIT_MS = 10_000


def seed_small_city(url: str) -> str:
    """Springfield: Public Works with the queue PWD_STREETS (3 open cases), Transportation,
    an admin (admin1) and a supervisor (supervisor1); returns `url`."""
    engine = make_engine(url)
    add_requests(engine, 3)
    with engine.begin() as connection:
        connection.execute(
            insert(city).values(
                id=1,
                name="Springfield",
                time_zone="America/Chicago",
                phone_region="US",
                reference_prefix="SPR",
                map_lat=39.78,
                map_lon=-89.65,
                map_zoom=12,
            )
        )
        connection.execute(insert(departments).values(code="BTD", name="Transportation"))
        for login, name, role in (
            ("admin1", "Ada Admin", "admin"),
            ("supervisor1", "Sam Super", "supervisor"),
        ):
            connection.execute(insert(staff).values(login=login, display_name=name, role=role))
    engine.dispose()
    return url


def open_live_window(
    url: str,
    login: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    drafts: Path,
    with_maps: bool = False,
) -> MainWindow:
    """`login`'s window on `url` (with maps if asked) once its configuration bus listens."""
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    session = build_session(opened.database, opened.staff)
    feed = config_feed_for(opened.database)
    base_map = BaseMap() if with_maps else None
    window = build_main_window(session, runner, drafts, base_map, config_feed=None)
    qtbot.addWidget(window, before_close_func=delete_maps)
    bus = config_bus_of(window)
    with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
        bus.attach(feed)
    return window


def config_bus_of(window: MainWindow) -> ConfigBus:
    bus = getattr(window, "config_bus", None)
    assert isinstance(bus, ConfigBus)
    return bus


def administration(window: MainWindow) -> AdministrationPanel:
    """The window's Administration tab, shown."""
    window.show_panel("admin")
    panel = window.panels()["admin"]
    assert isinstance(panel, AdministrationPanel)
    return panel
