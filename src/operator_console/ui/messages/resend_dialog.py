"""Correct and send again: the address to send a message to, refusals said at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.outbox_view.desk import MessageDesk
from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.services.outbox_view.resend import ResendRefusedError, Resent
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.message_words import channel_label, kind_label
from operator_console.ui.common.problem_line import reason_for


class ResendDialog(QDialog):
    """Asks for the address, then re-sends off the Qt thread. A refusal (not an address,
    already re-sent by someone else, the database unreachable) is shown under the field and
    the dialog stays open with what was typed.

    Signals:
        resent(object): the `Resent` receipt, once the message is due again.
    """

    resent = Signal(object)

    def __init__(
        self,
        desk: MessageDesk,
        runner: BackgroundRunner,
        message: OutboxMessage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resendDialog")
        self.setWindowTitle(self.tr("Correct and send again"))
        self._desk = desk
        self._runner = runner
        self.message = message
        what = self.tr("%1 “%2” for %3").replace("%1", channel_label(message.channel))
        what = what.replace("%2", kind_label(message.kind)).replace("%3", message.reference)
        intro = QLabel(what, self)
        intro.setWordWrap(True)
        why = QLabel(
            self.tr("Last error: %1").replace("%1", message.last_error)
            if message.last_error
            else "",
            self,
        )
        why.setWordWrap(True)
        why.setVisible(bool(message.last_error))
        prompt = (
            self.tr("Send it to this &phone number:")
            if message.channel == "sms"
            else self.tr("Send it to this &e-mail address:")
        )
        label = QLabel(prompt, self)
        self.address = QLineEdit(message.recipient, self)
        self.address.setObjectName("resendAddress")
        self.address.selectAll()
        label.setBuddy(self.address)
        self.problem = QLabel(self)
        self.problem.setObjectName("resendProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        note = QLabel(
            self.tr("The caller's own address is corrected too, for the next messages."), self
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #52606d;")
        note.setVisible(message.caller_id is not None)
        buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(self.tr("&Send again"), self)
        self.send_button.setDefault(True)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for widget in (intro, why, label, self.address, self.problem, note, buttons):
            layout.addWidget(widget)
        self.send_button.clicked.connect(self.send)
        buttons.rejected.connect(self.reject)
        self.address.textEdited.connect(lambda _text: self.problem.hide())
        self.resize(460, self.sizeHint().height())

    def send(self) -> None:
        """Re-send to the address typed, as of the status the message had when it was read."""
        self.send_button.setEnabled(False)
        self.problem.hide()
        desk, message, typed = self._desk, self.message, self.address.text()
        self._runner.submit(
            lambda: desk.resend(message.id, typed, message.status),
            self._on_resent,
            self._on_refused,
            owner=self,
        )

    def _on_resent(self, receipt: Resent) -> None:
        self.resent.emit(receipt)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.problem.setText(reason_for(error, (ResendRefusedError, NotPermittedError)))
        self.problem.show()
        self.address.setFocus()
