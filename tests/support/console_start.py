"""Starting the console as a person would: the startup controller, its dialogs, its windows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from pytestqt.qtbot import QtBot

from operator_console.app.settings import Settings
from operator_console.app.startup import StartupController
from operator_console.domain.permissions import Action
from operator_console.ui.admin.panel import AdministrationPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from operator_console.ui.shell.sign_in_dialog import SignInDialog
from tests.ui.window_support import delete_maps

CASE_BUTTONS = {
    "reassign_button": Action.ASSIGN,
    "priority_button": Action.CHANGE_PRIORITY,
    "escalate_button": Action.ESCALATE,
    "start_button": Action.MOVE,
    "resolve_button": Action.RESOLVE,
    "close_button": Action.CLOSE,
    "reopen_button": Action.REOPEN,
    "move_button": Action.MOVE,
    "reroute_button": Action.REROUTE,
    "duplicate_button": Action.MARK_DUPLICATE,
}
"""What each button of the case screen's action bar does."""
SHOWN_BY_SCREENS = {Action.SUBMIT_INTAKE, Action.MANAGE_STAFF, *CASE_BUTTONS.values()}
"""The actions whose offer a window shows: a tab, or a button of the case screen."""


@contextmanager
def console(
    url: str, runner: BackgroundRunner, qtbot: QtBot, staff: str | None = None
) -> Iterator[StartupController]:
    """A started console on `url` (`staff` named as by --staff); its windows are closed after."""
    controller = StartupController(Settings(url, False, staff, None, "test"), runner, None)
    qtbot.addWidget(controller.view)
    windows: list[MainWindow] = []
    controller.window_opened.connect(windows.append)
    controller.start()
    try:
        yield controller
    finally:
        for window in windows:  # signing out deletes a window itself
            if shiboken6.isValid(window):
                delete_maps(window)
                window.close()
                window.deleteLater()


def window_of(controller: StartupController, qtbot: QtBot) -> MainWindow:
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20000)
    assert controller.window is not None
    return controller.window


def sign_in_dialog(controller: StartupController, qtbot: QtBot) -> SignInDialog:
    """The sign-in dialog once it waits for the person (not while it signs in)."""

    def waiting() -> bool:
        dialog = controller.sign_in_dialog
        return dialog is not None and dialog.isVisible() and dialog.login_edit.isEnabled()

    qtbot.waitUntil(waiting, timeout=8000)
    assert controller.sign_in_dialog is not None
    return controller.sign_in_dialog


def offered_actions(window: MainWindow) -> set[Action]:
    """The actions the window offers: its tabs and the case screen's visible buttons."""
    panels = window.panels()
    offered = set()
    if "intake" in panels:
        offered.add(Action.SUBMIT_INTAKE)
    admin = panels.get("admin")
    if isinstance(admin, AdministrationPanel) and "staff" in admin.page_names():
        offered.add(Action.MANAGE_STAFF)
    bar = getattr(panels["case"], "actions_bar", None)
    if bar is not None:
        offered |= {act for name, act in CASE_BUTTONS.items() if not getattr(bar, name).isHidden()}
    return offered
