"""The Dashboard tab on the demo city in PostgreSQL: a supervisor's (an operator has none),
every chart drawn with data and read back under the mouse, a click on a bar and on a ward
listing their cases, Enter opening one, and the figures following a case resolved at another
console, at most once a throttle interval."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from operator_console.app.settings import Settings
from operator_console.app.startup import open_for_console
from operator_console.app.wiring import build_main_window, build_session
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.changes import ChangeBatch
from operator_console.services.dashboard.desk import DashboardDesk, DashboardNotPermittedError
from operator_console.services.metrics.model import Period
from operator_console.storage.dashboard.reads import SqlDashboardReads
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city, districts, service_requests
from operator_console.storage.feeds.postgres import PgChangeFeed
from operator_console.ui.cases.detail_panel import CaseDetailPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.change_bus import ChangeBus
from operator_console.ui.common.formatting import calendar_day, whole_number
from operator_console.ui.dashboard.chart_card import ChartCard
from operator_console.ui.dashboard.panel import DashboardPanel
from operator_console.ui.map.page import BaseMap
from operator_console.ui.shell.main_window import MainWindow
from tests.ui.window_support import delete_maps

WAIT_MS = 30_000
r = service_requests


def _window(
    url: str, login: str, qtbot: QtBot, runner: BackgroundRunner, drafts: Path, maps: bool
) -> MainWindow:
    opened = open_for_console(Settings(url, False, login, None, "test"))
    assert opened.staff is not None
    session = build_session(opened.database, opened.staff)
    window = build_main_window(session, runner, drafts / login, BaseMap() if maps else None)
    qtbot.addWidget(window, before_close_func=delete_maps)
    window.resize(1440, 900)
    return window


def _dashboard(window: MainWindow, qtbot: QtBot) -> DashboardPanel:
    panel = window.panels()["dashboard"]
    assert isinstance(panel, DashboardPanel)
    window.show_panel("dashboard")
    window.show()
    qtbot.waitUntil(panel.loaded, timeout=WAIT_MS)
    return panel


def _click(qtbot: QtBot, card: ChartCard, index: int, value: float | None = None) -> None:
    pos = card.plot.mapFromScene(card.scene_pos_of(index, value))
    QTest.mouseMove(card.plot.viewport(), pos)
    QTest.mouseClick(card.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_only_supervisors_and_admins_have_the_dashboard(
    demo_pg_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    operator = _window(demo_pg_url, "operator1", qtbot, runner, tmp_path, maps=False)
    assert "dashboard" not in operator.panels()
    engine = make_engine(demo_pg_url)
    with pytest.raises(DashboardNotPermittedError, match="only supervisors and admins"):
        DashboardDesk(
            SqlDashboardReads(engine),
            StaffIdentity("operator1", "Maria Alvarez", "operator"),
            lambda: datetime.now(UTC),
        )
    engine.dispose()
    supervisor = _window(demo_pg_url, "supervisor1", qtbot, runner, tmp_path, maps=False)
    panel = _dashboard(supervisor, qtbot)
    charts = panel.charts
    assert charts.drawn
    assert sum(charts.volume_bars.opts["height"]) == panel.figures.by_queue.city.cases  # type: ignore[union-attr]
    xs, backlog = charts.backlog_line.getData()
    assert len(xs) == 30 and max(backlog) > 0
    assert sum(charts.on_time_bars.opts["width"]) > 0
    assert sum(charts.late_bars.opts["width"]) > 0
    assert sum(charts.median_bars.opts["width"]) > 0
    # The demo's history has no assignment times: those bars are drawn at zero, and say so.
    assert len(charts.assign_median_bars.opts["width"]) == len(charts.clocks.texts) == 8
    assert "assign to resolve median – h" in charts.clocks.texts[-1]
    assert "requests" in charts.headline.text()
    assert panel.equity.model.rowCount() > 20  # the wards, ranked

    last = len(charts.volume.texts) - 1
    QTest.mouseMove(
        charts.volume.plot.viewport(),
        charts.volume.plot.mapFromScene(charts.volume.scene_pos_of(last)),
    )
    assert charts.volume.hover.text() == charts.volume.texts[last]
    assert "requests created" in charts.volume.hover.text()

    day = list(panel.figures.by_queue.volume.by_day)[last]  # type: ignore[union-attr]
    created = panel.figures.by_queue.volume.by_day[day]  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.cases_listed, timeout=WAIT_MS):
        _click(qtbot, charts.volume, last)
    assert panel.drill.heading.text() == (
        f"Requests created on {calendar_day(day)}: {whole_number(created)} cases"
    )
    assert panel.drill.model.rowCount() == min(created, 500)

    top = len(charts.sla.texts) - 1  # the busiest queue
    queue = charts._queues[top]
    with qtbot.waitSignal(panel.cases_listed, timeout=WAIT_MS):
        sla = queue.figures.sla
        _click(qtbot, charts.sla, top, value=sla.on_time + sla.late / 2)  # mid "late"
    late = queue.figures.sla.late
    assert panel.drill.heading.text() == f"Late in {queue.name}: {whole_number(late)} cases"


def _created_in_ward(url: str, ward: str, period: Period) -> int:
    """The requests created in the period in a district of the city's routing layer, counted
    from the rows (the demo's last days move with the clock)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        in_ward = connection.execute(
            select(func.count())
            .select_from(r.join(districts, districts.c.id == r.c.district_id))
            .where(
                districts.c.layer == select(city.c.routing_layer).scalar_subquery(),
                districts.c.code == ward,
                r.c.created_at >= period.start,
                r.c.created_at < period.end,
            )
        ).scalar_one()
    engine.dispose()
    return int(in_ward)


def test_a_click_on_a_ward_lists_its_cases_and_enter_opens_one(
    demo_pg_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    window = _window(demo_pg_url, "supervisor1", qtbot, runner, tmp_path, maps=True)
    panel = _dashboard(window, qtbot)
    panel.show_equity()
    view = panel.equity.map_view
    assert view is not None
    qtbot.waitUntil(lambda: view.ready, timeout=WAIT_MS)
    ward = next(g for g in panel.figures.by_district.groups if g.key == "3")  # type: ignore[union-attr]
    drawn: list[object] = []
    qtbot.waitUntil(
        lambda: (
            view.web_view.page().runJavaScript(
                "operatorConsole.summary().choropleth", 0, drawn.append
            )
            or bool(drawn and drawn[-1])
        ),
        timeout=WAIT_MS,
    )
    with qtbot.waitSignal(panel.cases_listed, timeout=WAIT_MS):
        view.click_district("3")
    in_ward = _created_in_ward(demo_pg_url, "3", panel.filters.period())
    assert ward.figures.cases == in_ward > 500
    assert (
        panel.drill.heading.text()
        == f"Requests in {ward.name}: {whole_number(in_ward)} cases, the newest 500 listed"
    )
    assert panel.drill.model.rowCount() == 500

    first = panel.drill.model.keys[0]
    case = window.panels()["case"]
    assert isinstance(case, CaseDetailPanel)
    panel.drill.view.setFocus()
    panel.drill.view.setCurrentIndex(panel.drill.model.index(0, 0))
    QTest.keyClick(panel.drill.view, Qt.Key.Key_Return)
    assert case.request_id == first
    assert window.ui.screens.currentWidget() is case

    row = next(i for i, key in enumerate(panel.equity.model.keys) if key.key == "3")
    with qtbot.waitSignal(panel.cases_listed, timeout=WAIT_MS):
        panel.equity.table.activated.emit(panel.equity.model.index(row, 0))
    assert panel.drill.heading.text().startswith(f"Requests in {ward.name}:")


def test_the_figures_follow_a_case_resolved_at_another_console_throttled(
    demo_pg_url: str, qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    window = _window(demo_pg_url, "supervisor1", qtbot, runner, tmp_path, maps=False)
    panel = _dashboard(window, qtbot)
    bus = window.change_bus  # type: ignore[attr-defined]
    assert isinstance(bus, ChangeBus)
    with qtbot.waitSignal(bus.requests_changed, timeout=WAIT_MS):
        bus.attach(PgChangeFeed(demo_pg_url))
    qtbot.waitUntil(panel.loaded, timeout=WAIT_MS)
    figures = panel.figures
    assert figures is not None
    resolved = figures.by_queue.city.resolved
    panel.live_interval_ms = 0
    other = make_engine(demo_pg_url)
    period = panel.filters.period()
    with other.begin() as connection:
        request_id = connection.execute(
            select(func.min(r.c.id)).where(
                r.c.resolved_at.is_(None), r.c.created_at >= period.start
            )
        ).scalar_one()
        connection.execute(
            update(r)
            .where(r.c.id == request_id)
            .values(
                status="resolved",
                resolved_at=datetime.now(UTC),
                closure_reason="fixed",
                version=r.c.version + 1,
                updated_at=datetime.now(UTC),
            )
        )
    other.dispose()
    qtbot.waitUntil(
        lambda: panel.figures is not None and panel.figures.by_queue.city.resolved == resolved + 1,
        timeout=WAIT_MS,
    )

    qtbot.waitUntil(panel.loaded, timeout=WAIT_MS)
    panel.live_interval_ms = 60_000
    before = panel.refreshes
    for _ in range(20):  # a busy hour: many changes within the interval make one refresh
        panel.on_requests_changed(ChangeBatch())
    timer = panel.findChild(type(panel._live), "dashboardLiveTimer")
    assert timer is not None and timer.isActive() and timer.remainingTime() > 50_000
    assert panel.refreshes == before and not panel.loading
