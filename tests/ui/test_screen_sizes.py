"""Every screen is usable on a 1280x720 or 1366x768 screen; splitters are kept per person."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtWidgets import QApplication, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow, fits
from tests.ui.screen_support import TITLE_BAR, open_demo_window, reachable, screen_rect
from tests.ui.window_support import delete_maps

SMALL_SCREENS = [(1280, 720), (1366, 768)]


def _important(window: MainWindow) -> dict[str, list[QWidget]]:
    """What a person must be able to see or scroll to on each screen."""
    panels: dict[str, Any] = window.panels()
    intake, queues, triage, case = (panels[n] for n in ("intake", "queues", "triage", "case"))
    ui = intake.ui
    bar = case.actions_bar
    filters = queues.filters
    return {
        "intake": [
            ui.callerPhone,
            ui.callerFirstName,
            ui.callerEmail,
            ui.locationAddress,
            ui.categorySearch,
            ui.categoryResults,
            ui.descriptionEdit,
            ui.addPhotoButton,
            ui.submitButton,
            ui.newCallButton,
            ui.cancelButton,
            ui.mapContainer,
            ui.candidatesContainer,
        ],
        "requests": [panels["requests"].ui.requestTable, panels["requests"].ui.countLabel],
        "queues": [
            queues.queue_list,
            queues.table,
            queues.map_view,
            queues.saved,
            queues.save_button,
            *(filters.text, filters.status, filters.priority, filters.sla, filters.district),
            *(filters.category, filters.assignee, filters.use_dates),
            *(filters.date_from, filters.date_to),
        ],
        "triage": [triage.tabs, triage.table, triage.reassign_button],
        "case": [
            case.details,
            case.timeline,
            case.note,
            case.public,
            case.add_note_button,
            case.map_view,
            *(bar.reassign_button, bar.priority_button, bar.escalate_button, bar.start_button),
            *(bar.resolve_button, bar.close_button, bar.reopen_button, bar.move_button),
            *(bar.reroute_button, bar.duplicate_button),
        ],
    }


@pytest.mark.parametrize("size", SMALL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_a_small_screen(
    size: tuple[int, int],
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    window = open_demo_window(demo_sqlite_url, "supervisor1", runner, qtbot, tmp_path, size)
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1] - TITLE_BAR, hint
    assert window.width() <= size[0] and window.height() <= size[1] - TITLE_BAR
    screen = screen_rect(size)
    for name, widgets in _important(window).items():
        window.show_panel(name)
        qtbot.waitUntil(window.panels()[name].isVisible)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out as shown
        cut = [w.objectName() or w.accessibleName() or type(w).__name__ for w in widgets]
        cut = [
            label for w, label in zip(widgets, cut, strict=True) if not reachable(w, window, screen)
        ]
        assert not cut, f"{name}: out of reach at {size}: {cut}"


def test_a_long_database_name_does_not_widen_the_window(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    opened = open_for_console(Settings(demo_sqlite_url, False, "operator1", None, "test"))
    assert opened.staff is not None
    long_label = "SQLite " + "/very-long-folder-name" * 20 + "/console.sqlite3"
    session = replace(build_session(opened.database, opened.staff), database_label=long_label)
    window = build_main_window(session, runner, tmp_path)
    qtbot.addWidget(window, before_close_func=delete_maps)
    assert window.minimumSizeHint().width() <= 1280
    assert long_label in window.database_label.toolTip()
    assert window.database_label.text().startswith("Database: SQLite /very-long")


def _splitter(window: MainWindow, panel: str, name: str) -> QSplitter:
    found = window.panels()[panel].findChild(QSplitter, name)
    assert found is not None, name
    return found


def test_splitters_are_kept_for_each_person(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    size = (1280, 720)
    window = open_demo_window(demo_sqlite_url, "dispatcher1", runner, qtbot, tmp_path, size)
    moved = {}
    for panel, name in (
        ("intake", "splitter"),
        ("queues", "queuesSplitter"),
        ("case", "caseSplitter"),
    ):
        window.show_panel(panel)
        splitter = _splitter(window, panel, name)
        qtbot.waitUntil(lambda s=splitter: s.isVisible() and s.sizes()[0] > 0)
        target = splitter.sizes()[0] + 90
        splitter.moveSplitter(target, 1)  # what dragging the handle does
        moved[(panel, name)] = splitter.sizes()
        assert splitter.sizes()[0] == target
    window.close()

    again = open_demo_window(demo_sqlite_url, "dispatcher1", runner, qtbot, tmp_path / "b", size)
    someone_else = open_demo_window(
        demo_sqlite_url, "dispatcher2", runner, qtbot, tmp_path / "c", size
    )
    for (panel, name), sizes in moved.items():
        for shown in (again, someone_else):
            shown.show_panel(panel)
        kept = _splitter(again, panel, name)
        qtbot.waitUntil(lambda k=kept: k.isVisible())
        assert kept.sizes() == sizes, (panel, name)
        assert _splitter(someone_else, panel, name).sizes() != sizes, (panel, name)


def test_the_window_opens_maximized_when_its_usual_size_does_not_fit(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    assert not fits(QSize(1280, 800), QRect(0, 0, 1280, 720))  # the status bar would be cut
    assert not fits(QSize(1280, 800), QRect(0, 0, 1366, 768 - 30))  # a taskbar takes 30
    assert fits(QSize(1280, 800), QRect(0, 0, 1920, 1050))
    window = open_demo_window(demo_sqlite_url, "operator1", runner, qtbot, tmp_path)
    screen = window.screen().availableGeometry()
    assert not fits(window.size(), screen)  # the test platform's screen is 800x800
    window.show_fitted()  # as the console does at start
    qtbot.waitUntil(window.isVisible)
    assert window.isMaximized()
