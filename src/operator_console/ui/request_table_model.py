"""A table model of requests that fetches pages from the database as the user scrolls."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from operator_console.services.request_list import (
    Cursor,
    ListQuery,
    Page,
    RequestListReader,
    RequestRow,
)
from operator_console.ui.background import BackgroundRunner
from operator_console.ui.formatting import local_time, status_label

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_COLUMNS = (
    ("reference", QT_TRANSLATE_NOOP("RequestTableModel", "Reference")),
    ("priority", QT_TRANSLATE_NOOP("RequestTableModel", "Priority")),
    ("service", QT_TRANSLATE_NOOP("RequestTableModel", "Category")),
    ("address", QT_TRANSLATE_NOOP("RequestTableModel", "Address")),
    ("district", QT_TRANSLATE_NOOP("RequestTableModel", "District")),
    ("created_at", QT_TRANSLATE_NOOP("RequestTableModel", "Opened")),
    ("due_at", QT_TRANSLATE_NOOP("RequestTableModel", "Due")),
    ("status", QT_TRANSLATE_NOOP("RequestTableModel", "Status")),
    ("queue", QT_TRANSLATE_NOOP("RequestTableModel", "Queue")),
    ("callers", QT_TRANSLATE_NOOP("RequestTableModel", "Callers")),
)


class RequestTableModel(QAbstractTableModel):
    """Holds the rows fetched so far; sorting is done by the database.

    Signals:
        page_loaded: a page arrived (rows now held).
        load_failed: a page could not be read (message for a person).
    """

    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        reader: RequestListReader,
        runner: BackgroundRunner,
        page_size: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._runner = runner
        self._page_size = page_size
        self._query = ListQuery()
        self._rows: list[RequestRow] = []
        self._cursor: Cursor | None = None
        self._exhausted = False
        self._loading = False
        self._generation = 0

    def query(self) -> ListQuery:
        return self._query

    def row_at(self, row: int) -> RequestRow:
        return self._rows[row]

    def reload(self, query: ListQuery | None = None) -> None:
        """Start over with `query` (or the current one); older pages in flight are dropped."""
        self._query = query or self._query
        self._generation += 1
        self.beginResetModel()
        self._rows, self._cursor, self._exhausted, self._loading = [], None, False, False
        self.endResetModel()
        self._request_page()

    def _request_page(self) -> None:
        self._loading = True
        generation, query, cursor = self._generation, self._query, self._cursor

        def read() -> Page:
            return self._reader.page(query, cursor, self._page_size)

        self._runner.submit(
            read,
            lambda page: self._on_page(generation, page),
            lambda error: self._on_error(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        self.page_loaded.emit(len(self._rows))

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.load_failed.emit(str(error))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._request_page()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RequestTableModel", _COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = _COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("address", "service"):
            return _display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "callers":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort_key, self._query.descending):
            self.reload(ListQuery(key, descending, self._query.open_only, self._query.queue_ids))


def _display(row: RequestRow, key: str) -> str:
    value = getattr(row, "callers" if key == "callers" else key)
    if isinstance(value, datetime):
        return local_time(value)
    if value is None:
        return "—"
    if key == "status":
        return status_label(str(value))
    if key == "priority":
        return str(value).capitalize()
    return str(value)


def column_of(key: str) -> int:
    """The column that shows `key`."""
    return [name for name, _title in _COLUMNS].index(key)
