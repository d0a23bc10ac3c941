"""Each screen says in words when its reading fails, and its Retry recovers once the database
answers again; nothing unexpected is swallowed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operator_console.app.wiring import build_main_window, build_session
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.changes import ChangeBatch
from operator_console.services.errors import BackendUnavailableError
from operator_console.services.session import ConsoleSession
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.database import OpenedDatabase, identify, open_database
from operator_console.storage.db.tables import service_requests
from operator_console.storage.intake.draft_files import FileDraftJournal
from operator_console.storage.queues.saved_filters import JsonSavedFilters
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.duplicates.candidates_panel import CandidatesPanel
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.intake.presenter import IntakePresenter
from operator_console.ui.map.page import BaseMap
from operator_console.ui.map.view import MapView
from operator_console.ui.queues.panel import QueuesPanel
from operator_console.ui.queues.requests_panel import RequestsPanel
from operator_console.ui.queues.triage_panel import TriagePanel
from tests.support.duplicates import HARBOR, VEHICLES
from tests.ui.map_support import summary
from tests.ui.window_support import delete_maps

WAIT_MS = 15_000
DOWN = "The database does not answer (connection refused); nothing was saved. Try again."
Port = TypeVar("Port")


class Outage:
    """While `down`, the ports it wraps raise what the storage layer raises when the database
    does not answer (or `error`, when set); `only` limits it to some of their calls."""

    def __init__(self) -> None:
        self.down = False
        self.only: set[str] | None = None
        self.error: BaseException = BackendUnavailableError(DOWN)

    def port(self, real: Port) -> Port:
        return cast(Port, _OutagePort(real, self))


class _OutagePort:
    def __init__(self, real: object, outage: Outage) -> None:
        self._real = real
        self._outage = outage

    def __enter__(self) -> _OutagePort:  # a unit of work, a reader held for one case
        self._real.__enter__()  # type: ignore[attr-defined]
        return self

    def __exit__(self, *raised: object) -> Any:
        return self._real.__exit__(*raised)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> Any:
        member = getattr(self._real, name)
        if not callable(member):
            return member
        outage = self._outage

        def call(*args: Any, **kwargs: Any) -> Any:
            if outage.down and (outage.only is None or name in outage.only):
                raise outage.error
            return member(*args, **kwargs)

        return call


@pytest.fixture
def database(demo_sqlite_url: str) -> Iterator[OpenedDatabase]:
    opened = open_database(demo_sqlite_url, migrate=True)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def outage() -> Outage:
    return Outage()


@pytest.fixture
def session(database: OpenedDatabase, outage: Outage, tmp_path: Path) -> ConsoleSession:
    """A supervisor's session whose database ports all go through `outage`."""
    staff = identify(database.engine, "supervisor1")
    built = build_session(database, staff)
    engine = database.engine
    return replace(
        built,
        requests=outage.port(built.requests),
        intake=outage.port(built.intake),
        addresses=outage.port(built.addresses),
        duplicates=outage.port(built.duplicates),
        queue_directory=outage.port(built.queue_directory),
        saved_filters=JsonSavedFilters(tmp_path / "filters.json"),
        case_desk=CaseDesk(
            lambda: SqlCaseUnitOfWork(engine),
            staff,
            new_detail_reader=lambda: outage.port(SqlCaseDetailReader(engine)),
        ),
    )


def _shown(
    qtbot: QtBot, panel: QWidget, before_close: Callable[[QWidget], None] | None = None
) -> None:
    qtbot.addWidget(panel, before_close_func=before_close)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)


def _says(qtbot: QtBot, line: ProblemLine, key: str, words: str) -> None:
    """The problem `key` is on screen, in `words`, with Retry offered."""
    qtbot.waitUntil(lambda: line.has(key), timeout=WAIT_MS)
    assert line.isVisible() and line.retry_button.isVisible()
    assert words in line.text(), line.text()


def _retry(qtbot: QtBot, line: ProblemLine) -> None:
    qtbot.mouseClick(line.retry_button, Qt.MouseButton.LeftButton)


def test_the_queues_panel_says_it_could_not_read_the_queues_and_retry_reads_them(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = QueuesPanel(session, runner)
    _shown(qtbot, panel)
    outage.down = True
    panel.refresh()
    _says(qtbot, panel.problem, "queues", "Could not read your queues: " + DOWN)
    assert panel.state_label.text() == ""  # no longer "Loading…"

    outage.down = False
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    assert panel.model.rowCount() > 0 and panel.summaries.rowCount() > 0
    qtbot.waitUntil(lambda: panel.count_label.text() != "", timeout=WAIT_MS)
    assert not panel.problem.isVisible()


def test_the_queues_panel_says_when_its_table_and_counts_fail_and_retry_brings_them_back(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = QueuesPanel(session, runner)
    _shown(qtbot, panel)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    qtbot.waitUntil(lambda: panel.count_label.text() != "", timeout=WAIT_MS)

    outage.down = True
    panel.on_requests_changed(ChangeBatch(resync=True))  # the feed reconnected: re-read all
    _says(qtbot, panel.problem, "table", "Could not read the queue: " + DOWN)
    _says(qtbot, panel.problem, "counts", "Could not count the cases of each queue: " + DOWN)
    _says(qtbot, panel.problem, "matches", "Could not count the cases: " + DOWN)

    outage.down = False
    panel.count_label.clear()
    _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: not panel.problem.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.count_label.text() != "", timeout=WAIT_MS)
    assert panel.model.rowCount() > 0


def test_the_queue_map_says_when_its_points_cannot_be_read_and_retry_puts_them_on(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = QueuesPanel(session, runner, lambda parent: MapView(BaseMap(), parent=parent))
    _shown(qtbot, panel, delete_maps)
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        panel.refresh()
    qtbot.waitUntil(lambda: bool(panel.map_sync.points), timeout=WAIT_MS)

    outage.down = True
    outage.only = {"page"}  # the table's and the map's reads
    panel.model.reload(replace(panel.model.query(), priorities=("high",)))
    _says(qtbot, panel.problem, "map", "Could not put the cases on the map: " + DOWN)

    outage.down = False
    panel.map_sync.points = []
    _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: bool(panel.map_sync.points), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not panel.problem.isVisible(), timeout=WAIT_MS)


def test_the_queue_and_case_maps_say_when_the_city_cannot_be_read_and_retry_draws_it(
    session: ConsoleSession,
    outage: Outage,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    outage.down = True
    outage.only = {"map_setup"}
    window = build_main_window(session, runner, tmp_path, BaseMap())
    _shown(qtbot, window, delete_maps)
    queues: Any = window.panels()["queues"]
    case: Any = window.panels()["case"]
    words = "The maps cannot show the city's districts: " + DOWN
    window.show_panel("queues")
    _says(qtbot, queues.problem, "city-map", words)
    window.show_panel("case")
    _says(qtbot, case.problem, "city-map", words)

    outage.down = False
    _retry(qtbot, case.problem)
    qtbot.waitUntil(lambda: not queues.problem.has("city-map"), timeout=WAIT_MS)
    assert not case.problem.isVisible()
    view = case.map_view
    qtbot.waitUntil(lambda: view.ready, timeout=20_000)
    qtbot.waitUntil(lambda: summary(view, qtbot)["districts"] > 0, timeout=20_000)


def test_triage_says_when_the_covered_queues_or_a_bucket_cannot_be_read_and_retry_recovers(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = TriagePanel(session, runner)
    _shown(qtbot, panel)
    outage.down = True
    panel.refresh()
    _says(qtbot, panel.problem, "queues", "Could not read the queues you cover: " + DOWN)
    assert panel.state_label.text() == ""

    outage.down = False
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: len(panel.counts) == 4, timeout=WAIT_MS)
    assert not panel.problem.isVisible()

    outage.down = True
    panel.tabs.setCurrentIndex(2)  # unassigned
    _says(qtbot, panel.problem, "table", "Could not read the cases of this bucket: " + DOWN)
    outage.down = False
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    assert panel.model.rowCount() > 0 and not panel.problem.isVisible()


def test_the_requests_panel_says_it_could_not_read_and_retry_reads_the_rows_and_count(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = RequestsPanel(session, runner)
    _shown(qtbot, panel)
    outage.down = True
    panel.refresh()
    _says(qtbot, panel.problem, "table", "Could not read requests: " + DOWN)
    _says(qtbot, panel.problem, "count", "Could not count the open requests: " + DOWN)
    assert panel.ui.stateLabel.text() == ""

    outage.down = False
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: panel.ui.countLabel.text().endswith("open"), timeout=WAIT_MS)
    assert panel.model.rowCount() > 0 and not panel.problem.isVisible()


def test_an_unexpected_failure_is_logged_and_the_panel_says_so_without_its_raw_text(
    session: ConsoleSession,
    outage: Outage,
    runner: BackgroundRunner,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    panel = RequestsPanel(session, runner)
    _shown(qtbot, panel)
    outage.down = True
    outage.error = KeyError("_sa_row_proxy")
    with caplog.at_level(logging.ERROR):
        panel.refresh()
        _says(qtbot, panel.problem, "count", "Could not count the open requests: something")
    assert "unexpected" in panel.problem.text() and "_sa_row_proxy" not in panel.problem.text()
    logged = [record for record in caplog.records if record.exc_info]
    assert logged and all(record.exc_info[1] is outage.error for record in logged)  # type: ignore[index]

    outage.down = False
    with qtbot.waitSignal(panel.model.page_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: not panel.problem.isVisible(), timeout=WAIT_MS)


def test_the_duplicate_candidates_say_the_search_failed_and_retry_searches_again(
    session: ConsoleSession, outage: Outage, runner: BackgroundRunner, qtbot: QtBot
) -> None:
    panel = CandidatesPanel(runner, session.duplicates)
    _shown(qtbot, panel)
    outage.down = True
    with qtbot.waitSignal(panel.search_failed, timeout=WAIT_MS):
        panel.search(VEHICLES, *HARBOR, "A van", "1 Harbor Pier")
    _says(qtbot, panel.problem, "search", "Could not look for requests nearby: " + DOWN)

    outage.down = False
    with qtbot.waitSignal(panel.panel_painted, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    assert panel.state_label.text() == "No request like this nearby."
    assert not panel.problem.isVisible()


def test_the_case_screen_says_it_could_not_read_the_case_and_retry_shows_it(
    session: ConsoleSession,
    outage: Outage,
    database: OpenedDatabase,
    runner: BackgroundRunner,
    qtbot: QtBot,
) -> None:
    with database.engine.connect() as connection:
        first = connection.execute(select(func.min(service_requests.c.id))).scalar_one()
    panel = CaseDetailPanel(session, runner)
    _shown(qtbot, panel)
    outage.down = True
    panel.show_case(first)
    _says(qtbot, panel.problem, "detail", f"Could not read case #{first}: " + DOWN)
    assert panel.state_label.text() == ""

    outage.down = False
    with qtbot.waitSignal(panel.case_loaded, timeout=WAIT_MS) as loaded:
        _retry(qtbot, panel.problem)
    assert loaded.args == [first] and not panel.problem.isVisible()


def test_intake_says_which_lookup_failed_and_retry_loads_the_form(
    session: ConsoleSession,
    outage: Outage,
    runner: BackgroundRunner,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    presenter = IntakePresenter(session, runner, FileDraftJournal(tmp_path))
    panel = IntakePanel(presenter)
    _shown(qtbot, panel)
    outage.down = True
    panel.load()
    _says(qtbot, panel.problem, "catalog", "Could not read the categories: " + DOWN)
    _says(qtbot, panel.problem, "map", "Could not read the city's settings")

    outage.down = False
    with qtbot.waitSignal(presenter.catalog_loaded, timeout=WAIT_MS):
        _retry(qtbot, panel.problem)
    qtbot.waitUntil(lambda: panel.time_zone == session.time_zone, timeout=WAIT_MS)
    assert not panel.problem.isVisible()

    outage.down = True
    presenter.suggest_addresses("Washington")
    _says(qtbot, panel.problem, "address", "Could not look up addresses: " + DOWN)
    outage.down = False
    with qtbot.waitSignal(presenter.address_suggestions_found, timeout=WAIT_MS) as found:
        _retry(qtbot, panel.problem)
    assert found.args[0] == "Washington" and found.args[1]
    assert not panel.problem.isVisible()
