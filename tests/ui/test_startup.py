"""A database that cannot be used gives a readable message in the window, never a traceback."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from operator_console.app.settings import Settings
from operator_console.app.startup import StartupController
from operator_console.storage.db.engine import make_engine
from operator_console.ui.common.background import BackgroundRunner


def _start(url: str, qtbot: QtBot, tmp_path: Path) -> tuple[StartupController, list[str]]:
    runner = BackgroundRunner()
    controller = StartupController(Settings(url, False, None, None, "test"), runner, tmp_path)
    qtbot.addWidget(controller.view)
    failures: list[str] = []
    controller.startup_failed.connect(failures.append)
    with qtbot.waitSignal(controller.startup_failed, timeout=20000):
        controller.start()
    runner.shutdown()
    return controller, failures


def test_unreachable_server_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"postgresql://nobody@/nowhere?host={tmp_path}"
    controller, failures = _start(url, qtbot, tmp_path)
    shown = controller.view.message.text()
    assert shown == failures[0]
    assert shown.startswith("Cannot use the database PostgreSQL nobody@")
    assert "Traceback" not in shown
    assert controller.view.retry_button.isVisibleTo(controller.view)


def test_wrong_kind_of_url_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    controller, _ = _start("mysql://someone@db/city", qtbot, tmp_path)
    assert "Unsupported database 'mysql'" in controller.view.message.text()


def test_schema_newer_than_console_is_refused(
    qtbot: QtBot, tmp_path: Path, sqlite_url: str
) -> None:
    with make_engine(sqlite_url).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    controller, _ = _start(sqlite_url, qtbot, tmp_path)
    assert "newer than this console knows" in controller.view.message.text()
