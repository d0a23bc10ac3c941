"""An open console and a live Open311 server on one PostgreSQL: a request an app POSTs is in the
console's list within a second, and resolving it on the case screen is what residents read."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_session
from operator_console.services.session import ConsoleSession, StaffIdentity
from operator_console.storage.db.tables import service_requests
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.ui.cases.action_dialogs import ResolveDialog
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.queues.requests_panel import RequestsPanel
from tests.support.open311_server import live_server, make_open311_login, new_client

WAIT_MS = 15_000
SUPERVISOR = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
NOTE = "Roof patched; the inspector found no further leak."
LEAK = {
    "service_code": "building-inspection-request",
    "lat": "42.3504",
    "long": "-71.0867",
    "description": "Water through the ceiling.",
    "attribute[problem]": "A leak from the roof",
    "attribute[owner_occupied]": "no",
    "email": "ana@example.org",
    "first_name": "Ana",
    "last_name": "Lopes",
}


@pytest.fixture
def console(demo_pg_url: str) -> Iterator[tuple[ConsoleSession, Engine]]:
    settings = Settings(demo_pg_url, False, SUPERVISOR.login, None, "test")
    database = open_for_console(settings).database
    yield build_session(database, SUPERVISOR), database.engine
    database.engine.dispose()


@pytest.fixture
def bus(demo_pg_url: str, qtbot: QtBot) -> Iterator[ChangeBus]:
    change_bus = ChangeBus()
    with qtbot.waitSignal(change_bus.requests_changed, timeout=WAIT_MS):
        change_bus.attach(PgChangeFeed(demo_pg_url))
    yield change_bus
    change_bus.shutdown()


def _listed(panel: RequestsPanel) -> dict[str, str]:
    """The references in the Requests list, with the channel each row shows."""
    model = panel.model
    channel = model.columns.column_of("channel")
    return {
        model.row_at(row).reference: str(model.index(row, channel).data())
        for row in range(model.rowCount())
    }


def test_a_posted_request_is_listed_at_once_and_its_resolution_is_read_back(
    demo_pg_url: str,
    console: tuple[ConsoleSession, Engine],
    bus: ChangeBus,
    runner: BackgroundRunner,
    qtbot: QtBot,
) -> None:
    session, engine = console
    requests = RequestsPanel(session, runner)
    qtbot.addWidget(requests)
    bus.requests_changed.connect(requests.on_requests_changed)
    with qtbot.waitSignal(requests.model.page_loaded, timeout=WAIT_MS):
        requests.refresh()
    key = new_client(demo_pg_url, "Resident app", channel="app")

    with live_server(make_open311_login(demo_pg_url)) as base_url:
        answer = httpx.post(f"{base_url}/requests.json", data=LEAK | {"api_key": key}, timeout=30)
        assert answer.status_code == 201, answer.text
        reference = str(answer.json()[0]["service_request_id"])
        qtbot.waitUntil(lambda: reference in _listed(requests), timeout=1000)
        assert _listed(requests)[reference] == channel_label("app") == "App"

        with engine.connect() as connection:
            request_id = connection.execute(
                select(service_requests.c.id).where(service_requests.c.reference == reference)
            ).scalar_one()
        case = CaseDetailPanel(session, runner)
        qtbot.addWidget(case)
        case.resize(1200, 800)
        case.show()
        with qtbot.waitSignal(case.case_loaded, timeout=WAIT_MS):
            case.show_case(request_id)
        bar = case.actions_bar
        assert bar is not None
        bar.resolve_button.click()
        dialog = bar.questions.dialog
        assert isinstance(dialog, ResolveDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("fixed"))
        dialog.note.setPlainText(NOTE)
        with qtbot.waitSignal(case.action_runner.saved, timeout=WAIT_MS):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        [read_back] = httpx.get(f"{base_url}/requests/{reference}.json", timeout=30).json()
    assert read_back["status"] == "closed"
    assert read_back["status_notes"] == NOTE
    qtbot.waitUntil(lambda: reference not in _listed(requests), timeout=WAIT_MS)
