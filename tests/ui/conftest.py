"""Every test here runs real Qt widgets offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from operator_console.app.gui import prepare_widgets
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.language import install_console_catalog
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from tests.ui.map_support import BOSTON


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/ui/" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session", autouse=True)
def console_widgets(qapp: QApplication) -> None:
    """The application-wide behaviour the console's own start-up gives every screen."""
    prepare_widgets(qapp)


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    """Database work off the Qt thread, stopped after the test."""
    background = BackgroundRunner()
    yield background
    background.shutdown()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The console's English catalog, as the app installs it: counted words read "3 open
    cases", not "3 open case(s)"."""
    translator = install_console_catalog(qapp)
    assert translator is not None
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True)
def preferences_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Remembered layouts and choices (`ui.preferences`) go to a folder of this test, never to
    the user's own config."""
    folder = tmp_path_factory.mktemp("preferences")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def open_view(qtbot: QtBot) -> Iterator[Callable[..., MapView]]:
    """Opens map views and deletes them after the test (a page left to the end of the process
    outlives QtWebEngine's profile: "Release of profile requested but WebEnginePage still not
    deleted")."""
    views: list[MapView] = []

    def opener(base_map: BaseMap | None = None) -> MapView:
        view = MapView(base_map, center=BOSTON, zoom=12)
        views.append(view)
        view.resize(640, 480)
        view.show()
        return view

    yield opener
    for view in views:
        view.close()
        shiboken6.delete(view)
