"""Signing in to the central database: login and password, and the server's answer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SignInDialog(QDialog):
    """Asks for a login and a password; Enter signs in, Esc (Quit) cancels.

    The dialog stays open while the console connects; `show_refusal` puts the server's answer
    in it and keeps the login typed. The password leaves the field as soon as it is sent.

    Signals:
        sign_in_requested(str, str): the login and the password ("" lets the database's own
            client find one: .pgpass, a service file, Kerberos, a certificate).
    """

    sign_in_requested = Signal(str, str)

    def __init__(self, server: str, login: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — Operator Console"))
        self.server_label = QLabel(self.tr("Server: %1").replace("%1", server))
        self.server_label.setObjectName("signInServer")
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("loginEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        login_label = QLabel(self.tr("&Login:"))
        login_label.setBuddy(self.login_edit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(login_label, self.login_edit)
        form.addRow(password_label, self.password_edit)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        quit_button = self.buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setAutoDefault(False)  # Enter signs in, even while Quit has the focus
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.server_label)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._focus_first_empty()

    def accept(self) -> None:
        """Enter or Sign in: send the login and password; the dialog waits for the answer."""
        login = self.login_edit.text().strip()
        if not login:
            self._say(self.tr("Type your login."))
            self.login_edit.setFocus()
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        self._say(self.tr("Signing in…"))
        self._set_busy(True)
        self.sign_in_requested.emit(login, password)

    def show_refusal(self, message: str) -> None:
        """The server's or the console's answer; the login stays as typed."""
        self._set_busy(False)
        self._say(message)
        self._focus_first_empty()

    def signed_in(self) -> None:
        """The console is open: the dialog goes."""
        super().accept()

    def offer_another_login(self) -> None:
        """After signing out: the login is selected, ready for the next person's."""
        self.login_edit.selectAll()
        self.login_edit.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()  # a long refusal is read whole, never cut off

    def _set_busy(self, busy: bool) -> None:
        self.login_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setDefault(True)

    def _focus_first_empty(self) -> None:
        if self.login_edit.text():
            self.password_edit.setFocus()
        else:
            self.login_edit.setFocus()
