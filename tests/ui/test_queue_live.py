"""Two consoles on one PostgreSQL: a change on one is painted on the other, in place."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select, update

from operator_console.services.changes import ChangeBatch
from operator_console.services.queues.request_list import ListQuery
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.storage.queues.request_list import SqlRequestListReader
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.queues.table_model import QueueTableModel, column_of

WAIT_MS = 10_000
r = service_requests


@dataclass
class Console:
    """One console's stack: engine, runner, change bus + feed, live model, table view."""

    engine: Engine
    runner: BackgroundRunner
    bus: ChangeBus
    model: QueueTableModel
    view: QTableView

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return sorted(self.model.row_at(index.row()).id for index in rows)


def busiest_queue(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(r.c.queue_id)
                .where(r.c.status.in_(("in_queue", "assigned", "in_progress")))
                .group_by(r.c.queue_id)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar_one()
        )


@pytest.fixture
def consoles(qtbot: QtBot, qtmodeltester) -> Iterator[Callable[[str, ListQuery], Console]]:  # type: ignore[no-untyped-def]
    opened: list[Console] = []

    def open_console(url: str, query: ListQuery) -> Console:
        engine = make_engine(url)
        runner = BackgroundRunner()
        bus = ChangeBus()
        model = QueueTableModel(SqlRequestListReader(engine), runner, query, page_size=50)
        view = QTableView()
        view.setModel(model)
        view.resize(1000, 600)
        bus.requests_changed.connect(model.apply_changes)
        console = Console(engine, runner, bus, model, view)
        opened.append(console)
        with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
            model.reload()
        with qtbot.waitSignal(bus.requests_changed, timeout=WAIT_MS):
            bus.attach(PgChangeFeed(url))
        qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
        qtmodeltester.check(model)
        return console

    yield open_console
    for console in opened:
        console.bus.shutdown()
        console.runner.shutdown()
        console.view.deleteLater()
        console.engine.dispose()


def test_a_change_on_one_console_is_painted_in_place_on_the_other(
    demo_pg_url: str, consoles: Callable[[str, ListQuery], Console], qtbot: QtBot
) -> None:
    queue_id = busiest_queue(make_engine(demo_pg_url))
    query = ListQuery(queue_ids=(queue_id,))
    a, b = consoles(demo_pg_url, query), consoles(demo_pg_url, query)
    assert b.model.rowCount() == 50
    b.view.scrollTo(b.model.index(30, 0))
    scroll = b.view.verticalScrollBar().value()
    target = b.model.row_at(7)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    b.view.selectionModel().select(b.model.index(7, 0), flags)
    new_priority = "low" if target.priority == "urgent" else "urgent"
    changed: list[tuple[object, object]] = []
    b.model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    resets: list[bool] = []
    b.model.modelReset.connect(lambda: resets.append(True))

    with a.engine.begin() as connection:  # console A's write
        connection.execute(
            update(r)
            .where(r.c.id == target.id)
            .values(priority=new_priority, version=r.c.version + 1)
        )
    qtbot.waitUntil(lambda: b.model.row_at(7).priority == new_priority, timeout=WAIT_MS)
    assert b.model.row_at(7).id == target.id
    assert b.model.row_at(7).version == target.version + 1
    assert b.selected_ids() == [target.id]
    assert b.view.verticalScrollBar().value() == scroll
    assert (7, 7) in changed and not resets
    shown = b.model.index(7, column_of("priority")).data()
    assert shown == new_priority.capitalize()
    qtbot.waitUntil(lambda: a.model.row_at(7).priority == new_priority, timeout=WAIT_MS)


def test_moving_a_request_out_removes_it_and_back_inserts_it(
    demo_pg_url: str, consoles: Callable[[str, ListQuery], Console], qtbot: QtBot
) -> None:
    engine = make_engine(demo_pg_url)
    queue_id = busiest_queue(engine)
    b = consoles(demo_pg_url, ListQuery(queue_ids=(queue_id,)))
    victim, keeper = b.model.row_at(3), b.model.row_at(10)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    flags |= QItemSelectionModel.SelectionFlag.Rows
    b.view.selectionModel().select(b.model.index(10, 0), flags)
    with engine.begin() as connection:
        other = connection.execute(
            select(r.c.queue_id).where(r.c.queue_id != queue_id).limit(1)
        ).scalar_one()
        connection.execute(
            update(r).where(r.c.id == victim.id).values(queue_id=other, version=r.c.version + 1)
        )
    qtbot.waitUntil(lambda: b.model.row_of(victim.id) is None, timeout=WAIT_MS)
    assert b.model.row_at(9).id == keeper.id and b.selected_ids() == [keeper.id]
    with engine.begin() as connection:
        connection.execute(
            update(r).where(r.c.id == victim.id).values(queue_id=queue_id, version=r.c.version + 1)
        )
    qtbot.waitUntil(lambda: b.model.row_of(victim.id) == 3, timeout=WAIT_MS)
    assert b.selected_ids() == [keeper.id]
    with qtbot.waitSignal(b.model.rows_refreshed, timeout=WAIT_MS):
        b.bus.publish(ChangeBatch((), resync=True))
    assert b.model.row_of(victim.id) == 3 and b.selected_ids() == [keeper.id]
    engine.dispose()
