"""The read-back card: the reference, category and expected date the operator reads out."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from operator_console.services.duplicates.finder import AttachReceipt
from operator_console.services.intake.submission import IntakeReceipt
from operator_console.ui.common.formatting import spoken_date
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel


class ReadBackCard(QObject):
    """Fills the form's card after a submission or an added caller; Recall shows it again."""

    def __init__(self, ui: Ui_IntakePanel, parent: QObject) -> None:
        super().__init__(parent)
        self._ui = ui
        self._last: tuple[str, list[str]] | None = None

    def show_submitted(self, receipt: IntakeReceipt, time_zone: str) -> None:
        details = self._lines(receipt.service_name, receipt.queue_name, receipt.due_at, time_zone)
        if not receipt.created:
            details.append(self.tr("(This call was already stored; no second request was made.)"))
        self._show(receipt.reference, details)

    def show_attached(self, receipt: AttachReceipt, time_zone: str) -> None:
        details = [
            self.tr("Already reported: the caller now follows this request."),
            *self._lines(receipt.service_name, receipt.queue_name, receipt.due_at, time_zone),
        ]
        self._show(receipt.reference, details)

    def recall(self) -> None:
        if self._last is not None:
            self._show(*self._last)

    def hide(self) -> None:
        self._ui.readBackCard.hide()

    def _lines(
        self, service: str, queue: str, due_at: datetime | None, time_zone: str
    ) -> list[str]:
        return [
            self.tr("Category: %1").replace("%1", service),
            self.tr("Expected by: %1").replace("%1", spoken_date(due_at, time_zone)),
            self._what_happens_next(queue, due_at, time_zone),
        ]

    def _what_happens_next(self, queue: str, due_at: datetime | None, time_zone: str) -> str:
        who = queue or self.tr("The city")
        if due_at is None:
            return self.tr(
                "%1 will review it; you can follow it with your reference number."
            ).replace("%1", who)
        return (
            self.tr("%1 will work on it; we expect it done by %2.")
            .replace("%1", who)
            .replace("%2", spoken_date(due_at, time_zone))
        )

    def _show(self, reference: str, details: list[str]) -> None:
        self._last = (reference, details)
        self._ui.readBackReference.setText(reference)
        self._ui.readBackDetails.setText("\n".join(details))
        self._ui.readBackCard.show()
        self._ui.recallButton.setEnabled(True)
