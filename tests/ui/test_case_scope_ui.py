"""A dispatcher's case screen offers no change on another department's case, and says why."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.app.wiring import build_session
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.storage.db.database import OpenedDatabase, open_database
from operator_console.storage.db.tables import departments, queues, service_requests
from operator_console.ui.cases.actions_bar import CaseActionsBar
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner

WAIT_MS = 15_000
TRANSPORT_DISPATCHER = StaffIdentity(
    "dispatcher2", "Marcus Johnson", "dispatcher", frozenset({"BTDT"})
)
r = service_requests.c


@pytest.fixture
def database(demo_pg_url: str) -> Iterator[OpenedDatabase]:
    opened = open_database(demo_pg_url, migrate=False)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def session(database: OpenedDatabase) -> ConsoleSession:
    """A dispatcher of the Transportation Department at the console."""
    return build_session(database, TRANSPORT_DISPATCHER)


def _case_of(engine: Engine, department: str) -> tuple[int, str]:
    """An open, unmerged case waiting in one of the department's queues: id, reference."""
    statement = (
        select(r.id, r.reference)
        .join(queues, queues.c.id == r.queue_id)
        .join(departments, departments.c.id == queues.c.department_id)
        .where(departments.c.code == department, r.status == "in_queue", r.parent_id.is_(None))
        .order_by(r.id)
        .limit(1)
    )
    with engine.connect() as connection:
        found = connection.execute(statement).one()
    return int(found.id), str(found.reference)


def _shown(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, request_id: int
) -> CaseDetailPanel:
    panel = CaseDetailPanel(session, runner)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT_MS):
        panel.show_case(request_id)
    assert panel.actions_bar is not None and panel.add_note_button.isEnabled()
    return panel


def _offered(bar: CaseActionsBar) -> list[QPushButton]:
    """The bar's buttons the dispatcher sees that are enabled."""
    return [
        button
        for button in bar.findChildren(QPushButton)
        if button.isVisibleTo(bar) and button.isEnabled()
    ]


def test_another_departments_case_offers_no_change_and_says_why(
    session: ConsoleSession, database: OpenedDatabase, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    request_id, reference = _case_of(database.engine, "PWDx")
    panel = _shown(session, runner, qtbot, request_id)
    bar = panel.actions_bar
    assert bar is not None
    why = (
        f"Case {reference} belongs to Public Works Department; you can change only cases of "
        "Boston Transportation Department."
    )
    assert _offered(bar) == []
    assert not any(move.isEnabled() for move in bar.move_actions.values())
    assert bar.reassign_button.isVisibleTo(bar) and bar.reassign_button.toolTip() == why
    assert bar.outside_note.isVisibleTo(bar) and bar.outside_note.text() == why


def test_a_case_of_the_dispatchers_department_offers_its_actions(
    session: ConsoleSession, database: OpenedDatabase, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    request_id, _ = _case_of(database.engine, "BTDT")
    panel = _shown(session, runner, qtbot, request_id)
    bar = panel.actions_bar
    assert bar is not None
    assert bar.reassign_button in _offered(bar)
    assert not bar.outside_note.isVisibleTo(bar)
