"""The main window opens on a real database and lists its open requests."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from operator_console.app.queue_wiring import change_feed_for
from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.session import StaffIdentity
from operator_console.storage.db.engine import make_engine
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.shell.main_window import MainWindow
from tests.support.rows import add_requests
from tests.ui.window_support import delete_maps


def _open_window(
    url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    drafts: Path,
    live: bool = False,
    login: str = "tester",
) -> MainWindow:
    settings = Settings(url, False, login, None, "test")
    opened = open_for_console(settings)
    staff = opened.staff or StaffIdentity("tester", "Test Operator", "operator")
    feed = change_feed_for(opened.database) if live else None
    session = build_session(opened.database, staff)
    window = build_main_window(session, runner, drafts, change_feed=feed)
    qtbot.addWidget(window, before_close_func=delete_maps)
    return window


def test_window_lists_open_requests_and_says_where_it_is(
    db_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    add_requests(make_engine(db_url), 450)
    window = _open_window(db_url, runner, qtbot, tmp_path)
    panel = window.panels()["requests"]
    model = panel.model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 200 and runner.pending == 0)
    assert model.row_at(0).reference == "BOS-26-000450"
    assert "450 open" in panel.ui.countLabel.text()  # type: ignore[attr-defined]
    expected = "PostgreSQL" if db_url.startswith("postgresql") else "SQLite"
    assert expected in window.database_label.text()
    assert window.staff_label.text() == "Test Operator (tester) · Operator"


def test_scrolling_fetches_the_next_page(
    pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    add_requests(make_engine(pg_url), 450)
    window = _open_window(pg_url, runner, qtbot, tmp_path)
    model = window.panels()["requests"].model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    assert not model.canFetchMore()
    assert len({model.row_at(i).id for i in range(450)}) == 450


def test_sorting_is_done_by_the_database(
    pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from operator_console.ui.queues.request_table_model import column_of

    add_requests(make_engine(pg_url), 30)
    window = _open_window(pg_url, runner, qtbot, tmp_path)
    model = window.panels()["requests"].model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 30)
    model.sort(column_of("reference"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == 30 and model.row_at(0).reference.endswith("01"))
    assert [model.row_at(i).reference for i in range(3)] == [
        "BOS-26-000001",
        "BOS-26-000002",
        "BOS-26-000003",
    ]


def test_the_open_requests_follow_changes_made_elsewhere(
    db_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import Qt
    from sqlalchemy import update

    from operator_console.storage.db.tables import service_requests as r
    from operator_console.ui.queues.request_columns import RED_BACKGROUND
    from operator_console.ui.queues.request_table_model import column_of

    engine = make_engine(db_url)
    ids = add_requests(engine, 30)
    window = _open_window(db_url, runner, qtbot, tmp_path, live=True)
    panel = window.panels()["requests"]
    model = panel.model  # type: ignore[attr-defined]
    count = panel.ui.countLabel  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 30 and "30 open" in count.text(), timeout=10000)
    qtmodeltester.check(model)
    rows = [model.row_at(i) for i in range(30)]
    late = next(i for i, row in enumerate(rows) if row.due_at and row.due_at < datetime.now(UTC))
    due = model.index(late, column_of("due_at"))
    assert due.data(Qt.ItemDataRole.BackgroundRole) == RED_BACKGROUND
    newest, next_one = model.row_at(0).id, model.row_at(1).id
    assert newest == ids[-1]

    stamp = {"version": r.c.version + 1, "updated_at": datetime.now(UTC)}  # as every writer
    with engine.begin() as connection:  # another console closes one and raises another
        connection.execute(update(r).where(r.c.id == newest).values(status="closed", **stamp))
        connection.execute(update(r).where(r.c.id == next_one).values(priority="urgent", **stamp))
    qtbot.waitUntil(lambda: "29 open" in count.text(), timeout=10000)
    qtbot.waitUntil(lambda: model.rowCount() == 29 and model.row_at(0).id == next_one)
    shown = model.index(0, column_of("priority")).data(Qt.ItemDataRole.DisplayRole)
    assert shown == "Urgent"
    engine.dispose()


def test_enter_on_an_open_request_shows_its_case(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    window = _open_window(demo_pg_url, runner, qtbot, tmp_path, login="operator1")
    window.show_panel("requests")
    panel = window.panels()["requests"]
    model, table = panel.model, panel.ui.requestTable  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    table.setFocus()
    table.setCurrentIndex(model.index(2, 0))
    case = window.panels()["case"]
    with qtbot.waitSignal(case.case_loaded, timeout=10000) as loaded:  # type: ignore[attr-defined]
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert loaded.args == [model.row_at(2).id]
    assert window.ui.screens.currentWidget() is case
    assert model.row_at(2).reference in case.title.text()  # type: ignore[attr-defined]
