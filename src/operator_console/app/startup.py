"""From settings to a main window: connect, migrate or check, seed the demo, identify."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from operator_console.app.admin_wiring import config_feed_for
from operator_console.app.alert_wiring import alerts_for
from operator_console.app.basemap import open_base_map
from operator_console.app.messages_wiring import messages_for
from operator_console.app.queue_wiring import change_feed_for
from operator_console.app.settings import (
    Settings,
    default_database_path,
    drafts_directory,
)
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.session import StaffIdentity
from operator_console.storage.basemaps.city_tiles import city_tile_url
from operator_console.storage.db.database import (
    OpenedDatabase,
    copy_sqlite,
    has_requests,
    identify,
    list_staff,
    open_database,
)
from operator_console.storage.db.engine import server_name, with_login
from operator_console.storage.db.identity import SignInRefusedError
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.words import error_text
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.shell.sign_in_dialog import SignInDialog
from operator_console.ui.shell.staff_chooser import StaffChooser
from operator_console.ui.shell.startup_view import StartupView

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Opened:
    database: OpenedDatabase
    staff: StaffIdentity | None
    choices: list[StaffIdentity]
    base_map: BaseMap


@dataclass(frozen=True)
class SignIn:
    """A login and password typed at sign-in; None lets libpq find the password itself."""

    login: str
    password: str | None = field(default=None, repr=False)


def open_for_console(
    settings: Settings, scratch_copy: bool = False, sign_in: SignIn | None = None
) -> _Opened:
    """Runs on a worker: everything that touches the database before the window opens.

    With `scratch_copy`, a SQLite database is copied and the copy is used (screenshots submit).
    With `sign_in`, PostgreSQL is reached as that login (its password to the driver only).
    """
    if settings.is_embedded_default:
        default_database_path().parent.mkdir(parents=True, exist_ok=True)
    url, password = settings.database_url, None
    if sign_in is not None:
        url, password = with_login(url, sign_in.login), sign_in.password
    database = open_database(url, migrate=settings.is_embedded_default, password=password)
    if settings.is_embedded_default and not has_requests(database.engine):
        from operator_console.storage.demo_city.escalation_rules import seed_demo_escalation_rules
        from operator_console.storage.demo_city.seed import seed_demo

        seed_demo(database.engine)
        seed_demo_escalation_rules(database.engine)
    if scratch_copy and database.dialect == "sqlite":
        database = open_database(copy_sqlite(database), migrate=False)
    staff, choices = None, []
    try:
        if database.dialect == "postgresql" or settings.staff_login:
            staff = identify(database.engine, settings.staff_login)
        else:
            choices = list_staff(database.engine)
        city_tiles = city_tile_url(database.engine)
    except BaseException:
        database.engine.dispose()
        raise
    base_map = open_base_map(settings.tile_url, city_tiles, demo=settings.is_embedded_default)
    return _Opened(database, staff, choices, base_map)


class StartupController(QObject):
    """Drives the console from start to the main window, and back to signing in.

    On PostgreSQL the console connects with what libpq offers (.pgpass, a service file,
    Kerberos, certificates, trust); when the server wants a password, or refuses the login, a
    sign-in dialog asks for one. On SQLite the person is picked from a list. Signing out closes
    the window, releases the database and signs in again, in the same process.

    Signals:
        window_opened: the main window is shown (carries it).
        startup_failed: the console could not start (carries the message).
        cancelled: the person cancelled signing in or choosing who they are: the console quits.
    """

    window_opened = Signal(object)
    startup_failed = Signal(str)
    cancelled = Signal()

    def __init__(self, settings: Settings, runner: BackgroundRunner, screenshot: Path | None):
        super().__init__()
        self._settings = settings
        self._runner = runner
        self._screenshot = screenshot
        self.view = StartupView()
        self.view.retry_requested.connect(self.start)
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.chooser: StaffChooser | None = None
        self._sign_in: SignIn | None = None
        self._database: OpenedDatabase | None = None
        self._attempt = 0  # the latest connection attempt; an older one's result is dropped

    def start(self) -> None:
        """Connect as the settings say (Retry starts here again)."""
        message = QCoreApplication.translate("StartupView", "Connecting to %1…").replace(
            "%1", self._where()
        )
        if self._settings.is_embedded_default and not default_database_path().exists():
            message = QCoreApplication.translate(
                "StartupView",
                "First start: building the demo city from Boston's 311 data "
                "(25,000 requests). This takes a few seconds, once.",
            )
        self._connect(self._sign_in, message)

    def _connect(self, sign_in: SignIn | None, message: str) -> None:
        self.view.show_progress(message)
        if self._screenshot is None:
            self.view.show()
        scratch = self._screenshot is not None
        settings = self._settings
        self._attempt += 1
        attempt = self._attempt

        def opened(result: _Opened) -> None:
            if attempt == self._attempt:
                self._on_opened(result)
            else:  # signing in was cancelled meanwhile
                self._runner.submit(result.database.engine.dispose, _ignore, _log_release_failure)

        def failed(error: BaseException) -> None:
            if attempt == self._attempt:
                self._on_failed(error)

        self._runner.submit(lambda: open_for_console(settings, scratch, sign_in), opened, failed)

    def _where(self) -> str:
        if self._settings.is_embedded_default:
            return QCoreApplication.translate("StartupView", "the demo city on this computer")
        return self._settings.source

    def _on_failed(self, error: BaseException) -> None:
        signs_in = not self._settings.database_url.startswith("sqlite")  # SQLite has no logins
        if isinstance(error, SignInRefusedError) and signs_in and self._screenshot is None:
            self._ask_sign_in(error.login, error_text(error))
            return
        message = error_text(error) or type(error).__name__
        self._close_sign_in()
        self.view.show_failure(message)
        self.startup_failed.emit(message)

    def _ask_sign_in(self, login: str, message: str = "", after_sign_out: bool = False) -> None:
        """The sign-in dialog, on top of the startup view; a refusal is said in it."""
        server = server_name(self._settings.database_url)
        self.view.show_progress(
            QCoreApplication.translate("StartupView", "Sign in to %1.").replace("%1", server)
        )
        self.view.show()
        if self.sign_in_dialog is None:
            self.sign_in_dialog = SignInDialog(server, login, self.view)
            self.sign_in_dialog.sign_in_requested.connect(self._on_sign_in_requested)
            self.sign_in_dialog.rejected.connect(self._on_cancelled)
        self.sign_in_dialog.show_refusal(message)
        if after_sign_out:
            self.sign_in_dialog.offer_another_login()
        self.sign_in_dialog.open()
        self.sign_in_dialog.raise_()
        self.sign_in_dialog.activateWindow()

    def _on_sign_in_requested(self, login: str, password: str) -> None:
        self._sign_in = SignIn(login, password or None)
        where = server_name(self._settings.database_url)
        message = QCoreApplication.translate("StartupView", "Signing in to %1 as %2…").replace(
            "%1", where
        )
        self._connect(self._sign_in, message.replace("%2", login))

    def _close_sign_in(self) -> None:
        dialog, self.sign_in_dialog = self.sign_in_dialog, None
        if dialog is not None:
            dialog.rejected.disconnect(self._on_cancelled)
            dialog.signed_in()
            dialog.deleteLater()

    def _on_cancelled(self) -> None:
        self.sign_in_dialog = self.chooser = None
        self._attempt += 1
        self._release_database()
        self.cancelled.emit()

    def _on_opened(self, opened: _Opened) -> None:
        self._database = opened.database
        if opened.staff is not None:
            self._open_window(opened, opened.staff)
        elif self._screenshot is not None and opened.choices:
            supervisors = [person for person in opened.choices if person.role == "supervisor"]
            self._open_as(opened, (supervisors or opened.choices)[0].login)  # every screen
        else:
            self._choose_staff(opened)

    def _choose_staff(self, opened: _Opened) -> None:
        chooser = StaffChooser(opened.choices, self.view)
        self.chooser = chooser

        def chosen() -> None:
            self.chooser = None
            self._open_as(opened, chooser.chosen_login())

        chooser.accepted.connect(chosen)
        chooser.rejected.connect(self._on_cancelled)
        chooser.open()

    def _open_as(self, opened: _Opened, login: str) -> None:
        """The window of the SQLite staff member `login`, their departments read first."""
        self._runner.submit(
            lambda: identify(opened.database.engine, login),
            lambda staff: self._open_window(opened, staff),
            self._on_failed,
        )

    def _open_window(self, opened: _Opened, staff: StaffIdentity) -> None:
        try:
            session = build_session(opened.database, staff)
            drafts = self._drafts_dir(staff.login)
            self.window = build_main_window(
                session,
                self._runner,
                drafts,
                opened.base_map,
                change_feed_for(opened.database),
                config_feed_for(opened.database),
                alerts_for(opened.database, staff),
                messages_for(opened.database, staff),
            )
        except Exception as exc:  # a window that cannot be built must not leave "Connecting…"
            _log.exception("the main window could not be built")
            self._release_database()
            reason = error_text(exc) or type(exc).__name__
            self._on_failed(
                RuntimeError(
                    QCoreApplication.translate(
                        "StartupView", "The console could not open its window: %1"
                    ).replace("%1", reason)
                )
            )
            return
        self.window.sign_out_requested.connect(self.sign_out)
        self._close_sign_in()
        if self._screenshot is None:
            self.window.show_fitted()
            self.view.close()
        self.window_opened.emit(self.window)

    def sign_out(self) -> None:
        """Close the window (asking first during a call, as quitting does), release the
        database, and sign in again: the sign-in dialog on PostgreSQL, the picker on SQLite."""
        window = self.window
        if window is None or not window.agree_to_close():
            return
        login = window.session.staff.login
        dialect = window.session.dialect
        self.view.show_progress(QCoreApplication.translate("StartupView", "Signing out…"))
        self.view.show()  # before the window closes, so it is never the last one open
        self.window = None
        window.close()
        window.deleteLater()
        self._release_database()
        self._sign_in = None
        self._settings = replace(self._settings, staff_login=None)
        if dialect == "postgresql":
            self._ask_sign_in(login, after_sign_out=True)
        else:
            self.start()

    def _release_database(self) -> None:
        database, self._database = self._database, None
        if database is not None:
            self._runner.submit(database.engine.dispose, _ignore, _log_release_failure)

    def _drafts_dir(self, login: str) -> Path:
        if self._screenshot is not None:
            return Path(tempfile.mkdtemp(prefix="oc-drafts-"))
        return drafts_directory(login)


def _ignore(_result: object) -> None:
    """Nothing to do once a released engine has closed its connections."""


def _log_release_failure(error: BaseException) -> None:
    _log.warning("closing the database connections after sign-out failed: %s", error)
