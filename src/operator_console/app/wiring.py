"""Builds the session and the main window from an opened database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.storage.database import OpenedDatabase
from operator_console.storage.request_list import SqlRequestListReader
from operator_console.ui.background import BackgroundRunner
from operator_console.ui.main_window import MainWindow
from operator_console.ui.requests_panel import RequestsPanel


def build_session(database: OpenedDatabase, staff: StaffIdentity) -> ConsoleSession:
    """The use cases every screen needs, over one engine."""
    return ConsoleSession(
        database_label=database.label,
        dialect=database.dialect,
        city_name=database.city_name,
        staff=staff,
        requests=SqlRequestListReader(database.engine),
    )


def build_main_window(session: ConsoleSession, runner: BackgroundRunner) -> MainWindow:
    """The main window with every screen in it, each asked to load its data."""
    window = MainWindow(session)
    requests = RequestsPanel(session, runner)
    window.add_panel("requests", QCoreApplication.translate("MainWindow", "Requests"), requests)
    window.refresh_all()
    return window
