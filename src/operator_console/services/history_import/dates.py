"""Export dates in the mapping's formats and time zone, read fast, as aware UTC datetimes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# strptime directives this module reads itself; a format with any other falls back to strptime
_DIRECTIVES = {
    "Y": r"(\d{4})",
    "y": r"(\d{2})",
    "m": r"(\d{1,2})",
    "d": r"(\d{1,2})",
    "H": r"(\d{1,2})",
    "I": r"(\d{1,2})",
    "M": r"(\d{1,2})",
    "S": r"(\d{1,2})",
    "f": r"(\d{1,6})",
    "p": r"([AaPp][Mm])",
    "b": r"([A-Za-z]{3})",
}
Reader = Callable[[str], datetime]


class UnreadableDateError(ValueError):
    """Text that is a date in none of the mapping's formats."""


def _compiled(fmt: str) -> Reader:
    """A reader of exactly `fmt`: a regular expression and int(), or strptime when `fmt` uses
    a directive the expression does not know. Raises ValueError when the text does not fit."""
    names: list[str] = []
    pattern = []
    for part in re.split(r"(%.)", fmt):
        if part.startswith("%") and len(part) == 2:
            directive = _DIRECTIVES.get(part[1])
            if directive is None or part[1] in names:
                return lambda text: datetime.strptime(text, fmt)
            names.append(part[1])
            pattern.append(directive)
        else:
            pattern.append(re.escape(part))
    match = re.compile("".join(pattern)).fullmatch
    at = {name: position for position, name in enumerate(names)}
    year, short_year, month, month_name = (at.get(n, -1) for n in ("Y", "y", "m", "b"))
    day, hour, hour12, half = (at.get(n, -1) for n in ("d", "H", "I", "p"))
    minute, second, fraction = (at.get(n, -1) for n in ("M", "S", "f"))

    def number(groups: tuple[str, ...], position: int, default: int) -> int:
        return int(groups[position]) if position >= 0 else default

    def read(text: str) -> datetime:
        found = match(text)
        if found is None:
            raise ValueError(text)
        g = found.groups()
        if hour12 >= 0:
            hours = int(g[hour12]) % 12 + (12 if g[half] in ("PM", "pm", "Pm", "pM") else 0)
        else:
            hours = number(g, hour, 0)
        return datetime(
            int(g[year]) if year >= 0 else 2000 + number(g, short_year, 0),
            _MONTHS[g[month_name].lower()] if month_name >= 0 else number(g, month, 1),
            number(g, day, 1),
            hours,
            number(g, minute, 0),
            number(g, second, 0),
            int(g[fraction].ljust(6, "0")) if fraction >= 0 else 0,
        )

    return read


class DateReader:
    """Reads the export's dates: ISO 8601 (with an offset, or in local time), else each of
    `formats` in order (the last one that worked is tried first). Local times are in
    `time_zone`; every result is an aware UTC datetime. The UTC offset is looked up once per
    local hour."""

    def __init__(self, formats: Sequence[str], time_zone: str) -> None:
        self._readers = [_compiled(fmt) for fmt in formats]
        self._zone = ZoneInfo(time_zone)
        self._offsets: dict[tuple[int, int, int, int], timedelta] = {}

    def __call__(self, text: str) -> datetime | None:
        """The date in `text`, None when blank; UnreadableDateError when no format reads it."""
        text = text.strip()
        if not text:
            return None
        local = self._local(text)
        if local.tzinfo is not None:
            return local.astimezone(UTC)
        key = (local.year, local.month, local.day, local.hour)
        offset = self._offsets.get(key)
        if offset is None:
            offset = local.replace(tzinfo=self._zone).utcoffset() or timedelta(0)
            self._offsets[key] = offset
        return (local - offset).replace(tzinfo=UTC)

    def _local(self, text: str) -> datetime:
        if len(text) >= 10 and text[4] == "-":
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        readers = self._readers
        for position, reader in enumerate(readers):
            try:
                value = reader(text)
            except ValueError:
                continue
            if position:
                readers.insert(0, readers.pop(position))
            return value
        raise UnreadableDateError(f"{text!r} is a date in none of the mapping's formats")
