"""The Routing page: the rules, filtered by service, queue or district; Add, Change and Remove;
and the "where would this go?" tester beside them. Kept current by the configuration bus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.addresses.search import AddressSearch
from operator_console.services.admin.routing.actions import RoutingBook, RuleChange
from operator_console.services.admin.routing.desk import RoutingDesk
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import (
    ROUTING_EVENT_KINDS,
    RoutingChoices,
    RoutingRuleRow,
    RuleDraft,
    RuleFilter,
)
from operator_console.services.config_changes import RESYNC
from operator_console.services.intake.gateway import MapSetup
from operator_console.ui.admin.routing.filters import RuleFilters
from operator_console.ui.admin.routing.rule_dialog import RuleDialog
from operator_console.ui.admin.routing.table_model import NOTE_COLUMN, RoutingRulesModel
from operator_console.ui.admin.routing.tester_panel import RoutingTester
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown
from operator_console.ui.map.page import BaseMap

_SPOKEN = (RoutingRuleError, NotPermittedError)
RELOADING_KINDS = frozenset({*ROUTING_EVENT_KINDS, RESYNC})
RENAMING_PREFIXES = ("queue_", "team_", "city_", "catalog_", "service_")
"""Configuration changes after which the rules, or the names of what they point at, are read
again: routing changes, a reconnection, and changes to queues, the catalog or the city."""


class RoutingPage(QWidget):
    """The routing rules of the city and the tester, for an administrator.

    Each step runs through the desk on the background runner; a refusal stays in the dialog
    (at its field) or on the problem line, and what was done is said above the table. Any
    console's routing change reloads the table, keeping the selected rule and the scroll.
    """

    def __init__(
        self,
        desk: RoutingDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        parent: QWidget | None = None,
        *,
        places: AddressSearch | None = None,
        map_setup: Callable[[], MapSetup] | None = None,
        base_map: BaseMap | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routingPage")
        self._desk = desk
        self._runner = runner
        self.choices = RoutingChoices()
        self.dialog: RuleDialog | None = None
        self.question: QMessageBox | None = None
        self.model = RoutingRulesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("routingTable")
        self.table.setAccessibleName(self.tr("Routing rules"))
        self._configure_table()
        title = QLabel(self.tr("Routing rules"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.count_label = QLabel(self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.filters = RuleFilters(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("routingNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        self.tester = RoutingTester(desk, runner, places, map_setup, base_map, self)
        self._lay_out(title)
        self.add_button.clicked.connect(self.ask_to_add)
        self.edit_button.clicked.connect(self.ask_to_change)
        self.remove_button.clicked.connect(self.ask_to_remove)
        self.table.activated.connect(lambda _index: self.ask_to_change())
        self.filters.changed.connect(self.refresh)
        config_bus.changed.connect(self._on_config_changed)
        self._add_keys()
        self._update_buttons()

    def _lay_out(self, title: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            top.addWidget(button)
        rules = QWidget(self)
        left = QVBoxLayout(rules)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(top)
        left.addWidget(self.filters)
        left.addWidget(self.notice)
        left.addWidget(self.problem)
        left.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(rules)
        self.splitter.addWidget(self.tester)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.splitter)

    def _configure_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((44, 150, 90, 150, 90, 48)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _add_keys(self) -> None:
        for keys, text, slot in (
            ("Ctrl+N", self.tr("Add a routing rule"), self.ask_to_add),
            (
                QKeySequence.StandardKey.Delete,
                self.tr("Remove the selected rule"),
                self.ask_to_remove,
            ),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This screen's keys and what they do (the Help dialog lists them)."""
        return [
            ("Ctrl+N", self.tr("Add a routing rule")),
            ("Return", self.tr("Change the selected rule (or double-click)")),
            ("Delete", self.tr("Remove the selected rule")),
            ("Ctrl+T", self.tr("Test where the chosen service at the pin would go")),
        ]

    def current_filter(self) -> RuleFilter:
        return self.filters.current()

    def refresh(self) -> None:
        """Read the rules (as filtered) and what they may name again."""
        wanted = self.current_filter()
        self._runner.submit_latest(
            "book",
            lambda: self._desk.book(wanted),
            self._on_book_read,
            lambda error: self.problem.report_error(
                "book",
                self.tr("Could not read the routing rules: %1"),
                error,
                self.refresh,
                _SPOKEN,
            ),
            owner=self,
        )

    def selected(self) -> RoutingRuleRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rule_at(rows[0].row()) if rows else None

    def select_rule(self, rule_id: int) -> None:
        row = self.model.row_of(rule_id)
        if row is None:
            return
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(self.model.index(row, 0))

    def ask_to_add(self) -> None:
        self._open(RuleDialog(self.choices, None, self), None)

    def ask_to_change(self) -> None:
        rule = self.selected()
        if rule is not None:
            self._open(RuleDialog(self.choices, rule, self), rule)

    def ask_to_remove(self) -> None:
        """Ask first, then remove the selected rule."""
        rule = self.selected()
        if rule is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove the rule?"))
        box.setText(self.tr("Remove rule %1?").replace("%1", str(rule.id)))
        box.setInformativeText(
            self.tr("Requests it took will follow the next rule that matches them.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result: int) -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is remove:
                self._runner.submit(
                    lambda: self._desk.remove(rule), self._on_saved, self._on_refused, owner=self
                )

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _open(self, dialog: RuleDialog, before: RoutingRuleRow | None) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(change: RuleChange) -> None:
            dialog.saved()
            self._on_saved(change)

        def refused(error: BaseException) -> None:
            field = error.field if isinstance(error, RoutingRuleError) else ""
            dialog.refuse(reason_for(error, _SPOKEN), field)
            if isinstance(error, RoutingRuleError) and not field:
                self.refresh()  # changed meanwhile: the table shows it as it is now

        def save(draft: RuleDraft) -> None:
            work = (
                (lambda: self._desk.add(draft))
                if before is None
                else (lambda: self._desk.change(before, draft))
            )
            self._runner.submit(work, done, refused, owner=dialog)

        dialog.submitted.connect(save)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _on_book_read(self, book: RoutingBook) -> None:
        self.problem.resolve("book")
        chosen = self.selected()
        scroll = self.table.verticalScrollBar().value()
        if book.choices != self.choices:
            self._set_choices(book.choices)
        self.model.set_rules(list(book.rules))
        self.table.verticalScrollBar().setValue(scroll)
        self.count_label.setText(self.tr("%Ln rule(s)", "", len(book.rules)))
        if chosen is not None:
            self.select_rule(chosen.id)
        self._update_buttons()

    def _set_choices(self, choices: RoutingChoices) -> None:
        self.choices = choices
        self.filters.set_choices(choices)
        self.tester.set_services(choices.services)

    def _on_saved(self, change: RuleChange) -> None:
        self.problem.resolve("change")
        self.notice.setText(shown(change.summary()))
        self.notice.show()
        wanted = self.current_filter()
        self._runner.submit(
            lambda: self._desk.book(wanted),
            lambda book: self._after_change(book, change.rule_id),
            lambda error: self.problem.report_error(
                "book",
                self.tr("Could not read the routing rules: %1"),
                error,
                self.refresh,
                _SPOKEN,
            ),
            owner=self,
        )

    def _after_change(self, book: RoutingBook, rule_id: int) -> None:
        self._on_book_read(book)
        self.select_rule(rule_id)
        self.table.setFocus()
        if self.tester.answer is not None:
            self.tester.test()

    def _on_refused(self, error: BaseException) -> None:
        self.notice.hide()
        self.problem.report_error(
            "change", self.tr("Nothing was changed: %1"), error, None, _SPOKEN
        )
        self.refresh()

    def _on_config_changed(self, kind: str) -> None:
        if kind in RELOADING_KINDS or kind.startswith(RENAMING_PREFIXES):
            self.refresh()
            if self.tester.answer is not None:
                self.tester.test()  # the answer shown may no longer be true

    def _update_buttons(self) -> None:
        rule = self.selected()
        self.edit_button.setEnabled(rule is not None)
        self.remove_button.setEnabled(rule is not None)
