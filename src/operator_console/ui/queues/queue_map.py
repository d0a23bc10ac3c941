"""Keeps a map's clustered markers and selection in step with a queue table, both ways."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtWidgets import QTableView

from operator_console.services.queues.request_list import Page
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.live_rows import LiveRowsModel
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.map.view import MapView

MAP_LIMIT = 5_000
"""At most this many open cases go on the map (the first by the table's order)."""


class QueueMapSync(QObject):
    """Points for the table's query (read off the Qt thread), selection mirrored both ways.

    The map is anything with `set_cluster_points`, `select_point` and a `point_selected(int)`
    signal (the `MapView`); without one this does nothing.

    Signals:
        points_read: the map shows the points of the table's current query.
        points_failed(str): the points could not be read (why, in words); `read_points` tries
            again.
    """

    points_read = Signal()
    points_failed = Signal(str)

    def __init__(
        self,
        table: QTableView,
        model: LiveRowsModel,
        map_view: MapView | None,
        runner: BackgroundRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._model = model
        self._map: Any = map_view
        self._runner = runner
        self.points: list[tuple[int, float, float, str]] = []
        self._centred = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.read_points)
        if self._map is None:
            return
        model.modelReset.connect(self._debounce.start)
        model.rows_refreshed.connect(self._debounce.start)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self._map.point_selected.connect(self._on_map_point_selected)
        self._map.destroyed.connect(self._forget_map)

    def _forget_map(self) -> None:
        """The map went first (its window is closing): answers still on their way are dropped."""
        self._map = None

    def read_points(self) -> None:
        """Read the points of the table's query now (the newest read wins)."""
        reader, query = self._model.reader, self._model.query()
        self._runner.submit_latest(
            f"queue-map-{id(self)}",
            lambda: reader.page(query, None, MAP_LIMIT),
            self._on_points_read,
            lambda error: self.points_failed.emit(reason_for(error)),
            owner=self,
        )

    def _on_points_read(self, page: Page) -> None:
        self.points = [
            (row.id, row.lat, row.lon, f"{row.reference} · {row.service}")
            for row in page.rows
            if row.lat is not None and row.lon is not None
        ]
        if self._map is None:
            return
        self.points_read.emit()
        self._map.set_cluster_points(self.points)
        if self.points and not self._centred:
            self._centred = True
            lat = sorted(p[1] for p in self.points)[len(self.points) // 2]
            lon = sorted(p[2] for p in self.points)[len(self.points) // 2]
            self._map.set_center(lat, lon, 12)

    def _on_table_current_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid() and self._map is not None:
            self._map.select_point(self._model.row_at(current.row()).id)

    def _on_map_point_selected(self, request_id: int) -> None:
        row = self._model.row_of(request_id)
        if row is None:
            return
        index = self._model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        flags |= QItemSelectionModel.SelectionFlag.Rows
        self._table.selectionModel().setCurrentIndex(index, flags)
        self._table.scrollTo(index)
