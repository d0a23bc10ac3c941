"""One export row to one imported request, or the reason the row cannot be used."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import NamedTuple

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.history_import.coordinates import degrees
from operator_console.services.history_import.dates import DateReader, UnreadableDateError
from operator_console.services.history_import.mapping import (
    CLOSING_STATUSES,
    COLUMN_FIELDS,
    ImportMapping,
)

SOURCE_ID_LENGTH = 80
REFERENCE_LENGTH = 30
DESCRIPTION_LENGTH = 4000
ADDRESS_LENGTH = 300
CHANNEL_LENGTH = 20
UNKNOWN_LOCATION_TOLERANCE = 0.00005
CLOSURE_MEMO = 200_000
_POINT = re.compile(r"\(?\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)?")
_CONSOLE_SEQUENCE = re.compile(r"\d{2}-\d{6,}")  # what follows the prefix in BOS-26-004711
TRUE_FLAGS = frozenset({"true", "yes", "y", "1", "x"})


class ImportedRequest(NamedTuple):
    """A request as the export recorded it, in the console's terms (times in UTC)."""

    line: int
    source_id: str
    reference: str
    service_code: str
    status: Status
    created_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None
    due_at: datetime | None
    closure_reason: str | None
    closure_note: str | None
    lat: float | None
    lon: float | None
    address: str
    description: str
    channel: str
    queue_code: str
    caller_name: str
    caller_phone: str
    caller_email: str


@dataclass(frozen=True)
class Rejected:
    """Why the row at `line` is not imported: a reason to count by, and its particulars."""

    line: int
    reason: str
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else self.reason


@dataclass(frozen=True)
class CityCatalog:
    """What the rows are checked against: the reference prefix, service and queue codes."""

    reference_prefix: str
    service_codes: Collection[str]
    queue_codes: Collection[str]


class MissingColumnsError(ValueError):
    """The export's header lacks a column the mapping needs."""


def header_key(name: str) -> str:
    """Headers compare on letters and digits only: "OPEN_DT", "open_dt", "Open Dt" are one."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def slug(text: str) -> str:
    """A service name as a code: "Heat - Excessive  Insufficient" ->
    "heat-excessive-insufficient"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class RequestMapper:
    """Applies a mapping to the rows of one export, whose header it resolves once: each field
    is read from the first of its candidate columns that the header has."""

    def __init__(self, mapping: ImportMapping, header: Sequence[str], city: CityCatalog) -> None:
        self.mapping = mapping
        positions = {header_key(name): i for i, name in reversed(list(enumerate(header)))}
        self._width = len(header)
        columns = {
            field: next((positions[header_key(n)] for n in names if header_key(n) in positions), -1)
            for field, names in mapping.columns.items()
        }
        missing = [f for f in ("id", "opened", "service") if columns[f] < 0]
        if missing:
            wanted = "; ".join(f"{f} ({', '.join(mapping.columns[f])})" for f in missing)
            raise MissingColumnsError(
                f"the {mapping.name!r} mapping finds no column for {wanted} in this file"
            )
        # A field without a column reads the empty cell added past the row's end.
        self._pad = any(i < 0 for i in columns.values())
        self._flags_duplicates = columns["duplicate_flag"] >= 0
        self._pick = itemgetter(
            *(columns[f] if columns[f] >= 0 else len(header) for f in COLUMN_FIELDS)
        )
        self._dates = DateReader(mapping.date_formats, mapping.time_zone)
        self._city = city
        self._seen: set[str] = set()
        self._closures: dict[str, str] = {}
        names = dict(mapping.service_names)
        self._services = names | {name.lower(): code for name, code in names.items()}

    def map(self, line: int, row: list[str]) -> ImportedRequest | Rejected:
        """The request the row at `line` records, or why it cannot be imported."""
        if len(row) < self._width:
            row = row + [""] * (self._width - len(row))
        (
            source_id,
            opened_text,
            closed_text,
            resolved_text,
            due_text,
            status_text,
            closure_text,
            duplicate_flag,
            duplicate_of,
            service_name,
            lat_text,
            lon_text,
            point_text,
            address,
            description,
            channel_text,
            queue_text,
            caller_name,
            caller_phone,
            caller_email,
        ) = self._pick([*row, ""] if self._pad else row)
        source_id = source_id.strip()
        if not source_id:
            return Rejected(line, "no id")
        reference = f"{self._city.reference_prefix}-{source_id}"
        if len(source_id) > SOURCE_ID_LENGTH or len(reference) > REFERENCE_LENGTH:
            return Rejected(line, "id too long for a reference", source_id)
        if _CONSOLE_SEQUENCE.fullmatch(source_id):
            return Rejected(line, "id looks like a console reference", source_id)
        if source_id in self._seen:
            return Rejected(line, "id repeated in the file", source_id)
        service_code = self._service_code(service_name.strip())
        if isinstance(service_code, Rejected):
            return Rejected(line, service_code.reason, service_code.detail)
        dates = self._dates
        try:
            opened = dates(opened_text)
            if opened is None:
                return Rejected(line, "no opened date")
            closed = dates(closed_text) if closed_text else None
            resolved = (dates(resolved_text) if resolved_text else None) or closed
            due = dates(due_text) if due_text else None
        except UnreadableDateError as exc:
            return Rejected(line, "unreadable date", str(exc))
        status_text = status_text.strip()
        status_key = status_text.lower()
        if status_text:
            status = self.mapping.statuses.get(status_key)
            if status is None:
                return Rejected(line, "unknown status", status_text)
        else:
            status = Status.CLOSED if closed is not None else Status.IN_QUEUE
        closure_reason = closure_note = None
        resolved_at = closed_at = None
        if status in CLOSING_STATUSES:
            closure_reason, closure_note = self._closure(
                status_key, closure_text.strip(), duplicate_flag, duplicate_of.strip()
            )
            resolved_at = max(resolved or opened, opened)
            if status is Status.CLOSED:
                closed_at = max(closed or resolved_at, resolved_at)
        lat, lon = self._location(lat_text, lon_text, point_text)
        self._seen.add(source_id)
        return ImportedRequest(
            line,
            source_id,
            reference,
            service_code,
            status,
            opened,
            resolved_at,
            closed_at,
            due,
            closure_reason,
            closure_note,
            lat,
            lon,
            address.strip()[:ADDRESS_LENGTH],
            description.strip()[:DESCRIPTION_LENGTH],
            self._channel(channel_text.strip()),
            self._queue(queue_text.strip()),
            caller_name.strip(),
            caller_phone.strip(),
            caller_email.strip(),
        )

    def _service_code(self, name: str) -> str | Rejected:
        if not name:
            return Rejected(0, "no service")
        mapping = self.mapping
        code = self._services.get(name) or self._services.get(name.lower())
        if code is None and mapping.source_name_as_code:
            code = name if name in self._city.service_codes else slug(name)
        if code is not None and code in self._city.service_codes:
            return code
        if mapping.fallback_service:
            return mapping.fallback_service
        if code is None:
            return Rejected(0, "service not in the mapping", name)
        return Rejected(0, "service not in the catalog", f"{name} ({code})")

    def _closure(
        self, status_key: str, text: str, duplicate_flag: str, duplicate_of: str
    ) -> tuple[str, str]:
        """The closure reason and note: a row marked as a duplicate is one (its note names the
        parent when the row has no closure text), else its status's reason, else the text's.
        With a flag column the flag alone marks duplicates: a parent id may link other kinds."""
        flagged = duplicate_flag.strip().lower() in TRUE_FLAGS
        if flagged or (duplicate_of and not self._flags_duplicates):
            note = text or (f"Duplicate of {duplicate_of}" if duplicate_of else "")
            return ClosureReason.DUPLICATE.value, note
        by_status = self.mapping.closure_statuses.get(status_key)
        if by_status is not None:
            return by_status.value, text
        return self._closure_reason(text), text

    def _closure_reason(self, text: str) -> str:
        """The first matching rule's reason; texts repeat (a third of Boston's), so each text's
        reason is kept, up to CLOSURE_MEMO texts."""
        reason = self._closures.get(text)
        if reason is None:
            reason = self.mapping.default_closure.value
            lowered = text.lower()
            for rule in self.mapping.closure_rules:
                if rule.matches(lowered):
                    reason = rule.reason.value
                    break
            if len(self._closures) >= CLOSURE_MEMO:
                self._closures.clear()
            self._closures[text] = reason
        return reason

    def _location(
        self, lat_text: str, lon_text: str, point_text: str
    ) -> tuple[float | None, float | None]:
        if not (lat_text and lon_text):
            match = _POINT.search(point_text)
            if match is None:
                return None, None
            lat_text, lon_text = match.group(1), match.group(2)
        try:
            lat, lon = degrees(lat_text), degrees(lon_text)
        except ValueError:
            return None, None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            return None, None
        unknown = self.mapping.unknown_location
        if (
            unknown is not None
            and abs(lat - unknown[0]) <= UNKNOWN_LOCATION_TOLERANCE
            and abs(lon - unknown[1]) <= UNKNOWN_LOCATION_TOLERANCE
        ):
            return None, None
        return lat, lon

    def _channel(self, text: str) -> str:
        channel = self.mapping.channels.get(text.lower()) if text else None
        return (channel or self.mapping.default_channel)[:CHANNEL_LENGTH]

    def _queue(self, code: str) -> str:
        return code if code in self._city.queue_codes else ""
