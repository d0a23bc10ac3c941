"""An escalation rule's question: when (at risk, overdue, overdue by N business hours), what
(notify, raise the priority, move to a queue) and for which SLA policy."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from operator_console.services.escalation.rule_admin import NewRule, RuleChoices, RuleLine
from operator_console.services.escalation.rules import EscalationAction, Trigger
from operator_console.ui.admin.sla.dialogs import SlaDialog


class RuleDialog(SlaDialog):
    """A new rule, or what an existing one (`before`) says; the hours are asked only for
    'overdue by', the queue only for 'move to a queue'."""

    def __init__(self, before: RuleLine | None, choices: RuleChoices, parent: QWidget) -> None:
        title = (
            self.tr("Add an escalation rule")
            if before is None
            else self.tr("Change escalation rule %1").replace("%1", str(before.rule.id))
        )
        super().__init__(title, parent)
        self.before = before
        self.trigger = QComboBox(self)
        for text, trigger in (
            (self.tr("At risk of missing its due time"), "at_risk"),
            (self.tr("Overdue"), "overdue"),
            (self.tr("Overdue by some business hours"), "overdue_by"),
        ):
            self.trigger.addItem(text, trigger)
        self.hours = QLineEdit(self)
        self.hours.setPlaceholderText(self.tr("Business hours past due, e.g. 8"))
        self.action = QComboBox(self)
        for text, action in (
            (self.tr("Notify the department"), "notify"),
            (self.tr("Raise the priority one step, and notify"), "raise_priority"),
            (self.tr("Move to a queue, and notify its department"), "move_queue"),
        ):
            self.action.addItem(text, action)
        self.queue = QComboBox(self)
        self.queue.addItem(self.tr("(choose a queue)"), None)
        for code, name in choices.queues:
            self.queue.addItem(f"{name} ({code})", code)
        self.policy = QComboBox(self)
        self.policy.addItem(self.tr("Every SLA policy"), None)
        for code, name in choices.policies:
            self.policy.addItem(f"{name} ({code})", code)
        self.add_field("trigger", self.tr("&When a case is:"), self.trigger, self.tr("Trigger"))
        self.add_field("hours", self.tr("&Hours past due:"), self.hours, self.tr("Hours past due"))
        self.add_field("action", self.tr("&Then:"), self.action, self.tr("Action"))
        self.add_field(
            "queue", self.tr("&Queue:"), self.queue, self.tr("Queue to move the case to")
        )
        self.add_field("policy", self.tr("For &policy:"), self.policy, self.tr("SLA policy"))
        if before is not None:
            self._show(before)
            note = QLabel(
                self.tr(
                    "Cases the rule already fired on keep what it did; it does not fire twice."
                ),
                self,
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.trigger.currentIndexChanged.connect(lambda _index: self._enable())
        self.action.currentIndexChanged.connect(lambda _index: self._enable())
        self._enable()
        self.finish_form()

    def _show(self, line: RuleLine) -> None:
        rule = line.rule
        self.trigger.setCurrentIndex(self.trigger.findData(rule.trigger))
        self.hours.setText("" if rule.hours is None else f"{rule.hours:g}")
        self.action.setCurrentIndex(self.action.findData(rule.action))
        self.queue.setCurrentIndex(max(self.queue.findData(line.queue_code), 0))
        self.policy.setCurrentIndex(max(self.policy.findData(line.policy_code), 0))

    def _enable(self) -> None:
        self.hours.setEnabled(self.trigger.currentData() == "overdue_by")
        self.queue.setEnabled(self.action.currentData() == "move_queue")

    def request(self) -> NewRule | None:
        trigger: Trigger = self.trigger.currentData()
        action: EscalationAction = self.action.currentData()
        hours: float | None = None
        if trigger == "overdue_by":
            typed = self.hours.text().strip().replace(",", ".")
            try:
                hours = float(typed)
            except ValueError:
                words = self.tr("Type how many business hours past due, e.g. 8")
                if typed:
                    words = self.tr("%1 is not a number of hours.").replace("%1", repr(typed))
                self.refuse(words, "hours")
                return None
        queue = self.queue.currentData() if action == "move_queue" else None
        return NewRule(trigger, action, self.policy.currentData(), hours, queue)
