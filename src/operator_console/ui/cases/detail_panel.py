"""The case screen: fields, answers, photos, map, callers, links, the timeline and notes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.cases.commands import AddNote, CaseChange, CaseRef
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.changes import ChangeBatch
from operator_console.services.duplicates.finder import MarkDuplicateReceipt
from operator_console.services.session import ConsoleSession
from operator_console.ui.cases.action_runner import CaseActionRunner, CaseBanner
from operator_console.ui.cases.actions_bar import CaseActionsBar, offers_anything
from operator_console.ui.cases.detail_html import details_html, sla_text, timeline_html
from operator_console.ui.cases.status_call_panel import END_KEYS, START_KEYS, StatusCallPanel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import priority_label, status_label
from operator_console.ui.common.problem_line import ProblemLine

MapFactory = Callable[[QWidget], QWidget]


class CaseDetailPanel(QWidget):
    """Shows one case from the case detail read model; re-reads it when it changes.

    A role allowed any of the bar's actions gets the action bar (`actions_bar`) with the
    buttons its role may use; operators see the case read-only apart from notes. A refused or
    stale action is shown in `banner`.

    Signals:
        case_loaded(int): the case with this id is on screen.
        changes_made(object): this console saved a `ChangeBatch` (an action, a note) for the bus.
    """

    case_loaded = Signal(int)
    changes_made = Signal(object)

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
        self.detail: CaseDetail | None = None
        self.request_id: int | None = None
        self.title = QLabel(self.tr("No case open"), self)
        self.title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.subtitle = QLabel(self)
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.state_label = QLabel(self)
        self.details = QTextBrowser(self)
        self.details.setObjectName("caseDetails")
        self.details.setAccessibleName(self.tr("Case details"))
        self.timeline = QTextBrowser(self)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setAccessibleName(self.tr("Case history"))
        self.photos = QHBoxLayout()
        self.photos.setSpacing(8)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Add a note to this case's history…"))
        self.note.setMaximumHeight(70)
        self.note.setAccessibleName(self.tr("Note"))
        self.public = QCheckBox(self.tr("Residents can see it (public)"), self)
        self.add_note_button = QPushButton(self.tr("Add note"), self)
        self.map_view = map_factory(self) if map_factory else None
        self.action_runner = CaseActionRunner(session.case_desk, runner, self)
        self.banner = CaseBanner(self)
        self.problem = ProblemLine(self)
        self.status_call = StatusCallPanel(session, runner, self.action_runner, self)
        self.status_call_button = QPushButton(self.tr("Status call"), self)
        self.status_call_button.setToolTip(
            self.tr("A resident asks about this case: what to tell them (%1)").replace(
                "%1", START_KEYS
            )
        )
        self.start_call_action = QAction(self.tr("Start a status call"), self)
        self.start_call_action.setShortcut(QKeySequence(START_KEYS))
        self.addAction(self.start_call_action)
        self.actions_bar: CaseActionsBar | None = None
        if offers_anything(session.staff.role):
            self.actions_bar = CaseActionsBar(session, runner, self.action_runner, self)
            questions = self.actions_bar.questions
            questions.duplicate_marked.connect(self._on_duplicate_marked)
            questions.case_stale.connect(self._reload)
            questions.failed.connect(self._on_action_failed)
        self._layout()
        self.add_note_button.clicked.connect(self._on_add_note_clicked)
        self.status_call_button.clicked.connect(self.start_status_call)
        self.start_call_action.triggered.connect(self.start_status_call)
        self.status_call.changes_made.connect(self._on_caller_added)
        self.action_runner.busy_changed.connect(self._on_actions_busy_changed)
        self.action_runner.saved.connect(self._on_action_saved)
        self.action_runner.stale_found.connect(self._on_action_stale)
        self.action_runner.failed.connect(self._on_action_failed)
        self.banner.retry_requested.connect(self.action_runner.retry)

    def _layout(self) -> None:
        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state_label)
        top.addWidget(self.status_call_button)
        header.addLayout(top)
        header.addWidget(self.subtitle)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.details, 3)
        strip = QWidget(left)
        strip.setLayout(self.photos)
        scroller = QScrollArea(left)
        scroller.setWidget(strip)
        scroller.setWidgetResizable(True)
        scroller.setFixedHeight(112)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.photo_strip = scroller
        left_layout.addWidget(scroller)
        if self.map_view is not None:
            self.map_view.setMinimumHeight(220)
            left_layout.addWidget(self.map_view, 2)
        self.photo_strip.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Timeline"), right)
        heading.setStyleSheet("font-weight: 600; color: #52606d;")
        right_layout.addWidget(heading)
        right_layout.addWidget(self.timeline, 1)
        right_layout.addWidget(self.note)
        actions = QHBoxLayout()
        actions.addWidget(self.public)
        actions.addStretch(1)
        actions.addWidget(self.add_note_button)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("caseSplitter")  # remembered per person
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(header)
        if self.actions_bar is not None:
            layout.addWidget(self.actions_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.problem)
        layout.addWidget(self.status_call)
        layout.addWidget(splitter, 1)

    def shortcuts(self) -> list[tuple[str, str]]:
        """The case screen's own keys, for the keyboard help."""
        return [
            (START_KEYS, self.tr("Start a status call: what to tell a resident about this case")),
            (END_KEYS, self.tr("End the status call and log it on the case")),
        ]

    def start_status_call(self) -> None:
        """Show what to read aloud to a resident asking about the case on screen."""
        if self.detail is not None:
            self.status_call.start(self.detail)

    def _on_caller_added(self, batch: ChangeBatch) -> None:
        self.changes_made.emit(batch)
        self._reload()

    def show_case(self, request_id: int) -> None:
        """Read the case and show it (latest request wins)."""
        if request_id != self.request_id:
            self.banner.hide()
        self.request_id = request_id
        self.state_label.setText(self.tr("Loading…"))
        desk = self._session.case_desk
        self._runner.submit_latest(
            "case-detail",
            lambda: desk.detail(request_id),
            self._on_detail_read,
            lambda error: self._on_detail_failed(request_id, error),
            owner=self,
        )

    def _on_detail_failed(self, request_id: int, error: BaseException) -> None:
        self.state_label.setText("")
        self.problem.report_error(
            "detail",
            self.tr("Could not read case #%2: %1").replace("%2", str(request_id)),
            error,
            self._reload,
        )

    def on_requests_changed(self, batch: ChangeBatch) -> None:
        """Re-read the case shown when the batch touches it."""
        if self.request_id is None:
            return
        if batch.resync or any(c.request_id == self.request_id for c in batch.changes):
            self.show_case(self.request_id)

    def _reload(self) -> None:
        if self.request_id is not None:
            self.show_case(self.request_id)

    def _on_detail_read(self, detail: CaseDetail | None) -> None:
        self.problem.resolve("detail")
        self.detail = detail
        if self.actions_bar is not None:
            self.actions_bar.set_case(detail)
        self.status_call.set_case(detail)
        self.status_call_button.setEnabled(detail is not None)
        if detail is None:
            self.title.setText(self.tr("Case not found"))
            self.state_label.setText("")
            return
        case, zone = detail.record.state, self._session.time_zone
        self.title.setText(f"{case.reference} — {case.service.name}")
        priority = self.tr("%1 priority").replace("%1", priority_label(case.priority))
        calls = (
            " · " + self.tr("Status calls: %1").replace("%1", str(case.calls_count))
            if case.calls_count
            else ""
        )
        address = case.location.address or self.tr("no address")
        self.subtitle.setText(
            f"{status_label(case.status.value)} · {priority}"
            f" · {sla_text(detail, zone)} · {address}{calls}"
        )
        self.details.setHtml(details_html(detail, zone))
        record = detail.record
        self.timeline.setHtml(timeline_html(record.timeline, zone, record.messages))
        self._show_photos(detail)
        if self.map_view is not None and case.location.has_pin:
            lat, lon = case.location.latitude, case.location.longitude
            self.map_view.set_center(lat, lon, 16)  # type: ignore[attr-defined]
            self.map_view.set_pin(lat, lon)  # type: ignore[attr-defined]
        self.state_label.setText("")
        self.case_loaded.emit(case.id)

    def _show_photos(self, detail: CaseDetail) -> None:
        while self.photos.count():
            item = self.photos.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for photo in detail.record.photos:
            label = QLabel(self)
            pixmap = QPixmap()
            if photo.thumbnail and pixmap.loadFromData(photo.thumbnail):
                label.setPixmap(
                    pixmap.scaledToHeight(96, Qt.TransformationMode.SmoothTransformation)
                )
            else:
                label.setText(photo.file_name)
            label.setToolTip(f"{photo.file_name} · {photo.added_by}")
            self.photos.addWidget(label)
        self.photo_strip.setVisible(bool(detail.record.photos))
        self.photos.addStretch(1)

    @Slot()
    def _on_add_note_clicked(self) -> None:
        self.add_note(self.note.toPlainText(), self.public.isChecked())

    def add_note(self, text: str, public: bool = False) -> None:
        """Add a note to the case shown, as of the version on screen."""
        if self.detail is None or not text.strip():
            return
        self.action_runner.run(
            AddNote(CaseRef(self.detail.record.state.id, self.detail.version), text, public)
        )

    def _on_actions_busy_changed(self, busy: bool) -> None:
        self.add_note_button.setEnabled(not busy)
        if self.actions_bar is not None:
            self.actions_bar.set_busy(busy)

    def _on_action_saved(self, change: CaseChange) -> None:
        self.banner.hide()
        if change.kind == "add_note" and not self.status_call.active:
            self.note.clear()
        if change.kind == "log_status_call":
            self.banner.show_message(self.tr("The status call is logged on the case."), "info")
        self.changes_made.emit(change.as_batch())
        self._reload()

    def _on_action_stale(self, message: str) -> None:
        self.banner.show_message(message, "warning", can_retry=True)
        self._reload()

    def _on_action_failed(self, message: str) -> None:
        self.banner.show_message(message, "warning")
        self._reload()

    def _on_duplicate_marked(self, receipt: MarkDuplicateReceipt) -> None:
        message = self.tr(
            "%1 is closed as a duplicate of %2; %n caller(s) moved there.",
            "",
            receipt.followers_moved,
        )
        message = message.replace("%1", receipt.duplicate_reference)
        self.banner.show_message(message.replace("%2", receipt.parent_reference), "info")
        self.changes_made.emit(receipt.changes())
        self._reload()
