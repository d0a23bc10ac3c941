"""The rules a policy, a calendar or a closure day must follow, each refusal naming its field."""

from __future__ import annotations

import re
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from operator_console.domain.sla import BusinessCalendar, ClockKind
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.admin.sla.errors import SlaAdminError
from operator_console.services.admin.sla.ports import CalendarSettings

WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("SlaAdminWords", "Mon"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Tue"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Wed"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Thu"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Fri"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Sat"),
    QT_TRANSLATE_NOOP("SlaAdminWords", "Sun"),
)
_CODE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
_HHMM = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def checked_code(code: str) -> str:
    code = code.strip()
    if not _CODE.match(code):
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems",
                "%1 is not a code: up to 40 lower-case letters, digits, _ . - (e.g. business-5d)",
            ).with_values(repr(code)),
            "code",
        )
    return code


def checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SlaAdminError(QT_TRANSLATE_NOOP("SlaAdminProblems", "A name is needed."), "name")
    if len(name) > 120:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP("SlaAdminProblems", "A name has at most 120 characters."), "name"
        )
    return name


def checked_target(hours: float) -> float:
    if not hours > 0:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "The target must be more than 0 hours, not %1."
            ).with_values(f"{hours:g}"),
            "target_hours",
        )
    if hours > 24 * 366 * 3:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "A target of more than three years is not a target."
            ),
            "target_hours",
        )
    return float(hours)


def checked_fraction(fraction: float) -> float:
    if not 0.0 < fraction < 1.0:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "The at-risk share must be between 0 and 1 (e.g. 0.75), not %1."
            ).with_values(f"{fraction:g}"),
            "at_risk_fraction",
        )
    return float(fraction)


def checked_clock(clock: str) -> ClockKind:
    if clock not in ("business", "calendar"):
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems",
                "The clock is 'business' (working hours) or 'calendar' (every hour), not %1.",
            ).with_values(repr(clock)),
            "clock",
        )
    return "business" if clock == "business" else "calendar"


def checked_time_zone(name: str) -> str:
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "%1 is not a time zone name (e.g. America/New_York)."
            ).with_values(repr(name)),
            "time_zone",
        ) from None
    return name


def checked_hhmm(value: str, field: str) -> str:
    value = value.strip()
    if not _HHMM.match(value):
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "%1 is not a time of day as HH:MM (e.g. 08:30)."
            ).with_values(repr(value)),
            field,
        )
    return value


def checked_hours(work_start: str, work_end: str) -> tuple[str, str]:
    start, end = checked_hhmm(work_start, "work_start"), checked_hhmm(work_end, "work_end")
    if start >= end:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "Work must end after it starts (%1 to %2)."
            ).with_values(start, end),
            "work_end",
        )
    return start, end


def checked_working_days(days: tuple[int, ...]) -> tuple[int, ...]:
    chosen = tuple(sorted(set(days)))
    if not chosen:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP("SlaAdminProblems", "At least one working day is needed."),
            "working_days",
        )
    if not set(chosen) <= set(range(7)):
        raise SlaAdminError(
            QT_TRANSLATE_NOOP("SlaAdminProblems", "Working days are Monday (0) to Sunday (6)."),
            "working_days",
        )
    return chosen


def checked_holidays(country: str | None, subdivision: str | None) -> tuple[str | None, str | None]:
    country = (country or "").strip().upper() or None
    subdivision = (subdivision or "").strip().upper() or None
    if country is None:
        if subdivision is not None:
            raise SlaAdminError(
                QT_TRANSLATE_NOOP("SlaAdminProblems", "A state or province needs a country."),
                "holiday_country",
            )
        return None, None
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems",
                "No public holidays are known for the country %1 (use a two-letter code, e.g. "
                "US, CA, GB).",
            ).with_values(repr(country)),
            "holiday_country",
        )
    if subdivision is not None and subdivision not in supported[country]:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "%1 is not a subdivision of %2 with known holidays (e.g. %3)."
            ).with_values(repr(subdivision), country, ", ".join(supported[country][:4])),
            "holiday_subdivision",
        )
    return country, subdivision


def checked_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SlaAdminError(
            QT_TRANSLATE_NOOP(
                "SlaAdminProblems", "%1 is not a date as YYYY-MM-DD (e.g. 2026-02-09)."
            ).with_values(repr(text)),
            "day",
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


def weekday_words(days: tuple[int, ...]) -> Words:
    """Working days as people write them: a run of days with a dash, others listed."""
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return Words("", "%1–%2", (WEEKDAY_NAMES[days[0]], WEEKDAY_NAMES[days[-1]]))
    return joined([WEEKDAY_NAMES[d] for d in days], ", ")
