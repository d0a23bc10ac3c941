"""The Queues & teams page's questions: a new queue, team or crew, a new name, where to move it;
a refusal is said under the field it is about, and what was typed stays."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from operator_console.services.admin.queues.ports import QueueDraft, QueueRow, QueueTree

_REFUSAL_STYLE = "color: #c62828; font-weight: 600;"


class QueueDialog(QDialog):
    """A window-modal question whose OK asks the page to save (`submitted`); the dialog stays
    open, saying why under the field concerned, until the save works (`saved`) or the person
    cancels.

    Signals:
        submitted(object): what the person asked for; the page runs it in the background.
    """

    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        self.form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        self.refusal = _refusal_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._field_refusals: dict[str, QLabel] = {}

    def add_field(self, name: str, label: str, widget: QWidget, accessible: str) -> None:
        """A labelled input (`label` with its &mnemonic) and, under it, its refusal line."""
        widget.setObjectName(f"{name}Field")
        widget.setAccessibleName(accessible)
        self.fields[name] = widget
        self.form.addRow(label, widget)
        refusal = _refusal_label(self)
        refusal.setObjectName(f"{name}Refusal")
        self._field_refusals[name] = refusal
        self.form.addRow("", refusal)

    def finish_form(self) -> None:
        """The refusal and buttons below the fields; Tab goes through the fields in order,
        starting at the first."""
        self.form.addRow(self.refusal)
        self.form.addRow(self.buttons)
        chain = [*self.fields.values(), self.buttons]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def request(self) -> object:
        """What to save, from the fields as typed."""
        raise NotImplementedError

    def accept(self) -> None:
        self._clear_refusals()
        self.set_busy(True)
        self.submitted.emit(self.request())

    def saved(self) -> None:
        self.set_busy(False)
        super().accept()

    def refuse(self, message: str, field: str = "") -> None:
        """Say why under `field` (and put the cursor there), or under the form."""
        self.set_busy(False)
        self._clear_refusals()
        label = self._field_refusals.get(field, self.refusal)
        label.setText(message)
        label.show()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def refusal_text(self) -> str:
        """Every refusal shown, in one string (tests, screen readers)."""
        labels = [self.refusal, *self._field_refusals.values()]
        return " ".join(label.text() for label in labels if not label.isHidden())

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Saving…") if busy else self.tr("OK"))

    def _clear_refusals(self) -> None:
        for label in (self.refusal, *self._field_refusals.values()):
            label.hide()


class AddQueueDialog(QueueDialog):
    """A new queue in a department, or (`team`) a new team or crew under a queue."""

    def __init__(
        self, tree: QueueTree, team: bool, preselected: str | None, parent: QWidget
    ) -> None:
        title = self.tr("Add a team or crew") if team else self.tr("Add a queue")
        super().__init__(title, parent)
        self.team = team
        self.kind = QComboBox(self)
        self.department = QComboBox(self)
        self.parent_queue = QComboBox(self)
        if team:
            self.kind.addItem(self.tr("Team"), "team")
            self.kind.addItem(self.tr("Crew"), "crew")
            self.add_field("kind", self.tr("&Kind:"), self.kind, self.tr("Team or crew"))
            for department in tree.departments:
                for queue in tree.in_department(department.code):
                    if queue.values.active:
                        self.parent_queue.addItem(f"{queue.label} — {department.name}", queue.code)
            self.add_field(
                "parent", self.tr("&Works for:"), self.parent_queue, self.tr("Queue it works for")
            )
            _preselect(self.parent_queue, preselected)
        else:
            for department in tree.departments:
                self.department.addItem(f"{department.name} ({department.code})", department.code)
            self.add_field(
                "department", self.tr("&Department:"), self.department, self.tr("Department")
            )
            _preselect(self.department, preselected)
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("As staff see it: Street signs"))
        self.add_field("name", self.tr("&Name:"), self.name, self.tr("Name"))
        self.code = QLineEdit(self)
        self.code.setMaxLength(80)
        self.code.setPlaceholderText(self.tr("Short and unique: PWD_SIGNS"))
        self.add_field("code", self.tr("&Code:"), self.code, self.tr("Code"))
        for combo in (self.kind, self.department, self.parent_queue):
            combo.setVisible(combo in self.fields.values())
        self.finish_form()

    def request(self) -> QueueDraft:
        if self.team:
            return QueueDraft(
                code=self.code.text(),
                name=self.name.text(),
                kind=str(self.kind.currentData() or "team"),
                parent_code=str(self.parent_queue.currentData() or ""),
            )
        return QueueDraft(
            code=self.code.text(),
            name=self.name.text(),
            department_code=str(self.department.currentData() or ""),
        )


class RenameDialog(QueueDialog):
    """A new name for a queue, team or crew (its code stays)."""

    def __init__(self, row: QueueRow, parent: QWidget) -> None:
        super().__init__(self.tr("Rename %1").replace("%1", row.label), parent)
        self.name = QLineEdit(row.values.name, self)
        self.name.setMaxLength(200)
        self.name.selectAll()
        self.add_field("name", self.tr("&Name:"), self.name, self.tr("New name"))
        self.finish_form()

    def request(self) -> str:
        return self.name.text()


class MoveDialog(QueueDialog):
    """Another department for a queue (its teams and crews follow), or another queue for a
    team or crew."""

    def __init__(self, row: QueueRow, tree: QueueTree, parent: QWidget) -> None:
        super().__init__(self.tr("Move %1").replace("%1", row.label), parent)
        self.destination = QComboBox(self)
        if row.values.kind == "queue":
            for department in tree.departments:
                self.destination.addItem(f"{department.name} ({department.code})", department.code)
            _preselect(self.destination, row.values.department_code)
            label, accessible = self.tr("&Department:"), self.tr("Department to move it to")
            teams = len(tree.under(row.code))
            if teams:
                note = QLabel(
                    self.tr("Its %1 team(s) and crew(s) move with it.").replace("%1", str(teams))
                )
                self.form.addRow(note)
        else:
            for department in tree.departments:
                for queue in tree.in_department(department.code):
                    if queue.values.active:
                        self.destination.addItem(f"{queue.label} — {department.name}", queue.code)
            _preselect(self.destination, row.values.parent_code)
            label, accessible = self.tr("&Works for:"), self.tr("Queue to move it under")
        self.add_field("destination", label, self.destination, accessible)
        self.finish_form()

    def request(self) -> str:
        return str(self.destination.currentData() or "")


def _refusal_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(_REFUSAL_STYLE)
    label.hide()
    return label


def _preselect(combo: QComboBox, code: str | None) -> None:
    if code is not None:
        index = combo.findData(code)
        if index >= 0:
            combo.setCurrentIndex(index)
