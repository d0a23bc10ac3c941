"""How values read on screen: local times, dates as a caller hears them, plain-word codes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from operator_console.domain.lifecycle import ClosureReason, Priority

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


def local_time(value: datetime, time_zone: str | None = None) -> str:
    """A timestamp to the minute, in `time_zone` (the city's) or else the computer's own."""
    zone = ZoneInfo(time_zone) if time_zone else None
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def spoken_date(value: datetime | None, time_zone: str) -> str:
    """A due date as the operator reads it to the caller, in the city's time and the console's
    language: "Tuesday 8 December, 5:00 PM"."""
    if value is None:
        return QCoreApplication.translate("ReadBack", "no fixed date for this kind of request")
    local = value.astimezone(ZoneInfo(time_zone))
    locale = QLocale()
    day = locale.toString(QDate(local.year, local.month, local.day), "dddd d MMMM")
    hour = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {hour}"
