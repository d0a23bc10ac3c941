"""Equity: a district layer's ranked table against the city, and its districts coloured by the
gap on the map, with the legend in words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.dashboard.model import DashboardFigures
from operator_console.services.dashboard.tables import (
    EQUITY_METRICS,
    equity_metric,
    equity_rows,
    equity_table,
)
from operator_console.services.exports.table import Table
from operator_console.ui.common.words import shown
from operator_console.ui.dashboard.choropleth import CLASSES, NO_FIGURE, class_words, coloured
from operator_console.ui.dashboard.table_model import TableModel
from operator_console.ui.map.view import MapView


class EquityPanel(QWidget):
    """Signals:
    district_picked(object, str): the district's code (None: the cases in none) and its name,
        from a click on the map or Enter on a table row."""

    district_picked = Signal(object, str)

    def __init__(
        self, make_map: Callable[[QWidget], MapView] | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("equityPanel")
        self.compared = QComboBox(self)
        self.compared.setObjectName("equityMetric")
        for each in EQUITY_METRICS:
            self.compared.addItem(shown(each.label), each.key)
        label = QLabel(self.tr("C&ompare"), self)
        label.setBuddy(self.compared)
        self.model = TableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("equityTable")
        self.table.setAccessibleName(self.tr("Districts against the city"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.legend = QLabel(self._legend_text(), self)
        self.legend.setObjectName("equityLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.map_view = make_map(self) if make_map is not None else None
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.compared)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        if self.map_view is not None:
            side = QWidget(splitter)
            side_layout = QVBoxLayout(side)
            side_layout.setContentsMargins(0, 0, 0, 0)
            side_layout.addWidget(self.map_view, 1)
            side_layout.addWidget(self.legend)
            splitter.addWidget(side)
            splitter.setSizes([560, 640])
            self.map_view.district_clicked.connect(self._on_map_district_clicked)
        else:
            top.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._figures: DashboardFigures | None = None
        self._outlines: Mapping[str, Any] | None = None
        self.compared.currentIndexChanged.connect(self._on_metric_changed)
        self.table.activated.connect(self._on_table_activated)

    def _legend_text(self) -> str:
        classes = [(class_words(n), colour) for n, (_words, colour) in enumerate(CLASSES)]
        swatches = [  # each class on one line: its words never break from its colour
            f'<span style="background:{colour}; border:1px solid #333">&nbsp;&nbsp;&nbsp;</span>'
            + f"&nbsp;{escape(words).replace(' ', '&nbsp;')}"
            for words, colour in [*reversed(classes), (class_words(None), NO_FIGURE)]
        ]
        intro = self.tr(
            "Colour by the gap to the city; a gap within chance is 'about the same'. "
            "Hover over a district for its figure; click it for its cases."
        )
        return intro + "<br>" + " &nbsp; ".join(swatches)

    def set_outlines(
        self, outlines: Mapping[str, Any], centre: tuple[float, float], zoom: int
    ) -> None:
        """Every district outline of the city (all layers) and the city's view, from the city's
        map setup."""
        self._outlines = outlines
        if self.map_view is not None:
            self.map_view.set_center(*centre, zoom)
        self._draw_map()

    def show_figures(self, figures: DashboardFigures) -> None:
        self._figures = figures
        self._show()

    def current_table(self) -> Table:
        return self.model.table

    def _show(self) -> None:
        if self._figures is None:
            return
        metric = equity_metric(str(self.compared.currentData()))
        report = self._figures.by_district
        rows = equity_rows(report, metric)
        self.model.show_table(equity_table(report, metric, self._figures.layer), rows)
        self.table.resizeColumnsToContents()
        self._draw_map()

    def _draw_map(self) -> None:
        if self.map_view is None or self._outlines is None or self._figures is None:
            return
        metric = equity_metric(str(self.compared.currentData()))
        rows = equity_rows(self._figures.by_district, metric)
        self.map_view.set_choropleth(
            coloured(self._outlines, self._figures.layer, rows, metric), fit=False
        )

    @Slot(int)
    def _on_metric_changed(self, _index: int) -> None:
        self._show()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.model.keys[index.row()]
        self.district_picked.emit(row.key, row.name)

    @Slot(str)
    def _on_map_district_clicked(self, code: str) -> None:
        for row in self.model.keys:
            if row.key == code:
                self.district_picked.emit(row.key, row.name)
                return
        self.district_picked.emit(code, code)
