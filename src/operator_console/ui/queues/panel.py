"""The Queues tab: my queues with live counts, a filtered live queue table and its map."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.changes import ChangeBatch
from operator_console.services.queues.directory import (
    FilterChoices,
    MatchCount,
    QueueSummary,
    SavedFilterStore,
    count_matches,
)
from operator_console.services.queues.request_list import ListQuery
from operator_console.services.session import ConsoleSession
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.empty_note import EmptyNote
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.common.table_columns import TableColumns
from operator_console.ui.map.view import MapView
from operator_console.ui.queues.filter_bar import QueueFilterBar
from operator_console.ui.queues.queue_map import QueueMapSync
from operator_console.ui.queues.summary_model import COLUMNS as QUEUE_COLUMNS
from operator_console.ui.queues.summary_model import QUEUE_ID_ROLE, QueueSummaryModel
from operator_console.ui.queues.table_model import QueueTableModel, column_of

MapFactory = Callable[[QWidget], MapView]


class QueuesPanel(QWidget):
    """Queues on the left, filters on top, the queue table and (optionally) its map.

    Signals:
        case_opened(int): the user asked to open this request (double-click or Enter).
    """

    case_opened = Signal(int)

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        map_factory: MapFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.summaries = QueueSummaryModel(self)
        self.model = QueueTableModel(
            session.requests, runner, parent=self, time_zone=session.time_zone
        )
        self.queue_list = QTableView(self)
        self.queue_list.setObjectName("queueList")
        self.queue_list.setAccessibleName(self.tr("My queues"))
        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.table.setAccessibleName(self.tr("Queue"))
        self.filters = QueueFilterBar(self, time_zone=session.time_zone)
        self.saved = QComboBox(self)
        self.saved.setAccessibleName(self.tr("Saved filters"))
        self.save_button = QPushButton(self.tr("Save filter…"), self)
        self.count_label = QLabel(self)
        self.state_label = QLabel(self)
        self.problem = ProblemLine(self)
        self.title = QLabel(self.tr("Queues"), self)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(300)
        self._counts_timer.timeout.connect(self._read_counts)
        self._layout(map_factory)
        self._configure_views()
        self.empty_note = EmptyNote(self.table, self.model, self.tr("No case matches"))
        # As on a 1280-pixel screen (the Spanish headers whole); a wider one gives a quarter of
        # the rest to queues and map.
        self.outer.setSizes([self.queue_list_columns.natural_width(), 770])
        self.map_sync = QueueMapSync(self.table, self.model, self.map_view, runner, self)
        self.map_sync.points_failed.connect(self._on_map_points_failed)
        self.map_sync.points_read.connect(lambda: self.problem.resolve("map"))
        self.filters.filters_changed.connect(self._on_filters_changed)
        self.saved.activated.connect(self._on_saved_activated)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.rows_refreshed.connect(lambda _ids: self.problem.resolve("table"))
        self.table.activated.connect(self._on_table_activated)  # Enter or double-click

    def _layout(self, map_factory: MapFactory | None) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.state_label)
        top.addWidget(QLabel(self.tr("Saved:"), self))
        top.addWidget(self.saved)
        top.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.filters)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(self.table, 1)
        # The map sits under the queue list: the table keeps the width (1280-pixel screens).
        self.side = QSplitter(Qt.Orientation.Vertical, self)
        self.side.setObjectName("queueMapSplitter")  # remembered per person
        self.side.addWidget(self.queue_list)
        self.map_view = map_factory(self.side) if map_factory else None
        if self.map_view is not None:
            self.side.addWidget(self.map_view)
            self.side.setSizes([420, 380])
        self.outer = outer = QSplitter(Qt.Orientation.Horizontal, self)
        outer.setObjectName("queuesSplitter")  # remembered per person
        outer.addWidget(self.side)
        outer.addWidget(right)
        self.queue_list.setMinimumWidth(260)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(outer)

    def _configure_views(self) -> None:
        self.queue_list.setModel(self.summaries)
        self.queue_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.queue_list.verticalHeader().setVisible(False)
        self.queue_list.verticalHeader().setDefaultSectionSize(26)
        self.queue_list.setWordWrap(False)
        self.queue_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.queue_list_columns = TableColumns(self.queue_list, [k for k, _t in QUEUE_COLUMNS])
        self.queue_list.selectionModel().selectionChanged.connect(self._on_queues_selected)
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setSortIndicator(
            column_of("created_at"), Qt.SortOrder.DescendingOrder
        )
        self.columns = TableColumns(table, self.model.columns.keys)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            ("Return", self.tr("Open the case on the Case tab (or double-click it)")),
            ("Ctrl+Click", self.tr("Choose several queues in the list (Shift+click: a range)")),
        ]

    # -- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read my queues (with counts), then the table of all of them."""
        self.state_label.setText(self.tr("Loading…"))
        login = self._session.staff.login
        self._runner.submit(
            lambda: self._session.queue_directory.queues_for(login),
            self._on_queues_read,
            lambda error: self._say_failed(
                "queues", self.tr("Could not read your queues: %1"), error, self.refresh
            ),
            owner=self,
        )
        self._read_saved()

    def _read_saved(self) -> None:
        self._runner.submit(
            lambda: self._session.saved_filters.load(),
            self._on_saved_read,
            lambda error: self._say_failed(
                "saved", self.tr("Could not read the saved filters: %1"), error, self._read_saved
            ),
            owner=self,
        )

    def _on_queues_read(self, summaries: list[QueueSummary]) -> None:
        self.problem.resolve("queues")
        self.summaries.set_summaries(summaries)
        ids = tuple(q.id for q in summaries)
        self.model.reload(self.filters.apply_to(ListQuery(queue_ids=ids)))
        self._count_matches()
        self._read_choices(ids)

    def _read_choices(self, ids: tuple[int, ...]) -> None:
        self._runner.submit_latest(
            "queue-choices",
            lambda: self._session.queue_directory.choices(ids),
            self._on_choices_read,
            lambda error: self._say_failed(
                "choices",
                self.tr("Could not read the filter lists: %1"),
                error,
                lambda: self._read_choices(ids),
            ),
            owner=self,
        )

    def _on_choices_read(self, choices: FilterChoices) -> None:
        self.problem.resolve("choices")
        self.filters.set_choices(choices)

    def selected_queue_ids(self) -> tuple[int, ...]:
        rows = self.queue_list.selectionModel().selectedRows()
        if not rows:
            return tuple(self.summaries.queue_ids())
        return tuple(sorted(int(index.data(QUEUE_ID_ROLE)) for index in rows))

    @Slot()
    def _on_queues_selected(self) -> None:
        self._requery()

    @Slot()
    def _on_filters_changed(self) -> None:
        self._requery()

    def _requery(self) -> None:
        query = self.filters.apply_to(self.model.query())
        query = _replace(query, queue_ids=self.selected_queue_ids())
        if query != self.model.query():
            self.model.reload(query)
            self._count_matches()

    # -- live -----------------------------------------------------------------------------
    def on_requests_changed(self, batch: ChangeBatch) -> None:
        """Apply a batch from the change bus to the table, and recount (coalesced)."""
        self.model.apply_changes(batch)
        self._counts_timer.start()

    def _read_counts(self) -> None:
        ids = self.summaries.queue_ids()
        self._runner.submit_latest(
            "queue-counts",
            lambda: self._session.queue_directory.counts(ids),
            self._on_counts_read,
            lambda error: self._say_failed(
                "counts",
                self.tr("Could not count the cases of each queue: %1"),
                error,
                self._read_counts,
            ),
            owner=self,
        )
        self._count_matches()

    def _on_counts_read(self, summaries: list[QueueSummary]) -> None:
        self.problem.resolve("counts")
        self.summaries.update_counts(summaries)

    def _count_matches(self) -> None:
        """Count what the table's query selects (queues chosen, filters, search), off the Qt
        thread; the newest count wins."""
        reader, query = self._session.requests, self.model.query()
        self._runner.submit_latest(
            "queue-matches",
            lambda: (count_matches(reader, query), len(query.queue_ids)),
            self._on_matches_counted,
            lambda error: self._say_failed(
                "matches", self.tr("Could not count the cases: %1"), error, self._count_matches
            ),
            owner=self,
        )

    def _on_matches_counted(self, counted: tuple[MatchCount, int]) -> None:
        self.problem.resolve("matches")
        count, queues = counted
        self.count_label.setText(
            self.tr("%1 · %2 overdue · %3")
            .replace("%1", self.tr("%Ln case(s) match", "", count.matching))
            .replace("%2", QLocale().toString(count.overdue))
            .replace("%3", self.tr("in %Ln queue(s)", "", queues))
        )

    # -- saved filters --------------------------------------------------------------------
    def _on_saved_read(self, filters: dict[str, ListQuery]) -> None:
        self.problem.resolve("saved")
        self.problem.resolve("save")
        self._saved_queries = filters
        self.saved.clear()
        self.saved.addItem(self.tr("—"), None)
        for name in sorted(filters):
            self.saved.addItem(name, name)

    @Slot(int)
    def _on_saved_activated(self, number: int) -> None:
        name = self.saved.itemData(number)
        if name is not None:
            self.filters.show_query(self._saved_queries[name])

    @Slot()
    def _on_save_clicked(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name:"))
        if accepted and name.strip():
            self.save_filter(name.strip())

    def save_filter(self, name: str) -> None:
        """Keep the current filters under `name`."""
        query = self.filters.apply_to(ListQuery())
        store = self._session.saved_filters
        self._runner.submit(
            lambda: _save_then_load(store, name, query),
            self._on_saved_read,
            lambda error: self._say_failed(
                "save",
                self.tr("Could not save the filter: %1"),
                error,
                lambda: self.save_filter(name),
            ),
            owner=self,
        )

    # -- table ----------------------------------------------------------------------------
    @Slot(int)
    def _on_model_page_loaded(self, rows_held: int) -> None:
        self.state_label.setText("")
        self.problem.resolve("table")

    def _say_failed(
        self, key: str, sentence: str, error: BaseException, retry: Callable[[], None]
    ) -> None:
        """A read or save failed: say why on the problem line, with Retry, until it works."""
        self.state_label.setText("")
        # The saved filters are a file of this computer: its own error names what is wrong.
        spoken = (OSError, ValueError) if key in ("saved", "save") else ()
        self.problem.report_error(key, sentence, error, retry, spoken)

    @Slot(str)
    def _on_model_load_failed(self, message: str) -> None:
        self.state_label.setText("")
        self.problem.report(
            "table",
            self.tr("Could not read the queue: %1").replace("%1", message),
            lambda: self.model.reload(),
        )

    @Slot(str)
    def _on_map_points_failed(self, message: str) -> None:
        self.problem.report(
            "map",
            self.tr("Could not put the cases on the map: %1").replace("%1", message),
            self.map_sync.read_points,
        )

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        self.case_opened.emit(self.model.row_at(index.row()).id)


def _replace(query: ListQuery, **changes: object) -> ListQuery:
    from dataclasses import replace

    return replace(query, **changes)  # type: ignore[arg-type]


def _save_then_load(store: SavedFilterStore, name: str, query: ListQuery) -> dict[str, ListQuery]:
    """Runs on a worker: keep the filter under `name`, then read back every saved filter."""
    store.save(name, query)
    return store.load()
