"""Dates and times as a caller reads them, in their language and the city's time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_skeleton, format_time


def spoken_date(instant: datetime, language: str, time_zone: str) -> str:
    """The day and time in full: "Tuesday, November 24, 2026, 5:00 PM" in English,
    "martes, 24 de noviembre de 2026, 17:00" in Spanish."""
    local = instant.astimezone(ZoneInfo(time_zone))
    day = format_date(local, format="full", locale=language)
    return f"{day}, {format_time(local, format='short', locale=language)}"


def short_date(instant: datetime, language: str, time_zone: str) -> str:
    """The day alone, short, for a text message: "Tue, Nov 24" or "mar, 24 nov"."""
    local = instant.astimezone(ZoneInfo(time_zone))
    return format_skeleton("MMMEd", local, locale=language)
