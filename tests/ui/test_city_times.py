"""Every time on screen is on the city's clock, in the console's locale, whatever the computer's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, select, update

from operator_console.app.wiring import build_session
from operator_console.services.addresses.search import AddressMatch
from operator_console.services.queues.request_list import TRIAGE_BUCKETS, ListQuery
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city, request_events, service_requests
from operator_console.storage.queues.saved_filters import JsonSavedFilters
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.queues.filter_bar import QueueFilterBar
from operator_console.ui.queues.panel import QueuesPanel
from operator_console.ui.queues.request_table_model import column_of as request_column
from operator_console.ui.queues.requests_panel import RequestsPanel
from operator_console.ui.queues.table_model import column_of as queue_column
from operator_console.ui.queues.triage_panel import TriagePanel
from tests.support.duplicates import ANA, HARBOR, VEHICLES, offset, submit_call
from tests.ui.intake_support import open_intake

WAIT_MS = 15_000
r = service_requests
ZONE = "Pacific/Kiritimati"  # UTC+14 all year: its clocks are a day ahead of UTC's evening
KNOWN = datetime(2019, 3, 10, 22, 30, tzinfo=UTC)  # older than every request of the demo city
SHOWN = "3/11/19 12:30\u202fPM"  # KNOWN on Kiritimati's clock, in American English
SHOWN_IN_UTC = "3/10/19 10:30\u202fPM"
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


@pytest.fixture
def american_english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def _city_in_kiritimati(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(update(city).values(time_zone=ZONE))


def _case_at_the_known_instant(engine: Engine, queue_id: int) -> int:
    """An open, unassigned request of `queue_id` whose every time is KNOWN (so it is overdue
    and the oldest), with a history entry at KNOWN that moved its due date."""
    with engine.begin() as connection:
        request_id = connection.execute(
            select(r.c.id)
            .where(r.c.queue_id == queue_id, r.c.status == "in_queue", r.c.assignee_id.is_(None))
            .order_by(r.c.id)
            .limit(1)
        ).scalar_one()
        times = ("created_at", "routed_at", "first_action_at", "assigned_at", "due_at")
        connection.execute(
            update(r).where(r.c.id == request_id).values(dict.fromkeys(times, KNOWN))
        )
        # Alone, so the triggers keep it (they fill it only when due or opening change).
        connection.execute(update(r).where(r.c.id == request_id).values(at_risk_at=KNOWN))
        connection.execute(
            update(request_events).where(request_events.c.request_id == request_id).values(at=KNOWN)
        )
        connection.execute(
            insert(request_events).values(
                request_id=request_id,
                at=KNOWN,
                actor="supervisor1",
                kind="rerouted",
                data={"changes": {"due": ["2019-03-10 22:30 UTC", None]}},
            )
        )
    return int(request_id)


@pytest.fixture
def session(demo_sqlite_url: str, tmp_path: Path) -> Iterator[ConsoleSession]:
    database = open_database(demo_sqlite_url, migrate=False)
    _city_in_kiritimati(database.engine)
    database = open_database(demo_sqlite_url, migrate=False)
    built = build_session(database, identify(database.engine, "supervisor1"))
    yield replace(built, saved_filters=JsonSavedFilters(tmp_path / "filters.json"))
    database.engine.dispose()


def test_tables_and_the_case_screen_show_the_city_s_time(
    session: ConsoleSession,
    runner: BackgroundRunner,
    qtbot: QtBot,
    american_english: None,
    demo_sqlite_url: str,
) -> None:
    assert session.time_zone == ZONE
    triage_queue = session.queue_directory.covered_by("supervisor1")[0].id
    request_id = _case_at_the_known_instant(make_engine(demo_sqlite_url), triage_queue)
    oldest_first = Qt.SortOrder.AscendingOrder

    requests = RequestsPanel(session, runner)
    qtbot.addWidget(requests)
    requests.refresh()
    qtbot.waitUntil(lambda: requests.model.started and runner.pending == 0, timeout=WAIT_MS)
    requests.ui.requestTable.sortByColumn(request_column("created_at"), oldest_first)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    model = requests.model
    assert model.row_at(0).id == request_id
    assert model.index(0, request_column("created_at")).data() == SHOWN
    due = model.index(0, request_column("due_at"))
    assert due.data() == f"{SHOWN} · late"  # long past: the words say what the colour does
    assert due.data(TOOLTIP) == f"At risk from {SHOWN}"

    queues = QueuesPanel(session, runner)
    qtbot.addWidget(queues)
    queues.refresh()
    qtbot.waitUntil(lambda: queues.model.started and runner.pending == 0, timeout=WAIT_MS)
    queues.table.sortByColumn(queue_column("created_at"), oldest_first)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    triage = TriagePanel(session, runner)
    qtbot.addWidget(triage)
    triage.refresh()
    qtbot.waitUntil(lambda: triage.model.started and runner.pending == 0, timeout=WAIT_MS)
    triage.tabs.setCurrentIndex(TRIAGE_BUCKETS.index("overdue"))  # oldest first
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    for table in (queues.model, triage.model):
        assert table.row_at(0).id == request_id
        assert table.index(0, queue_column("created_at")).data(TOOLTIP) == f"Opened {SHOWN}"
        due_tip = table.index(0, queue_column("due_at")).data(TOOLTIP)
        assert due_tip == f"Due {SHOWN}\nAt risk from {SHOWN}"

    case = CaseDetailPanel(session, runner)
    qtbot.addWidget(case)
    with qtbot.waitSignal(case.case_loaded, timeout=WAIT_MS):
        case.show_case(request_id)
    # A rich text's plain text has plain spaces for the locale's narrow no-break space.
    shown, shown_in_utc = _spaced(SHOWN), _spaced(SHOWN_IN_UTC)
    details, timeline = case.details.toPlainText(), case.timeline.toPlainText()
    assert f"due {SHOWN}" in case.subtitle.text()
    for label in ("Opened", "Routed", "First action", "Assigned"):
        assert f"{label}\n{shown}" in details, details
    assert f"due: {shown} -> (none)" in timeline
    assert timeline.count(shown) >= 2  # the entries' own times too
    for text in (_spaced(case.subtitle.text()), details, timeline):
        assert shown_in_utc not in text and "UTC" not in text


def _spaced(text: str) -> str:
    return text.replace("\u202f", " ")


def test_the_queue_date_filter_counts_the_city_s_days(american_english: None) -> None:
    bar = QueueFilterBar(time_zone=ZONE)
    bar.use_dates.setChecked(True)
    bar.date_from.setDate(QDate(2019, 3, 11))
    bar.date_to.setDate(QDate(2019, 3, 11))
    query = bar.apply_to(ListQuery())
    assert query.created_from == datetime(2019, 3, 10, 10, 0, tzinfo=UTC)  # midnight there
    assert query.created_to == datetime(2019, 3, 11, 10, 0, tzinfo=UTC)
    assert query.created_from <= KNOWN < query.created_to  # KNOWN is 11 March in Kiritimati
    bar.show_query(query)
    assert bar.date_from.date() == QDate(2019, 3, 11) == bar.date_to.date()
    today_there = (datetime.now(UTC) + timedelta(hours=14)).date()
    assert QueueFilterBar(time_zone=ZONE).date_to.date().toPython() == today_there


def test_intake_shows_the_caller_s_history_and_candidates_on_the_city_s_clock(
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
    american_english: None,
) -> None:
    engine = make_engine(demo_sqlite_url)
    _city_in_kiritimati(engine)
    pier = "1 Harbor Pier, Boston, MA"
    existing = submit_call(engine, ANA, *HARBOR, "Grey van with flat tyres.", pier)
    with engine.begin() as connection:
        connection.execute(update(r).where(r.c.id == existing.request_id).values(created_at=KNOWN))
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path, with_candidates=True)
    candidates = panel.candidates
    assert candidates is not None
    qtbot.waitUntil(lambda: panel.time_zone == ZONE, timeout=WAIT_MS)

    qtbot.keyClicks(panel.ui.callerPhone, ANA.phone)
    history = panel.ui.callerHistory
    qtbot.waitUntil(lambda: existing.reference in history.text(), timeout=WAIT_MS)
    assert SHOWN in history.text() and SHOWN_IN_UTC not in history.text()

    with qtbot.waitSignal(candidates.panel_painted, timeout=WAIT_MS):
        panel.use_address(AddressMatch(0, pier, *offset(*HARBOR, north_m=12), None, "address"))
        panel.categories.choose(VEHICLES)
    assert candidates.candidates[0].reference == existing.reference
    candidates.highlight(1)
    assert f"Opened {SHOWN}" in candidates.list.details.text()
