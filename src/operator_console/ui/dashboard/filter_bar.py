"""The dashboard's period and filter bar: a preset or dates, and the department, queue,
category, district, channel and district layer chosen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from operator_console.services.dashboard.model import FilterChoices
from operator_console.services.metrics.model import GroupName, MetricsFilter, Period
from operator_console.ui.common.channel_words import channel_label
from operator_console.ui.common.formatting import city_zone

PRESET_DAYS = (7, 30, 90)
THIS_YEAR = "this-year"
LAST_YEAR = "last-year"
CHOSEN = "chosen"
DEFAULT_PRESET = 30


class DashboardFilterBar(QWidget):
    """Emits `changed` whenever the period or a filter changes.

    Signals:
        changed(): the period, a filter or the district layer changed.
    """

    changed = Signal()

    def __init__(self, time_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardFilterBar")
        self._zone = city_zone(time_zone)
        self._time_zone = time_zone
        self._quiet = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        second = QHBoxLayout()
        outer.addLayout(layout)
        outer.addLayout(second)
        self.preset = QComboBox(self)
        self.preset.setObjectName("dashboardPeriod")
        for days in PRESET_DAYS:
            self.preset.addItem(self.tr("Last %n day(s)", "", days), days)
        self.preset.addItem(self.tr("This year"), THIS_YEAR)
        self.preset.addItem(self.tr("Last year"), LAST_YEAR)
        self.preset.addItem(self.tr("Chosen dates"), CHOSEN)
        self.start = self._date_edit("dashboardFrom")
        self.end = self._date_edit("dashboardTo")
        self.start.setAccessibleName(self.tr("Period from"))
        self.end.setAccessibleName(self.tr("Period to"))
        period = QLabel(self.tr("&Period"), self)
        period.setBuddy(self.preset)
        layout.addWidget(period)
        layout.addWidget(self.preset)
        layout.addWidget(QLabel(self.tr("from"), self))
        layout.addWidget(self.start)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.end)
        self.department = self._combo("dashboardDepartment", self.tr("All departments"))
        self.queue = self._combo("dashboardQueue", self.tr("All queues"))
        self.category = self._combo("dashboardCategory", self.tr("All categories"))
        self.district = self._combo("dashboardDistrict", self.tr("All districts"))
        self.channel = self._combo("dashboardChannel", self.tr("All channels"))
        self.layer = QComboBox(self)
        self.layer.setObjectName("dashboardLayer")
        self.layer.setAccessibleName(self.tr("District layer for equity"))
        by = QLabel(self.tr("&Equity by"), self)
        by.setBuddy(self.layer)
        layout.addWidget(by)
        layout.addWidget(self.layer)
        layout.addStretch(1)
        for combo in (self.department, self.queue, self.category, self.district, self.channel):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            second.addWidget(combo, 1)
        self.preset.setCurrentIndex(self.preset.findData(DEFAULT_PRESET))
        self._apply_preset()
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.start.dateChanged.connect(self._on_date_changed)
        self.end.dateChanged.connect(self._on_date_changed)
        for combo in (self.department, self.queue, self.category, self.district, self.channel):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.layer.currentIndexChanged.connect(self._on_choice_changed)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(everything)
        combo.addItem(everything, None)
        return combo

    def today(self) -> date:
        return datetime.now(self._zone).date()

    def show_choices(self, choices: FilterChoices) -> None:
        """Fill the filters with what the city has, keeping what was chosen."""
        self._quiet = True
        try:
            _fill(self.department, choices.departments)
            _fill(self.queue, choices.queues)
            _fill(self.category, choices.categories)
            _fill(self.district, choices.districts)
            _fill(self.channel, tuple(GroupName(c, channel_label(c)) for c in choices.channels))
            kept = self.layer.currentText()
            self.layer.clear()
            self.layer.addItems(list(choices.layers))
            if kept and self.layer.findText(kept) >= 0:
                self.layer.setCurrentText(kept)
        finally:
            self._quiet = False

    def period(self) -> Period:
        """From the first date's midnight to the midnight after the last, in the city's zone."""
        first = self.start.date().toPython()
        last = self.end.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return Period(
            datetime.combine(first, time(), self._zone),
            datetime.combine(last + timedelta(days=1), time(), self._zone),
            self._time_zone,
        )

    def chosen(self) -> MetricsFilter:
        return MetricsFilter(
            department=self.department.currentData(),
            queue=self.queue.currentData(),
            category=self.category.currentData(),
            district=self.district.currentData(),
            channel=self.channel.currentData(),
        )

    def chosen_layer(self) -> str | None:
        return self.layer.currentText() or None

    def described(self) -> list[str]:
        """The period and filters in words, for what is printed or exported."""
        period = self.tr("Period: %1 to %2 (%3)")
        lines = [
            period.replace("%1", self.start.date().toString("yyyy-MM-dd"))
            .replace("%2", self.end.date().toString("yyyy-MM-dd"))
            .replace("%3", self._time_zone)
        ]
        named = [
            combo.currentText()
            for combo in (self.department, self.queue, self.category, self.district, self.channel)
            if combo.currentData() is not None
        ]
        filters = ", ".join(named) if named else self.tr("none (every request)")
        lines.append(self.tr("Filters: %1").replace("%1", filters))
        if self.layer.currentText():
            lines.append(self.tr("Equity by: %1").replace("%1", self.layer.currentText()))
        return lines

    def set_dates(self, first: date, last: date) -> None:
        """Show the chosen dates (the preset becomes "Chosen dates")."""
        self._quiet = True
        try:
            self.preset.setCurrentIndex(self.preset.findData(CHOSEN))
            self.start.setDate(QDate(first.year, first.month, first.day))
            self.end.setDate(QDate(last.year, last.month, last.day))
        finally:
            self._quiet = False
        self.changed.emit()

    def _apply_preset(self) -> None:
        chosen = self.preset.currentData()
        today = self.today()
        if chosen == CHOSEN:
            return
        if chosen == THIS_YEAR:
            first, last = date(today.year, 1, 1), today
        elif chosen == LAST_YEAR:
            first, last = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        else:
            first, last = today - timedelta(days=int(chosen) - 1), today
        self.start.setDate(QDate(first.year, first.month, first.day))
        self.end.setDate(QDate(last.year, last.month, last.day))

    @Slot(int)
    def _on_preset_changed(self, _index: int) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._apply_preset()
        finally:
            self._quiet = False
        self.changed.emit()

    @Slot(QDate)
    def _on_date_changed(self, _day: QDate) -> None:
        if self._quiet:
            return
        if self.end.date() < self.start.date():
            self._quiet = True
            try:
                self.end.setDate(self.start.date())
            finally:
                self._quiet = False
        self._quiet = True
        try:
            self.preset.setCurrentIndex(self.preset.findData(CHOSEN))
        finally:
            self._quiet = False
        self.changed.emit()

    @Slot(int)
    def _on_choice_changed(self, _index: int) -> None:
        if not self._quiet:
            self.changed.emit()


def _fill(combo: QComboBox, names: tuple[GroupName, ...]) -> None:
    kept = combo.currentData()
    everything = combo.itemText(0)
    combo.clear()
    combo.addItem(everything, None)
    for name in names:
        combo.addItem(name.name, name.key)
    if kept is not None and combo.findData(kept) >= 0:
        combo.setCurrentIndex(combo.findData(kept))
