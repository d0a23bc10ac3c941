"""How values read on screen: city-clock times, dates, numbers and distances in the console's
language, plain-word codes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QTime,
    QTimeZone,
)

from operator_console.domain.lifecycle import ClosureReason, Priority
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_STATUS_LABELS = {
    "received": QT_TRANSLATE_NOOP("Status", "Received"),
    "routed": QT_TRANSLATE_NOOP("Status", "Routed"),
    "in_queue": QT_TRANSLATE_NOOP("Status", "In queue"),
    "assigned": QT_TRANSLATE_NOOP("Status", "Assigned"),
    "in_progress": QT_TRANSLATE_NOOP("Status", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("Status", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Status", "Closed"),
}

_CLOSURE_LABELS = {
    "fixed": QT_TRANSLATE_NOOP("CaseActions", "Fixed"),
    "duplicate": QT_TRANSLATE_NOOP("CaseActions", "Duplicate"),
    "not_city_responsibility": QT_TRANSLATE_NOOP("CaseActions", "Not the city's responsibility"),
    "no_further_action": QT_TRANSLATE_NOOP("CaseActions", "No further action"),
    "referred": QT_TRANSLATE_NOOP("CaseActions", "Referred elsewhere"),
    "cancelled": QT_TRANSLATE_NOOP("CaseActions", "Cancelled"),
}
_PRIORITY_LABELS = {
    "low": QT_TRANSLATE_NOOP("CaseActions", "Low"),
    "normal": QT_TRANSLATE_NOOP("CaseActions", "Normal"),
    "high": QT_TRANSLATE_NOOP("CaseActions", "High"),
    "urgent": QT_TRANSLATE_NOOP("CaseActions", "Urgent"),
}


def closure_label(reason: ClosureReason | str) -> str:
    """A closure reason in words (a code this console does not know: the code itself)."""
    code = reason.value if isinstance(reason, ClosureReason) else reason
    fallback = code.replace("_", " ").capitalize()
    return QCoreApplication.translate("CaseActions", str(_CLOSURE_LABELS.get(code, fallback)))


def priority_label(priority: Priority | str) -> str:
    """A priority in words (a code this console does not know: the code itself)."""
    code = priority.value if isinstance(priority, Priority) else priority
    fallback = code.capitalize()
    return QCoreApplication.translate("CaseActions", str(_PRIORITY_LABELS.get(code, fallback)))


def status_label(status: str) -> str:
    """The plain-language name of a status."""
    return QCoreApplication.translate("Status", _STATUS_LABELS.get(status, status))


def city_zone(time_zone: str) -> tzinfo:
    """The city's time zone by its IANA name ("America/New_York"); UTC while the city has none."""
    return ZoneInfo(time_zone) if time_zone else UTC


def city_wall_clock(value: datetime, time_zone: str) -> datetime:
    """`value` (stored in UTC) as the city's clocks show it."""
    return value.astimezone(city_zone(time_zone))


def local_time(value: datetime, time_zone: str) -> str:
    """A moment as everyone at this console reads it: the city's wall clock (`time_zone`, the
    city settings' zone) in the console locale's short date and time: "3/11/26 12:30 PM"."""
    wall = city_wall_clock(value, time_zone)
    # Already the city's wall clock: a UTC QDateTime keeps Qt from moving it to this computer's.
    shown = QDateTime(
        QDate(wall.year, wall.month, wall.day),
        QTime(wall.hour, wall.minute),
        QTimeZone(QTimeZone.Initialization.UTC),
    )
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def city_date(instant: datetime, time_zone: str) -> date:
    """The city's calendar date at `instant`."""
    return city_wall_clock(instant, time_zone).date()


def city_midnight(day: date, time_zone: str) -> datetime:
    """The instant (UTC) the city's calendar day `day` begins."""
    return datetime.combine(day, time(0), tzinfo=city_zone(time_zone)).astimezone(UTC)


def spoken_date(value: datetime | None, time_zone: str) -> str:
    """A due date as the operator reads it to the caller, in the city's time and the console's
    language: "Tuesday 8 December, 5:00 PM"."""
    if value is None:
        return QCoreApplication.translate("ReadBack", "no fixed date for this kind of request")
    local = city_wall_clock(value, time_zone)
    locale = QLocale()
    day_format = QCoreApplication.translate(
        "ReadBack", "dddd d MMMM", "the due day read to the caller, as a QLocale date format"
    )
    day = locale.toString(QDate(local.year, local.month, local.day), day_format)
    hour = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    words = QCoreApplication.translate("ReadBack", "%1, %2", "the due date: its day, its hour")
    return words.replace("%1", day).replace("%2", hour)


def calendar_day(day: date) -> str:
    """A calendar day in the console locale's short date: "12/8/26" in English."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def whole_number(value: int) -> str:
    """A count with the console locale's digit grouping: "12,345" in English."""
    return QLocale().toString(value)


def decimal_number(value: float, decimals: int = 1) -> str:
    """A number with `decimals` decimal places in the console locale: "1,234.5" in English."""
    return QLocale().toString(float(value), "f", decimals)


def short_number(value: float) -> str:
    """A number with no more decimals than it has, in the console locale: "2", "1.5"."""
    shortest = QLocale.FloatingPointPrecisionOption.FloatingPointShortest
    return QLocale().toString(float(value), "f", shortest.value)


_METRES = QT_TRANSLATE_NOOP("Units", "%1 m")
_KILOMETRES = QT_TRANSLATE_NOOP("Units", "%1 km")


def _in_units(words: str, value: str) -> str:
    return QCoreApplication.translate("Units", words).replace("%1", value)


def distance_words(metres: float) -> str:
    """A distance in the console's language: "80 m" under a kilometre, else "1.2 km"."""
    if metres < 1000:
        return _in_units(_METRES, whole_number(round(metres)))
    return _in_units(_KILOMETRES, decimal_number(metres / 1000, 1))
