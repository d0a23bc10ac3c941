"""The dashboard's tables, as shown and as exported: volume and backlog by day, SLA compliance
and clocks by queue, and the ranked equity table of a district layer."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.exports.table import Cell, Table
from operator_console.services.metrics.equity import Comparison
from operator_console.services.metrics.figures import Clock, Figures
from operator_console.services.metrics.report import GroupReport, MetricsReport

HOUR = 60.0
_QUEUE = QT_TRANSLATE_NOOP("DashboardTables", "Queue")
SMALL = QT_TRANSLATE_NOOP("DashboardTables", "small: few cases")
BEYOND = QT_TRANSLATE_NOOP("DashboardTables", "yes")
WITHIN = QT_TRANSLATE_NOOP("DashboardTables", "no")


@dataclass(frozen=True)
class EquityMetric:
    """One metric of the equity table: its name in the figures' comparisons, in words, whether
    it is a share (shown in %) or a time (in hours), and which way is better."""

    key: str
    label: Words
    is_share: bool
    higher_is_better: bool


EQUITY_METRICS = (
    EquityMetric(
        "on_time_share", QT_TRANSLATE_NOOP("DashboardTables", "On-time share"), True, True
    ),
    EquityMetric(
        "intake_to_resolve_median",
        QT_TRANSLATE_NOOP("DashboardTables", "Median intake to resolve"),
        False,
        False,
    ),
    EquityMetric(
        "intake_to_assign_median",
        QT_TRANSLATE_NOOP("DashboardTables", "Median intake to assign"),
        False,
        False,
    ),
    EquityMetric(
        "assign_to_resolve_median",
        QT_TRANSLATE_NOOP("DashboardTables", "Median assign to resolve"),
        False,
        False,
    ),
    EquityMetric("reopen_rate", QT_TRANSLATE_NOOP("DashboardTables", "Reopen rate"), True, False),
    EquityMetric("repeat_calls", QT_TRANSLATE_NOOP("DashboardTables", "Repeat calls"), True, False),
    EquityMetric(
        "duplicate_share",
        QT_TRANSLATE_NOOP("DashboardTables", "Closed as duplicates"),
        True,
        False,
    ),
)


def equity_metric(key: str) -> EquityMetric:
    for metric in EQUITY_METRICS:
        if metric.key == key:
            return metric
    known = ", ".join(metric.key for metric in EQUITY_METRICS)
    raise ValueError(f"no equity metric {key!r}; the dashboard compares {known}")


def shown(value: float | None, metric: EquityMetric) -> float | None:
    """A share in % or a time in hours, to one decimal."""
    if value is None:
        return None
    return round(value * 100 if metric.is_share else value / HOUR, 1)


def hours(value: float | None) -> float | None:
    return None if value is None else round(value / HOUR, 1)


def percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def volume_table(report: MetricsReport) -> Table:
    backlog = report.backlog_by_day
    rows = tuple(
        (day.isoformat(), count, backlog.get(day)) for day, count in report.volume.by_day.items()
    )
    header = (
        QT_TRANSLATE_NOOP("DashboardTables", "Day"),
        QT_TRANSLATE_NOOP("DashboardTables", "Requests created"),
        QT_TRANSLATE_NOOP("DashboardTables", "Open at end of day"),
    )
    return Table(QT_TRANSLATE_NOOP("DashboardTables", "Volume by day"), header, rows)


def sla_table(report: MetricsReport) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for group in _with_cases(report):
        sla = group.figures.sla
        share = percent(sla.on_time_share.share)
        rows.append((group.name, sla.on_time, sla.late, sla.open_overdue, share))
    header = (
        _QUEUE,
        QT_TRANSLATE_NOOP("DashboardTables", "On time"),
        QT_TRANSLATE_NOOP("DashboardTables", "Late"),
        QT_TRANSLATE_NOOP("DashboardTables", "Open and overdue"),
        QT_TRANSLATE_NOOP("DashboardTables", "On time (%)"),
    )
    return Table(
        QT_TRANSLATE_NOOP("DashboardTables", "SLA compliance by queue"), header, tuple(rows)
    )


def clocks_table(report: MetricsReport) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for group in _with_cases(report):
        f = group.figures
        cells: list[Cell] = [group.name]
        for each in (f.intake_to_assign, f.assign_to_resolve, f.intake_to_resolve):
            cells += _clock_cells(each)
        rows.append(tuple(cells))
    median = QT_TRANSLATE_NOOP("DashboardTables", "median (h)")
    p90 = QT_TRANSLATE_NOOP("DashboardTables", "90th percentile (h)")
    header = (
        _QUEUE,
        QT_TRANSLATE_NOOP("DashboardTables", "Intake to assign: cases"),
        median,
        p90,
        QT_TRANSLATE_NOOP("DashboardTables", "Assign to resolve: cases"),
        median,
        p90,
        QT_TRANSLATE_NOOP("DashboardTables", "Intake to resolve: cases"),
        median,
        p90,
    )
    return Table(
        QT_TRANSLATE_NOOP("DashboardTables", "Time to assign and resolve by queue"),
        header,
        tuple(rows),
    )


def _clock_cells(clock: Clock) -> list[Cell]:
    return [clock.cases, hours(clock.median), hours(clock.p90)]


@dataclass(frozen=True)
class EquityRow:
    """One district of the equity table, its comparison, and how bad its gap is (positive:
    worse than the city; None when there is nothing to compare)."""

    key: str | None
    name: str
    cases: int
    comparison: Comparison
    small: bool
    badness: float | None


def equity_rows(report: MetricsReport, metric: EquityMetric) -> list[EquityRow]:
    """Every district, the worst gap first, those without a figure last (small ones kept)."""
    rows = []
    for group in report.groups:
        comparison = group.comparisons[metric.key]
        gap = comparison.gap
        badness = None if gap is None else (-gap if metric.higher_is_better else gap)
        rows.append(
            EquityRow(group.key, group.name, group.figures.cases, comparison, group.small, badness)
        )
    rows.sort(key=lambda row: (row.badness is None, -(row.badness or 0.0), row.name))
    return rows


def equity_table(report: MetricsReport, metric: EquityMetric, layer: str) -> Table:
    if metric.is_share:
        named = QT_TRANSLATE_NOOP("DashboardTables", "%1 (%)").with_values(metric.label)
        city = QT_TRANSLATE_NOOP("DashboardTables", "City (%)")
        gap = QT_TRANSLATE_NOOP("DashboardTables", "Gap (%)")
    else:
        named = QT_TRANSLATE_NOOP("DashboardTables", "%1 (h)").with_values(metric.label)
        city = QT_TRANSLATE_NOOP("DashboardTables", "City (h)")
        gap = QT_TRANSLATE_NOOP("DashboardTables", "Gap (h)")
    header = (
        layer.capitalize(),
        QT_TRANSLATE_NOOP("DashboardTables", "Cases"),
        named,
        city,
        gap,
        QT_TRANSLATE_NOOP("DashboardTables", "95 % interval"),
        QT_TRANSLATE_NOOP("DashboardTables", "Larger than chance"),
        QT_TRANSLATE_NOOP("DashboardTables", "Note"),
    )
    rows = tuple(equity_cells(row, metric) for row in equity_rows(report, metric))
    title = QT_TRANSLATE_NOOP("DashboardTables", "%1 by %2").with_values(metric.label, layer)
    return Table(title, header, rows)


def equity_cells(row: EquityRow, metric: EquityMetric) -> tuple[Cell, ...]:
    c = row.comparison
    interval: Words | str = ""
    if c.interval is not None:
        interval = QT_TRANSLATE_NOOP("DashboardTables", "%1 to %2").with_values(
            shown(c.interval.low, metric), shown(c.interval.high, metric)
        )
    verdict: Words | str = "" if c.gap is None else (BEYOND if c.beyond_chance else WITHIN)
    note: Words | str = SMALL if row.small else ""
    return (
        row.name,
        row.cases,
        shown(c.value, metric),
        shown(c.city, metric),
        shown(c.gap, metric),
        interval,
        verdict,
        note,
    )


def _with_cases(report: MetricsReport) -> list[GroupReport]:
    return [group for group in report.groups if group.figures.cases]


def city_line(city: Figures) -> Words:
    """The city's headline figures in one line."""
    share = percent(city.sla.on_time_share.share)
    median = hours(city.intake_to_resolve.median)
    return QT_TRANSLATE_NOOP(
        "DashboardTables",
        "%1 requests, %2 resolved; on time %3; median intake to resolve %4",
    ).with_values(
        f"{city.cases:,}",
        f"{city.resolved:,}",
        "–" if share is None else f"{share} %",
        "–" if median is None else QT_TRANSLATE_NOOP("DashboardTables", "%1 h").with_values(median),
    )
