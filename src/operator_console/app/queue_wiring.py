"""Wires the queue screens: their ports, the live change feed and bus, and the panels."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import shiboken6
from platformdirs import user_data_path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from operator_console.app.settings import APP_NAME
from operator_console.domain.permissions import Action, permits
from operator_console.services.changes import ChangeFeed
from operator_console.services.intake.gateway import MapSetup
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import OpenedDatabase
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.storage.feeds.sqlite import SqliteChangeFeed
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from operator_console.ui.queues.panel import QueuesPanel
from operator_console.ui.queues.triage_panel import TriagePanel
from operator_console.ui.shell.main_window import MainWindow


def saved_filters_path(login: str) -> Path:
    """Where a person's named queue filters are kept."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", login) or "_"
    return user_data_path(APP_NAME, appauthor=False) / "filters" / f"{safe}.json"


def change_feed_for(database: OpenedDatabase) -> ChangeFeed:
    """The change feed that matches the database: LISTEN/NOTIFY or SQLite polling."""
    url = database.engine.url
    if database.password is not None:  # typed at sign-in: the engine keeps it out of its URL
        url = url.set(password=database.password)
    if database.dialect == "postgresql":
        return PgChangeFeed(url)
    return SqliteChangeFeed(str(url.database))


def start_change_bus(window: MainWindow, feed: ChangeFeed | None) -> ChangeBus:
    """One bus for the window, fed by `feed`; stopped when the app quits or the window goes."""
    bus = ChangeBus()
    window.change_bus = bus  # type: ignore[attr-defined]
    if feed is not None:
        bus.attach(feed)

    stopped: list[bool] = []

    def stop() -> None:
        if not stopped and shiboken6.isValid(bus):
            stopped.append(True)
            bus.shutdown()

    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop)
    window.destroyed.connect(stop)
    return bus


def add_queue_panels(
    window: MainWindow,
    session: ConsoleSession,
    runner: BackgroundRunner,
    bus: ChangeBus,
    base_map: BaseMap | None,
) -> Callable[[int], None]:
    """The Queues, Triage (supervisors, dispatchers, admins) and Case tabs, all on `bus`;
    returns what opens a request on the Case tab, for other screens to use."""

    maps: list[MapView] = []

    def make_map(parent: QWidget) -> MapView:
        """A map that shows the city once its setup is read (`show_city_on_maps`)."""
        view = MapView(base_map, center=(0.0, 0.0), zoom=2, parent=parent)
        maps.append(view)
        return view

    factory = make_map if base_map is not None else None
    queues = QueuesPanel(session, runner, factory)
    window.add_panel("queues", QCoreApplication.translate("MainWindow", "Queues"), queues)
    case = CaseDetailPanel(session, runner, factory)
    bus.requests_changed.connect(queues.on_requests_changed)
    openers = [queues.case_opened]
    if permits(session.staff.role, Action.ASSIGN):  # triage's own action is bulk reassign
        triage = TriagePanel(session, runner)
        window.add_panel("triage", QCoreApplication.translate("MainWindow", "Triage"), triage)
        bus.requests_changed.connect(triage.on_requests_changed)
        triage.changes_made.connect(bus.publish)
        openers.append(triage.case_opened)
    window.add_panel("case", QCoreApplication.translate("MainWindow", "Case"), case)
    if maps:
        show_city_on_maps(maps, session, runner, [queues.problem, case.problem])
    bus.requests_changed.connect(case.on_requests_changed)
    case.changes_made.connect(bus.publish)

    def open_case(request_id: int) -> None:
        case.show_case(request_id)
        window.show_panel("case")

    for opened in openers:
        opened.connect(open_case)
    return open_case


def show_city_on_maps(
    maps: list[MapView],
    session: ConsoleSession,
    runner: BackgroundRunner,
    problems: list[ProblemLine],
) -> None:
    """Read the city's setup and draw its district outlines on `maps`, each on the city's own
    view until its screen centres it on what it shows (the queue's cases, the case). When the
    setup cannot be read, `problems` say why, and their Retry reads it again."""

    def show_city(setup: MapSetup) -> None:
        for line in problems:
            if shiboken6.isValid(line):
                line.resolve("city-map")
        for view in maps:
            if not shiboken6.isValid(view):
                continue  # its window is closing
            view.set_districts(setup.districts_geojson, fit=False)
            if not view.centred:
                view.set_center(setup.center_lat, setup.center_lon, setup.zoom)

    def say_failed(error: BaseException) -> None:
        sentence = QCoreApplication.translate(
            "QueueMaps", "The maps cannot show the city's districts: %1"
        )
        text = sentence.replace("%1", reason_for(error))
        for line in problems:
            if shiboken6.isValid(line):
                line.report("city-map", text, read)

    def read() -> None:
        runner.submit(session.intake.map_setup, show_city, say_failed, owner=problems[0])

    read()
