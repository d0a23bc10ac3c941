"""The dashboard's four charts, made once and updated with setData/setOpts: volume and open
backlog by day, SLA compliance by queue, and the times to resolve by queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from operator_console.services.dashboard.model import LATE, ON_TIME, OPEN_OVERDUE, DashboardFigures
from operator_console.services.dashboard.tables import city_line, hours, percent
from operator_console.services.metrics.report import GroupReport
from operator_console.ui.common.formatting import calendar_day, short_number, whole_number
from operator_console.ui.common.words import shown
from operator_console.ui.dashboard.chart_card import ChartCard
from operator_console.ui.dashboard.date_axis import LocalDateAxis

DAY_SECONDS = 86_400.0
SHOWN_QUEUES = 8
"""The queues with the most cases shown in the by-queue charts (the tables list every one)."""
NAME_CHARS = 26

ON_TIME_COLOUR = "#2b6cb0"
LATE_COLOUR = "#dd8a16"
OVERDUE_COLOUR = "#b3261e"
MEDIAN_COLOUR = "#2b6cb0"
P90_COLOUR = "#9fc1e6"
ASSIGN_MEDIAN_COLOUR = "#2f855a"
ASSIGN_P90_COLOUR = "#a6d9b8"


@dataclass(frozen=True)
class Pick:
    """What a click on a chart asks for: the cases created on `day`, open at the end of
    `open_on`, or of queue `group` (with one SLA `outcome`); `words` says so."""

    words: str
    day: date | None = None
    open_on: date | None = None
    group: str | None = None
    outcome: str | None = None


def day_position(day: date) -> float:
    """A local date on the date axis: its midnight, read as UTC (the axis shows it as is)."""
    return datetime.combine(day, time(), UTC).timestamp()


class DashboardCharts(QWidget):
    """Signals:
    picked(object): a `Pick` for the bar or point clicked."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCharts")
        self.headline = QLabel(self)
        self.headline.setObjectName("dashboardHeadline")
        self.volume = ChartCard(
            self.tr("Requests created by day"),
            "volumeChart",
            {"bottom": LocalDateAxis()},
        )
        self.backlog = ChartCard(
            self.tr("Open backlog at the end of each day"),
            "backlogChart",
            {"bottom": LocalDateAxis()},
        )
        self.sla = ChartCard(
            self.tr("SLA compliance by queue (most requests first)"), "slaChart", horizontal=True
        )
        self.clocks = ChartCard(
            self.tr("Hours to resolve by queue: median and 90th percentile"),
            "clocksChart",
            horizontal=True,
        )
        self.volume_bars = pg.BarGraphItem(
            x=[], height=[], width=DAY_SECONDS * 0.8, brush="#5b8fd1"
        )
        self.volume.plot.addItem(self.volume_bars)
        self.volume.plot.setLabel("left", self.tr("requests"))
        self.backlog_line = self.backlog.plot.plot(
            [],
            [],
            pen=pg.mkPen("#b3261e", width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush="#b3261e",
        )
        self.backlog.plot.setLabel("left", self.tr("open requests"))
        self.on_time_bars = self._bars(self.sla, ON_TIME_COLOUR, self.tr("on time"))
        self.late_bars = self._bars(self.sla, LATE_COLOUR, self.tr("late"))
        self.overdue_bars = self._bars(self.sla, OVERDUE_COLOUR, self.tr("open and overdue"))
        self.sla.plot.setLabel("bottom", self.tr("requests with an SLA"))
        self.median_bars = self._bars(
            self.clocks, MEDIAN_COLOUR, self.tr("intake to resolve, median")
        )
        self.p90_bars = self._bars(
            self.clocks, P90_COLOUR, self.tr("intake to resolve, 90th percentile")
        )
        self.assign_median_bars = self._bars(
            self.clocks, ASSIGN_MEDIAN_COLOUR, self.tr("assign to resolve, median")
        )
        self.assign_p90_bars = self._bars(
            self.clocks, ASSIGN_P90_COLOUR, self.tr("assign to resolve, 90th percentile")
        )
        self.clocks.plot.setLabel("bottom", self.tr("hours"))
        self.sla.set_legend(
            legend(
                [
                    (ON_TIME_COLOUR, self.tr("on time")),
                    (LATE_COLOUR, self.tr("late")),
                    (OVERDUE_COLOUR, self.tr("open and overdue")),
                ]
            )
        )
        self._clocks_legend = legend(
            [
                (MEDIAN_COLOUR, self.tr("intake to resolve: median")),
                (P90_COLOUR, self.tr("90th percentile")),
                (ASSIGN_MEDIAN_COLOUR, self.tr("assign to resolve: median")),
                (ASSIGN_P90_COLOUR, self.tr("90th percentile")),
            ]
        )
        self.clocks.set_legend(self._clocks_legend)
        grid = QGridLayout()
        grid.addWidget(self.volume, 0, 0)
        grid.addWidget(self.backlog, 0, 1)
        grid.addWidget(self.sla, 1, 0)
        grid.addWidget(self.clocks, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 1)
        self._days: list[date] = []
        self._queues: list[GroupReport] = []
        self.volume.picked.connect(self._on_volume_picked)
        self.backlog.picked.connect(self._on_backlog_picked)
        self.sla.picked.connect(self._on_sla_picked)
        self.clocks.picked.connect(self._on_clocks_picked)
        self.drawn = False

    def _bars(self, card: ChartCard, colour: str, name: str) -> pg.BarGraphItem:
        bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=colour, name=name)
        card.plot.addItem(bars)
        return bars

    def show_figures(self, figures: DashboardFigures) -> None:
        """Update every chart with `figures` (their items stay; their data changes)."""
        report = figures.by_queue
        self.headline.setText(shown(city_line(report.city)))
        self._days = list(report.volume.by_day)
        xs = [day_position(day) for day in self._days]
        counts = [report.volume.by_day[day] for day in self._days]
        self.volume_bars.setOpts(x=xs, height=counts, width=DAY_SECONDS * 0.8)
        self.volume.set_positions(
            xs,
            [
                self.tr("%1: %2 requests created")
                .replace("%1", calendar_day(day))
                .replace("%2", whole_number(n))
                for day, n in zip(self._days, counts, strict=True)
            ],
        )
        backlog = [report.backlog_by_day.get(day, 0) for day in self._days]
        self.backlog_line.setData(xs, backlog)
        self.backlog.set_positions(
            xs,
            [
                self.tr("%1: %2 open at the end of the day")
                .replace("%1", calendar_day(day))
                .replace("%2", whole_number(n))
                for day, n in zip(self._days, backlog, strict=True)
            ],
        )
        self._show_queues(report.groups)
        self.drawn = True

    def _show_queues(self, groups: tuple[GroupReport, ...]) -> None:
        busiest = sorted(
            (g for g in groups if g.figures.cases and g.key is not None),
            key=lambda g: (-g.figures.cases, g.name),
        )[:SHOWN_QUEUES]
        self._queues = list(reversed(busiest))  # the busiest at the top
        ys = list(range(len(self._queues)))
        on_time = [g.figures.sla.on_time for g in self._queues]
        late = [g.figures.sla.late for g in self._queues]
        overdue = [g.figures.sla.open_overdue for g in self._queues]
        zeros = [0] * len(ys)
        self.on_time_bars.setOpts(x0=zeros, y=ys, width=on_time, height=0.7)
        self.late_bars.setOpts(x0=on_time, y=ys, width=late, height=0.7)
        after_late = [a + b for a, b in zip(on_time, late, strict=True)]
        self.overdue_bars.setOpts(x0=after_late, y=ys, width=overdue, height=0.7)
        ticks = [[(y, _short(g.name)) for y, g in zip(ys, self._queues, strict=True)]]
        self.sla.plot.getAxis("left").setTicks(ticks)
        self.sla.set_positions(ys, [self._sla_words(g) for g in self._queues])
        totals = [a + b for a, b in zip(after_late, overdue, strict=True)]
        _fit(self.sla, max(totals, default=0), len(ys))

        def clock_hours(values: list[float | None]) -> list[float]:
            return [h or 0.0 for h in values]

        resolve = [g.figures.intake_to_resolve for g in self._queues]
        assign = [g.figures.assign_to_resolve for g in self._queues]
        quarter = 0.2
        self.median_bars.setOpts(
            x0=zeros,
            y=[y + 1.5 * quarter for y in ys],
            height=quarter,
            width=clock_hours([hours(c.median) for c in resolve]),
        )
        self.p90_bars.setOpts(
            x0=zeros,
            y=[y + 0.5 * quarter for y in ys],
            height=quarter,
            width=clock_hours([hours(c.p90) for c in resolve]),
        )
        self.assign_median_bars.setOpts(
            x0=zeros,
            y=[y - 0.5 * quarter for y in ys],
            height=quarter,
            width=clock_hours([hours(c.median) for c in assign]),
        )
        self.assign_p90_bars.setOpts(
            x0=zeros,
            y=[y - 1.5 * quarter for y in ys],
            height=quarter,
            width=clock_hours([hours(c.p90) for c in assign]),
        )
        self.clocks.plot.getAxis("left").setTicks(ticks)
        self.clocks.set_positions(ys, [self._clock_words(g) for g in self._queues])
        longest = max((h or 0.0 for c in resolve + assign for h in (hours(c.p90),)), default=0.0)
        _fit(self.clocks, longest, len(ys))
        if any(c.cases for c in resolve) and not any(c.cases for c in assign):
            note = self.tr("(no case of these queues records when it was assigned)")
            self.clocks.set_legend(f"{self._clocks_legend} {note}")
        else:
            self.clocks.set_legend(self._clocks_legend)

    def _sla_words(self, group: GroupReport) -> str:
        sla = group.figures.sla
        share = percent(sla.on_time_share.share)
        text = self.tr("%1: %2 on time, %3 late, %4 open and overdue (on time %5)")
        return (
            text.replace("%1", group.name)
            .replace("%2", whole_number(sla.on_time))
            .replace("%3", whole_number(sla.late))
            .replace("%4", whole_number(sla.open_overdue))
            .replace("%5", "–" if share is None else f"{short_number(share)} %")
        )

    def _clock_words(self, group: GroupReport) -> str:
        f = group.figures
        text = self.tr(
            "%1: intake to resolve median %2 h, 90th percentile %3 h; "
            "assign to resolve median %4 h, 90th percentile %5 h"
        )
        return (
            text.replace("%1", group.name)
            .replace("%2", _number(hours(f.intake_to_resolve.median)))
            .replace("%3", _number(hours(f.intake_to_resolve.p90)))
            .replace("%4", _number(hours(f.assign_to_resolve.median)))
            .replace("%5", _number(hours(f.assign_to_resolve.p90)))
        )

    def _on_volume_picked(self, index: int) -> None:
        day = self._days[index]
        words = self.tr("Requests created on %1").replace("%1", calendar_day(day))
        self.picked.emit(Pick(words, day=day))

    def _on_backlog_picked(self, index: int) -> None:
        day = self._days[index]
        words = self.tr("Requests open at the end of %1").replace("%1", calendar_day(day))
        self.picked.emit(Pick(words, open_on=day))

    def _on_sla_picked(self, index: int) -> None:
        group = self._queues[index]
        sla = group.figures.sla
        along = self.sla.value_at
        if along <= sla.on_time:
            outcome, text = ON_TIME, self.tr("On time in %1")
        elif along <= sla.on_time + sla.late:
            outcome, text = LATE, self.tr("Late in %1")
        else:
            outcome, text = OPEN_OVERDUE, self.tr("Open and overdue in %1")
        self.picked.emit(Pick(text.replace("%1", group.name), group=group.key, outcome=outcome))

    def _on_clocks_picked(self, index: int) -> None:
        group = self._queues[index]
        words = self.tr("Requests of %1").replace("%1", group.name)
        self.picked.emit(Pick(words, group=group.key))


def _fit(card: ChartCard, longest: float, bars: int) -> None:
    """Show every bar from zero."""
    card.plot.setXRange(0, max(longest, 1.0) * 1.04, padding=0)
    card.plot.setYRange(-0.6, bars - 0.4, padding=0)


def legend(entries: list[tuple[str, str]]) -> str:
    """A legend in words, each after a swatch of its colour, for a chart's title line."""
    return " &nbsp; ".join(
        f'<span style="color:{colour}">&#9632;</span>&nbsp;{words}' for colour, words in entries
    )


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _number(value: float | None) -> str:
    return "–" if value is None else short_number(value)
