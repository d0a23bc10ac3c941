"""A table model base holding a window of requests that pages in and applies live row diffs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Signal

from operator_console.services.changes import ChangeBatch, RequestChange
from operator_console.services.queues.request_list import (
    Cursor,
    ListQuery,
    Page,
    RequestListReader,
    RequestRow,
)
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.common.problem_line import reason_for

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Entry:
    """A row held, with the value the database sorted it by."""

    row: RequestRow
    key: object


class LiveRowsModel(QAbstractTableModel):
    """Rows fetched page by page; live changes re-read only the changed ids, off the Qt thread.

    Changes become row diffs (beginInsertRows, beginRemoveRows, beginMoveRows, dataChanged over
    the row's columns), never a reset, so selection and scroll survive. A resync batch re-reads
    the loaded window. Subclasses provide columnCount/data/headerData.

    Signals:
        page_loaded(int): a page arrived; carries how many rows are held.
        load_failed(str): a read failed; carries why, in words for a person (`reason_for`).
        rows_refreshed(list): live changes were applied; carries the ids re-read.
    """

    page_loaded = Signal(int)
    load_failed = Signal(str)
    rows_refreshed = Signal(list)

    def __init__(
        self,
        reader: RequestListReader,
        runner: BackgroundRunner,
        query: ListQuery | None = None,
        page_size: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._runner = runner
        self._page_size = page_size
        self._query = query or ListQuery()
        self._entries: list[Entry] = []
        self._cursor: Cursor | None = None
        self._exhausted = True  # nothing to fetch until the first reload()
        self._loading = False
        self._generation = 0
        self._pending_ids: dict[int, None] = {}
        self._pending_resync = False
        self._refreshing = False

    # -- reading --------------------------------------------------------------------------
    def query(self) -> ListQuery:
        return self._query

    @property
    def reader(self) -> RequestListReader:
        return self._reader

    def row_at(self, row: int) -> RequestRow:
        return self._entries[row].row

    def row_of(self, request_id: int) -> int | None:
        """The row showing `request_id`, or None when it is not held."""
        for number, entry in enumerate(self._entries):
            if entry.row.id == request_id:
                return number
        return None

    def rows(self) -> list[RequestRow]:
        return [entry.row for entry in self._entries]

    @property
    def started(self) -> bool:
        """True once `reload()` has been called (before it the model holds and reads nothing)."""
        return self._generation > 0

    @property
    def loading(self) -> bool:
        return self._loading or self._refreshing

    def sort_by(self, key: str, descending: bool) -> None:
        """Ask the database for another order; a model not yet loaded just remembers it."""
        if (key, descending) == (self._query.sort_key, self._query.descending):
            return
        query = replace(self._query, sort_key=key, descending=descending)
        if self.started:
            self.reload(query)
        else:
            self._query = query  # a view set up before the first load

    def reload(self, query: ListQuery | None = None) -> None:
        """Start over with `query` (or the current one); older pages in flight are dropped."""
        self._query = query or self._query
        self._generation += 1
        self.beginResetModel()
        self._entries, self._cursor, self._exhausted, self._loading = [], None, False, False
        self.endResetModel()
        self._pending_ids.clear()
        self._pending_resync = False
        self._request_page()

    def _request_page(self) -> None:
        self._loading = True
        generation, query, cursor = self._generation, self._query, self._cursor
        self._runner.submit(
            lambda: self._reader.page(query, cursor, self._page_size),
            lambda page: self._on_page(generation, page),
            lambda error: self._on_error(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._loading = False
        held = {entry.row.id for entry in self._entries}
        fresh = [Entry(r, k) for r, k in zip(page.rows, page.sort_values, strict=False)]
        fresh = [entry for entry in fresh if entry.row.id not in held]
        if fresh:
            first = len(self._entries)
            self.beginInsertRows(_ROOT, first, first + len(fresh) - 1)
            self._entries.extend(fresh)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        self.page_loaded.emit(len(self._entries))

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.load_failed.emit(reason_for(error))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._request_page()

    # -- live changes ---------------------------------------------------------------------
    def apply_changes(self, batch: ChangeBatch) -> None:
        """Take a batch from the change bus: re-read what it touches, then apply the diff."""
        self._pending_resync = self._pending_resync or batch.resync
        for change in batch.changes:
            if self._concerns(change):
                self._pending_ids[change.request_id] = None
        self._refresh_next()

    def _concerns(self, change: RequestChange) -> bool:
        wanted = self._query.queue_ids
        if not wanted or change.queue_id in wanted or change.old_queue_id in wanted:
            return True
        return self.row_of(change.request_id) is not None

    def _refresh_next(self) -> None:
        if self._refreshing or not (self._pending_ids or self._pending_resync):
            return
        self._refreshing = True
        generation, query = self._generation, self._query
        if self._pending_resync:
            self._pending_resync = False
            self._pending_ids.clear()
            window = max(len(self._entries), self._page_size)
            ids: list[int] = []
            self._runner.submit(
                lambda: self._reader.page(query, None, window),
                lambda page: self._on_reread(generation, ids, page, resync=True),
                lambda error: self._on_reread_failed(generation, error),
                owner=self,
            )
            return
        ids = list(self._pending_ids)
        self._pending_ids.clear()
        self._runner.submit(
            lambda: self._reader.rows_by_ids(query, ids),
            lambda page: self._on_reread(generation, ids, page, resync=False),
            lambda error: self._on_reread_failed(generation, error),
            owner=self,
        )

    def _on_reread(self, generation: int, ids: list[int], page: Page, resync: bool) -> None:
        self._refreshing = False
        if generation == self._generation:
            fresh = [Entry(r, k) for r, k in zip(page.rows, page.sort_values, strict=False)]
            if resync:
                self._reconcile(fresh)
                self._cursor = page.next_cursor
                self._exhausted = page.next_cursor is None
                ids = [entry.row.id for entry in fresh]
            else:
                changed = set(ids)
                kept = [e for e in self._entries if e.row.id not in changed]
                self._reconcile(self._ordered(kept, self._within_window(fresh)))
            self.rows_refreshed.emit(ids)
        self._refresh_next()

    def _on_reread_failed(self, generation: int, error: BaseException) -> None:
        self._refreshing = False
        if generation == self._generation:
            self.load_failed.emit(reason_for(error))
        self._refresh_next()

    def _within_window(self, fresh: Iterable[Entry]) -> list[Entry]:
        """Rows that belong among those loaded (beyond the last one they come with paging)."""
        if self._exhausted:
            return list(fresh)
        if not self._entries:
            return []
        last = self._entries[-1]
        return [e for e in fresh if self._before(e, last)]

    def _before(self, a: Entry, b: Entry) -> bool:
        """True when the database's order puts `a` before `b`."""
        try:
            if a.key == b.key:
                return a.row.id > b.row.id if self._query.descending else a.row.id < b.row.id
            return bool(a.key > b.key) if self._query.descending else bool(a.key < b.key)  # type: ignore[operator]
        except TypeError:
            return False

    def _ordered(self, kept: list[Entry], fresh: list[Entry]) -> list[Entry]:
        """`kept` (already in order) with each of `fresh` put in its place."""
        merged = list(kept)
        for entry in fresh:
            position = next(
                (n for n, held in enumerate(merged) if self._before(entry, held)), len(merged)
            )
            merged.insert(position, entry)
        return merged

    def _reconcile(self, target: list[Entry]) -> None:
        """Turn the held rows into `target` with row diffs only."""
        wanted = {entry.row.id for entry in target}
        number = len(self._entries) - 1
        while number >= 0:
            if self._entries[number].row.id in wanted:
                number -= 1
                continue
            first = number
            while first > 0 and self._entries[first - 1].row.id not in wanted:
                first -= 1
            self.beginRemoveRows(_ROOT, first, number)
            del self._entries[first : number + 1]
            self.endRemoveRows()
            number = first - 1
        last_column = max(self.columnCount() - 1, 0)
        for position, entry in enumerate(target):
            current = self._entries[position] if position < len(self._entries) else None
            if current is not None and current.row.id == entry.row.id:
                if current != entry:
                    self._entries[position] = entry
                    self.dataChanged.emit(
                        self.index(position, 0), self.index(position, last_column)
                    )
                continue
            found = next(
                (
                    n
                    for n in range(position + 1, len(self._entries))
                    if self._entries[n].row.id == entry.row.id
                ),
                None,
            )
            if found is not None:
                self.beginMoveRows(_ROOT, found, found, _ROOT, position)
                self._entries.pop(found)
                self._entries.insert(position, entry)
                self.endMoveRows()
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))
            else:
                self.beginInsertRows(_ROOT, position, position)
                self._entries.insert(position, entry)
                self.endInsertRows()
