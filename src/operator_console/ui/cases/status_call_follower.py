"""The caller of a status call, added as a follower of the case (kept informed by e-mail)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from operator_console.domain.caller import Caller, PhoneNumberError, split_name
from operator_console.services.cases.detail import CaseDetail
from operator_console.services.duplicates.desk import DuplicateDesk
from operator_console.services.duplicates.finder import AttachReceipt
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for


class FollowerForm(QWidget):
    """Name, phone and e-mail of the caller, and a button that makes them a follower of the
    case on screen, through the same use case intake uses to add a caller to a request.

    Signals:
        caller_added(object): the `AttachReceipt` of the caller now following the case.
        said(str): what to tell the operator: added, or why not.
    """

    caller_added = Signal(object)
    said = Signal(str)

    def __init__(
        self, desk: DuplicateDesk, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._runner = runner
        self._detail: CaseDetail | None = None
        self._adding = False
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Caller's name"))
        self.name.setAccessibleName(self.tr("Caller's name"))
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.phone.setAccessibleName(self.tr("Caller's phone"))
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(self.tr("E-mail for updates"))
        self.email.setAccessibleName(self.tr("Caller's e-mail"))
        self.add_button = QPushButton(self.tr("&Follow this case"), self)
        self.add_button.setToolTip(
            self.tr("Add the caller as a follower: they are told of updates")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Caller:"), self))
        layout.addWidget(self.name, 2)
        layout.addWidget(self.phone, 1)
        layout.addWidget(self.email, 2)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self._on_add_clicked)

    def set_case(self, detail: CaseDetail | None) -> None:
        """The case a caller will follow (its version on screen)."""
        self._detail = detail

    def clear(self) -> None:
        for field in (self.name, self.phone, self.email):
            field.clear()

    @Slot()
    def _on_add_clicked(self) -> None:
        detail = self._detail
        if detail is None or self._adding:
            return
        first, last = split_name(self.name.text())
        caller = Caller(first, last, self.phone.text(), self.email.text())
        if caller.is_anonymous:
            self.said.emit(self.tr("Type the caller's name, phone or e-mail first."))
            self.name.setFocus()
            return
        self._adding = True
        self.add_button.setEnabled(False)
        desk, case = self._desk, detail.record.state
        self._runner.submit(
            lambda: desk.attach_caller(case.id, detail.version, caller),
            self._on_added,
            self._on_failed,
            owner=self,
        )

    def _on_added(self, receipt: AttachReceipt) -> None:
        self._adding = False
        self.add_button.setEnabled(True)
        if receipt.already_following:
            text = self.tr("The caller already follows %1.")
        else:
            text = self.tr("The caller now follows %1 and will be told of updates.")
        self.said.emit(text.replace("%1", receipt.reference))
        self.caller_added.emit(receipt)

    def _on_failed(self, error: BaseException) -> None:
        self._adding = False
        self.add_button.setEnabled(True)
        reason = reason_for(error, (PhoneNumberError,))
        self.said.emit(self.tr("The caller was not added: %1").replace("%1", reason))
