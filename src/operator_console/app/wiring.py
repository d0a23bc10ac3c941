"""Builds the session and the main window from an opened database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.storage.address_search import SqlAddressSearch
from operator_console.storage.database import OpenedDatabase
from operator_console.storage.draft_files import FileDraftJournal
from operator_console.storage.intake_gateway import SqlIntakeGateway
from operator_console.storage.request_list import SqlRequestListReader
from operator_console.ui.background import BackgroundRunner
from operator_console.ui.intake_panel import IntakePanel
from operator_console.ui.intake_presenter import IntakePresenter
from operator_console.ui.main_window import MainWindow
from operator_console.ui.map_page import BaseMap
from operator_console.ui.requests_panel import RequestsPanel


def build_session(database: OpenedDatabase, staff: StaffIdentity) -> ConsoleSession:
    """The use cases every screen needs, over one engine."""
    addresses = SqlAddressSearch(database.engine)

    def nearest_label(lat: float, lon: float) -> str | None:
        match = addresses.nearest(lat, lon)
        return match.label if match else None

    return ConsoleSession(
        database_label=database.label,
        dialect=database.dialect,
        city_name=database.city_name,
        staff=staff,
        requests=SqlRequestListReader(database.engine),
        intake=SqlIntakeGateway(database.engine, nearest_label),
        addresses=addresses,
    )


def build_main_window(
    session: ConsoleSession,
    runner: BackgroundRunner,
    drafts_dir: Path,
    base_map: BaseMap | None = None,
) -> MainWindow:
    """The main window with every screen in it, each asked to load its data."""
    window = MainWindow(session)
    journal = FileDraftJournal(drafts_dir)
    presenter = IntakePresenter(session, runner, journal)
    intake = IntakePanel(presenter, base_map or BaseMap())
    window.add_panel("intake", QCoreApplication.translate("MainWindow", "Intake"), intake)
    requests = RequestsPanel(session, runner)
    window.add_panel("requests", QCoreApplication.translate("MainWindow", "Requests"), requests)
    intake.load()
    window.refresh_all()
    return window
