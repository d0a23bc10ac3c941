"""Choosing a queue, team or crew: type to narrow, queues grouped under their department."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from operator_console.services.queues.directory import QueueSummary

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The queue's code; absent on department headings and on "keep"."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_UPWARD = {
    QAbstractItemView.CursorAction.MoveUp,
    QAbstractItemView.CursorAction.MovePrevious,
    QAbstractItemView.CursorAction.MovePageUp,
}


class _EveryWord(QSortFilterProxyModel):
    """Keeps rows whose search text holds every typed word, in any order and any case; a
    department that matches keeps all its queues, a queue that matches keeps its department.
    Rows without search text ("keep each case's queue") show only while nothing is typed."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: QAbstractItemModel = self.sourceModel()
        text = model.index(source_row, 0, source_parent).data(SEARCH_ROLE)
        if text is None:
            return not self._words
        return all(word in str(text) for word in self._words)


class _QueueTree(QTreeView):
    """A tree whose arrow keys step over department headings onto queues."""

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        step = self.indexAbove if action in _UPWARD else self.indexBelow
        while index.isValid() and not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            index = step(index)
        return index if index.isValid() else self.currentIndex()


class QueuePicker(QWidget):
    """A filter line over the queues grouped by department, and "keep each case's queue".

    Typing narrows the list (every word must appear in the department, queue name, kind or
    code) and selects the first queue shown; Up and Down move through the queues from the
    filter line; Enter is left to the dialog. `currentData()` is the chosen queue's code, None
    for "keep"; `has_choice()` is False when nothing is chosen (the filter hides everything).
    """

    def __init__(
        self, queues: list[QueueSummary], keep_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to find a queue, team or department"))
        self.filter.setAccessibleName(self.tr("Find a queue"))
        self.filter.setClearButtonEnabled(True)
        self.source = QStandardItemModel(self)
        self.keep = QStandardItem(keep_label)
        self.keep.setEditable(False)
        self.source.appendRow(self.keep)
        self._add_departments(queues)
        self.proxy = _EveryWord(self)
        self.proxy.setSourceModel(self.source)
        self.tree = _QueueTree(self)
        self.tree.setObjectName("queuePickerTree")
        self.tree.setAccessibleName(self.tr("Queues by department"))
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setItemsExpandable(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(220)
        self.tree.expandAll()
        self.nothing = QLabel(self)
        self.nothing.setObjectName("queuePickerNothing")
        self.nothing.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.filter, self.tree, self.nothing):
            layout.addWidget(widget)
        self.setFocusProxy(self.filter)
        self.filter.installEventFilter(self)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self._choose(self.proxy.mapFromSource(self.keep.index()))

    def _add_departments(self, queues: list[QueueSummary]) -> None:
        kinds = {"team": self.tr("team"), "crew": self.tr("crew")}
        headings: dict[str, QStandardItem] = {}
        bold = QFont()
        bold.setBold(True)
        for queue in queues:
            heading = headings.get(queue.department)
            if heading is None:
                heading = QStandardItem(queue.department)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFont(bold)
                heading.setData(queue.department.casefold(), SEARCH_ROLE)
                headings[queue.department] = heading
                self.source.appendRow(heading)
            kind = kinds.get(queue.kind, "")
            item = QStandardItem(f"{queue.name} ({kind})" if kind else queue.name)
            item.setEditable(False)
            item.setData(queue.code, CODE_ROLE)
            item.setToolTip(f"{queue.department} — {queue.name}")
            words = (queue.department, queue.name, kind, queue.code)
            item.setData(" ".join(words).casefold(), SEARCH_ROLE)
            heading.appendRow(item)

    # -- what is chosen -------------------------------------------------------------------
    def has_choice(self) -> bool:
        return bool(self.tree.selectionModel().selectedIndexes())

    def currentData(self) -> str | None:
        """The chosen queue's code; None for "keep each case's queue" or no choice."""
        chosen = self.tree.selectionModel().selectedIndexes()
        if not chosen:
            return None
        code = chosen[0].data(CODE_ROLE)
        return str(code) if code else None

    def set_keep_label(self, text: str) -> None:
        self.keep.setText(text)

    # -- typing and keys ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NAVIGATION_KEYS
        ):
            self.tree.keyPressEvent(event)  # the list moves; typing stays in the filter line
            return True
        return super().eventFilter(watched, event)

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.tree.expandAll()
        self.nothing.setVisible(self.proxy.rowCount() == 0)
        self.nothing.setText(
            self.tr("No queue, team or department matches “%1”.").replace("%1", text.strip())
        )
        kept = self.tree.selectionModel().selectedIndexes()  # still shown
        if kept:
            self.tree.scrollTo(kept[0])
            return
        first = self.proxy.index(0, 0)
        while first.isValid() and not first.flags() & Qt.ItemFlag.ItemIsSelectable:
            first = self.tree.indexBelow(first)
        if first.isValid():
            self._choose(first)
        else:
            self.tree.selectionModel().clearSelection()

    def _choose(self, index: QModelIndex) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
