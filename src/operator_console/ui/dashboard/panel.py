"""The Dashboard tab: the period and filters, the charts and the equity map, the cases behind a
click, and the exports; live as cases change, at most once every few seconds."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.changes import ChangeBatch
from operator_console.services.dashboard.desk import DashboardDesk
from operator_console.services.dashboard.model import (
    DashboardFigures,
    Drill,
    DrillResult,
    FilterChoices,
)
from operator_console.services.dashboard.tables import clocks_table, sla_table, volume_table
from operator_console.services.exports.table import Table
from operator_console.services.exports.writers import write_csv, write_xlsx
from operator_console.services.metrics.model import QUEUE
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.dashboard.charts import DashboardCharts, Pick
from operator_console.ui.dashboard.drill_list import DrillList
from operator_console.ui.dashboard.equity import EquityPanel
from operator_console.ui.dashboard.export import write_pdf, write_png
from operator_console.ui.dashboard.filter_bar import DashboardFilterBar
from operator_console.ui.dashboard.table_words import shown_table
from operator_console.ui.map.view import MapView

LIVE_INTERVAL_MS = 5_000
"""At most one refresh for changed cases in this long, however many change."""
CHARTS, EQUITY = 0, 1


class DashboardPanel(QWidget):
    """Signals:
    case_opened(int): the person opened a case from the drill-down list.
    figures_shown(): new figures are on screen.
    cases_listed(): the drill-down list shows the cases of a click."""

    case_opened = Signal(int)
    figures_shown = Signal()
    cases_listed = Signal()

    def __init__(
        self,
        desk: DashboardDesk,
        runner: BackgroundRunner,
        time_zone: str,
        make_map: Callable[[QWidget], MapView] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPanel")
        self.desk = desk
        self.runner = runner
        self.live_interval_ms = LIVE_INTERVAL_MS
        self.figures: DashboardFigures | None = None
        self.refreshes = 0
        self._loading = False
        self._last_refresh = float("-inf")
        self._choices_read = False
        self.problem = ProblemLine(self)
        self.filters = DashboardFilterBar(time_zone, self)
        self.charts = DashboardCharts(self)
        self.equity = EquityPanel(make_map, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(self.charts, self.tr("Char&ts"))
        self.tabs.addTab(self.equity, self.tr("E&quity by district"))
        self.drill = DrillList(time_zone, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filters, 1)
        self.csv_button = self._button(self.tr("CSV…"), self.tr("Every table as CSV files"))
        self.xlsx_button = self._button(self.tr("XLSX…"), self.tr("Every table in a workbook"))
        self.png_button = self._button(self.tr("PNG…"), self.tr("The dashboard as a picture"))
        self.pdf_button = self._button(self.tr("PDF…"), self.tr("The dashboard on paper"))
        exports = QGridLayout()
        exports.addWidget(self.csv_button, 0, 0)
        exports.addWidget(self.xlsx_button, 0, 1)
        exports.addWidget(self.png_button, 1, 0)
        exports.addWidget(self.pdf_button, 1, 1)
        buttons.addLayout(exports)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.drill)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        self._live = QTimer(self)
        self._live.setObjectName("dashboardLiveTimer")
        self._live.setSingleShot(True)
        self._live.timeout.connect(self.refresh)
        self.filters.changed.connect(self.refresh)
        self.charts.picked.connect(self._on_chart_picked)
        self.equity.district_picked.connect(self._on_district_picked)
        self.drill.case_opened.connect(self.case_opened)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.xlsx_button.clicked.connect(self._on_xlsx_clicked)
        self.png_button.clicked.connect(self._on_png_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    @property
    def loading(self) -> bool:
        return self._loading

    def loaded(self) -> bool:
        """True once figures are on screen and none are being read."""
        return self.figures is not None and not self._loading

    def set_outlines(
        self, outlines: Mapping[str, Any], centre: tuple[float, float], zoom: int
    ) -> None:
        """The city's district outlines for the equity map, on the city's own view."""
        self.equity.set_outlines(outlines, centre, zoom)

    def refresh(self) -> None:
        """Read the filters' choices (once) and the figures of what is chosen."""
        if not self._choices_read:
            self._read_choices()
            return
        layer = self.filters.chosen_layer()
        if layer is None:
            self.problem.report("dashboard", self.tr("The city has no districts to compare."))
            return
        period, chosen = self.filters.period(), self.filters.chosen()
        self._loading = True
        self._last_refresh = time.monotonic()
        self.runner.submit_latest(
            "dashboard-figures",
            lambda: self.desk.figures(period, chosen, layer),
            self._on_figures,
            self._on_failed,
            owner=self,
        )

    def _read_choices(self) -> None:
        self._loading = True
        self.runner.submit_latest(
            "dashboard-choices", self.desk.choices, self._on_choices, self._on_failed, owner=self
        )

    def _on_choices(self, choices: FilterChoices) -> None:
        self._choices_read = True
        self.filters.show_choices(choices)
        self.refresh()

    def _on_figures(self, figures: DashboardFigures) -> None:
        self._loading = False
        self.problem.resolve("dashboard")
        self.figures = figures
        self.refreshes += 1
        self.charts.show_figures(figures)
        self.equity.show_figures(figures)
        self.figures_shown.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._loading = False
        self.problem.report_error(
            "dashboard", self.tr("The dashboard's figures cannot be read: %1"), error, self.refresh
        )

    def on_requests_changed(self, _batch: ChangeBatch) -> None:
        """Cases changed somewhere: refresh, at most once every `live_interval_ms`."""
        if self._live.isActive() or not self._choices_read:
            return
        since = (time.monotonic() - self._last_refresh) * 1000
        self._live.start(max(0, int(self.live_interval_ms - since)))

    def show_charts(self) -> None:
        self.tabs.setCurrentIndex(CHARTS)

    def show_equity(self) -> None:
        self.tabs.setCurrentIndex(EQUITY)

    def open_drill(self, words: str, drill: Drill) -> None:
        """List the cases `drill` asks for under `words`."""

        def listed(result: DrillResult) -> None:
            self.problem.resolve("dashboard-drill")
            self.drill.show_cases(words, result)
            self.cases_listed.emit()

        self.runner.submit_latest(
            "dashboard-drill",
            lambda: self.desk.drill(drill),
            listed,
            lambda error: self.problem.report_error(
                "dashboard-drill", self.tr("The cases cannot be listed: %1"), error
            ),
            owner=self,
        )

    @Slot(object)
    def _on_chart_picked(self, pick: Pick) -> None:
        by = QUEUE if pick.group is not None else None
        drill = Drill(
            self.filters.period(),
            self.filters.chosen(),
            by=by,
            group=pick.group,
            day=pick.day,
            open_on=pick.open_on,
            outcome=pick.outcome,
        )
        self.open_drill(pick.words, drill)

    @Slot(object, str)
    def _on_district_picked(self, key: str | None, name: str) -> None:
        layer = self.figures.layer if self.figures else self.filters.chosen_layer()
        drill = Drill(self.filters.period(), self.filters.chosen(), by=layer, group=key)
        self.open_drill(self.tr("Requests in %1").replace("%1", name), drill)

    def tables(self) -> list[Table]:
        """Every table the dashboard shows: volume, SLA and clocks by queue, equity, and the
        drill-down list when it lists cases."""
        if self.figures is None:
            return []
        report = self.figures.by_queue
        shown = [
            shown_table(t) for t in (volume_table(report), sla_table(report), clocks_table(report))
        ]
        shown.append(self.equity.current_table())
        if self.drill.current_table().rows:
            shown.append(self.drill.current_table())
        return shown

    def export_csv(self, folder: Path) -> list[Path]:
        """One CSV file a table in `folder`, named after the table."""
        written = []
        for table in self.tables():
            path = folder / f"{_file_name(str(table.title))}.csv"
            write_csv(table, path, self.filters.described())
            written.append(path)
        return written

    def export_xlsx(self, path: Path) -> None:
        write_xlsx(self.tables(), path, self.filters.described())

    def export_png(self, path: Path) -> None:
        write_png(self, path)

    def export_pdf(self, path: Path) -> None:
        """The charts and the equity table and map, a page each, with the period and filters."""
        pages = [
            (self.tr("Dashboard"), self.charts.grab()),
            (self.tr("Equity by district"), self.equity.grab()),
        ]
        write_pdf(pages, self.filters.described(), path)

    def _export(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (OSError, ValueError) as exc:
            self.problem.report(
                "dashboard-export", self.tr("Not exported: %1").replace("%1", str(exc))
            )
        else:
            self.problem.resolve("dashboard-export")

    @Slot()
    def _on_csv_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export the tables as CSV to"))
        if folder:
            self._export(lambda: self.export_csv(Path(folder)))

    @Slot()
    def _on_xlsx_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the tables"), "dashboard.xlsx", self.tr("Workbooks (*.xlsx)")
        )
        if path:
            self._export(lambda: self.export_xlsx(Path(path)))

    @Slot()
    def _on_png_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the dashboard"), "dashboard.png", self.tr("Pictures (*.png)")
        )
        if path:
            self._export(lambda: self.export_png(Path(path)))

    @Slot()
    def _on_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print the dashboard"), "dashboard.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self._export(lambda: self.export_pdf(Path(path)))


def _file_name(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "table"
