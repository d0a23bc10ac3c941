"""Each group's metrics against the city-wide value: the gap, its interval, and whether the
difference is larger than chance (the group's 95 % interval excludes the city's value)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from operator_console.domain.metrics import Interval
from operator_console.services.metrics.figures import Figures

# The compared metrics: their names in reports, and how each is read from the figures.
Reading = Callable[[Figures], tuple[float | None, Interval | None, int]]

COMPARED: dict[str, Reading] = {
    "on_time_share": lambda f: (
        f.sla.on_time_share.share,
        f.sla.on_time_share.interval,
        f.sla.on_time_share.out_of,
    ),
    "intake_to_assign_median": lambda f: (
        f.intake_to_assign.median,
        f.intake_to_assign.median_interval,
        f.intake_to_assign.cases,
    ),
    "assign_to_resolve_median": lambda f: (
        f.assign_to_resolve.median,
        f.assign_to_resolve.median_interval,
        f.assign_to_resolve.cases,
    ),
    "intake_to_resolve_median": lambda f: (
        f.intake_to_resolve.median,
        f.intake_to_resolve.median_interval,
        f.intake_to_resolve.cases,
    ),
    "reopen_rate": lambda f: (f.reopen_rate.share, f.reopen_rate.interval, f.reopen_rate.out_of),
    "duplicate_share": lambda f: (
        f.duplicate_share.share,
        f.duplicate_share.interval,
        f.duplicate_share.out_of,
    ),
    "repeat_calls": lambda f: (
        f.repeat_calls.share,
        f.repeat_calls.interval,
        f.repeat_calls.out_of,
    ),
}


@dataclass(frozen=True)
class Comparison:
    """One metric of one group against the city: the group's value, the city's, the gap
    (group minus city), the group's interval, how many cases are behind the value, and whether
    the interval excludes the city's value."""

    value: float | None
    city: float | None
    gap: float | None
    interval: Interval | None
    cases: int
    beyond_chance: bool


def compare(group: Figures, city: Figures) -> dict[str, Comparison]:
    """Every compared metric of `group` against `city`."""
    compared = {}
    for name, read in COMPARED.items():
        value, interval, cases = read(group)
        city_value = read(city)[0]
        gap = None if value is None or city_value is None else value - city_value
        beyond = gap is not None and interval is not None and interval.excludes(city_value or 0.0)
        compared[name] = Comparison(value, city_value, gap, interval, cases, beyond)
    return compared
