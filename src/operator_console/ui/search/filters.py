"""The search's filters: status, category, district and the days a case was opened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from operator_console.domain.lifecycle import OPEN_STATUSES, Status
from operator_console.ui.common.formatting import status_label

ANY = ""
OPEN = "open"
"""The status filter's value for every open status."""


@dataclass(frozen=True)
class FilterValues:
    """What the filters keep; empty sets keep anything."""

    statuses: frozenset[str] = frozenset()
    service_codes: frozenset[str] = frozenset()
    district_codes: frozenset[str] = frozenset()
    opened_from: date | None = None
    opened_to: date | None = None


class SearchFilters(QWidget):
    """One row of filters; `changed` whenever one of them does.

    Signals:
        changed: a filter changed; search again.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Any status"), ANY)
        self.status.addItem(self.tr("Open"), OPEN)
        for status in Status:
            self.status.addItem(status_label(status.value), status.value)
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Category filter"))
        self.category.setMinimumContentsLength(14)
        self.district = QComboBox(self)
        self.district.setAccessibleName(self.tr("District filter"))
        self.district.setMinimumContentsLength(10)
        self.set_choices([], [])
        self.dated = QCheckBox(self.tr("Opened from"), self)
        self.opened_from = QDateEdit(self)
        self.opened_from.setAccessibleName(self.tr("Opened on or after"))
        self.opened_to = QDateEdit(self)
        self.opened_to.setAccessibleName(self.tr("Opened on or before"))
        today = QDate.currentDate()
        for field, day in ((self.opened_from, today.addMonths(-1)), (self.opened_to, today)):
            field.setCalendarPopup(True)
            field.setDate(day)
            field.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.category, 1)
        layout.addWidget(self.district, 1)
        layout.addWidget(self.dated)
        layout.addWidget(self.opened_from)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.opened_to)
        for combo in (self.status, self.category, self.district):
            combo.currentIndexChanged.connect(self.changed)
        self.dated.toggled.connect(self._on_dated_toggled)
        self.opened_from.dateChanged.connect(self.changed)
        self.opened_to.dateChanged.connect(self.changed)

    def set_choices(
        self, categories: list[tuple[str, str]], districts: list[tuple[str, str]]
    ) -> None:
        """The categories and districts offered, as (code, name); a choice made stays."""
        for combo, choices, anything in (
            (self.category, categories, self.tr("Any category")),
            (self.district, districts, self.tr("Any district")),
        ):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, ANY)
            for code, name in choices:
                combo.addItem(name, code)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
            combo.blockSignals(False)

    def values(self) -> FilterValues:
        status = str(self.status.currentData())
        statuses = frozenset(
            (s.value for s in OPEN_STATUSES) if status == OPEN else ([status] if status else [])
        )
        category, district = str(self.category.currentData()), str(self.district.currentData())
        dated = self.dated.isChecked()
        return FilterValues(
            statuses,
            frozenset([category] if category else []),
            frozenset([district] if district else []),
            self.opened_from.date().toPython() if dated else None,  # type: ignore[arg-type]
            self.opened_to.date().toPython() if dated else None,  # type: ignore[arg-type]
        )

    def _on_dated_toggled(self, dated: bool) -> None:
        self.opened_from.setEnabled(dated)
        self.opened_to.setEnabled(dated)
        self.changed.emit()
