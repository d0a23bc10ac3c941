"""Screenshot scenes for the Dashboard tab: the charts with the late cases of the busiest queue
listed under them, and the equity map of the districts."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from operator_console.services.dashboard.model import LATE, Drill
from operator_console.services.metrics.model import QUEUE
from operator_console.ui.dashboard.panel import DashboardPanel
from operator_console.ui.shell.main_window import MainWindow

MAP_PAINT_S = 2.0
"""How long the map page is given, once its tab is in front, to draw the filled districts."""


def dashboard_scenes(window: MainWindow) -> list[Any]:
    """The two scenes, for a window that has the dashboard (supervisors and admins)."""
    from operator_console.app.screenshot_scenes import Scene

    panel = window.panels().get("dashboard")
    if not isinstance(panel, DashboardPanel):
        return []
    listed: list[bool] = []
    panel.cases_listed.connect(lambda: listed.append(True))

    def stage_charts() -> None:
        panel.show_charts()
        figures = panel.figures
        if figures is None:
            return
        busiest = max(
            (group for group in figures.by_queue.groups if group.key is not None),
            key=lambda group: group.figures.sla.late,
            default=None,
        )
        if busiest is None:
            listed.append(True)
            return
        drill = Drill(
            panel.filters.period(), panel.filters.chosen(), QUEUE, busiest.key, outcome=LATE
        )
        panel.open_drill(
            QCoreApplication.translate("DashboardCharts", "Late in %1").replace("%1", busiest.name),
            drill,
        )

    def charts_ready() -> bool:
        return panel.loaded() and bool(listed)

    filled: list[int] = []
    shown_at: list[float] = []

    def stage_equity() -> None:
        panel.show_equity()
        shown_at.append(time.monotonic())

    def equity_ready() -> bool:
        """The districts are filled on the map, and its page has had time to paint them."""
        view = panel.equity.map_view
        if view is None:
            return panel.loaded()
        if view.ready and not filled:
            view.web_view.page().runJavaScript(
                "operatorConsole.summary().choropleth", 0, lambda n: filled.append(int(n or 0))
            )
        painted = bool(shown_at) and time.monotonic() - shown_at[0] > MAP_PAINT_S
        if filled and not filled[-1]:
            filled.clear()  # not drawn yet: ask again
            return False
        return panel.loaded() and bool(filled) and painted

    return [
        Scene("dashboard", "dashboard", stage_charts, charts_ready),
        Scene("equity-map", "dashboard", stage_equity, equity_ready),
    ]
