"""Choosing who is at a console that runs on the embedded SQLite file."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from operator_console.services.session import StaffIdentity


class StaffChooser(QDialog):
    """A list of staff; the chosen login is recorded on every history event."""

    def __init__(self, staff: list[StaffIdentity], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is at this console?"))
        self.combo = QComboBox()
        self.combo.setObjectName("staffCombo")
        self.combo.setAccessibleName(self.tr("Staff member"))
        for person in staff:
            self.combo.addItem(f"{person.display_name} ({person.role})", person.login)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every action you take is recorded under your name.")))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def chosen_login(self) -> str:
        return str(self.combo.currentData())
