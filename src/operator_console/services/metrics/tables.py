"""A metrics report as plain data for scripts: one JSON document, or CSV rows (one a group)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from operator_console.domain.metrics import Interval
from operator_console.services.metrics.equity import Comparison
from operator_console.services.metrics.figures import Clock, Figures, Share
from operator_console.services.metrics.report import GroupReport, MetricsReport

CITY = "city"


def _interval(interval: Interval | None) -> list[float] | None:
    return None if interval is None else [interval.low, interval.high]


def _ends(interval: Interval | None) -> list[float | None]:
    return [None, None] if interval is None else [interval.low, interval.high]


def _share(share: Share) -> dict[str, Any]:
    return {
        "count": share.count,
        "out_of": share.out_of,
        "share": share.share,
        "interval": _interval(share.interval),
    }


def _clock(clock: Clock) -> dict[str, Any]:
    return {
        "cases": clock.cases,
        "median_minutes": clock.median,
        "p90_minutes": clock.p90,
        "median_interval": _interval(clock.median_interval),
    }


def figures_document(f: Figures) -> dict[str, Any]:
    sla = asdict(f.sla)
    sla["on_time_share"] = _share(f.sla.on_time_share)
    return {
        "cases": f.cases,
        "resolved": f.resolved,
        "sla": sla,
        "intake_to_assign": _clock(f.intake_to_assign),
        "assign_to_resolve": _clock(f.assign_to_resolve),
        "intake_to_resolve": _clock(f.intake_to_resolve),
        "reopen_rate": _share(f.reopen_rate),
        "duplicate_share": _share(f.duplicate_share),
        "repeat_calls": _share(f.repeat_calls),
        "status_calls": f.status_calls,
        "several_callers": f.several_callers,
    }


def _comparison(c: Comparison) -> dict[str, Any]:
    return {
        "value": c.value,
        "city": c.city,
        "gap": c.gap,
        "interval": _interval(c.interval),
        "cases": c.cases,
        "beyond_chance": c.beyond_chance,
    }


def _group(group: GroupReport) -> dict[str, Any]:
    return {
        "key": group.key,
        "name": group.name,
        "small": group.small,
        "figures": figures_document(group.figures),
        "against_city": {name: _comparison(c) for name, c in group.comparisons.items()},
    }


def report_document(report: MetricsReport) -> dict[str, Any]:
    """The whole report; times are minutes, shares fractions from 0 to 1, intervals 95 %."""
    query = report.query
    return {
        "period": {
            "from": query.period.start.isoformat(),
            "to": query.period.end.isoformat(),
            "time_zone": query.period.time_zone,
        },
        "as_of": report.as_of.isoformat(),
        "filters": query.chosen.described(),
        "by": query.by,
        "min_cases": query.min_cases,
        CITY: figures_document(report.city),
        "volume": {
            "by_day": {day.isoformat(): n for day, n in report.volume.by_day.items()},
            "by_hour": list(report.volume.by_hour),
            "by_channel": report.volume.by_channel,
            "by_category": report.volume.by_category,
        },
        "backlog": {
            "at_end": report.backlog_at_end,
            "by_day": {day.isoformat(): n for day, n in report.backlog_by_day.items()},
        },
        "groups": [_group(group) for group in report.groups],
    }


CSV_COLUMNS = (
    "group",
    "name",
    "small",
    "cases",
    "resolved",
    "on_time",
    "late",
    "open_overdue",
    "open_within",
    "no_sla",
    "on_time_share",
    "on_time_low",
    "on_time_high",
    "on_time_beyond_chance",
    "intake_to_assign_cases",
    "intake_to_assign_median_minutes",
    "intake_to_assign_p90_minutes",
    "assign_to_resolve_cases",
    "assign_to_resolve_median_minutes",
    "assign_to_resolve_p90_minutes",
    "intake_to_resolve_cases",
    "intake_to_resolve_median_minutes",
    "intake_to_resolve_p90_minutes",
    "intake_to_resolve_median_low",
    "intake_to_resolve_median_high",
    "intake_to_resolve_beyond_chance",
    "reopen_rate",
    "duplicate_share",
    "repeat_calls_share",
    "status_calls",
)


def _row(key: str, name: str, small: bool, f: Figures, vs: dict[str, Comparison]) -> list[Any]:
    on_time = f.sla.on_time_share
    to_resolve = f.intake_to_resolve
    cells: list[Any] = [key, name, small, f.cases, f.resolved]
    cells += [f.sla.on_time, f.sla.late, f.sla.open_overdue, f.sla.open_within, f.sla.no_sla]
    cells += [on_time.share, *_ends(on_time.interval)]
    cells += [vs["on_time_share"].beyond_chance if vs else ""]
    for each in (f.intake_to_assign, f.assign_to_resolve, to_resolve):
        cells += [each.cases, each.median, each.p90]
    cells += [*_ends(to_resolve.median_interval)]
    cells += [vs["intake_to_resolve_median"].beyond_chance if vs else ""]
    cells += [f.reopen_rate.share, f.duplicate_share.share, f.repeat_calls.share, f.status_calls]
    return ["" if cell is None else cell for cell in cells]


def report_rows(report: MetricsReport) -> list[list[Any]]:
    """The header, the city's row (group `city`), then a row for each group."""
    rows: list[list[Any]] = [list(CSV_COLUMNS), _row(CITY, CITY, False, report.city, {})]
    for group in report.groups:
        rows.append(
            _row(group.key or "", group.name, group.small, group.figures, group.comparisons)
        )
    return rows
