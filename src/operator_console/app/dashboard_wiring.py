"""Wires the Dashboard tab for supervisors and admins: its desk over the database, the city's
district outlines on its map, live on the change bus, its cases opened on the Case tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.dashboard.desk import DashboardDesk, may_see_dashboard
from operator_console.services.intake.gateway import MapSetup
from operator_console.services.session import ConsoleSession
from operator_console.storage.dashboard.rollups import dashboard_reads
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.dashboard.panel import DashboardPanel
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from operator_console.ui.shell.main_window import MainWindow


def dashboard_desk_for(engine: Engine, staff: StaffIdentity) -> DashboardDesk | None:
    """The dashboard's desk for a supervisor or an admin (its figures from the rollups where the
    database keeps them); None for everyone else."""
    if not may_see_dashboard(staff):
        return None
    return DashboardDesk(dashboard_reads(engine), staff, lambda: datetime.now(UTC))


def add_dashboard(
    window: MainWindow,
    session: ConsoleSession,
    runner: BackgroundRunner,
    bus: ChangeBus,
    open_case: Callable[[int], None],
    base_map: BaseMap | None,
) -> DashboardPanel | None:
    """The Dashboard tab when the session has the dashboard (supervisors and admins)."""
    if session.dashboard is None:
        return None

    def make_map(parent: QWidget) -> MapView:
        return MapView(base_map, center=(0.0, 0.0), zoom=2, parent=parent)

    factory = make_map if base_map is not None else None
    panel = DashboardPanel(session.dashboard, runner, session.time_zone, factory)
    window.add_panel("dashboard", QCoreApplication.translate("MainWindow", "Dashboard"), panel)
    bus.requests_changed.connect(panel.on_requests_changed)
    panel.case_opened.connect(open_case)
    if panel.equity.map_view is not None:
        _show_districts(panel, session, runner)
    return panel


def _show_districts(
    panel: DashboardPanel, session: ConsoleSession, runner: BackgroundRunner
) -> None:
    def show(setup: MapSetup) -> None:
        if shiboken6.isValid(panel):
            panel.problem.resolve("dashboard-map")
            panel.set_outlines(
                setup.districts_geojson, (setup.center_lat, setup.center_lon), setup.zoom
            )

    def failed(error: BaseException) -> None:
        panel.problem.report_error(
            "dashboard-map",
            QCoreApplication.translate(
                "DashboardPanel", "The map cannot show the city's districts: %1"
            ),
            error,
            read,
        )

    def read() -> None:
        runner.submit(session.intake.map_setup, show, failed, owner=panel)

    read()
