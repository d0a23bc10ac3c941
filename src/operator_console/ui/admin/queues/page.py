"""The Queues & teams page: departments, their queues and the teams and crews under them, and
what an admin does to them, off the Qt thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.admin.queues.actions import QueueChange
from operator_console.services.admin.queues.desk import QueueDesk
from operator_console.services.admin.queues.errors import (
    QueueAdminError,
    QueueChangedMeanwhileError,
)
from operator_console.services.admin.queues.ports import QueueRow, QueueTree, QueueUse
from operator_console.ui.admin.queues.dialogs import (
    AddQueueDialog,
    MoveDialog,
    QueueDialog,
    RenameDialog,
)
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.config_bus import ConfigBus
from operator_console.ui.common.problem_line import ProblemLine, reason_for
from operator_console.ui.common.words import shown

_SPOKEN = (QueueAdminError, NotPermittedError)
_CODE = Qt.ItemDataRole.UserRole
_INACTIVE = QBrush(QColor("#757575"))


class QueuesPage(QWidget):
    """The tree of departments, queues, teams and crews with each one's open cases; Add
    queue…, Add team or crew…, Rename…, Move… and Deactivate (or Reactivate) the selected one.
    Read again whenever any console changes the configuration."""

    def __init__(
        self,
        desk: QueueDesk,
        runner: BackgroundRunner,
        config_bus: ConfigBus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queuesPage")
        self._desk = desk
        self._runner = runner
        self.tree_data = QueueTree((), ())
        self.dialog: QueueDialog | None = None
        self.question: QMessageBox | None = None
        title = QLabel(self.tr("Queues & teams"), self)
        title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.count_label = QLabel(self)
        self.add_queue_button = QPushButton(self.tr("Add &queue…"), self)
        self.add_team_button = QPushButton(self.tr("Add &team or crew…"), self)
        self.rename_button = QPushButton(self.tr("Re&name…"), self)
        self.move_button = QPushButton(self.tr("&Move…"), self)
        self.active_button = QPushButton(self.tr("&Deactivate…"), self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addStretch(1)
        for button in self._buttons():
            top.addWidget(button)
        self.notice = QLabel(self)
        self.notice.setObjectName("queuesNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #1b5e20;")
        self.notice.hide()
        self.problem = ProblemLine(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("queuesTree")
        self.tree.setAccessibleName(self.tr("Departments, queues, teams and crews"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("Code"), self.tr("Open cases"), self.tr("State")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.problem)
        layout.addWidget(self.tree, 1)
        self.add_queue_button.clicked.connect(self.ask_to_add_queue)
        self.add_team_button.clicked.connect(self.ask_to_add_team)
        self.rename_button.clicked.connect(self.ask_rename)
        self.move_button.clicked.connect(self.ask_move)
        self.active_button.clicked.connect(self.toggle_active)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda _item, _column: self.ask_rename())
        config_bus.changed.connect(lambda _kind: self.refresh())
        self._add_key("Ctrl+N", self.tr("Add a queue"), self.ask_to_add_queue)
        self._add_key("Ctrl+Shift+N", self.tr("Add a team or crew"), self.ask_to_add_team)
        self._add_key("F2", self.tr("Rename the selected one"), self.ask_rename)
        self._update_buttons()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.add_queue_button,
            self.add_team_button,
            self.rename_button,
            self.move_button,
            self.active_button,
        )

    def _add_key(self, keys: str, text: str, slot: Callable[[], None]) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This page's keys and what they do (the Help dialog lists them)."""
        return [
            ("Ctrl+N", self.tr("Add a queue")),
            ("Ctrl+Shift+N", self.tr("Add a team or crew under the selected queue")),
            ("F2", self.tr("Rename the selected one (or Return, or double-click)")),
        ]

    def refresh(self) -> None:
        """Read the departments and queues again."""
        self._runner.submit_latest(
            "tree",
            self._desk.tree,
            self._show_tree,
            lambda error: self.problem.report_error(
                "tree", self.tr("Could not read the queues: %1"), error, self.refresh, _SPOKEN
            ),
            owner=self,
        )

    def loaded(self) -> bool:
        """Whether the tree has been read."""
        return bool(self.tree_data.departments)

    def selected(self) -> QueueRow | None:
        items = self.tree.selectedItems()
        code = items[0].data(0, _CODE) if items else None
        return self.tree_data.queue(str(code)) if code else None

    def select_code(self, code: str) -> None:
        for item in self._items():
            if item.data(0, _CODE) == code:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def ask_to_add_queue(self) -> None:
        row = self.selected()
        department = row.values.department_code if row else None
        self._open(
            AddQueueDialog(self.tree_data, False, department, self),
            lambda draft: lambda: self._desk.add(draft),
        )

    def ask_to_add_team(self) -> None:
        row = self.selected()
        parent = None
        if row is not None:
            parent = row.code if row.values.kind == "queue" else row.values.parent_code
        self._open(
            AddQueueDialog(self.tree_data, True, parent, self),
            lambda draft: lambda: self._desk.add(draft),
        )

    def ask_rename(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(RenameDialog(row, self), lambda name: lambda: self._desk.rename(row, name))

    def ask_move(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(
                MoveDialog(row, self.tree_data, self),
                lambda where: lambda: self._desk.move(row, where),
            )

    def toggle_active(self) -> None:
        """Reactivate the selected one, or say what depends on it and ask before deactivating."""
        row = self.selected()
        if row is None:
            return
        if not row.values.active:
            self._runner.submit(
                lambda: self._desk.set_active(row, True), self._on_saved, self._on_refused, self
            )
            return
        self._runner.submit(
            lambda: self._desk.use_of(row),
            lambda use: self._ask_to_deactivate(row, use),
            self._on_refused,
            owner=self,
        )

    def _ask_to_deactivate(self, row: QueueRow, use: QueueUse) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Deactivate?"))
        box.setText(self.tr("Deactivate %1?").replace("%1", row.label))
        box.setInformativeText(
            self.tr(
                "It has %Ln open case(s): they stay in it and can still be worked and moved. "
                "It is no longer offered for new work; you can reactivate it.",
                "",
                use.open_cases,
            )
        )
        deactivate = box.addButton(self.tr("Deactivate"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(deactivate)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(_result: int) -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is deactivate:
                self._runner.submit(
                    lambda: self._desk.set_active(row, False),
                    self._on_saved,
                    self._on_refused,
                    owner=self,
                )

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _open(self, dialog: QueueDialog, work_for: Callable[[Any], Callable[[], Any]]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(change: QueueChange) -> None:
            dialog.saved()
            self._on_saved(change)

        def refused(error: BaseException) -> None:
            field = error.field if isinstance(error, QueueAdminError) else ""
            dialog.refuse(reason_for(error, _SPOKEN), field)
            if isinstance(error, QueueChangedMeanwhileError):
                self.refresh()

        dialog.submitted.connect(
            lambda asked: self._runner.submit(work_for(asked), done, refused, owner=dialog)
        )
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _show_tree(self, tree: QueueTree) -> None:
        self.problem.resolve("tree")
        chosen = self.selected()
        self.tree_data = tree
        self.tree.clear()
        for department in tree.departments:
            top = QTreeWidgetItem([department.name, department.code, "", ""])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for queue in tree.in_department(department.code):
                item = self._item(queue, top)
                for team in tree.under(queue.code):
                    self._item(team, item)
        self.tree.expandAll()
        active = sum(row.values.active for row in tree.queues)
        self.count_label.setText(
            self.tr("%1 active of %2")
            .replace("%1", str(active))
            .replace("%2", str(len(tree.queues)))
        )
        if chosen is not None:
            self.select_code(chosen.code)
        self._update_buttons()

    def _item(self, row: QueueRow, parent: QTreeWidgetItem) -> QTreeWidgetItem:
        values = row.values
        named = {"team": self.tr("%1 (team)"), "crew": self.tr("%1 (crew)")}.get(values.kind)
        name = named.replace("%1", values.name) if named else values.name
        state = self.tr("Active") if values.active else self.tr("Inactive")
        item = QTreeWidgetItem(parent, [name, values.code, str(row.open_cases), state])
        item.setData(0, _CODE, values.code)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not values.active:
            for column in range(4):
                item.setForeground(column, _INACTIVE)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        walk = QTreeWidgetItemIterator(self.tree)
        while walk.value() is not None:
            found.append(walk.value())
            walk += 1
        return found

    def _on_saved(self, change: QueueChange) -> None:
        self.problem.resolve("change")
        self.notice.setText(shown(change.summary()))
        self.notice.show()
        code = change.after.code
        self._runner.submit_latest(
            "tree",
            self._desk.tree,
            lambda tree: self._after_change(tree, code),
            lambda error: self.problem.report_error(
                "tree", self.tr("Could not read the queues: %1"), error, self.refresh, _SPOKEN
            ),
            owner=self,
        )

    def _after_change(self, tree: QueueTree, code: str) -> None:
        self._show_tree(tree)
        self.select_code(code)
        self.tree.setFocus()

    def _on_refused(self, error: BaseException) -> None:
        self.notice.hide()
        self.problem.report_error(
            "change", self.tr("Nothing was changed: %1"), error, None, _SPOKEN
        )
        if isinstance(error, QueueChangedMeanwhileError):
            self.refresh()

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.rename_button, self.move_button, self.active_button):
            button.setEnabled(row is not None)
        if row is not None and not row.values.active:
            self.active_button.setText(self.tr("Re&activate"))
        else:
            self.active_button.setText(self.tr("&Deactivate…"))
