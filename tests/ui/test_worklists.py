"""The Work lists tab: my cases follow assignments made at another console; a saved search
opens with the keyboard, shows its cases and opens one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_session
from operator_console.services.cases.commands import AssignCases, CaseRef
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.changes import ChangeBatch
from operator_console.services.search.query import SearchQuery
from operator_console.services.session import ConsoleSession
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.identity import identify
from operator_console.storage.db.tables import queues, service_requests, staff
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.worklists.panel import WorklistsPanel

WAIT_MS = 10_000
NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
r = service_requests.c


@pytest.fixture
def open_panel(qtbot: QtBot) -> Iterator[Callable[[str, str], tuple[WorklistsPanel, ChangeBus]]]:
    opened: list[tuple[BackgroundRunner, ChangeBus, ConsoleSession]] = []

    def open_for(url: str, login: str) -> tuple[WorklistsPanel, ChangeBus]:
        console = open_for_console(Settings(url, False, login, None, "test"))
        assert console.staff is not None
        session = build_session(console.database, console.staff)
        assert session.worklists is not None and session.case_search is not None
        runner, bus = BackgroundRunner(), ChangeBus()
        panel = WorklistsPanel(session, session.worklists, session.case_search, runner, _none)
        bus.requests_changed.connect(panel.on_requests_changed)
        qtbot.addWidget(panel)
        panel.resize(1200, 640)
        panel.show()
        opened.append((runner, bus, session))
        return panel, bus

    yield open_for
    for runner, bus, _session in opened:
        bus.shutdown()
        runner.shutdown()


def _none() -> SearchQuery | None:
    return None


def _open_ids(panel: WorklistsPanel) -> list[int]:
    return [row.id for row in panel.my_cases.open_model.rows()]


def _reassign(engine: Engine, request_id: int, login: str) -> None:
    with engine.connect() as connection:
        version = connection.execute(select(r.version).where(r.id == request_id)).scalar_one()
    desk = CaseDesk(lambda: SqlCaseUnitOfWork(engine), identify(engine, "admin1"), lambda: NOW)
    desk.assign(AssignCases((CaseRef(request_id, version),), "Taking it over", staff_login=login))


@pytest.mark.postgres
def test_my_cases_show_a_case_assigned_to_me_at_another_console_live(
    demo_pg_url: str,
    open_panel: Callable[[str, str], tuple[WorklistsPanel, ChangeBus]],
    qtbot: QtBot,
) -> None:
    panel, bus = open_panel(demo_pg_url, "supervisor1")
    mine = panel.my_cases
    panel.refresh()
    qtbot.waitUntil(
        lambda: mine.open_model.started and not mine.open_model.loading, timeout=WAIT_MS
    )
    with qtbot.waitSignal(bus.requests_changed, timeout=WAIT_MS):
        bus.attach(PgChangeFeed(demo_pg_url))
    qtbot.waitUntil(lambda: not mine.open_model.loading, timeout=WAIT_MS)
    other_console = make_engine(demo_pg_url)
    try:
        with other_console.connect() as connection:
            request_id = connection.execute(
                select(r.id)
                .join(queues, queues.c.id == r.queue_id)
                .outerjoin(staff, staff.c.id == r.assignee_id)
                .where(r.status == "in_queue", queues.c.code.like("PWD%"))
                .where((staff.c.login.is_(None)) | (staff.c.login != "supervisor1"))
                .order_by(r.id)
                .limit(1)
            ).scalar_one()
        assert request_id not in _open_ids(panel)

        _reassign(other_console, request_id, "supervisor1")
        qtbot.waitUntil(lambda: request_id in _open_ids(panel), timeout=WAIT_MS)

        table = mine.open_table
        table.setFocus()
        table.setCurrentIndex(mine.open_model.index(mine.open_model.row_of(request_id) or 0, 0))
        with qtbot.waitSignal(panel.case_opened, timeout=WAIT_MS) as opened:
            qtbot.keyClick(table, Qt.Key.Key_Return)
        assert opened.args == [request_id]

        _reassign(other_console, request_id, "dispatcher1")
        qtbot.waitUntil(lambda: request_id not in _open_ids(panel), timeout=WAIT_MS)
    finally:
        other_console.dispose()


def test_a_saved_search_opens_with_the_keyboard_and_runs_again_when_cases_change(
    demo_sqlite_url: str,
    open_panel: Callable[[str, str], tuple[WorklistsPanel, ChangeBus]],
    qtbot: QtBot,
) -> None:
    panel, _bus = open_panel(demo_sqlite_url, "supervisor1")
    saved = panel.saved
    saved.save("Closed potholes", SearchQuery("pothole", statuses=frozenset({"closed"})))
    saved.save("Streetlights", SearchQuery("streetlight"))
    qtbot.waitUntil(lambda: saved.list.count() == 2, timeout=WAIT_MS)
    assert [saved.list.item(i).text() for i in range(2)] == ["Closed potholes", "Streetlights"]

    saved.list.setFocus()
    saved.list.setCurrentRow(1)
    qtbot.keyClick(saved.list, Qt.Key.Key_Up)
    with qtbot.waitSignal(saved.results_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(saved.list, Qt.Key.Key_Return)
    assert shown.args[0] > 0
    assert all(hit.status == "closed" for hit in saved.model.hits)
    assert saved.message.text().startswith("Closed potholes: ")

    first = saved.model.hits[0].request_id
    saved.results.setFocus()
    with qtbot.waitSignal(panel.case_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(saved.results, Qt.Key.Key_Return)
    assert opened.args == [first]

    with qtbot.waitSignal(saved.results_shown, timeout=WAIT_MS):
        panel.on_requests_changed(ChangeBatch(resync=True))


def test_a_search_a_supervisor_shares_appears_on_the_departments_consoles_when_shown(
    demo_sqlite_url: str,
    open_panel: Callable[[str, str], tuple[WorklistsPanel, ChangeBus]],
    qtbot: QtBot,
) -> None:
    supervisor, _bus = open_panel(demo_sqlite_url, "supervisor1")
    colleague, _other_bus = open_panel(demo_sqlite_url, "dispatcher1")
    elsewhere, _third_bus = open_panel(demo_sqlite_url, "dispatcher2")
    for panel in (supervisor, colleague, elsewhere):
        with qtbot.waitSignal(panel.saved.list_shown, timeout=WAIT_MS):
            panel.saved.reload()
    assert supervisor.saved.share_button.isVisible()
    assert not colleague.saved.share_button.isVisible()

    with qtbot.waitSignal(supervisor.saved.list_shown, timeout=WAIT_MS):
        supervisor.saved.save("Potholes", SearchQuery("pothole"), "PWDx")
    for panel in (colleague, elsewhere):
        panel.hide()
        with qtbot.waitSignal(panel.saved.list_shown, timeout=WAIT_MS):
            panel.show()
    shown = [colleague.saved.list.item(i).text() for i in range(colleague.saved.list.count())]
    assert shown == ["Potholes (by supervisor1, for Public Works Department)"]
    assert elsewhere.saved.list.count() == 0
    colleague.saved.list.setCurrentRow(0)
    assert not colleague.saved.delete_button.isEnabled()
