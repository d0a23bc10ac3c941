"""The queue models pass the model tester, colour the SLA countdown, and the panels work."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.services.queues.directory import QueueSummary
from operator_console.services.queues.request_list import ListQuery
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.queues.request_list import SqlRequestListReader
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.queues.request_columns import AMBER, RED
from operator_console.ui.queues.summary_model import QueueSummaryModel
from operator_console.ui.queues.table_model import (
    SLA_ROLE,
    QueueTableModel,
    column_of,
    span,
)
from tests.support.rows import add_requests

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
WAIT_MS = 10_000
r = service_requests


@pytest.fixture
def sla_rows(sqlite_url: str) -> Iterator[tuple[SqlRequestListReader, list[int]]]:
    engine = make_engine(sqlite_url)
    ids = add_requests(engine, 4)
    timings = [  # (opened, due): on time, at risk, breached, no due date
        (NOW - timedelta(hours=1), NOW + timedelta(days=10)),
        (NOW - timedelta(hours=9), NOW + timedelta(hours=1)),
        (NOW - timedelta(days=3), NOW - timedelta(hours=2)),
        (NOW - timedelta(days=1), None),
    ]
    with engine.begin() as connection:
        for request_id, (opened, due) in zip(ids, timings, strict=True):
            connection.execute(
                update(r).where(r.c.id == request_id).values(created_at=opened, due_at=due)
            )
    yield SqlRequestListReader(engine, clock=lambda: NOW), ids
    engine.dispose()


def test_sla_countdown_turns_amber_at_risk_and_red_when_breached(
    sla_rows: tuple[SqlRequestListReader, list[int]],
    runner: BackgroundRunner,
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    reader, _ids = sla_rows
    model = QueueTableModel(
        reader, runner, ListQuery(sort_key="reference", descending=False), clock=lambda: NOW
    )
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.reload()
    qtmodeltester.check(model)
    due = column_of("due_at")
    states = [model.index(n, due).data(SLA_ROLE) for n in range(4)]
    assert states == ["on_time", "at_risk", "breached", "no_target"]
    colours = [model.index(n, due).data(Qt.ItemDataRole.ForegroundRole) for n in range(4)]
    assert colours == [None, AMBER, RED, None]
    texts = [model.index(n, due).data() for n in range(4)]
    assert texts == ["in 10d 0h", "in 1h 00m · at risk", "2h 00m late", "—"]
    assert model.index(0, column_of("created_at")).data() == "1h 00m"
    with qtbot.waitSignal(model.dataChanged) as ticked:
        model._on_tick_timeout()
    assert (ticked.args[0].column(), ticked.args[1].column()) == (
        column_of("created_at"),
        column_of("due_at"),
    )


def test_span() -> None:
    assert span(timedelta(minutes=9)) == "9m"
    assert span(timedelta(hours=5, minutes=3)) == "5h 03m"
    assert span(-timedelta(days=2, hours=1)) == "2d 1h"


def test_queue_model_pages_sorts_and_filters_on_both_databases(
    demo_db_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(demo_db_url)
    model = QueueTableModel(SqlRequestListReader(engine), runner, page_size=100)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.reload()
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.fetchMore()
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.sort(column_of("due_at"), Qt.SortOrder.AscendingOrder)
    dues = [model.row_at(n).due_at for n in range(model.rowCount())]
    assert [d for d in dues if d is not None] == sorted(d for d in dues if d is not None)
    priority = model.row_at(0).priority
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.reload(ListQuery(priorities=(priority,), sla_states=("breached",)))
    assert model.rowCount() > 0
    assert all(row.priority == priority for row in model.rows())
    assert all(
        model.index(n, column_of("due_at")).data(SLA_ROLE) == "breached"
        for n in range(model.rowCount())
    )
    engine.dispose()


def test_live_batch_on_sqlite_updates_removes_and_inserts_rows(
    demo_sqlite_url: str,
    runner: BackgroundRunner,
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    engine = make_engine(demo_sqlite_url)
    model = QueueTableModel(SqlRequestListReader(engine), runner, page_size=40)
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.reload()
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    first, second = model.row_at(0), model.row_at(1)
    with engine.begin() as connection:
        connection.execute(
            update(r).where(r.c.id == first.id).values(status="closed", version=r.c.version + 1)
        )
        connection.execute(
            update(r).where(r.c.id == second.id).values(priority="urgent", version=r.c.version + 1)
        )
    change = [
        RequestChange(first.id, None, None, first.version + 1, "update"),
        RequestChange(second.id, None, None, second.version + 1, "update"),
    ]
    with qtbot.waitSignal(model.rows_refreshed, timeout=WAIT_MS):
        model.apply_changes(ChangeBatch(tuple(change)))
    assert model.row_of(first.id) is None
    assert model.row_at(0).id == second.id and model.row_at(0).priority == "urgent"
    with engine.begin() as connection:
        connection.execute(
            update(r).where(r.c.id == first.id).values(status="in_queue", version=r.c.version + 1)
        )
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    held = model.rowCount()
    with qtbot.waitSignal(model.rows_refreshed, timeout=WAIT_MS):
        model.apply_changes(ChangeBatch(resync=True))
    assert model.row_at(0).id == first.id and model.rowCount() == held
    engine.dispose()


def test_queue_summary_model_updates_counts_in_place(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = QueueSummaryModel()
    queues = [
        QueueSummary(1, "Streets", "Public Works", "queue", 10, 2, 1, 0, "PWD_STREETS"),
        QueueSummary(2, "Signals", "Transportation", "team", 3, 0, 0, 3, "BTD_SIGNALS"),
    ]
    model.set_summaries(queues)
    qtmodeltester.check(model)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.update_counts([QueueSummary(2, "Signals", "Transportation", "team", 4, 1, 0, 3)])
    assert changed == [(1, 1)]
    assert model.index(1, 1).data() == "4"
    assert model.index(1, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
