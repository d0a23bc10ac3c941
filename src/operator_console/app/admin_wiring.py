"""Wires the Administration tab and the configuration bus that keeps every console current."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from operator_console.services.config_changes import RESYNC, ConfigFeed
from operator_console.services.intake.gateway import MapSetup
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import OpenedDatabase
from operator_console.storage.feeds.config import PgConfigFeed, SqliteConfigFeed
from operator_console.ui.admin.changes_page import ChangesPage
from operator_console.ui.admin.city.page import CityPage
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.admin.queues.page import QueuesPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.staff.panel import StaffPanel

QUEUE_CHANGES = ("queue_added", "team_added", "queue_changed", "city_loaded", RESYNC)
"""The configuration changes after which the queue screens read their lists of queues again."""


def config_feed_for(database: OpenedDatabase) -> ConfigFeed:
    """The configuration feed that matches the database: LISTEN/NOTIFY or new rows on SQLite."""
    url = database.engine.url
    if database.password is not None:  # typed at sign-in: the engine keeps it out of its URL
        url = url.set(password=database.password)
    if database.dialect == "postgresql":
        return PgConfigFeed(url)
    return SqliteConfigFeed(str(url.database))


def start_config_bus(window: MainWindow, feed: ConfigFeed | None) -> ConfigBus:
    """One bus for the window, fed by `feed`; stopped when the app quits or the window goes."""
    bus = ConfigBus()
    window.config_bus = bus  # type: ignore[attr-defined]
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


def add_administration(
    window: MainWindow,
    session: ConsoleSession,
    runner: BackgroundRunner,
    config_bus: ConfigBus,
    base_map: BaseMap | None = None,
) -> AdministrationPanel | None:
    """The Administration tab, for an admin's console: Staff, Queues & teams, City settings and
    the Changes log (other sections are added to it by the caller); None for anyone else."""
    if session.staff_desk is None and session.change_log is None:
        return None
    admin = AdministrationPanel()
    window.add_panel("admin", QCoreApplication.translate("MainWindow", "Administration"), admin)
    if session.staff_desk is not None:
        staff = StaffPanel(session.staff_desk, runner)
        admin.add_page("staff", QCoreApplication.translate("MainWindow", "Staff"), staff)
    if session.queue_admin is not None:
        queues = QueuesPage(session.queue_admin, runner, config_bus)
        admin.add_page("queues", QCoreApplication.translate("MainWindow", "Queues & teams"), queues)
    if session.city_admin is not None:
        make_map = None
        if base_map is not None:

            def make_map(parent: QWidget) -> MapView:
                return MapView(base_map, parent=parent)

        city = CityPage(session.city_admin, runner, config_bus, make_map)
        show_districts(city, session, runner)
        admin.add_page("city", QCoreApplication.translate("MainWindow", "City settings"), city)
    if session.change_log is not None:
        changes = ChangesPage(session.change_log, runner, config_bus, session.time_zone)
        admin.add_page("changes", QCoreApplication.translate("MainWindow", "Changes"), changes)
    return admin


def follow_configuration(
    window: MainWindow, presenter: IntakePresenter, config_bus: ConfigBus
) -> None:
    """What the console read at start follows configuration changes made at any console: the
    intake form's catalog and map (its centre from the next call), the city's name in the title,
    the Queues and Triage tabs' lists of queues. Routing is read at each submission already."""
    config_bus.changed.connect(presenter.reload_configuration)
    for name in ("queues", "triage"):  # their lists of queues
        refresh = getattr(window.panels().get(name), "refresh", None)
        if callable(refresh):
            config_bus.changed.connect(
                lambda kind, refresh=refresh: refresh() if kind in QUEUE_CHANGES else None
            )

    def show_city(setup: MapSetup) -> None:
        # The answer may come after the window was closed (another person took the console).
        if setup.city_name and shiboken6.isValid(window):
            window.show_city_name(setup.city_name)

    presenter.map_setup_loaded.connect(show_city)


def show_districts(page: CityPage, session: ConsoleSession, runner: BackgroundRunner) -> None:
    """Outline the city's districts on the City settings page's map, if it has one."""
    view = page.map_view
    if view is None:
        return

    def read() -> None:
        runner.submit(
            session.intake.map_setup,
            lambda setup: view.set_districts(setup.districts_geojson, fit=False),
            lambda error: page.problem.report_error(
                "districts",
                QCoreApplication.translate("CityPage", "The map cannot show the districts: %1"),
                error,
                read,
            ),
            owner=view,
        )

    read()
