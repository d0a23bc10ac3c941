"""Every test here runs real Qt widgets offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from operator_console.app.gui import prepare_widgets
from operator_console.ui.common.background import BackgroundRunner


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


@pytest.fixture(autouse=True)
def preferences_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Remembered layouts and choices (`ui.preferences`) go to a folder of this test, never to
    the user's own config."""
    folder = tmp_path_factory.mktemp("preferences")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder
