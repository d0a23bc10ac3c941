"""What a console read at start follows an administrator's changes made at another console:
the intake form's catalog and the city's name in the title, without restarting."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.admin.city.desk import CityDesk
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.admin.queues.ports import QueueDraft
from operator_console.storage.admin.city.store import SqlCityAdminUnitOfWork
from operator_console.storage.admin.queues.store import SqlQueueAdminUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events, services
from operator_console.ui.admin.city.page import draft_of
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.queues.panel import QueuesPanel
from tests.ui.admin_support import WAIT_MS, open_live_window, seed_small_city
from tests.ui.map_support import run_js_json, summary


def test_a_service_added_elsewhere_is_offered_at_intake_without_a_restart(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "tester", runner, qtbot, tmp_path)
    intake = window.panels()["intake"]
    assert isinstance(intake, IntakePanel)
    qtbot.waitUntil(lambda: intake.categories.service("pothole") is not None, timeout=WAIT_MS)
    assert intake.categories.service("graffiti") is None
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:  # what a catalog import does: the rows and their line
        connection.execute(insert(services).values(code="graffiti", name="Graffiti removal"))
        connection.execute(
            insert(config_events).values(
                at=datetime.now(UTC), actor="admin1", kind="catalog_imported", subject="graffiti"
            )
        )
    engine.dispose()
    qtbot.waitUntil(lambda: intake.categories.service("graffiti") is not None, timeout=WAIT_MS)


def test_the_title_names_the_city_as_an_administrator_renames_it(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "tester", runner, qtbot, tmp_path)
    assert window.windowTitle() == "Operator Console — Springfield"
    engine = make_engine(sqlite_url)
    desk = CityDesk(lambda: SqlCityAdminUnitOfWork(engine), StaffIdentity("admin1", "A", "admin"))
    before = desk.settings()
    desk.save(before, replace(draft_of(before), name="Springfield 311"))
    engine.dispose()
    qtbot.waitUntil(
        lambda: window.windowTitle() == "Operator Console — Springfield 311", timeout=WAIT_MS
    )


def test_intake_s_map_opens_on_the_city_s_new_centre(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    url = seed_small_city(sqlite_url)
    window = open_live_window(url, "tester", runner, qtbot, tmp_path, with_maps=True)
    intake = window.panels()["intake"]
    assert isinstance(intake, IntakePanel)
    qtbot.waitUntil(lambda: intake.map_view is not None and intake.map_view.ready, timeout=WAIT_MS)
    view = intake.map_view
    assert view is not None
    engine = make_engine(sqlite_url)
    desk = CityDesk(lambda: SqlCityAdminUnitOfWork(engine), StaffIdentity("admin1", "A", "admin"))
    before = desk.settings()
    desk.save(before, replace(draft_of(before), map_lat="39.8", map_lon="-89.6", map_zoom="14"))
    engine.dispose()

    def centre() -> tuple[float, float, int]:
        found = run_js_json(view, qtbot, "operatorConsole.map.getCenter()")
        return (round(found["lat"], 4), round(found["lng"], 4), summary(view, qtbot)["zoom"])

    qtbot.waitUntil(lambda: centre() == (39.8, -89.6, 14), timeout=WAIT_MS)
    assert intake.map_view is view  # the same map, moved


def test_a_queue_added_elsewhere_is_listed_on_a_supervisor_s_queues_tab(
    sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_live_window(seed_small_city(sqlite_url), "supervisor1", runner, qtbot, tmp_path)
    queues = window.panels()["queues"]
    assert isinstance(queues, QueuesPanel)

    def listed() -> list[str]:
        return [summary.name for summary in queues.summaries.summaries()]

    qtbot.waitUntil(lambda: "Streets" in listed(), timeout=WAIT_MS)
    engine = make_engine(sqlite_url)
    admin = StaffIdentity("admin1", "A", "admin")
    QueueDesk(lambda: SqlQueueAdminUnitOfWork(engine), admin).add(
        QueueDraft("BTD_SIGNALS", "Signals", "BTD")
    )
    engine.dispose()
    qtbot.waitUntil(lambda: "Signals" in listed(), timeout=WAIT_MS)
