"""The Staff screen's questions: who to add, which role, which queues, which new password;
refusals stay in them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import Role
from operator_console.services.staff.ports import NewStaff, QueueChoice, StaffMember
from operator_console.ui.staff.table_model import role_label


class StaffDialog(QDialog):
    """A window-modal question whose OK asks the panel to save (`submitted`); the dialog stays
    open, saying why, until the save works (`saved`) or the person cancels.

    Signals:
        submitted(object): what the person asked for; the panel runs it in the background.
    """

    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QFormLayout(self)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setStyleSheet("color: #c62828; font-weight: 600;")
        self.refusal.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self) -> None:
        self.form.addRow(self.refusal)
        self.form.addRow(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def request(self) -> object | None:
        """What to save, or None after saying (`refuse`) what is missing."""
        raise NotImplementedError

    def accept(self) -> None:
        asked = self.request()
        if asked is None:
            return
        self.refusal.hide()
        self.set_busy(True)
        self.submitted.emit(asked)

    def saved(self) -> None:
        self.set_busy(False)
        super().accept()

    def refuse(self, message: str, field: QWidget | None = None) -> None:
        self.set_busy(False)
        self.refusal.setText(message)
        self.refusal.show()
        if field is not None:
            field.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Saving…") if busy else self.tr("OK"))


class AddStaffDialog(StaffDialog):
    """Login, name, role, e-mail, queues and, where staff sign in with their own database
    login, a first password typed twice."""

    def __init__(self, queues: tuple[QueueChoice, ...], has_logins: bool, parent: QWidget) -> None:
        super().__init__(self.tr("Add a staff member"), parent)
        self.login = QLineEdit(self)
        self.login.setPlaceholderText(self.tr("jsmith: lower-case letters, digits, _ . -"))
        self.login.setMaxLength(63)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("As colleagues read it"))
        self.role = role_combo(self)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(self.tr("Optional"))
        self.queues = QueueChecklist(queues, (), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Empty: signs in another way"))
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("&Login:"), self.login)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&E-mail:"), self.email)
        self.form.addRow(self.tr("&Queues:"), self.queues)
        if has_logins:
            self.form.addRow(self.tr("First &password:"), self.password)
            self.form.addRow(self.tr("Password a&gain:"), self.password_again)
        else:
            self.password.hide()
            self.password_again.hide()
        self.finish_form()
        self.resize(520, self.sizeHint().height())
        self.login.setFocus()

    def request(self) -> NewStaff | None:
        password = self.password.text()
        if password != self.password_again.text():
            self.refuse(self.tr("The two passwords differ: type them again."), self.password)
            return None
        return NewStaff(
            self.login.text().strip(),
            self.name.text(),
            str(self.role.currentData()),
            self.email.text(),
            self.queues.checked_codes(),
            password or None,
        )


class SetPasswordDialog(StaffDialog):
    """A new password for the selected person's login, typed twice."""

    def __init__(self, member: StaffMember, parent: QWidget) -> None:
        super().__init__(self.tr("Set a password"), parent)
        who = QLabel(f"{member.display_name} ({member.login})", self)
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("For:"), who)
        self.form.addRow(self.tr("New &password:"), self.password)
        self.form.addRow(self.tr("Password a&gain:"), self.password_again)
        self.finish_form()
        self.password.setFocus()

    def request(self) -> str | None:
        password = self.password.text()
        if password != self.password_again.text():
            self.refuse(self.tr("The two passwords differ: type them again."), self.password)
            return None
        return password


class ChangeRoleDialog(StaffDialog):
    """The new role of one person."""

    def __init__(self, member: StaffMember, parent: QWidget) -> None:
        super().__init__(
            self.tr("Change the role of %1").replace("%1", member.display_name), parent
        )
        self.member = member
        self.role = role_combo(self)
        self.role.setCurrentIndex(max(self.role.findData(member.role), 0))
        self.form.addRow(self.tr("&Role:"), self.role)
        self.finish_form()
        self.resize(420, self.sizeHint().height())
        self.role.setFocus()

    def request(self) -> str:
        return str(self.role.currentData())


class QueuesDialog(StaffDialog):
    """The queues one person works in (a dispatcher's or supervisor's departments follow)."""

    def __init__(
        self, member: StaffMember, queues: tuple[QueueChoice, ...], parent: QWidget
    ) -> None:
        super().__init__(self.tr("Queues of %1").replace("%1", member.display_name), parent)
        self.member = member
        self.queues = QueueChecklist(queues, member.queues, self)
        self.form.addRow(self.tr("&Queues:"), self.queues)
        self.finish_form()
        self.resize(460, self.sizeHint().height())
        self.queues.setFocus()

    def request(self) -> tuple[str, ...]:
        return self.queues.checked_codes()


def role_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(role_label(role.value), role.value)
    return combo


class QueueChecklist(QWidget):
    """The active queues with a check box each (Space ticks the highlighted one), and a field
    above them that shows only the queues whose name or code holds what is typed."""

    def __init__(
        self, queues: tuple[QueueChoice, ...], chosen: tuple[str, ...], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a queue…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a queue"))
        self.list = QListWidget(self)
        self.list.setObjectName("queueChoices")
        self.list.setAccessibleName(self.tr("Queues"))
        for queue in queues:
            item = QListWidgetItem(f"{queue.name} ({queue.code})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, queue.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = queue.code in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self._show_matching)
        self.search.returnPressed.connect(self.list.setFocus)

    def item(self, row: int) -> QListWidgetItem:
        return self.list.item(row)

    def checked_codes(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _show_matching(self, typed: str) -> None:
        wanted = typed.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())
