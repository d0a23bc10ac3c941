"""How the replay reads a city's export (CSV rows) into labelled requests, by its mapping file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from operator_console.domain.duplicates import ExistingRequest
from operator_console.services.history_import.coordinates import degrees
from operator_console.services.history_import.export_file import DEFAULT_ENCODING
from operator_console.services.history_import.mapping import ImportMapping, MappingFileError
from operator_console.services.history_import.shipped import find_mapping
from operator_console.tools.dupe_replay import LabelledRequest

DATE_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %I:%M:%S %p",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S",
    "%d-%b-%Y %H:%M:%S",
)
_POINT = re.compile(r"\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?")
CLOSED_STATUSES = ("closed", "resolved", "fixed", "duplicate", "cancelled", "canceled")
# ExportMapping fields that are not column lists
_SETTINGS_FIELDS = frozenset(
    {
        "name",
        "duplicate_pattern",
        "timezone",
        "unknown_location",
        "closed_statuses",
        "encoding",
        "delimiter",
    }
)


class MappingError(ValueError):
    """The mapping does not fit the file (a required column is missing) or is malformed."""


@dataclass(frozen=True)
class ExportMapping:
    """Which columns hold what; each field lists candidate header names, first present wins.

    Header names match case-, space- and underscore-insensitively ("Unique Key" == unique_key).
    Several columns in `service_code` are joined with " / ".
    """

    name: str
    id: tuple[str, ...]
    opened_at: tuple[str, ...]
    closed_at: tuple[str, ...]
    service_code: tuple[str, ...]
    service_group: tuple[str, ...]
    latitude: tuple[str, ...]
    longitude: tuple[str, ...]
    duplicate_label: tuple[str, ...]
    duplicate_pattern: str
    point: tuple[str, ...] = ()  # "(lat, lon)" text, used when latitude/longitude are empty
    address: tuple[str, ...] = ()
    description: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    channel: tuple[str, ...] = ()
    timezone: str = "UTC"
    unknown_location: tuple[float, float] | None = None
    closed_statuses: tuple[str, ...] = CLOSED_STATUSES
    encoding: str = DEFAULT_ENCODING
    delimiter: str = ""  # "" is the one of , ; tab | the header line has most of
    date_formats: tuple[str, ...] = ()  # none: the common US and ISO layouts (DATE_FORMATS)


def export_mapping_of(mapping: ImportMapping) -> ExportMapping:
    """The replay's view of a city's mapping file: the same columns, time zone and unknown
    location, with its [duplicates] category, group and label."""
    columns, labels = mapping.columns, mapping.duplicates
    closing = tuple(source for source, status in mapping.statuses.items() if not status.is_open)
    return ExportMapping(
        name=mapping.name,
        id=columns["id"],
        opened_at=columns["opened"],
        closed_at=columns["closed"] + columns["resolved"],
        service_code=labels.category,
        service_group=labels.group,
        latitude=columns["latitude"],
        longitude=columns["longitude"],
        point=columns["point"],
        address=columns["address"],
        description=columns["description"],
        status=columns["status"],
        channel=columns["channel"],
        duplicate_label=labels.label,
        duplicate_pattern=labels.pattern,
        timezone=mapping.time_zone,
        unknown_location=mapping.unknown_location,
        closed_statuses=closing or CLOSED_STATUSES,
        encoding=mapping.encoding,
        delimiter=mapping.delimiter,
        date_formats=mapping.date_formats,
    )


def shipped_export_mapping(name_or_path: str) -> ExportMapping:
    """The replay's view of a shipped mapping ("boston") or of a mapping .toml file."""
    try:
        return export_mapping_of(find_mapping(name_or_path))
    except MappingFileError as exc:
        raise MappingError(str(exc)) from exc


BOSTON = shipped_export_mapping("boston")
NYC = shipped_export_mapping("nyc")


def mapping_from_dict(data: Mapping[str, Any]) -> ExportMapping:
    """An ExportMapping from JSON-like data (lists become tuples; unknown keys are errors)."""
    known = {f.name for f in fields(ExportMapping)}
    unknown = set(data) - known
    if unknown:
        raise MappingError(f"unknown mapping keys: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = tuple(float(v) if key == "unknown_location" else str(v) for v in value)
        elif isinstance(value, str) and key not in _SETTINGS_FIELDS:
            value = (value,)
        values[key] = value
    try:
        mapping = ExportMapping(**values)
        re.compile(mapping.duplicate_pattern)
    except TypeError as exc:
        raise MappingError(f"incomplete mapping: {exc}") from exc
    except re.error as exc:
        raise MappingError(f"bad duplicate_pattern: {exc}") from exc
    return mapping


def header_key(name: str) -> str:
    """Headers compare on letters and digits only: "OPEN_DT", "open_dt", "Open Dt" are one."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


@dataclass
class DateParser:
    """Reads ISO (T, fractions, offsets, Z) and the mapping's layouts (without any, the US and a
    few other common ones); None when it can't."""

    zone: tzinfo = UTC
    formats: tuple[str, ...] = DATE_FORMATS
    _last_format: str = DATE_FORMATS[0]

    def __post_init__(self) -> None:
        self._last_format = self.formats[0] if self.formats else ""

    def __call__(self, text: str) -> datetime | None:
        text = text.strip()
        if not text:
            return None
        value = self._parse(text)
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(self.zone).replace(tzinfo=None)
        return value

    def _parse(self, text: str) -> datetime | None:
        if len(text) >= 10 and text[4] == "-":
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                pass
        for fmt in (self._last_format, *self.formats):
            try:
                value = datetime.strptime(text, fmt)
            except ValueError:
                continue
            self._last_format = fmt
            return value
        return None


@dataclass
class MappedRows:
    """The rows a mapping could use, and how many it skipped and why."""

    rows: list[LabelledRequest] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.rows) + sum(self.skipped.values())


class RowMapper:
    """Applies one mapping to rows of one file, whose header it resolves once."""

    def __init__(self, mapping: ExportMapping, header: Sequence[str]) -> None:
        self.mapping = mapping
        positions = {header_key(name): i for i, name in reversed(list(enumerate(header)))}

        def find(names: tuple[str, ...]) -> tuple[int, ...]:
            return tuple(positions[header_key(n)] for n in names if header_key(n) in positions)

        self._columns = {
            f.name: find(getattr(mapping, f.name))
            for f in fields(ExportMapping)
            if f.name not in _SETTINGS_FIELDS
        }
        needed = ("opened_at", "service_code")
        missing = [name for name in needed if not self._columns[name]]
        if (
            not (self._columns["latitude"] and self._columns["longitude"])
            and not self._columns["point"]
        ):
            missing.append("latitude/longitude")
        if missing:
            raise MappingError(f"mapping {mapping.name!r} finds no column for {', '.join(missing)}")
        self._label = re.compile(mapping.duplicate_pattern)
        self._dates = DateParser(_zone(mapping.timezone), mapping.date_formats or DATE_FORMATS)
        self._closed_statuses = {s.lower() for s in mapping.closed_statuses}
        self._row_number = 0

    def _first(self, row: Sequence[str], name: str) -> str:
        for i in self._columns[name]:
            if i < len(row) and row[i].strip():
                return row[i].strip()
        return ""

    def _coordinates(self, row: Sequence[str]) -> tuple[float, float] | None:
        texts = (self._first(row, "latitude"), self._first(row, "longitude"))
        if not all(texts):
            match = _POINT.search(self._first(row, "point"))
            texts = (match.group(1), match.group(2)) if match else ("", "")
        try:
            lat, lon = degrees(texts[0]), degrees(texts[1])
        except ValueError:
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            return None
        return lat, lon

    def map(self, row: Sequence[str]) -> LabelledRequest | str:
        """The labelled request, or the reason the row is skipped."""
        self._row_number += 1
        opened_text = self._first(row, "opened_at")
        if not opened_text:
            return "no opened date"
        opened_at = self._dates(opened_text)
        if opened_at is None:
            return "unreadable opened date"
        point = self._coordinates(row)
        if point is None:
            return "no usable coordinates"
        closed_at = self._dates(self._first(row, "closed_at"))
        status_text = self._first(row, "status").lower()
        is_closed = closed_at is not None or status_text in self._closed_statuses
        if is_closed and (closed_at is None or closed_at < opened_at):
            closed_at = opened_at  # closed at an unknown or impossible time: closed on arrival
        parts = (row[i].strip() for i in self._columns["service_code"] if i < len(row))
        code = " / ".join(part for part in parts if part)
        if not code:
            return "no category"
        request = ExistingRequest(
            id=self._first(row, "id") or f"row-{self._row_number}",
            reference=self._first(row, "id"),
            service_code=code,
            service_group=self._first(row, "service_group"),
            lat=point[0],
            lon=point[1],
            address=self._first(row, "address"),
            description=self._first(row, "description"),
            status="closed" if is_closed else "open",
            opened_at=opened_at,
            closed_at=closed_at,
        )
        label = bool(self._label.search(self._first(row, "duplicate_label")))
        return LabelledRequest(request, label, self._first(row, "channel"))


def map_rows(mapping: ExportMapping, records: Iterable[Sequence[str]]) -> MappedRows:
    """Map a header row followed by data rows; unusable rows are counted, never raised."""
    iterator: Iterator[Sequence[str]] = iter(records)
    header = next(iterator, None)
    if header is None:
        raise MappingError("the file is empty")
    mapper = RowMapper(mapping, header)
    result = MappedRows()
    for record in iterator:
        if not any(cell.strip() for cell in record):
            continue
        mapped = mapper.map(record)
        if isinstance(mapped, str):
            result.skipped[mapped] += 1
        else:
            result.rows.append(mapped)
    return result
