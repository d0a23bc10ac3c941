"""Offering to fill in the name, e-mail and way to reply a known phone number's caller gave
before."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from operator_console.domain.caller import Caller, split_name
from operator_console.services.intake.gateway import KnownCaller
from operator_console.ui.forms.ui_intake_panel import Ui_IntakePanel
from operator_console.ui.intake.caller_reply import reply_index
from operator_console.ui.intake.presenter import IntakePresenter

FILL_KEY = "F2"


class CallerFillOffer(QObject):
    """Says what a known number's caller gave before and fills the empty fields on request.

    Never replaces what was typed: the name goes in only when both name fields are empty, the
    e-mail only when its field is empty, the way to reply only when "Reply by" still shows its
    first choice.

    Signals:
        filled: fields were filled in (the draft should be saved).
    """

    filled = Signal()

    def __init__(self, ui: Ui_IntakePanel, presenter: IntakePresenter, panel: QWidget) -> None:
        super().__init__(panel)
        self._ui = ui
        self._known: KnownCaller | None = None
        self.row = QWidget(panel)
        self.row.setObjectName("callerKnownRow")
        self.label = QLabel(self.row)
        self.label.setObjectName("callerKnown")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.row)
        self.button.setObjectName("callerFillButton")
        self.button.setAccessibleName(self.tr("Fill in the caller's name and e-mail"))
        self.button.setToolTip(self.tr("Only empty fields are filled in; nothing typed changes."))
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        ui.callerLayout.addWidget(self.row, ui.callerLayout.rowCount(), 0, 1, 2)
        self.row.hide()
        presenter.caller_known.connect(self._on_caller_known)
        ui.callerPhone.textChanged.connect(self._forget)
        for line in (ui.callerFirstName, ui.callerLastName, ui.callerEmail):
            line.textChanged.connect(self._show_offer)
        ui.callerAnonymous.toggled.connect(self._show_offer)
        ui.callerReplyBy.currentIndexChanged.connect(self._show_offer)
        self.button.clicked.connect(self.fill)

    @Slot(object)
    def _on_caller_known(self, known: KnownCaller | None) -> None:
        self._known = known
        self._show_offer()

    def _forget(self) -> None:
        """Another number is being typed: what was known belongs to the last one."""
        self._known = None
        self.row.hide()

    def _fills(self) -> dict[QLineEdit, str]:
        ui, known = self._ui, self._known
        if known is None or ui.callerAnonymous.isChecked():
            return {}
        fills = {}
        first, last = split_name(known.name)
        if first and not ui.callerFirstName.text().strip() and not ui.callerLastName.text().strip():
            fills[ui.callerFirstName] = first
            if last:
                fills[ui.callerLastName] = last
        if known.email and not ui.callerEmail.text().strip():
            fills[ui.callerEmail] = known.email
        return fills

    def _reply_fill(self) -> int | None:
        """The "Reply by" choice to fill in: the known caller's, when the field still shows
        its first choice and theirs is another; else None."""
        ui, known = self._ui, self._known
        if known is None or ui.callerAnonymous.isChecked() or ui.callerReplyBy.currentIndex():
            return None
        said = Caller(preferred_channel=known.preferred_channel, no_messages=known.no_messages)
        choice = reply_index(ui.callerReplyBy, said)
        return choice or None

    def _show_offer(self) -> None:
        fills = self._fills()
        reply = self._reply_fill()
        if self._known is None or not (fills or reply is not None):
            self.row.hide()
            return
        given = ", ".join(part for part in (self._known.name, self._known.email) if part)
        self.label.setText(self.tr("This number was given before by %1.").replace("%1", given))
        key = QKeySequence(FILL_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        with_name = self._ui.callerFirstName in fills
        with_email = self._ui.callerEmail in fills
        if with_name and with_email:
            text = self.tr("Fill in name and e-mail (%1)")
        elif with_name:
            text = self.tr("Fill in name (%1)")
        elif with_email:
            text = self.tr("Fill in e-mail (%1)")
        else:
            text = self.tr("Fill in how they hear back (%1)")
        self.button.setText(text.replace("%1", key))
        self.row.show()

    def fill(self) -> None:
        """Put the known name and e-mail into the fields that are still empty, and the way to
        reply into "Reply by" when it still shows its first choice."""
        fills = self._fills()
        reply = self._reply_fill()
        for line, value in fills.items():
            line.setText(value)
        if reply is not None:
            self._ui.callerReplyBy.setCurrentIndex(reply)
        if fills or reply is not None:
            self.filled.emit()
