"""Choosing who is at a console that runs on the embedded SQLite file."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from operator_console.services.session import StaffIdentity
from operator_console.ui.common.preferences import preferences
from operator_console.ui.shell.roles import role_name

LAST_LOGIN_KEY = "startup/last_login"


class StaffChooser(QDialog):
    """A list of staff; the chosen login is recorded on every history event.

    It proposes the person chosen last on this computer, else the first operator (never the
    administrator by default), and remembers whoever is chosen.
    """

    def __init__(
        self,
        staff: list[StaffIdentity],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else preferences()
        self.setWindowTitle(self.tr("Who is at this console?"))
        self.combo = QComboBox()
        self.combo.setObjectName("staffCombo")
        self.combo.setAccessibleName(self.tr("Staff member"))
        for person in staff:
            self.combo.addItem(f"{person.display_name} ({role_name(person.role)})", person.login)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every action you take is recorded under your name.")))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)
        self.combo.setCurrentIndex(max(self.combo.findData(self._proposed(staff)), 0))

    def _proposed(self, staff: list[StaffIdentity]) -> str | None:
        last = self._settings.value(LAST_LOGIN_KEY)
        if isinstance(last, str) and any(person.login == last for person in staff):
            return last
        operators = [person.login for person in staff if person.role == "operator"]
        return operators[0] if operators else None

    def accept(self) -> None:
        self._settings.setValue(LAST_LOGIN_KEY, self.chosen_login())
        super().accept()

    def chosen_login(self) -> str:
        return str(self.combo.currentData())
