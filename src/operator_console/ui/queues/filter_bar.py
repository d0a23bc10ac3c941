"""The filter bar over a queue: status, priority, SLA, district, category, assignee, text, dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.lifecycle import OPEN_STATUSES, Priority
from operator_console.services.queues.directory import Choice, FilterChoices
from operator_console.services.queues.request_list import UNASSIGNED, ListQuery
from operator_console.ui.common.formatting import (
    city_date,
    city_midnight,
    priority_label,
    status_label,
)
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_SLA = (
    ("on_time", QT_TRANSLATE_NOOP("QueueFilterBar", "On time")),
    ("at_risk", QT_TRANSLATE_NOOP("QueueFilterBar", "At risk")),
    ("breached", QT_TRANSLATE_NOOP("QueueFilterBar", "Overdue")),
    ("no_target", QT_TRANSLATE_NOOP("QueueFilterBar", "No due date")),
)


class QueueFilterBar(QWidget):
    """Edits the filter part of a `ListQuery`; typing is debounced. The "Opened" dates are days
    of the city's calendar (`time_zone`; "" is UTC).

    Signals:
        filters_changed(): the filters the bar shows changed (read them with `apply_to`).
    """

    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, time_zone: str = "") -> None:
        super().__init__(parent)
        self._quiet = False
        self.time_zone = time_zone
        rows = QVBoxLayout(self)  # two rows: beside the queue list on a 1280-pixel screen
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        layout, choices = QHBoxLayout(), QHBoxLayout()
        for row in (layout, choices):
            row.setSpacing(6)
            rows.addLayout(row)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search reference, address, description"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Search the queue"))
        self.text.setMinimumWidth(150)
        self.status = self._combo(self.tr("Any status"), self.tr("Status"))
        for status in OPEN_STATUSES:
            self.status.addItem(status_label(status.value), status.value)
        self.priority = self._combo(self.tr("Any priority"), self.tr("Priority"))
        for priority in reversed(Priority):
            self.priority.addItem(priority_label(priority), priority.value)
        self.sla = self._combo(self.tr("Any SLA state"), self.tr("SLA state"))
        for value, label in _SLA:
            self.sla.addItem(self.tr(label), value)
        self.district = self._combo(self.tr("Any district"), self.tr("District"))
        self.category = self._combo(self.tr("Any category"), self.tr("Category"))
        self.category.setMaximumWidth(180)
        self.district.setMaximumWidth(130)
        self.assignee = self._combo(self.tr("Anyone"), self.tr("Assignee"))
        self.assignee.setMaximumWidth(140)
        self.use_dates = QCheckBox(self.tr("Opened"), self)
        self.date_from = self._date(-30)
        self.date_to = self._date(0)
        self.date_from.setAccessibleName(self.tr("Opened from"))
        self.date_to.setAccessibleName(self.tr("Opened until"))
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(250)
        self.debounce.timeout.connect(self._emit)
        self.text.textChanged.connect(self.debounce.start)
        self.use_dates.toggled.connect(self._on_dates_toggled)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.assignee)  # the second row holds the longest words
        for widget in (self.status, self.priority, self.sla, self.district, self.category):
            choices.addWidget(widget)
        choices.addStretch(1)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.date_to)
        self._on_dates_toggled(False)

    def _combo(self, any_label: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItem(any_label, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _date(self, days: int) -> QDateEdit:
        today = city_date(datetime.now(UTC), self.time_zone)
        edit = QDateEdit(_qdate(today).addDays(days), self)
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._emit)
        return edit

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the district, category and assignee lists, keeping what is chosen."""
        self._quiet = True
        for combo, items in (
            (self.district, choices.districts),
            (self.category, choices.categories),
            (self.assignee, (Choice(UNASSIGNED, self.tr("Unassigned")), *choices.assignees)),
        ):
            chosen = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for choice in items:
                combo.addItem(choice.label, choice.value)
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))
        self._quiet = False

    def apply_to(self, query: ListQuery) -> ListQuery:
        """`query` with the bar's filters (sorting and queues kept)."""

        def one(combo: QComboBox) -> tuple[object, ...]:
            value = combo.currentData()
            return () if value is None else (value,)

        start = end = None
        if self.use_dates.isChecked():
            start = city_midnight(_day(self.date_from.date()), self.time_zone)
            end = city_midnight(_day(self.date_to.date()) + timedelta(days=1), self.time_zone)
        return replace(
            query,
            text=self.text.text().strip(),
            statuses=one(self.status),  # type: ignore[arg-type]
            priorities=one(self.priority),  # type: ignore[arg-type]
            sla_states=one(self.sla),  # type: ignore[arg-type]
            district_ids=one(self.district),  # type: ignore[arg-type]
            service_ids=one(self.category),  # type: ignore[arg-type]
            assignee_ids=one(self.assignee),  # type: ignore[arg-type]
            created_from=start,
            created_to=end,
        )

    def show_query(self, query: ListQuery) -> None:
        """Set the bar to `query`'s filters (a saved filter was chosen)."""
        self._quiet = True
        self.text.setText(query.text)
        for combo, values in (
            (self.status, query.statuses),
            (self.priority, query.priorities),
            (self.sla, query.sla_states),
            (self.district, query.district_ids),
            (self.category, query.service_ids),
            (self.assignee, query.assignee_ids),
        ):
            combo.setCurrentIndex(max(combo.findData(values[0]), 0) if values else 0)
        self.use_dates.setChecked(query.created_from is not None)
        if query.created_from is not None:
            self.date_from.setDate(_qdate(city_date(query.created_from, self.time_zone)))
        if query.created_to is not None:
            last = city_date(query.created_to, self.time_zone) - timedelta(days=1)
            self.date_to.setDate(_qdate(last))
        self._quiet = False
        self.debounce.stop()
        self._emit()

    def _on_dates_toggled(self, checked: bool) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.filters_changed.emit()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
