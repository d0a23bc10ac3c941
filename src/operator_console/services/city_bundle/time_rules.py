"""calendars.csv, closures.csv and sla_policies.csv: when the city works and its target times."""

from __future__ import annotations

import re
from datetime import time

import holidays

from operator_console.domain.sla import DEFAULT_AT_RISK_FRACTION, ClockKind
from operator_console.services.city_bundle.checks import Codes, check_reference
from operator_console.services.city_bundle.csv_files import Cells, CsvTable
from operator_console.services.city_bundle.manifest import is_time_zone
from operator_console.services.city_bundle.model import Calendar, Closure, SlaPolicyRow

CALENDAR_COLUMNS = ("code",)
CLOSURE_COLUMNS = ("calendar", "day", "name")
SLA_COLUMNS = ("code", "name", "target_hours")
MAX_CODE = 40
MAX_NAME = 200
MAX_SUBDIVISION = 10
SUBDIVISIONS_LISTED = 60  # a country's subdivision codes, listed whole up to this many
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOCKS: dict[str, ClockKind] = {"business": "business", "calendar": "calendar"}
_DAY_SEPARATORS = re.compile(r"[;,\s]+")


def read_calendars(
    table: CsvTable, codes: Codes, city_time_zone: str | None
) -> tuple[Calendar, ...]:
    """Calendars; an empty time_zone is the city's (`city_time_zone`, as city.toml writes it:
    when that is not a time zone, city.toml's problem says so, not each calendar)."""
    supported = holidays.list_supported_countries()
    calendars = []
    for cells in table.rows:
        code = cells.required("code", max_length=MAX_CODE)
        own_time_zone = cells.text("time_zone")
        time_zone = own_time_zone or city_time_zone or ""
        if not time_zone:
            cells.problem("time_zone", "time_zone is empty and city.toml gives none")
        elif own_time_zone and not is_time_zone(own_time_zone):
            cells.problem("time_zone", f"{own_time_zone!r} is not an IANA time zone")
        starts = cells.clock_time("work_start", time(8, 0))
        ends = cells.clock_time("work_end", time(17, 0))
        if starts >= ends:
            cells.problem(
                "work_end", f"work_end {ends:%H:%M} is not after work_start {starts:%H:%M}"
            )
        country, subdivision = _holiday_place(cells, supported)
        calendar = Calendar(
            code=code,
            time_zone=time_zone,
            working_days=_working_days(cells),
            work_start=starts,
            work_end=ends,
            holiday_country=country,
            holiday_subdivision=subdivision,
        )
        if codes.define(cells, "code", code):
            calendars.append(calendar)
    return tuple(calendars)


def _holiday_place(cells: Cells, supported: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """The `holidays` package's (country, subdivision) codes, as it spells them."""
    country = cells.optional("holiday_country")
    subdivision = cells.optional("holiday_subdivision")
    if country is None:
        if subdivision is not None:
            cells.problem("holiday_subdivision", "holiday_subdivision needs a holiday_country")
        return None, None
    country = country.upper()
    if len(country) != 2 or country not in supported:
        cells.problem(
            "holiday_country",
            f"holiday_country {country!r} is not a two-letter country the holidays package knows",
        )
        return None, None
    if subdivision is None:
        return country, None
    spelled = {code.upper(): code for code in supported[country] if len(code) <= MAX_SUBDIVISION}
    if subdivision.upper() not in spelled:
        codes = sorted(spelled.values())
        known = ", ".join(codes if len(codes) <= SUBDIVISIONS_LISTED else codes[:12]) or "none"
        more = "" if len(codes) <= SUBDIVISIONS_LISTED else f", ... {len(codes)} in all"
        cells.problem(
            "holiday_subdivision",
            f"holiday_subdivision {subdivision!r} is not one of {country}'s ({known}{more})",
        )
        return country, None
    return country, spelled[subdivision.upper()]


def _working_days(cells: Cells) -> frozenset[int]:
    """`mon-fri`, `mon;tue;wed`, `sat-sun`...; empty is Monday to Friday."""
    value = cells.text("working_days").lower()
    if not value:
        return frozenset(range(5))
    days: set[int] = set()
    for part in _DAY_SEPARATORS.split(value):
        first, _, last = part.partition("-")
        if first[:3] not in WEEKDAYS or (last and last[:3] not in WEEKDAYS):
            cells.problem(
                "working_days",
                f"working_days {value!r}: write days like mon-fri or mon;tue;wed",
            )
            return frozenset(range(5))
        start = WEEKDAYS.index(first[:3])
        end = WEEKDAYS.index(last[:3]) if last else start
        days.update(day % 7 for day in range(start, end + 1 if end >= start else end + 8))
    return frozenset(days)


def read_closures(table: CsvTable, calendars: Codes) -> tuple[Closure, ...]:
    closures = []
    seen: dict[tuple[str, str], int] = {}
    for cells in table.rows:
        calendar = cells.required("calendar")
        check_reference(cells, "calendar", calendar, calendars, "calendar")
        day = cells.day("day")
        name = cells.required("name", max_length=120)
        if day is None:
            continue
        key = (calendar, day.isoformat())
        if key in seen:
            cells.problem("day", f"{day} is already closed on line {seen[key]}")
            continue
        seen[key] = cells.line
        closures.append(Closure(calendar, day, name))
    return tuple(closures)


def read_sla_policies(table: CsvTable, codes: Codes, calendars: Codes) -> tuple[SlaPolicyRow, ...]:
    """SLA policies; a business clock with no calendar uses the only calendar, if there is one."""
    policies = []
    only_calendar = next(iter(calendars.lines)) if len(calendars.lines) == 1 else None
    for cells in table.rows:
        code = cells.required("code", max_length=MAX_CODE)
        target = cells.number("target_hours", None) if cells.required("target_hours") else None
        if target is not None and target <= 0:
            cells.problem("target_hours", f"target_hours {target:g} is not above 0")
        clock = CLOCKS[cells.choice("clock", tuple(CLOCKS), "business")]
        calendar = cells.optional("calendar")
        check_reference(cells, "calendar", calendar, calendars, "calendar")
        if clock == "business" and calendar is None:
            if only_calendar is None:
                cells.problem("calendar", "a business clock needs a calendar")
            calendar = only_calendar
        fraction = cells.fraction("at_risk_fraction", DEFAULT_AT_RISK_FRACTION)
        if fraction is not None and not 0 < fraction < 1:
            cells.problem(
                "at_risk_fraction", f"at_risk_fraction {fraction:g} is not between 0 and 1"
            )
        policy = SlaPolicyRow(
            code=code,
            name=cells.required("name", max_length=MAX_NAME),
            target_hours=target or 1.0,
            clock=clock,
            calendar=calendar,
            at_risk_fraction=fraction or DEFAULT_AT_RISK_FRACTION,
        )
        if codes.define(cells, "code", code):
            policies.append(policy)
    return tuple(policies)
