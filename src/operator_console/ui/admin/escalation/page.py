"""The Escalation rules page: the rules of the SLA clock, added, changed and made inactive by an
admin, off the Qt thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.domain.wording import Words
from operator_console.services.escalation.rule_admin import (
    NewRule,
    RuleChoices,
    RuleLine,
    RuleProblemError,
)
from operator_console.services.escalation.rule_desk import RuleDesk, RuleSetup
from operator_console.ui.admin.escalation.rule_dialog import RuleDialog
from operator_console.ui.admin.sla.table_models import RowsModel
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.formatting import whole_number
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP
from operator_console.ui.common.words import shown

_SPOKEN = (RuleProblemError, NotPermittedError)


_TRIGGERS = {
    "at_risk": QT_TRANSLATE_NOOP("EscalationRulesPage", "At risk"),
    "overdue": QT_TRANSLATE_NOOP("EscalationRulesPage", "Overdue"),
}
_OVERDUE_BY = QT_TRANSLATE_NOOP("EscalationRulesPage", "Overdue by %1 business hours")
_ACTIONS = {
    "notify": QT_TRANSLATE_NOOP("EscalationRulesPage", "Notify"),
    "raise_priority": QT_TRANSLATE_NOOP("EscalationRulesPage", "Raise the priority"),
}
_MOVE_TO = QT_TRANSLATE_NOOP("EscalationRulesPage", "Move to %1")
_COLUMNS = (
    QT_TRANSLATE_NOOP("EscalationRulesPage", "Rule"),
    QT_TRANSLATE_NOOP("EscalationRulesPage", "SLA policy"),
    QT_TRANSLATE_NOOP("EscalationRulesPage", "When a case is"),
    QT_TRANSLATE_NOOP("EscalationRulesPage", "Then"),
    QT_TRANSLATE_NOOP("EscalationRulesPage", "Active"),
    QT_TRANSLATE_NOOP("EscalationRulesPage", "Cases fired on"),
)
_EVERY_POLICY = QT_TRANSLATE_NOOP("EscalationRulesPage", "Every policy")
_YES = QT_TRANSLATE_NOOP("EscalationRulesPage", "Yes")
_NO = QT_TRANSLATE_NOOP("EscalationRulesPage", "No")


def _tr(text: str) -> str:
    return QCoreApplication.translate("EscalationRulesPage", text)


def _when(line: RuleLine) -> str:
    rule = line.rule
    known = _TRIGGERS.get(rule.trigger)
    if known:
        return _tr(known)
    return _tr(_OVERDUE_BY).replace("%1", f"{rule.hours or 0:g}")


def _then(line: RuleLine) -> str:
    known = _ACTIONS.get(line.rule.action)
    if known:
        return _tr(known)
    return _tr(_MOVE_TO).replace("%1", line.queue_code or "?")


def rules_model(parent: QWidget) -> RowsModel[RuleLine]:
    cells: tuple[Callable[[RuleLine], str], ...] = (
        lambda line: str(line.rule.id),
        lambda line: line.policy_code or _tr(_EVERY_POLICY),
        _when,
        _then,
        lambda line: _tr(_YES) if line.rule.active else _tr(_NO),
        lambda line: whole_number(line.fired),
    )
    return RowsModel[RuleLine](
        [(_tr(title), cell) for title, cell in zip(_COLUMNS, cells, strict=True)], parent
    )


class EscalationRulesPage(QWidget):
    """The rules (Add rule…, Change rule…, Make inactive / Make active); a refusal is said under
    the field it is about, in the dialog, with what was typed kept."""

    def __init__(
        self,
        desk: RuleDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationRulesPage")
        self._desk = desk
        self._runner = runner
        self._read_once = False
        self.choices = RuleChoices((), ())
        self.dialog: RuleDialog | None = None
        title = QLabel(self.tr("Escalation rules"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "What the SLA clock does when an open case crosses a line: each rule fires "
                "once per case, with a history event and an alert for the case's department."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("escalationNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20; font-weight: 600;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        self.rules = rules_model(self)
        self.table = QTableView(self)
        self.table.setObjectName("escalationRuleTable")
        self.table.setAccessibleName(self.tr("Escalation rules"))
        self.table.setModel(self.rules)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add rule…"), self)
        self.change_button = QPushButton(self.tr("&Change rule…"), self)
        self.active_button = QPushButton(self.tr("Make &inactive"), self)
        self.active_button.setObjectName("ruleActiveButton")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (title, intro, self.notice, self.problem):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.ask_to_add)
        self.change_button.clicked.connect(self.ask_to_change)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.activated.connect(lambda _index: self.ask_to_change())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        config_bus.changed.connect(lambda _kind: self.refresh())
        self._add_key("Ctrl+N", self.tr("Add an escalation rule"), self.ask_to_add)
        self._add_key(
            "Ctrl+D", self.tr("Make the selected rule inactive, or active"), self.toggle_active
        )
        self._update_buttons()

    def _add_key(self, keys: str, text: str, slot: Callable[[], None]) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This page's keys and what they do (the Help dialog lists them)."""
        return [
            ("Ctrl+N", self.tr("Add an escalation rule")),
            ("Return", self.tr("Change the selected rule")),
            ("Ctrl+D", self.tr("Make the selected rule inactive, or active again")),
        ]

    def refresh(self) -> None:
        """Read the rules again."""
        self._runner.submit_latest("rules", self._desk.setup, self._show, self._unread, self)

    def loaded(self) -> bool:
        """True once the rules have been read."""
        return self._read_once

    def selected(self) -> RuleLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rules.row_at(rows[0].row()) if rows else None

    def select_rule(self, rule_id: int) -> None:
        for number, line in enumerate(self.rules.rows()):
            if line.rule.id == rule_id:
                self.table.selectionModel().select(
                    self.rules.index(number, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(self.rules.index(number, 0))
                return

    def ask_to_add(self) -> None:
        self._open(RuleDialog(None, self.choices, self), None)

    def ask_to_change(self) -> None:
        line = self.selected()
        if line is not None:
            self._open(RuleDialog(line, self.choices, self), line)

    def toggle_active(self) -> None:
        line = self.selected()
        if line is None:
            return
        rule_id, active = line.rule.id, not line.rule.active
        self._runner.submit(
            lambda: self._desk.set_active(rule_id, active),
            self._on_saved,
            self._on_refused,
            owner=self,
        )

    def _open(self, dialog: RuleDialog, before: RuleLine | None) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def work(asked: object) -> Callable[[], Words]:
            assert isinstance(asked, NewRule)
            if before is None:
                return lambda: self._desk.add(asked)
            return lambda: self._desk.change(before.rule.id, asked, before.rule.active)

        def done(summary: Words) -> None:
            dialog.saved()
            self._on_saved(summary)

        def refused(error: BaseException) -> None:
            field = error.field if isinstance(error, RuleProblemError) else ""
            dialog.refuse(reason_for(error, _SPOKEN), field)

        dialog.submitted.connect(
            lambda asked: self._runner.submit(work(asked), done, refused, dialog)
        )
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _show(self, setup: RuleSetup) -> None:
        self.problem.resolve("rules")
        self._read_once = True
        chosen = self.selected()
        self.choices = setup.choices
        self.rules.set_rows(setup.lines)
        if chosen is not None:
            self.select_rule(chosen.rule.id)
        self._update_buttons()

    def _unread(self, error: BaseException) -> None:
        self.problem.report_error(
            "rules",
            self.tr("Could not read the escalation rules: %1"),
            error,
            self.refresh,
            _SPOKEN,
        )

    def _on_saved(self, summary: Words) -> None:
        self.problem.resolve("change")
        self.notice.setText(shown(summary))
        self.notice.show()
        self.refresh()

    def _on_refused(self, error: BaseException) -> None:
        self.notice.hide()
        self.problem.report_error(
            "change", self.tr("Nothing was changed: %1"), error, None, _SPOKEN
        )
        self.refresh()

    def _update_buttons(self) -> None:
        line = self.selected()
        self.change_button.setEnabled(line is not None)
        self.active_button.setEnabled(line is not None)
        active = line is None or line.rule.active
        self.active_button.setText(self.tr("Make &inactive") if active else self.tr("Make &active"))
