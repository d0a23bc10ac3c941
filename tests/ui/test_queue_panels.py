"""The Queues and Triage panels: filters and saved filters, buckets, bulk reassign, stale writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from operator_console.app.wiring import build_session
from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.tables import service_requests, staff
from operator_console.storage.queues.saved_filters import JsonSavedFilters
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.language import install_console_catalog
from operator_console.ui.queues.panel import QueuesPanel
from operator_console.ui.queues.triage_panel import TriagePanel

WAIT_MS = 15_000
r = service_requests
SELECT_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def session(demo_sqlite_url: str, tmp_path: Path) -> Iterator[ConsoleSession]:
    database = open_database(demo_sqlite_url, migrate=True)
    built = build_session(database, identify(database.engine, "supervisor1"))
    yield replace(built, saved_filters=JsonSavedFilters(tmp_path / "filters.json"))
    database.engine.dispose()


@pytest.fixture
def english(qapp: QCoreApplication) -> Iterator[None]:
    """The console's English catalog, as the app installs it (plural forms)."""
    translator = install_console_catalog(qapp)
    assert translator is not None
    yield
    QCoreApplication.removeTranslator(translator)


def _assign(session: ConsoleSession, request_id: int, login: str) -> None:
    """Another console hands the case to `login`."""
    engine = session.requests._engine  # type: ignore[attr-defined]
    with engine.begin() as connection:
        person = connection.execute(select(staff.c.id).where(staff.c.login == login)).scalar()
        connection.execute(
            update(r)
            .where(r.c.id == request_id)
            .values(assignee_id=person, status="assigned", version=r.c.version + 1)
        )


def _triage_on(panel: TriagePanel, qtbot: QtBot, tab: int) -> None:
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    if panel.tabs.currentIndex() != tab:
        with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
            panel.tabs.setCurrentIndex(tab)


def test_bulk_reassign_names_each_case_it_left_unchanged_and_keeps_it_selected(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, english: None
) -> None:
    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    _triage_on(panel, qtbot, 1)  # overdue
    already = panel.model.row_at(1).id
    _assign(session, already, "dispatcher1")  # before the supervisor looks
    _triage_on(panel, qtbot, 1)
    for row in (0, 1, 2):
        panel.table.selectionModel().select(panel.model.index(row, 0), SELECT_ROWS)
    shown = panel.model.row_at(panel.model.row_of(already) or 0)
    assert shown.id == already and shown.assignee == "Denise Walsh"  # dispatcher1
    with qtbot.waitSignal(panel.bulk.reassigned, timeout=WAIT_MS):
        panel.bulk.submit(None, "dispatcher1", "Balance the load")
    assert panel.state_label.text() == "2 cases reassigned"
    assert not panel.banner.isHidden() and panel.retry_button.isHidden()
    assert panel.banner_text.text().splitlines() == [
        "1 selected case not changed, still selected:",
        f"{shown.reference}: already in {shown.queue}, assigned to Denise Walsh",
    ]
    assert [row.id for row in panel.selected_rows()] == [already]


def test_a_case_that_leaves_the_table_while_the_dialog_is_open_is_still_named(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, english: None
) -> None:
    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    _triage_on(panel, qtbot, 2)  # unassigned
    for row in (0, 1, 2):
        panel.table.selectionModel().select(panel.model.index(row, 0), SELECT_ROWS)
    chosen = [row.id for row in panel.selected_rows()]
    panel.bulk.ask()
    dialog = panel.bulk.dialog
    assert dialog is not None and dialog.windowTitle() == "Reassign 3 cases"
    taken = panel.model.row_at(1)
    _assign(session, taken.id, "dispatcher2")  # meanwhile, on another console
    with qtbot.waitSignal(panel.model.rows_refreshed, timeout=WAIT_MS):
        panel.on_requests_changed(
            ChangeBatch((RequestChange(taken.id, None, None, taken.version + 1, "update"),))
        )
    assert panel.model.row_of(taken.id) is None and len(panel.selected_rows()) == 2
    dialog.person.setCurrentIndex(dialog.person.findData("dispatcher1"))
    dialog.reason.setText("Balance the load")
    with qtbot.waitSignal(panel.bulk.stale_found, timeout=WAIT_MS):
        dialog.accept()
    assert panel.state_label.text() == "Nothing was reassigned"
    assert taken.reference in panel.banner_text.text() and not panel.retry_button.isHidden()
    assert sorted(row.id for row in panel.selected_rows()) == sorted(set(chosen) - {taken.id})
    engine = session.requests._engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        assigned = connection.execute(
            select(r.c.assignee_id).where(r.c.id.in_(set(chosen) - {taken.id}))
        ).scalars()
        assert list(assigned) == [None, None]


def test_filters_and_saved_filters(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = QueuesPanel(session, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    assert panel.summaries.rowCount() == 149
    qtbot.waitUntil(lambda: panel.filters.category.count() > 1, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.filters.priority.setCurrentIndex(panel.filters.priority.findData("high"))
    assert panel.model.query().priorities == ("high",)
    assert panel.model.rowCount() > 0
    assert {row.priority for row in panel.model.rows()} == {"high"}
    panel.save_filter("High priority")
    qtbot.waitUntil(lambda: panel.saved.findData("High priority") >= 0, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.filters.priority.setCurrentIndex(0)
    assert panel.model.query().priorities == ()
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel._on_saved_activated(panel.saved.findData("High priority"))
    assert panel.model.query().priorities == ("high",)
    first_queue = panel.summaries.index(0, 0)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.queue_list.selectionModel().select(
            first_queue,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert panel.model.query().queue_ids == (panel.summaries.queue_ids()[0],)


def test_triage_bulk_reassign_shows_a_stale_write_and_retries(
    session: ConsoleSession,
    runner: BackgroundRunner,
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    qtbot.waitUntil(lambda: len(panel.counts) == 4, timeout=WAIT_MS)
    assert panel.counts["unassigned"] > 0 and panel.counts["overdue"] > 0
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.tabs.setCurrentIndex(2)  # unassigned, oldest first
    qtmodeltester.check(panel.model)
    created = [row.created_at for row in panel.model.rows()]
    assert created == sorted(created)
    assert all(not row.assignee for row in panel.model.rows())
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        panel.table.selectionModel().select(panel.model.index(row, 0), flags)
    chosen = [row.id for row in panel.selected_rows()]
    assert len(chosen) == 2 and panel.reassign_button.isEnabled()
    engine = session.requests._engine  # type: ignore[attr-defined]
    with engine.begin() as connection:  # someone else changes one of them meanwhile
        connection.execute(
            update(r).where(r.c.id == chosen[1]).values(priority="high", version=r.c.version + 1)
        )
    with qtbot.waitSignal(panel.bulk.stale_found, timeout=WAIT_MS) as stale:
        panel.bulk.submit(None, "dispatcher1", "Balance the load")
    assert "changed after you selected them" in str(stale.args[0])
    assert panel.banner.isVisible() or not panel.isVisible()
    with qtbot.waitSignal(panel.bulk.reassigned, timeout=WAIT_MS) as saved:
        panel._on_retry_clicked()
    assert {change.request_id for change in saved.args[0].changes} == set(chosen)
    with engine.connect() as connection:
        assignees = (
            connection.execute(
                select(staff.c.login)
                .join(r, r.c.assignee_id == staff.c.id)
                .where(r.c.id.in_(chosen))
            )
            .scalars()
            .all()
        )
    assert assignees == ["dispatcher1", "dispatcher1"]
    with qtbot.waitSignal(panel.model.rows_refreshed, timeout=WAIT_MS):
        panel.on_requests_changed(saved.args[0].as_batch())
    assert all(panel.model.row_of(request_id) is None for request_id in chosen)


@pytest.mark.parametrize("panel_type", [QueuesPanel, TriagePanel])
def test_enter_on_a_row_opens_its_case(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, panel_type: type
) -> None:
    from PySide6.QtCore import Qt

    panel = panel_type(session, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    with qtbot.waitSignal(panel.case_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [panel.model.row_at(1).id]


def test_triage_shows_the_queue_and_sorts_by_any_header(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QPoint, Qt

    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    panel.resize(1280, 700)
    panel.show()
    _triage_on(panel, qtbot, 1)  # overdue, oldest first
    header = panel.table.horizontalHeader()
    titles = [panel.model.headerData(n, Qt.Orientation.Horizontal) for n in range(header.count())]
    queue = titles.index("Queue")
    first = panel.model.row_at(0)
    assert first.queue and panel.model.index(0, queue).data() == first.queue
    assert header.sortIndicatorSection() == titles.index("Age")
    at = QPoint(header.sectionViewportPosition(queue) + header.sectionSize(queue) // 2, 5)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert panel.model.query().sort_key == "queue"
    names = [row.queue for row in panel.model.rows()]
    assert len(set(names)) > 1 and names in (sorted(names), sorted(names, reverse=True))
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.tabs.setCurrentIndex(2)  # unassigned, still by queue
    assert (panel.model.query().bucket, panel.model.query().sort_key) == ("unassigned", "queue")
    assert header.sortIndicatorSection() == queue


def test_the_queue_header_counts_what_matches_and_an_empty_search_says_so(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, english: None
) -> None:
    from operator_console.services.queues.directory import count_matches

    panel = QueuesPanel(session, runner)
    qtbot.addWidget(panel)

    def expected() -> str:
        count = count_matches(session.requests, panel.model.query())
        queues = len(panel.model.query().queue_ids)
        where = f"in {queues} queue" + ("s" if queues != 1 else "")
        matching, overdue = (QLocale().toString(n) for n in (count.matching, count.overdue))
        return f"{matching} cases match · {overdue} overdue · {where}"

    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    everything = expected()
    qtbot.waitUntil(lambda: panel.count_label.text() != "", timeout=WAIT_MS)
    assert panel.count_label.text() == everything
    assert everything.endswith("in 149 queues")
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.filters.priority.setCurrentIndex(panel.filters.priority.findData("high"))
    high = expected()
    assert high != everything
    qtbot.waitUntil(lambda: panel.count_label.text() == high, timeout=WAIT_MS)
    queues = panel.summaries.summaries()
    busiest = max(range(len(queues)), key=lambda n: queues[n].open)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.queue_list.selectionModel().select(
            panel.summaries.index(busiest, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
    one_queue = expected()
    assert one_queue.endswith("in 1 queue")
    qtbot.waitUntil(lambda: panel.count_label.text() == one_queue, timeout=WAIT_MS)
    assert panel.model.rowCount() > 0 and panel.empty_note.label.isHidden()
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.filters.text.setText("no such street anywhere")
    assert panel.model.rowCount() == 0
    assert not panel.empty_note.label.isHidden()
    assert panel.empty_note.label.text() == "No case matches"
    qtbot.waitUntil(lambda: panel.count_label.text().startswith("0 cases match"), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.filters.text.clear()
    assert panel.model.rowCount() > 0 and panel.empty_note.label.isHidden()


def test_unreadable_saved_filters_are_named_and_never_overwritten(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    kept = tmp_path / "filters.json"
    kept.write_text('{"filters": {"Mine": ', encoding="utf-8")  # cut off mid-write
    panel = QueuesPanel(session, runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    qtbot.waitUntil(
        lambda: panel.problem.text().startswith("Could not read the saved filters: "),
        timeout=WAIT_MS,
    )
    panel.save_filter("Another")
    qtbot.waitUntil(
        lambda: "Could not save the filter: " in panel.problem.text(),
        timeout=WAIT_MS,
    )
    assert kept.read_text(encoding="utf-8") == '{"filters": {"Mine": '


def test_triage_says_when_the_buckets_cannot_be_counted(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    from sqlalchemy import text

    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    _triage_on(panel, qtbot, 0)
    qtbot.waitUntil(lambda: len(panel.counts) == 4, timeout=WAIT_MS)
    engine = session.requests._engine  # type: ignore[attr-defined]
    with engine.begin() as connection:  # the reopened bucket reads the history
        connection.execute(text("ALTER TABLE request_events RENAME TO request_events_gone"))
    panel._read_counts()
    qtbot.waitUntil(
        lambda: panel.problem.text().startswith("Could not count the buckets: "),
        timeout=WAIT_MS,
    )
    assert "request_events" in panel.problem.text()
