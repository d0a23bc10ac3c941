"""The questions a case action asks first: why, which closure reason, where to; each checked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.lifecycle import ClosureReason
from operator_console.services.queues.directory import FilterChoices, QueueSummary
from operator_console.ui.cases.reassign_dialog import ReassignDialog
from operator_console.ui.common.formatting import closure_label


def refusal_label(parent: QWidget) -> QLabel:
    """The line that says why OK did nothing; hidden until then."""
    label = QLabel(parent)
    label.setObjectName("refusal")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828; font-weight: 600;")
    label.hide()
    return label


def show_refusal(label: QLabel, problem: str) -> bool:
    """Say `problem` in the dialog's refusal line; True when there was one (OK must not close)."""
    if problem:
        label.setText(problem)
        label.show()
    return bool(problem)


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReasonDialog(QDialog):
    """Asks why (required: it goes into the case history); OK with no reason is refused."""

    def __init__(self, title: str, what: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why (goes into the case history)"))
        self.refusal = refusal_label(self)
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        form.addRow(self.what)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.refusal)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self.reason.textChanged.connect(self._on_reason_changed)

    def _on_reason_changed(self, text: str) -> None:
        if text.strip():
            self.refusal.hide()  # the reason is given: the refusal no longer applies

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.refusal.setText(self.tr("Say why: the reason goes into the case history."))
            self.refusal.show()
            self.reason.setFocus()
            return
        super().accept()


class ResolveDialog(QDialog):
    """Asks for the closure reason (required) and a closure note residents are told."""

    def __init__(self, reference: str, reasons: tuple[ClosureReason, ...], parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve %1").replace("%1", reference))
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("Choose a closure reason…"), None)
        for reason in reasons:
            self.reason.addItem(closure_label(reason), reason.value)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("What was done (residents are told)"))
        self.note.setMinimumHeight(80)
        hint = QLabel(
            self.tr(
                "A duplicate? Use “Mark as duplicate…”: its callers then follow the case it "
                "repeats."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #52606d;")
        self.refusal = refusal_label(self)
        self.buttons = ok_cancel_buttons(self)
        form = QFormLayout()
        form.addRow(self.tr("Closure reason:"), self.reason)
        form.addRow(self.tr("Closure note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.reason.currentIndexChanged.connect(self._on_reason_chosen)

    def _on_reason_chosen(self) -> None:
        if self.chosen_reason() is not None:
            self.refusal.hide()  # a reason is chosen: the refusal no longer applies

    def chosen_reason(self) -> ClosureReason | None:
        value = self.reason.currentData()
        return None if value is None else ClosureReason(value)

    def accept(self) -> None:
        if self.chosen_reason() is None:
            self.refusal.setText(
                self.tr(
                    "Choose a closure reason first: the resident is told why the request was "
                    "closed. Your note is kept."
                )
            )
            self.refusal.show()
            self.reason.setFocus()
            return
        super().accept()


class CaseReassignDialog(ReassignDialog):
    """The triage reassign dialog for one case (it checks the answer before it closes)."""

    def __init__(
        self, queues: list[QueueSummary], choices: FilterChoices, reference: str, parent: QWidget
    ) -> None:
        super().__init__(queues, choices, 1, parent)
        self.setWindowTitle(self.tr("Reassign %1").replace("%1", reference))
        self.queue.set_keep_label(self.tr("Keep its queue"))
        self.buttons = self.findChild(QDialogButtonBox)
