"""The supervisor's triage view: at risk today, overdue, unassigned, reopened; bulk reassign."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.cases.commands import CaseChange
from operator_console.services.changes import ChangeBatch
from operator_console.services.queues.directory import FilterChoices, QueueSummary
from operator_console.services.queues.request_list import TRIAGE_BUCKETS, ListQuery, TriageBucket
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.reassign_dialog import BulkReassign
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.empty_note import EmptyNote
from operator_console.ui.common.problem_line import ProblemLine
from operator_console.ui.common.table_columns import TableColumns
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.queues.table_model import QueueTableModel

_TITLES = {
    "at_risk_today": QT_TRANSLATE_NOOP("TriagePanel", "At risk today"),
    "overdue": QT_TRANSLATE_NOOP("TriagePanel", "Overdue"),
    "unassigned": QT_TRANSLATE_NOOP("TriagePanel", "Unassigned"),
    "reopened": QT_TRANSLATE_NOOP("TriagePanel", "Reopened"),
}


def bucket_query(bucket: TriageBucket, queue_ids: tuple[int, ...]) -> ListQuery:
    """A triage bucket across `queue_ids`, oldest first (until a header is clicked)."""
    return ListQuery(sort_key="created_at", descending=False, queue_ids=queue_ids, bucket=bucket)


class TriagePanel(QWidget):
    """Buckets across the queues a supervisor covers, each a live queue table, oldest first
    until the person sorts by another column (kept when the bucket changes).

    Signals:
        case_opened(int): the user asked to open this request.
        changes_made(object): this console saved a `ChangeBatch` (for `ChangeBus.publish`).
    """

    case_opened = Signal(int)
    changes_made = Signal(object)

    def __init__(
        self,
        session: ConsoleSession,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._queue_ids: tuple[int, ...] = ()
        self._queues: list[QueueSummary] = []
        self.choices = FilterChoices()
        self.counts: dict[str, int] = {}
        self.model = QueueTableModel(
            session.requests,
            runner,
            bucket_query("overdue", ()),
            parent=self,
            time_zone=session.time_zone,
        )
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for bucket in TRIAGE_BUCKETS:
            self.tabs.addTab(self.tr(_TITLES[bucket]))
        self.table = QTableView(self)
        self.table.setObjectName("triageTable")
        self.table.setAccessibleName(self.tr("Triage"))
        self.reassign_button = QPushButton(self.tr("Reassign selected…"), self)
        self.reassign_button.setEnabled(False)
        self.selection_label = QLabel(self)
        self.state_label = QLabel(self)
        title = QLabel(self.tr("Triage"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.scope_label = QLabel(self)
        top = QHBoxLayout()
        for widget in (title, self.scope_label):
            top.addWidget(widget)
        top.addStretch(1)
        for shown in (self.state_label, self.selection_label, self.reassign_button):
            top.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.banner = QFrame(self)
        self.banner.setObjectName("triageBanner")
        self.banner.setStyleSheet(
            "#triageBanner { background: #fff4e0; border: 1px solid #e0b070; border-radius: 4px; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton(self.tr("Retry on the current cases"), self.banner)
        dismiss = QPushButton(self.tr("Dismiss"), self.banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.retry_button)
        banner_layout.addWidget(dismiss)
        dismiss.clicked.connect(self.banner.hide)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.problem = ProblemLine(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        self._configure_table()
        self.empty_note = EmptyNote(self.table, self.model, self.tr("No case in this bucket"))
        self.bulk = BulkReassign(self, session, runner)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(300)
        self._counts_timer.timeout.connect(self._read_counts)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.model.rows_refreshed.connect(lambda _ids: self.problem.resolve("table"))
        self.reassign_button.clicked.connect(self.bulk.ask)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.bulk.reassigned.connect(self._on_bulk_reassigned)
        self.bulk.stale_found.connect(self._on_bulk_stale_found)
        self.bulk.failed.connect(self._on_bulk_failed)
        self.table.activated.connect(  # Enter or double-click
            lambda i: self.case_opened.emit(self.model.row_at(i.row()).id)
        )

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSortIndicator(*self.model.sort_indicator())  # oldest first
        table.setSortingEnabled(True)  # a header click: the database sorts
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        self.columns = TableColumns(table, self.model.columns.keys)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def bucket(self) -> TriageBucket:
        return TRIAGE_BUCKETS[max(self.tabs.currentIndex(), 0)]  # type: ignore[return-value]

    def selected_rows(self) -> list[Any]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            ("Return", self.tr("Open the case on the Case tab (or double-click it)")),
            ("Ctrl+Click", self.tr("Select several cases to reassign (Shift+click: a range)")),
            ("Ctrl+A", self.tr("Select every case shown")),
        ]

    def refresh(self) -> None:
        """Read the supervisor's queues, then the bucket shown and every bucket's count."""
        self.state_label.setText(self.tr("Loading…"))
        login = self._session.staff.login
        self._runner.submit(
            lambda: self._session.queue_directory.covered_by(login),
            self._on_queues_read,
            lambda error: self._say_failed(
                "queues", self.tr("Could not read the queues you cover: %1"), error, self.refresh
            ),
            owner=self,
        )

    def summaries(self) -> list[QueueSummary]:
        return list(self._queues)

    def _on_queues_read(self, queues: list[QueueSummary]) -> None:
        self.problem.resolve("queues")
        self._queues = queues
        self._queue_ids = tuple(q.id for q in queues)
        self._read_choices(self._queue_ids)
        departments = {q.department for q in queues}
        self.scope_label.setText(
            self.tr("%1 in %2")
            .replace("%1", self.tr("%Ln queue(s)", "", len(queues)))
            .replace("%2", self.tr("%Ln department(s)", "", len(departments)))
        )
        self.model.reload(self._shown_query())
        self._read_counts()

    def _read_choices(self, ids: tuple[int, ...]) -> None:
        self._runner.submit(
            lambda: self._session.queue_directory.choices(ids),
            self._on_choices_read,
            lambda error: self._say_failed(
                "choices",
                self.tr("Could not read the people: %1"),
                error,
                lambda: self._read_choices(ids),
            ),
            owner=self,
        )

    def _shown_query(self) -> ListQuery:
        """The bucket of the tab shown, across the covered queues, in the order chosen."""
        return replace(self.model.query(), bucket=self.bucket(), queue_ids=self._queue_ids)

    @Slot(int)
    def _on_model_page_loaded(self, _rows_held: int) -> None:
        self.problem.resolve("table")
        if self.state_label.text() == self.tr("Loading…"):  # a reassignment said meanwhile stays
            self.state_label.setText("")

    @Slot(str)
    def _on_model_load_failed(self, message: str) -> None:
        self._stop_loading()
        self.problem.report(
            "table",
            self.tr("Could not read the cases of this bucket: %1").replace("%1", message),
            lambda: self.model.reload(),
        )

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        if self._queue_ids:
            self.model.reload(self._shown_query())

    def on_requests_changed(self, batch: ChangeBatch) -> None:
        """Apply a change bus batch to the bucket shown; recount the buckets (coalesced)."""
        self.model.apply_changes(batch)
        self._counts_timer.start()

    def _read_counts(self) -> None:
        reader, ids = self._session.requests, self._queue_ids

        def count_all() -> dict[str, int]:
            return {b: reader.count(bucket_query(b, ids)) for b in TRIAGE_BUCKETS}  # type: ignore[arg-type]

        self._runner.submit_latest(
            "triage-counts",
            count_all,
            self._on_counts_read,
            lambda error: self._say_failed(
                "counts", self.tr("Could not count the buckets: %1"), error, self._read_counts
            ),
            owner=self,
        )

    def _say_failed(
        self, key: str, sentence: str, error: BaseException, retry: Callable[[], None]
    ) -> None:
        """A read failed: say why on the problem line, with Retry, until it works."""
        self._stop_loading()
        self.problem.report_error(key, sentence, error, retry)

    def _stop_loading(self) -> None:
        if self.state_label.text() == self.tr("Loading…"):
            self.state_label.setText("")

    def _on_counts_read(self, counts: dict[str, int]) -> None:
        self.problem.resolve("counts")
        self.counts = counts
        for number, bucket in enumerate(TRIAGE_BUCKETS):
            count = QLocale().toString(counts.get(bucket, 0))
            label = f"{self.tr(_TITLES[bucket])}  {count}"
            self.tabs.setTabText(number, label)

    @Slot()
    def _on_selection_changed(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.reassign_button.setEnabled(count > 0)
        self.selection_label.setText(self.tr("%n selected", "", count) if count else "")

    def _on_choices_read(self, choices: FilterChoices) -> None:
        self.choices = choices

    def _on_bulk_reassigned(self, change: CaseChange) -> None:
        self.banner.hide()
        self.state_label.setText(self.tr("%Ln case(s) reassigned", "", len(change.changes)))
        unchanged = list(change.unchanged_ids)
        if unchanged:
            lines = [self._unchanged_line(request_id) for request_id in unchanged]
            heading = self.tr("%Ln selected case(s) not changed, still selected:", "", len(lines))
            self._show_banner("\n".join([heading, *lines]), retry=False)
        self._select_ids(unchanged)
        self.changes_made.emit(change.as_batch())

    def _unchanged_line(self, request_id: int) -> str:
        row = self.bulk.asked_row(request_id)
        if row is None:
            return self.tr("Case #%1: already as asked").replace("%1", str(request_id))
        where = row.queue or self.tr("no queue")
        if row.assignee:
            line = self.tr("%1: already in %2, assigned to %3").replace("%3", row.assignee)
        else:
            line = self.tr("%1: already in %2, with nobody assigned")
        return line.replace("%1", row.reference).replace("%2", where)

    def _on_bulk_stale_found(self, message: str) -> None:
        self._refused(message, retry=True)

    def _on_bulk_failed(self, message: str) -> None:
        self._refused(message, retry=False)

    def _refused(self, message: str, retry: bool) -> None:
        """Nothing was saved: say why (the message names each case), keep the cases selected."""
        self.state_label.setText(self.tr("Nothing was reassigned"))
        self._show_banner(message, retry)
        self._select_ids(self.bulk.asked_ids())

    def _show_banner(self, text: str, retry: bool) -> None:
        self.banner_text.setText(text)
        self.retry_button.setVisible(retry)
        self.banner.show()

    def _select_ids(self, request_ids: list[int]) -> None:
        """Select exactly the rows of `request_ids` that the table still holds."""
        selection = QItemSelection()
        for request_id in request_ids:
            row = self.model.row_of(request_id)
            if row is not None:
                last = self.model.columnCount() - 1
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)

    @Slot()
    def _on_retry_clicked(self) -> None:
        self.banner.hide()
        self.bulk.retry()
