"""Opening the intake panel on a real database for GUI tests."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.intake.draft_files import FileDraftJournal
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.duplicates.candidates_panel import CandidatesPanel
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.window_support import delete_maps


def open_intake(
    url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    drafts: Path,
    with_map: bool = False,
    with_candidates: bool = False,
    login: str = "operator1",
) -> IntakePanel:
    """An intake panel on `url`, its catalog and the draft kept in `drafts` loaded, shown and
    focused on the phone field.

    `login` is who is at the console on SQLite (on PostgreSQL it is the database login)."""
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    session = build_session(opened.database, opened.staff)
    presenter = IntakePresenter(session, runner, FileDraftJournal(drafts))
    candidates = None
    if with_candidates:
        candidates = CandidatesPanel(runner, session.duplicates)
    panel = IntakePanel(presenter, BaseMap() if with_map else None, candidates)
    qtbot.addWidget(panel, before_close_func=_delete_map_view)
    with qtbot.waitSignals([presenter.catalog_loaded, presenter.kept_draft_read], timeout=10000):
        panel.load()
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.ui.callerPhone.setFocus()
    return panel


def _delete_map_view(panel: QWidget) -> None:
    """A web page left to the end of the process outlives QtWebEngine's profile and crashes it."""
    assert isinstance(panel, IntakePanel)
    if panel.map_view is not None:
        shiboken6.delete(panel.map_view)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def request_count(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(service_requests)).scalar_one()
    engine.dispose()
    return int(count)


def open_console_window(
    url: str, runner: BackgroundRunner, qtbot: QtBot, drafts: Path
) -> MainWindow:
    """The whole console window on `url` as operator1 (a demo city login), shown and active."""
    opened = open_for_console(Settings(url, False, "operator1", None, "test"))
    assert opened.staff is not None
    window = build_main_window(build_session(opened.database, opened.staff), runner, drafts)
    qtbot.addWidget(window, before_close_func=delete_maps)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def intake_of(window: MainWindow) -> IntakePanel:
    panel = window.panels()["intake"]
    assert isinstance(panel, IntakePanel)
    return panel
