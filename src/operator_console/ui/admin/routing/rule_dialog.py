"""The rule dialog: which requests (service or group, district), where they go (queue,
priority), in which order (rank), and why (note); a refusal stays in it, at its field."""

from __future__ import annotations

from typing import cast

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

from operator_console.domain.lifecycle import Priority
from operator_console.services.admin.routing.ports import RoutingChoices, RoutingRuleRow, RuleDraft
from operator_console.ui.admin.routing.pickers import SearchCombo, queue_entries, service_entries
from operator_console.ui.common.formatting import priority_label

_ANY_LAYER = ""


class RuleDialog(QDialog):
    """Adds a rule (no `rule`) or changes one. OK emits `submitted(RuleDraft)`; the page saves
    it in the background and calls `saved()` or `refuse(message, field)`: the dialog stays
    open, with what was typed, until the save works or the person cancels.

    Signals:
        submitted(object): the `RuleDraft` to save.
    """

    submitted = Signal(object)

    def __init__(
        self, choices: RoutingChoices, rule: RoutingRuleRow | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routingRuleDialog")
        self.rule = rule
        title = self.tr("Add a routing rule") if rule is None else self.tr("Change rule %1")
        self.setWindowTitle(title.replace("%1", str(rule.id) if rule else ""))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._choices = choices
        self.service = SearchCombo(self.tr("Service or group"), self)
        self.service.set_entries(service_entries(choices, self.tr("Any service")))
        self.layer = QComboBox(self)
        self.layer.setAccessibleName(self.tr("District layer"))
        self.layer.addItem(self.tr("Any district"), _ANY_LAYER)
        for layer in sorted({district.layer for district in choices.districts}):
            self.layer.addItem(layer.capitalize(), layer)
        self.district = SearchCombo(self.tr("District"), self)
        self.queue = SearchCombo(self.tr("Queue"), self)
        self.queue.set_entries(queue_entries(choices))
        self.priority = QComboBox(self)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority.addItem(self.tr("The service's own"), "")
        for priority in Priority:
            self.priority.addItem(priority_label(priority), priority.value)
        self.rank = QLineEdit("100", self)
        self.rank.setAccessibleName(self.tr("Rank"))
        self.rank.setToolTip(self.tr("Of two rules that reach as far, the lower rank wins."))
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Why this rule exists (optional)"))
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setStyleSheet("color: #c62828; font-weight: 600;")
        self.refusal.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.form = form = QFormLayout(self)
        form.addRow(self.tr("&Requests for:"), self.service)
        form.addRow(self.tr("District &layer:"), self.layer)
        form.addRow(self.tr("&District:"), self.district)
        form.addRow(self.tr("Go to &queue:"), self.queue)
        form.addRow(self.tr("&Priority:"), self.priority)
        form.addRow(self.tr("R&ank:"), self.rank)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.refusal)
        form.addRow(self.buttons)
        self.fields: dict[str, QWidget] = {
            "service": self.service,
            "district": self.district,
            "queue": self.queue,
            "priority": self.priority,
            "rank": self.rank,
            "note": self.note,
        }
        self.layer.currentIndexChanged.connect(self._show_layer)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if rule is not None:
            self._fill(rule)
        self._show_layer()
        self.resize(560, self.sizeHint().height())
        self.service.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _fill(self, rule: RoutingRuleRow) -> None:
        target = rule.target
        service = (target.service_code or "", target.service_group or "")
        if target.service_code is not None:
            service_text = f"{rule.service_name} ({target.service_code})"
        else:
            service_text = self.tr("Group: %1").replace("%1", target.service_group or "")
        self.service.choose_or_add(service_text, service)
        if target.district is not None:
            self.layer.setCurrentIndex(max(self.layer.findData(target.district.layer), 0))
            self._show_layer()
            code = target.district.code
            self.district.choose_or_add(f"{rule.district_name} ({code})", code)
        self.queue.choose_or_add(f"{rule.queue_name} ({target.queue_code})", target.queue_code)
        self.priority.setCurrentIndex(max(self.priority.findData(target.priority or ""), 0))
        self.rank.setText(str(target.rank))
        self.note.setText(target.note)

    def _show_layer(self) -> None:
        layer = str(self.layer.currentData())
        keep = self.district.chosen()
        entries = [
            (d.name if d.name == d.code else f"{d.name} ({d.code})", d.code)
            for d in self._choices.districts
            if d.layer == layer
        ]
        self.district.set_entries(entries, keep)
        self.district.setEnabled(layer != _ANY_LAYER)

    def draft(self) -> RuleDraft | None:
        """What was typed, as a draft; None after saying which pick is not in its list."""
        service = self.service.chosen()
        if not isinstance(service, tuple):
            self.refuse(self.tr("Choose a service or a group from the list."), "service")
            return None
        layer = str(self.layer.currentData())
        district = self.district.chosen() if layer != _ANY_LAYER else ""
        if district is None:
            self.refuse(self.tr("Choose a district of this layer from the list."), "district")
            return None
        queue = self.queue.chosen()
        if queue is None:
            self.refuse(self.tr("Choose the queue from the list."), "queue")
            return None
        return RuleDraft(
            service_code=str(service[0]),
            service_group=str(service[1]),
            district_layer=layer,
            district_code=str(district),
            queue_code=str(queue),
            priority=str(self.priority.currentData()),
            rank=self.rank.text(),
            note=self.note.text(),
        )

    def accept(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        self.refusal.hide()
        self.set_busy(True)
        self.submitted.emit(draft)

    def saved(self) -> None:
        self.set_busy(False)
        super().accept()

    def refuse(self, message: str, field: str = "") -> None:
        """Say why nothing was saved, under the field it is about (above the buttons when it is
        about the whole rule), and put the cursor in that field."""
        self.set_busy(False)
        widget = self.fields.get(field)
        self._place_refusal(widget)
        self.refusal.setText(message)
        self.refusal.show()
        if widget is not None:
            widget.setFocus()

    def _place_refusal(self, widget: QWidget | None) -> None:
        form = self.form
        row = self._row_of(self.refusal)
        if row >= 0:
            form.takeRow(row)
        after = self._row_of(widget) if widget is not None else -1
        if after < 0:
            form.insertRow(self._row_of(self.buttons), self.refusal)
        else:
            form.insertRow(after + 1, self.refusal)

    def _row_of(self, widget: QWidget) -> int:
        position = cast(tuple[int, object], self.form.getWidgetPosition(widget))
        return position[0]

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Saving…") if busy else self.tr("OK"))
