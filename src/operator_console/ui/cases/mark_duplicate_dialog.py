"""Mark a case as a duplicate: pick the case it repeats among those nearby, say why, link."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.cases.errors import CaseActionError
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.duplicates.finder import (
    CandidateView,
    LinkRefusedError,
    MarkDuplicateReceipt,
    RequestNotFoundError,
    StaleRequestError,
)
from operator_console.services.errors import BackendUnavailableError
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.formatting import distance_words, status_label, whole_number
from operator_console.ui.common.problem_line import reason_for
from operator_console.ui.common.words import error_text, shown

_KNOWN = (
    LinkRefusedError,
    StaleRequestError,
    RequestNotFoundError,
    NotPermittedError,
    CaseActionError,
    BackendUnavailableError,
)


class MarkDuplicateDialog(QDialog):
    """Lists the cases a case may repeat (read off the Qt thread) and links it to the chosen one.

    The link runs off the Qt thread as of the version the case screen showed; a refusal (a loop,
    already a duplicate, changed meanwhile) is shown here and the dialog stays open.

    Signals:
        candidates_loaded(int): how many cases are offered.
        marked(object): the `MarkDuplicateReceipt`; the dialog then closes.
        stale_found(str): the case changed since it was shown (the screen should re-read it).
    """

    candidates_loaded = Signal(int)
    marked = Signal(object)
    stale_found = Signal(str)

    def __init__(
        self,
        desk: DuplicateDesk,
        runner: BackgroundRunner,
        duplicate: tuple[int, str, int],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._duplicate_id, self._reference, self.expected_version = duplicate
        self.candidates: list[CandidateView] = []
        self.linking = False
        self.setWindowTitle(self.tr("Mark %1 as a duplicate").replace("%1", self._reference))
        intro = QLabel(
            self.tr(
                "Choose the case %1 repeats. %1 is closed as its duplicate, and its callers "
                "follow that case from then on."
            ).replace("%1", self._reference),
            self,
        )
        intro.setWordWrap(True)
        self.state_label = QLabel(self.tr("Looking for cases nearby…"), self)
        self.table = QTreeWidget(self)
        self.table.setObjectName("parentCandidates")
        self.table.setAccessibleName(self.tr("Cases it may repeat"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("Reference"),
                self.tr("Category"),
                self.tr("Address"),
                self.tr("Distance"),
                self.tr("Status"),
                self.tr("Callers"),
                self.tr("Age"),
                self.tr("Why offered"),
            ]
        )
        self.table.header().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((115, 220, 230, 70, 80, 55, 50)):
            self.table.setColumnWidth(column, width)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("color: #323f4b;")
        self.table.currentItemChanged.connect(self._on_table_current_item_changed)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(
            self.tr("Why it is the same problem (both histories show it; residents see it)")
        )
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #c62828; font-weight: 600;")
        self.refusal.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as duplicate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        parts: tuple[QWidget, ...] = (intro, self.state_label, self.table, self.preview)
        parts += (QLabel(self.tr("Reason:"), self), self.reason, self.refusal, self.buttons)
        for widget in parts:
            layout.addWidget(widget)
        self.resize(1100, 460)

    def load(self) -> None:
        """Read the candidates off the Qt thread."""
        desk, request_id = self._desk, self._duplicate_id
        self._runner.submit(
            lambda: desk.parent_candidates(request_id),
            self._on_candidates_read,
            self._on_candidates_failed,
            owner=self,
        )

    def _on_candidates_read(self, candidates: list[CandidateView]) -> None:
        self.candidates = candidates
        self.table.clear()
        for candidate in candidates:
            item = QTreeWidgetItem(
                [
                    candidate.reference,
                    candidate.service_name,
                    candidate.address,
                    distance_words(candidate.distance_m),
                    status_label(candidate.status),
                    whole_number(candidate.callers),
                    shown(candidate.age_text),
                    shown(candidate.reason),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.request_id)
            item.setToolTip(7, candidate.description_start or shown(candidate.reason))
            self.table.addTopLevelItem(item)
        if candidates:
            self.state_label.setText(
                self.tr(
                    "%n case(s) of the same kind within 1,000 m, likeliest first",
                    "",
                    len(candidates),
                )
            )
        else:
            self.state_label.setText(
                self.tr("No case of the same kind within 1,000 m (or the case has no pin).")
            )
        self.candidates_loaded.emit(len(candidates))

    def _on_candidates_failed(self, error: BaseException) -> None:
        self.state_label.setText(reason_for(error))
        self.candidates_loaded.emit(0)

    def choose(self, request_id: int) -> None:
        """Select the candidate with this id (as a click would)."""
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == request_id:
                self.table.setCurrentItem(item)

    @Slot()
    def _on_table_current_item_changed(self) -> None:
        """Show the chosen case's description and why it is offered, in full."""
        chosen = self.chosen_id()
        found = [c for c in self.candidates if c.request_id == chosen]
        if not found:
            self.preview.clear()
            return
        candidate = found[0]
        self.preview.setText(
            f"<b>{escape(candidate.reference)}</b> · {escape(candidate.address)}<br>"
            f"“{escape(candidate.description_start)}”<br><i>{escape(shown(candidate.reason))}</i>"
        )

    def chosen_id(self) -> int | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def accept(self) -> None:
        """Check the choice and the reason, then link off the Qt thread (the dialog stays)."""
        if self.linking:
            return
        parent_id = self.chosen_id()
        if parent_id is None:
            self._refuse(self.tr("Choose the case it repeats."))
            return
        reason = self.reason.text().strip()
        if not reason:
            self._refuse(self.tr("Say why: the reason goes into both case histories."))
            self.reason.setFocus()
            return
        self.linking = True
        self.ok_button.setEnabled(False)
        self.refusal.hide()
        desk = self._desk
        duplicate_id, version = self._duplicate_id, self.expected_version
        self._runner.submit(
            lambda: desk.mark_duplicate(duplicate_id, parent_id, version, reason),
            self._on_marked,
            self._on_refused,
            owner=self,
        )

    def _on_marked(self, receipt: MarkDuplicateReceipt) -> None:
        self.linking = False
        self.marked.emit(receipt)
        super().accept()

    def _on_refused(self, error: BaseException) -> None:
        self.linking = False
        self.ok_button.setEnabled(True)
        if isinstance(error, StaleRequestError):
            self.expected_version = error.current.version
            self._refuse(
                error_text(error)
                + " "
                + self.tr("The case screen now shows it as it is; OK marks it as it is now.")
            )
            self.stale_found.emit(error_text(error))
        elif isinstance(error, _KNOWN):
            self._refuse(error_text(error) + " " + self.tr("Nothing was saved."))
        else:
            self._refuse(
                self.tr("The link could not be made (%1); nothing was saved.").replace(
                    "%1", reason_for(error)
                )
            )

    def _refuse(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.show()
