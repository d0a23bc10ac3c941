"""From settings to a main window: connect, migrate or check, seed the demo, identify."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from operator_console.app.basemap import open_base_map
from operator_console.app.queue_wiring import change_feed_for
from operator_console.app.settings import (
    Settings,
    default_database_path,
    drafts_directory,
)
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.session import StaffIdentity
from operator_console.storage.db.database import (
    OpenedDatabase,
    copy_sqlite,
    has_requests,
    identify,
    list_staff,
    open_database,
)
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.shell.staff_chooser import StaffChooser
from operator_console.ui.shell.startup_view import StartupView


@dataclass(frozen=True)
class _Opened:
    database: OpenedDatabase
    staff: StaffIdentity | None
    choices: list[StaffIdentity]
    base_map: BaseMap


def open_for_console(settings: Settings, scratch_copy: bool = False) -> _Opened:
    """Runs on a worker: everything that touches the database before the window opens.

    With `scratch_copy`, a SQLite database is copied and the copy is used (screenshots submit).
    """
    if settings.is_embedded_default:
        default_database_path().parent.mkdir(parents=True, exist_ok=True)
    database = open_database(settings.database_url, migrate=settings.is_embedded_default)
    if settings.is_embedded_default and not has_requests(database.engine):
        from operator_console.storage.demo_city.seed import seed_demo

        seed_demo(database.engine)
    if scratch_copy and database.dialect == "sqlite":
        database = open_database(copy_sqlite(database), migrate=False)
    base_map = open_base_map(settings.tile_url)
    if database.dialect == "postgresql" or settings.staff_login:
        staff = identify(database.engine, settings.staff_login)
        return _Opened(database, staff, [], base_map)
    return _Opened(database, None, list_staff(database.engine), base_map)


class StartupController(QObject):
    """Drives the startup view until the main window is up.

    Signals:
        window_opened: the main window is shown (carries it).
        startup_failed: the console could not start (carries the message).
    """

    window_opened = Signal(object)
    startup_failed = Signal(str)

    def __init__(self, settings: Settings, runner: BackgroundRunner, screenshot: Path | None):
        super().__init__()
        self._settings = settings
        self._runner = runner
        self._screenshot = screenshot
        self.view = StartupView()
        self.view.retry_requested.connect(self.start)
        self.window: MainWindow | None = None

    def start(self) -> None:
        message = self.view.tr("Connecting to %1…").replace("%1", self._where())
        if self._settings.is_embedded_default and not default_database_path().exists():
            message = self.view.tr(
                "First start: building the demo city from Boston's 311 data "
                "(25,000 requests). This takes a few seconds, once."
            )
        self.view.show_progress(message)
        if self._screenshot is None:
            self.view.show()
        scratch = self._screenshot is not None
        self._runner.submit(
            lambda: open_for_console(self._settings, scratch), self._on_opened, self._on_failed
        )

    def _where(self) -> str:
        if self._settings.is_embedded_default:
            return self.view.tr("the demo city on this computer")
        return self._settings.source

    def _on_failed(self, error: BaseException) -> None:
        message = str(error) or type(error).__name__
        self.view.show_failure(message)
        self.startup_failed.emit(message)

    def _on_opened(self, opened: _Opened) -> None:
        staff = opened.staff
        if staff is None:
            staff = self._choose_staff(opened.choices)
            if staff is None:
                QApplication.quit()
                return
        session = build_session(opened.database, staff)
        base_map = opened.base_map
        drafts = self._drafts_dir(staff.login)
        feed = change_feed_for(opened.database)
        self.window = build_main_window(session, self._runner, drafts, base_map, feed)
        if self._screenshot is None:
            self.window.show_fitted()
            self.view.close()
        self.window_opened.emit(self.window)

    def _drafts_dir(self, login: str) -> Path:
        if self._screenshot is not None:
            return Path(tempfile.mkdtemp(prefix="oc-drafts-"))
        return drafts_directory(login)

    def _choose_staff(self, choices: list[StaffIdentity]) -> StaffIdentity | None:
        if self._screenshot is not None and choices:
            supervisors = [person for person in choices if person.role == "supervisor"]
            return (supervisors or choices)[0]  # a supervisor's window has every screen
        chooser = StaffChooser(choices)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        login = chooser.chosen_login()
        return next(person for person in choices if person.login == login)
