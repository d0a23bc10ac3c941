"""Export dates in the mapping's formats and time zone, read fast, as aware UTC datetimes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

# strptime directives read by a regular expression; a format with any other, or without a
# four-digit year, is read by strptime
_DIRECTIVES = {
    "Y": r"(\d{4})",
    "m": r"(\d{1,2})",
    "d": r"(\d{1,2})",
    "H": r"(\d{1,2})",
    "I": r"(\d{1,2})",
    "M": r"(\d{1,2})",
    "S": r"(\d{1,2})",
    "f": r"(\d{1,6})",
    "p": r"([AaPp][Mm])",
}
_AFTERNOON = frozenset({"PM", "pm", "Pm", "pM"})
Parts = tuple[int, int, int, int, int, int, int]  # year, month, day, hour, minute, second, µs
Reader = Callable[[str], Parts | datetime]


class UnreadableDateError(ValueError):
    """Text that is a date in none of the mapping's formats."""


def _compiled(fmt: str) -> Reader:
    """A reader of exactly `fmt` (ValueError when the text does not fit): a regular expression
    giving the date's parts, or strptime giving a datetime."""
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
    if "Y" not in names or ("I" in names) != ("p" in names):
        return lambda text: datetime.strptime(text, fmt)
    match = re.compile("".join(pattern)).fullmatch
    # A part the format lacks reads one of two constants added after the groups: "0" or "1".
    zero, one = len(names), len(names) + 1
    at = {name: position for position, name in enumerate(names)}
    year, month, day = at["Y"], at.get("m", one), at.get("d", one)
    minute, second, fraction = at.get("M", zero), at.get("S", zero), at.get("f", zero)
    hour = at.get("I", at.get("H", zero))
    half = at.get("p", -1)

    def read(text: str) -> Parts:
        found = match(text)
        if found is None:
            raise ValueError(text)
        g = (*found.groups(), "0", "1")
        hours = int(g[hour])
        if half >= 0:
            hours = hours % 12 + (12 if g[half] in _AFTERNOON else 0)
        micro = int(g[fraction].ljust(6, "0"))
        return (
            int(g[year]),
            int(g[month]),
            int(g[day]),
            hours,
            int(g[minute]),
            int(g[second]),
            micro,
        )

    return read


class DateReader:
    """Reads the export's dates: ISO 8601 (with an offset, or in local time), else each of
    `formats` in order (the last one that worked is tried first). Local times are in
    `time_zone`; every result is an aware UTC datetime. The UTC offset is looked up once per
    local hour."""

    def __init__(self, formats: Sequence[str], time_zone: str) -> None:
        self._readers = [_compiled(fmt) for fmt in formats]
        self._tried = ", ".join([*formats, "ISO 8601"])
        self._zone = ZoneInfo(time_zone)
        self._offsets: dict[tuple[int, int, int, int], timedelta] = {}

    def __call__(self, text: str) -> datetime | None:
        """The date in `text`, None when blank; UnreadableDateError when no format reads it."""
        text = text.strip()
        if not text:
            return None
        value = self._read(text)
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                return value.astimezone(UTC)
            value = (
                value.year,
                value.month,
                value.day,
                value.hour,
                value.minute,
                value.second,
                value.microsecond,
            )
        key = value[:4]
        offset = self._offsets.get(key)
        try:
            if offset is None:
                local = datetime(*value, tzinfo=self._zone)
                offset = self._offsets[key] = local.utcoffset() or timedelta(0)
            return datetime(*value, tzinfo=UTC) - offset
        except ValueError as exc:  # the 31st of February, the 13th month
            raise UnreadableDateError(f"{text!r} is not a date: {exc}") from exc

    def _read(self, text: str) -> Parts | datetime:
        if len(text) >= 10 and text[4] == "-":
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        readers = self._readers
        for position, reader in enumerate(readers):
            try:
                value = reader(text)
                if not isinstance(value, datetime):
                    datetime(*value)  # 22/08 read month first is no date: the next format may be
            except ValueError:
                continue
            if position:
                readers.insert(0, readers.pop(position))
            return value
        raise UnreadableDateError(
            f"{text!r} is a date in none of the mapping's formats ({self._tried})"
        )
