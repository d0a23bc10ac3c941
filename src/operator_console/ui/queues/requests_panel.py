"""The open-requests panel: a live count and a live table paged from the database."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from operator_console.services.changes import ChangeBatch
from operator_console.services.queues.request_list import CHANNELS, ListQuery
from operator_console.services.session import ConsoleSession
from operator_console.ui.common.alt_key import alt_key
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.common.table_columns import TableColumns
from operator_console.ui.forms.ui_requests_panel import Ui_RequestsPanel
from operator_console.ui.queues.request_table_model import RequestTableModel, column_of


class RequestsPanel(QWidget):
    """Lists the open requests, newest first, of every channel or of one; sorting asks the
    database; changes arrive live.

    Signals:
        case_opened: the id of a request to open (double-click or Enter on its row).
    """

    case_opened = Signal(int)

    def __init__(
        self, session: ConsoleSession, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RequestsPanel()
        self.ui.setupUi(self)
        self._session = session
        self._runner = runner
        self.model = RequestTableModel(
            session.requests, runner, parent=self, time_zone=session.time_zone
        )
        table = self.ui.requestTable
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSortIndicator(
            column_of("created_at"), Qt.SortOrder.DescendingOrder
        )
        self.columns = TableColumns(table, self.model.columns.keys)
        self.channel = QComboBox(self)
        self.channel.setObjectName("requestChannelFilter")
        self.channel.addItem(self.tr("All channels"), None)
        for channel in CHANNELS:
            self.channel.addItem(channel_label(channel), channel)
        self.channel_words = QLabel(self.tr("Chan&nel:"), self)
        self.channel_words.setBuddy(self.channel)
        self.ui.headerLayout.insertWidget(2, self.channel_words)
        self.ui.headerLayout.insertWidget(3, self.channel)
        self.channel.currentIndexChanged.connect(lambda _index: self._on_channel_chosen())
        self.problem = ProblemLine(self)
        self.ui.panelLayout.insertWidget(1, self.problem)  # under the title, over the table
        table.activated.connect(self._on_row_activated)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.rows_refreshed.connect(lambda _ids: self.problem.resolve("table"))
        self.ui.stateLabel.setText(self.tr("Loading…"))
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)  # a burst of changes is counted once
        self._count_timer.timeout.connect(self._read_count)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            ("Return", self.tr("Open the request on the Case tab (or double-click it)")),
            (alt_key(self.channel_words.text()), self.tr("Go to the channel filter")),
        ]

    def query(self) -> ListQuery:
        """The open requests of the chosen channel (every channel when none is chosen)."""
        chosen = self.channel.currentData()
        return ListQuery(open_only=True, channels=(chosen,) if chosen else ())

    def refresh(self) -> None:
        """Read the first page and the count again."""
        self.ui.stateLabel.setText(self.tr("Loading…"))
        self.model.reload()
        self._read_count()

    def on_requests_changed(self, batch: ChangeBatch) -> None:
        """Apply a batch from the change bus to the table, and recount (coalesced)."""
        if self.model.started:
            self.model.apply_changes(batch)
            self._count_timer.start()

    def _on_channel_chosen(self) -> None:
        channels = self.query().channels
        self.ui.stateLabel.setText(self.tr("Loading…"))
        self.model.reload(replace(self.model.query(), channels=channels))
        self._read_count()

    def _read_count(self) -> None:
        query = self.query()
        self._runner.submit_latest(
            "open-count",
            lambda: self._session.requests.count(query),
            self._on_count_read,
            self._on_count_failed,
            owner=self,
        )

    @Slot(QModelIndex)
    def _on_row_activated(self, index: QModelIndex) -> None:
        self.case_opened.emit(self.model.row_at(index.row()).id)

    @Slot(int)
    def _on_model_page_loaded(self, rows_held: int) -> None:
        self.ui.stateLabel.setText("")
        self.problem.resolve("table")

    @Slot(str)
    def _on_model_load_failed(self, message: str) -> None:
        self.ui.stateLabel.setText("")
        self.problem.report(
            "table",
            self.tr("Could not read requests: %1").replace("%1", message),
            lambda: self.model.reload(),
        )

    def _on_count_failed(self, error: BaseException) -> None:
        self.ui.countLabel.setText("")
        self.problem.report_error(
            "count", self.tr("Could not count the open requests: %1"), error, self._read_count
        )

    def _on_count_read(self, count: int) -> None:
        self.problem.resolve("count")
        self.ui.countLabel.setText(self.tr("%Ln open", "", count))
