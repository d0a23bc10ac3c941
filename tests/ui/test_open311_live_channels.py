"""Requests from other channels in the console: the queues, triage and the Requests list say
where each came from in words, and the Requests list shows one channel when asked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, update

from operator_console.app.wiring import build_session
from operator_console.services.session import ConsoleSession
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.tables import service_requests
from operator_console.storage.queues.saved_filters import JsonSavedFilters
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.queues.request_table_model import column_of
from operator_console.ui.queues.requests_panel import RequestsPanel
from operator_console.ui.queues.table_model import column_of as queue_column_of
from operator_console.ui.queues.triage_panel import TriagePanel

WAIT_MS = 15_000
r = service_requests


@pytest.fixture
def session(demo_sqlite_url: str, tmp_path: Path) -> Iterator[ConsoleSession]:
    database = open_database(demo_sqlite_url, migrate=True)
    built = build_session(database, identify(database.engine, "supervisor1"))
    yield replace(built, saved_filters=JsonSavedFilters(tmp_path / "filters.json"))
    database.engine.dispose()


def _engine(session: ConsoleSession) -> Engine:
    return session.requests._engine  # type: ignore[attr-defined, no-any-return]


def _file_some_by(session: ConsoleSession, channels: dict[str, int]) -> dict[str, set[int]]:
    """Record the open requests' channels as if they had come in by `channels` (how many
    each): the newest first."""
    engine = _engine(session)
    chosen: dict[str, set[int]] = {}
    with engine.begin() as connection:
        newest = connection.execute(
            select(r.c.id).where(r.c.resolved_at.is_(None)).order_by(r.c.id.desc())
        ).scalars()
        ids = iter(list(newest))
        for channel, count in channels.items():
            chosen[channel] = {next(ids) for _ in range(count)}
            connection.execute(update(r).where(r.c.id.in_(chosen[channel])).values(channel=channel))
    return chosen


def _open_ids(session: ConsoleSession, channel: str) -> set[int]:
    statement = select(r.c.id).where(r.c.resolved_at.is_(None), r.c.channel == channel)
    with _engine(session).connect() as connection:
        return set(connection.execute(statement).scalars())


def _loaded(panel: RequestsPanel | TriagePanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()


def test_the_requests_list_says_each_channel_in_words_and_filters_by_it(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    filed = _file_some_by(session, {"open311": 2, "app": 3, "web": 1})
    panel = RequestsPanel(session, runner)
    qtbot.addWidget(panel)
    _loaded(panel, qtbot)
    model = panel.model
    column = column_of("channel")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Channel"
    words = {model.index(row, column).data() for row in range(model.rowCount())}
    assert {"Phone", "Open311", "App", "Web"} <= words

    choices = [panel.channel.itemText(i) for i in range(panel.channel.count())]
    assert choices == ["All channels", "Phone", "Web", "App", "Open311"]
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        panel.channel.setCurrentIndex(choices.index("Open311"))
    shown = {model.row_at(row).id for row in range(model.rowCount())}
    assert shown == _open_ids(session, "open311")
    assert filed["open311"] <= shown
    assert {model.index(row, column).data() for row in range(model.rowCount())} == {"Open311"}
    expected = f"{len(shown)} open"
    qtbot.waitUntil(lambda: panel.ui.countLabel.text() == expected, timeout=WAIT_MS)

    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        panel.channel.setCurrentIndex(0)
    assert model.rowCount() > len(filed["open311"])


def test_triage_shows_where_each_case_came_from(
    session: ConsoleSession, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    engine = _engine(session)
    with engine.begin() as connection:  # every open case came in through a city app
        connection.execute(update(r).where(r.c.resolved_at.is_(None)).values(channel="open311"))
    panel = TriagePanel(session, runner)
    qtbot.addWidget(panel)
    _loaded(panel, qtbot)
    model = panel.model
    assert model.rowCount() > 0
    column = queue_column_of("channel")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Channel"
    assert {model.index(row, column).data() for row in range(model.rowCount())} == {"Open311"}
