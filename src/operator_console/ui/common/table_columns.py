"""Column widths for every table: text kept readable, the width left over shared, the person's
own widths kept (`LayoutMemory` saves them per person)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QTableView


@dataclass(frozen=True)
class ColumnFit:
    """How one kind of column is sized.

    Attributes:
        readable: the average characters it always shows; 0: as wide as its header and the
            rows first shown in it.
        grow: its share of the width the other columns leave over (0: none).
    """

    readable: int = 0
    grow: int = 0


FITS = {
    "service": ColumnFit(readable=26, grow=3),
    "address": ColumnFit(readable=26, grow=3),
    "queue": ColumnFit(readable=26, grow=3),
    "name": ColumnFit(readable=26, grow=1),  # the queue list: queue names and counts
    "open": ColumnFit(readable=5),
    "unassigned": ColumnFit(readable=5),
    "at_risk": ColumnFit(readable=5),
    "overdue": ColumnFit(readable=5),
}
"""By column key (the tables' models name their columns); any other column fits its text."""
_PADDING = 14


class TableColumns(QObject):
    """Sizes the columns of `table`, whose columns are `keys` in order.

    Columns a person resized keep their width (`user_widths`, `restore`); the others get their
    readable or natural width, and the growing ones share what is left of the table's width.
    The header's context menu has "Fit columns to the window", which forgets the person's widths.

    Signals:
        changed(): the person resized a column or asked to fit them again (save `user_widths`).
    """

    changed = Signal()

    def __init__(self, table: QTableView, keys: Sequence[str]) -> None:
        super().__init__(table)
        self.setObjectName(table.objectName())
        self._table = table
        self._keys = tuple(keys)
        self._user: dict[str, int] = {}
        self._measured: dict[int, int] = {}
        self._fitting = False
        self._viewport_width = -1
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        header.sectionResized.connect(self._on_section_resized)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._measure_and_fit)
        model = table.model()
        model.modelReset.connect(self._later.start)
        model.rowsInserted.connect(self._later.start)
        table.viewport().installEventFilter(self)
        self.fit()

    def key_of(self, column: int) -> str:
        return self._keys[column] if column < len(self._keys) else f"column{column}"

    def column_of(self, key: str) -> int:
        return self._keys.index(key)

    def user_widths(self) -> dict[str, int]:
        """The widths the person chose, by column key."""
        return dict(self._user)

    def restore(self, widths: dict[str, int]) -> None:
        """Use the widths a person chose before (unknown columns and nonsense are left out)."""
        self._user = {
            key: int(width)
            for key, width in widths.items()
            if key in self._keys and isinstance(width, int) and 0 < width < 10_000
        }
        self.fit()

    def forget_user_widths(self) -> None:
        self._user = {}
        self.changed.emit()
        self.fit()

    def readable_width(self, key: str) -> int:
        """The width a column of `key` never goes below unless the person narrows it."""
        fit = FITS.get(key, ColumnFit())
        if not fit.readable:
            return 0
        return self._table.fontMetrics().averageCharWidth() * fit.readable + _PADDING

    def natural_width(self) -> int:
        """The table's width when every column has its readable or natural width (a splitter's
        starting size)."""
        header = self._table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        columns = sum(self._user.get(self.key_of(c)) or self._natural(c) for c in shown)
        scroll_bar = self._table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return columns + scroll_bar + 2 * self._table.frameWidth()

    def fit(self) -> None:
        """Set every width; the growing columns fill the table's width when there is room."""
        header = self._table.horizontalHeader()
        available = self._table.viewport().width()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if available <= 0 or not shown:
            return
        widths = {c: self._user.get(self.key_of(c)) or self._natural(c) for c in shown}
        growing = {
            c: FITS[self.key_of(c)].grow
            for c in shown
            if self.key_of(c) in FITS and self.key_of(c) not in self._user
        }
        extra = available - sum(widths.values())
        if extra > 0 and growing:
            total, given = sum(growing.values()), 0
            for number, (column, weight) in enumerate(growing.items()):
                last = number == len(growing) - 1
                share = extra - given if last else extra * weight // total
                widths[column] += share
                given += share
        self._fitting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _natural(self, column: int) -> int:
        key = self.key_of(column)
        hint = self._table.horizontalHeader().sectionSizeHint(column)
        if key in FITS:
            return max(hint, self.readable_width(key))
        return max(hint, self._measured.get(column, 0))

    @Slot()
    def _measure_and_fit(self) -> None:
        if self._table.model().rowCount() > 0:
            for column in range(self._table.horizontalHeader().count()):
                if self.key_of(column) not in FITS:
                    content = self._table.sizeHintForColumn(column)
                    self._measured[column] = max(self._measured.get(column, 0), content)
        self.fit()

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        header = self._table.horizontalHeader()
        if self._fitting or old == 0 or new == 0 or header.isSectionHidden(column):
            return  # our own fitting, or a column being hidden or shown
        self._user[self.key_of(column)] = new
        self.changed.emit()
        self._later.start()  # the other growing columns give or take the difference

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            width = self._table.viewport().width()
            if width != self._viewport_width:
                self._viewport_width = width
                self.fit()
        return False

    @Slot(QPoint)
    def _on_header_menu_requested(self, position: QPoint) -> None:
        header = self._table.horizontalHeader()
        menu = QMenu(header)
        menu.addAction(self.tr("Fit columns to the window"), self.forget_user_widths)
        menu.popup(header.mapToGlobal(position))
