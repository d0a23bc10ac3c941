"""Two consoles' administration screens on one PostgreSQL database, each with its own engine,
runner and configuration bus: an administrator at the first adds a routing rule through the
dialog, clicks the map to test a point and reads the new queue and sentence, and declares a
closure day; the second console's routing table and closure list show both without a
restart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.sla import BusinessCalendar
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.sla.desk import SlaDesk
from operator_console.storage.addresses.search import SqlAddressSearch
from operator_console.storage.admin.routing.store import (
    SqlRoutingAdminUnitOfWork,
    SqlRoutingTestReads,
)
from operator_console.storage.admin.sla.store import SqlSlaUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import addresses, districts
from operator_console.storage.feeds.config import PgConfigFeed
from operator_console.storage.intake.gateway import SqlIntakeGateway
from operator_console.ui.admin.routing.page import RoutingPage
from operator_console.ui.admin.routing.rule_dialog import RuleDialog
from operator_console.ui.admin.sla.dialogs import ClosureDialog
from operator_console.ui.admin.sla.page import SlaPage
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.map.page import BaseMap
from tests.support.staff_logins import login_of, make_staff_login
from tests.ui.map_support import click, pixel_of, run_js
from tests.ui.window_support import delete_maps

WAIT_MS = 20_000
BOSTON = BusinessCalendar("America/New_York", country="US", subdivision="MA")
SETTLED = "operatorConsole.districts.getLayers().length > 0 && !operatorConsole.map._animatingZoom"


@dataclass
class Console:
    """One console's administration screens: its own engine, runner and configuration bus."""

    engine: Engine
    runner: BackgroundRunner
    bus: ConfigBus
    routing: RoutingPage
    sla: SlaPage


def open_console(url: str, qtbot: QtBot, with_map: bool) -> Console:
    engine = make_engine(url)
    runner = BackgroundRunner()
    bus = ConfigBus()
    with qtbot.waitSignal(bus.listening, timeout=WAIT_MS):
        bus.attach(PgConfigFeed(url))
    admin = StaffIdentity(login_of(url), "Ada Admin", "admin")
    desk = RoutingDesk(
        lambda: SqlRoutingAdminUnitOfWork(engine), lambda: SqlRoutingTestReads(engine), admin
    )
    places = SqlAddressSearch(engine)
    gateway = SqlIntakeGateway(engine, lambda lat, lon: None)
    routing = RoutingPage(
        desk,
        runner,
        bus,
        places=places,
        map_setup=gateway.map_setup if with_map else None,
        base_map=BaseMap() if with_map else None,
    )
    qtbot.addWidget(routing, before_close_func=delete_maps)
    routing.resize(1280, 680)
    routing.show()
    qtbot.waitExposed(routing)
    routing.refresh()
    sla = SlaPage(SlaDesk(lambda: SqlSlaUnitOfWork(engine), admin), runner, bus)
    qtbot.addWidget(sla)
    sla.resize(1280, 680)
    sla.show()
    sla.refresh()
    qtbot.waitUntil(lambda: routing.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: sla.selected_calendar() is not None, timeout=WAIT_MS)
    return Console(engine, runner, bus, routing, sla)


def close_console(console: Console) -> None:
    console.bus.shutdown()
    console.runner.shutdown()
    if shiboken6.isValid(console.routing):
        delete_maps(console.routing)
    console.engine.dispose()


@pytest.fixture
def consoles(demo_pg_url: str, qtbot: QtBot) -> Iterator[tuple[Console, Console]]:
    """The first console with the tester's map, the second without: two admins' logins."""
    first = open_console(make_staff_login(demo_pg_url, "admin"), qtbot, with_map=True)
    second = open_console(make_staff_login(demo_pg_url, "admin"), qtbot, with_map=False)
    yield first, second
    close_console(first)
    close_console(second)


def point_in_ward(engine: Engine, ward: str) -> tuple[float, float]:
    with engine.connect() as connection:
        row = connection.execute(
            select(addresses.c.lat, addresses.c.lon)
            .join(districts, districts.c.id == addresses.c.district_id)
            .where(districts.c.code == ward)
            .order_by(addresses.c.id)
            .limit(1)
        ).one()
    return float(row.lat), float(row.lon)


def next_working_day() -> date:
    day = datetime.now(ZoneInfo("America/New_York")).date() + timedelta(days=1)
    while not BOSTON.is_working_day(day):
        day += timedelta(days=1)
    return day


def declare_closure_through_the_dialog(console: Console, qtbot: QtBot) -> str:
    """The next working day closed for snow, after the dialog's count of cases due later."""
    page = console.sla
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.declare_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ClosureDialog)
    day = next_working_day().isoformat()
    qtbot.keyClicks(dialog.day, day)
    qtbot.keyClicks(dialog.name, "Snow emergency")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.preview.isVisible(), timeout=WAIT_MS)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    assert page.notice.text().startswith(f"Declared {day} closed: ")
    return day


def add_rule_through_the_dialog(console: Console, qtbot: QtBot) -> int:
    """Ward 3's abandoned bicycles go to Bridge Maintenance, urgent, at rank 1."""
    page = console.routing
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, RuleDialog)
    dialog.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    dialog.layer.setCurrentIndex(dialog.layer.findData("ward"))
    dialog.district.setCurrentText("Ward 3 (3)")
    dialog.queue.setCurrentText("Bridge Maintenance (PWDx_Bridge Maintenance)")
    dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
    dialog.rank.setText("1")
    qtbot.keyClicks(dialog.note, "Winter: the bridge crew collects Ward 3 bikes")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT_MS)
    added = page.selected()
    assert added is not None and added.target.queue_code == "PWDx_Bridge Maintenance"
    return added.id


def test_an_admin_s_changes_reach_another_console_live(
    consoles: tuple[Console, Console], qtbot: QtBot
) -> None:
    first, second = consoles
    before = second.routing.model.rowCount()
    rule_id = add_rule_through_the_dialog(first, qtbot)

    tester = first.routing.tester
    tester.service.setCurrentText("Abandoned Bicycle (abandoned-bicycle)")
    qtbot.waitUntil(lambda: tester.map_view is not None and tester.map_view.ready, timeout=WAIT_MS)
    view = tester.map_view
    assert view is not None
    lat, lon = point_in_ward(first.engine, "3")
    view.set_center(lat, lon, 16)
    qtbot.waitUntil(lambda: run_js(view, qtbot, SETTLED) is True, timeout=WAIT_MS)
    with qtbot.waitSignal(tester.answered, timeout=WAIT_MS):
        click(view, pixel_of(view, qtbot, lat, lon))
    answer = tester.answer
    assert answer is not None and answer.queue_code == "PWDx_Bridge Maintenance"
    assert tester.queue.text() == "Queue: Bridge Maintenance · priority: Urgent"
    assert tester.sentence.text() == (
        "Routed to Bridge Maintenance because Abandoned Bicycle in Ward 3 goes there "
        f"(rule {rule_id}, priority urgent)."
    )

    day = declare_closure_through_the_dialog(first, qtbot)

    qtbot.waitUntil(lambda: second.routing.model.row_of(rule_id) is not None, timeout=WAIT_MS)
    assert second.routing.model.rowCount() == before + 1
    qtbot.waitUntil(lambda: second.sla.closures.rowCount() == 1, timeout=WAIT_MS)
    closure = second.sla.closures.row_at(0)
    assert closure is not None and (closure.day, closure.name) == (day, "Snow emergency")
