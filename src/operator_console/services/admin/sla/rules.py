"""The rules a policy, a calendar or a closure day must follow, each refusal naming its field."""

from __future__ import annotations

import re
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from operator_console.domain.sla import BusinessCalendar, ClockKind
from operator_console.services.admin.sla.errors import SlaAdminError
from operator_console.services.admin.sla.ports import CalendarSettings

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_CODE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
_HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def checked_code(code: str) -> str:
    code = code.strip()
    if not _CODE.match(code):
        raise SlaAdminError(
            f"{code!r} is not a code: up to 40 lower-case letters, digits, _ . - "
            "(e.g. business-5d)",
            "code",
        )
    return code


def checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SlaAdminError("A name is needed.", "name")
    if len(name) > 120:
        raise SlaAdminError("A name has at most 120 characters.", "name")
    return name


def checked_target(hours: float) -> float:
    if not hours > 0:
        raise SlaAdminError(f"The target must be more than 0 hours, not {hours:g}.", "target_hours")
    if hours > 24 * 366 * 3:
        raise SlaAdminError("A target of more than three years is not a target.", "target_hours")
    return float(hours)


def checked_fraction(fraction: float) -> float:
    if not 0.0 < fraction < 1.0:
        raise SlaAdminError(
            f"The at-risk share must be between 0 and 1 (e.g. 0.75), not {fraction:g}.",
            "at_risk_fraction",
        )
    return float(fraction)


def checked_clock(clock: str) -> ClockKind:
    if clock not in ("business", "calendar"):
        raise SlaAdminError(
            f"The clock is 'business' (working hours) or 'calendar' (every hour), not {clock!r}.",
            "clock",
        )
    return "business" if clock == "business" else "calendar"


def checked_time_zone(name: str) -> str:
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SlaAdminError(
            f"{name!r} is not a time zone name (e.g. America/New_York).", "time_zone"
        ) from None
    return name


def checked_hhmm(value: str, field: str) -> str:
    value = value.strip()
    if not _HHMM.match(value):
        raise SlaAdminError(f"{value!r} is not a time of day as HH:MM (e.g. 08:30).", field)
    return value


def checked_hours(work_start: str, work_end: str) -> tuple[str, str]:
    start, end = checked_hhmm(work_start, "work_start"), checked_hhmm(work_end, "work_end")
    if start >= end:
        raise SlaAdminError(f"Work must end after it starts ({start} to {end}).", "work_end")
    return start, end


def checked_working_days(days: tuple[int, ...]) -> tuple[int, ...]:
    chosen = tuple(sorted(set(days)))
    if not chosen:
        raise SlaAdminError("At least one working day is needed.", "working_days")
    if not set(chosen) <= set(range(7)):
        raise SlaAdminError("Working days are Monday (0) to Sunday (6).", "working_days")
    return chosen


def checked_holidays(country: str | None, subdivision: str | None) -> tuple[str | None, str | None]:
    country = (country or "").strip().upper() or None
    subdivision = (subdivision or "").strip().upper() or None
    if country is None:
        if subdivision is not None:
            raise SlaAdminError("A state or province needs a country.", "holiday_country")
        return None, None
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise SlaAdminError(
            f"No public holidays are known for the country {country!r} "
            "(use a two-letter code, e.g. US, CA, GB).",
            "holiday_country",
        )
    if subdivision is not None and subdivision not in supported[country]:
        raise SlaAdminError(
            f"{subdivision!r} is not a subdivision of {country} with known holidays "
            f"(e.g. {', '.join(supported[country][:4])}).",
            "holiday_subdivision",
        )
    return country, subdivision


def checked_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SlaAdminError(
            f"{text!r} is not a date as YYYY-MM-DD (e.g. 2026-02-09).", "day"
        ) from None


def business_calendar(settings: CalendarSettings) -> BusinessCalendar:
    """The domain's calendar for stored settings, its closure days included."""
    return BusinessCalendar(
        time_zone=settings.time_zone,
        working_weekdays=frozenset(settings.working_days),
        work_starts=time.fromisoformat(settings.work_start),
        work_ends=time.fromisoformat(settings.work_end),
        country=settings.holiday_country,
        subdivision=settings.holiday_subdivision,
        closure_dates=frozenset(date.fromisoformat(c.day) for c in settings.closures),
    )


def weekday_words(days: tuple[int, ...]) -> str:
    """Working days as people write them: a run of days with a dash, others listed."""
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_NAMES[days[0]]}–{WEEKDAY_NAMES[days[-1]]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in days)
