"""A city's export mapping, read from a TOML file: columns, dates, vocabularies, services."""

from __future__ import annotations

import codecs
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.history_import.export_file import DEFAULT_ENCODING

COLUMN_FIELDS = (
    "id",
    "opened",
    "closed",
    "resolved",
    "due",
    "status",
    "closure",
    "duplicate_flag",
    "duplicate_of",
    "service",
    "latitude",
    "longitude",
    "point",
    "address",
    "description",
    "channel",
    "queue",
    "caller_name",
    "caller_phone",
    "caller_email",
)
_TOP_KEYS = frozenset(
    {
        "name",
        "time_zone",
        "date_formats",
        "unknown_location",
        "columns",
        "statuses",
        "closure",
        "services",
        "channels",
        "duplicates",
        "encoding",
        "delimiter",
    }
)
DELIMITER_NAMES = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_ESCAPE = re.compile(r"\\.")
_UPPER_LITERAL = re.compile(r"[A-Z]")
CLOSING_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})


class MappingFileError(ValueError):
    """A mapping file that cannot be used; the message names the file, the key and the fault."""


@dataclass(frozen=True)
class ClosureRule:
    """Closure text, lowercased, in which `pattern` is found (a pattern written in lower case)
    or that starts with `prefix` gives `reason`."""

    reason: ClosureReason
    pattern: re.Pattern[str] | None = None
    prefix: str = ""

    def matches(self, lowered: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(lowered) is not None
        return lowered.startswith(self.prefix)


@dataclass(frozen=True)
class DuplicateLabels:
    """How `dupes evaluate` reads the export: the category and group columns (several category
    columns are joined with " / "), and the column and pattern marking the city's duplicates."""

    category: tuple[str, ...]
    group: tuple[str, ...]
    label: tuple[str, ...]
    pattern: str


@dataclass(frozen=True)
class ImportMapping:
    """What one city's export holds, column by column, and what its words mean to the console.

    Attributes:
        name: a short lowercase name, used in `created_by` ("import:<name>").
        columns: candidate header names of each field of COLUMN_FIELDS (first present wins;
            headers compare on letters and digits, whatever the case, spaces or underscores).
        statuses: the export's status text, lowercased, to the console's status.
        closure_statuses: a closing status text, lowercased, to its closure reason (before
            the closure rules are tried).
        service_names: the export's service name to a catalog service code.
        source_name_as_code: names the table does not list become codes themselves: a catalog
            code as written, any other name slugified.
        fallback_service: the code for a name nothing else maps ("" rejects the row instead).
        channels: the export's channel text, lowercased, to the console's channel.
    """

    name: str
    source: str
    time_zone: str
    date_formats: tuple[str, ...]
    unknown_location: tuple[float, float] | None
    columns: Mapping[str, tuple[str, ...]]
    statuses: Mapping[str, Status]
    closure_statuses: Mapping[str, ClosureReason]
    closure_rules: tuple[ClosureRule, ...]
    default_closure: ClosureReason
    service_names: Mapping[str, str]
    source_name_as_code: bool
    fallback_service: str
    channels: Mapping[str, str]
    default_channel: str
    duplicates: DuplicateLabels
    encoding: str = DEFAULT_ENCODING
    delimiter: str = ""  # "" is the one of , ; tab | the header line has most of

    @property
    def actor(self) -> str:
        return f"import:{self.name}"


def read_mapping(path: Path) -> ImportMapping:
    """The mapping in the TOML file at `path`; MappingFileError says what is wrong and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingFileError(f"{path}: cannot read the mapping file: {exc}") from exc
    return parse_mapping(text, str(path))


def parse_mapping(text: str, source: str) -> ImportMapping:
    """The mapping written in `text` (TOML); `source` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingFileError(f"{source}: not valid TOML: {exc}") from exc
    return _Reader(source).mapping(data)


class _Reader:
    """Reads the parsed TOML, refusing each fault with the file and the key it is under."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, what: str) -> MappingFileError:
        return MappingFileError(f"{self.source}: {key}: {what}")

    def mapping(self, data: dict[str, Any]) -> ImportMapping:
        self._known(data, _TOP_KEYS, "")
        name = self._string(data, "name", required=True)
        if not _NAME.fullmatch(name):
            raise self.fail("name", f"{name!r} is not a short lowercase name like 'boston'")
        time_zone = self._string(data, "time_zone", required=True)
        try:
            ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise self.fail("time_zone", f"{time_zone!r} is not a time zone name") from exc
        duplicates = self._table(data, "duplicates")
        self._known(duplicates, {"category", "group", "label", "pattern"}, "duplicates")
        columns = self._columns(self._table(data, "columns"))
        pattern = self._string(duplicates, "pattern", key="duplicates.pattern") or r"(?i)duplicate"
        self._regex(pattern, "duplicates.pattern")
        services = self._table(data, "services")
        self._known(services, {"names", "source_name_as_code", "fallback"}, "services")
        channels = self._table(data, "channels")
        self._known(channels, {"names", "default"}, "channels")
        closure = self._table(data, "closure")
        self._known(closure, {"rules", "default", "statuses"}, "closure")
        statuses = self._statuses(self._table(data, "statuses"))
        return ImportMapping(
            name=name,
            source=self.source,
            time_zone=time_zone,
            date_formats=self._date_formats(data.get("date_formats", [])),
            unknown_location=self._point(data.get("unknown_location")),
            columns=columns,
            statuses=statuses,
            closure_statuses=self._closure_statuses(
                self._table(closure, "statuses", "closure.statuses"), statuses
            ),
            closure_rules=self._closure_rules(closure.get("rules", [])),
            default_closure=self._closure_reason(
                closure.get("default", ClosureReason.FIXED.value), "closure.default"
            ),
            service_names=self._string_table(services, "names", "services.names"),
            source_name_as_code=self._bool(services, "source_name_as_code", "services"),
            fallback_service=self._string(services, "fallback", key="services.fallback"),
            channels={
                source.lower(): channel
                for source, channel in self._string_table(
                    channels, "names", "channels.names"
                ).items()
            },
            default_channel=self._string(channels, "default", key="channels.default") or "other",
            duplicates=DuplicateLabels(
                category=self._headers(duplicates, "category", "duplicates") or columns["service"],
                group=self._headers(duplicates, "group", "duplicates"),
                label=self._headers(duplicates, "label", "duplicates") or columns["closure"],
                pattern=pattern,
            ),
            encoding=self._encoding(data),
            delimiter=self._delimiter(data),
        )

    def _encoding(self, data: Mapping[str, Any]) -> str:
        encoding = self._string(data, "encoding") or DEFAULT_ENCODING
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise self.fail(
                "encoding", f"{encoding!r} is not an encoding Python knows (e.g. 'cp1252')"
            ) from exc
        return encoding

    def _delimiter(self, data: Mapping[str, Any]) -> str:
        delimiter = self._string(data, "delimiter")
        delimiter = DELIMITER_NAMES.get(delimiter.lower(), delimiter)
        if len(delimiter) > 1 or delimiter in {'"', "\n", "\r"}:
            names = ", ".join(DELIMITER_NAMES)
            raise self.fail("delimiter", f"{delimiter!r} is not one character (or one of {names})")
        return delimiter

    def _known(self, table: Mapping[str, Any], allowed: Any, where: str) -> None:
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            key = f"{where}.{unknown[0]}" if where else unknown[0]
            known = ", ".join(sorted(allowed))
            raise self.fail(key, f"unknown key (known here: {known})")

    def _table(self, data: Mapping[str, Any], name: str, key: str = "") -> dict[str, Any]:
        key = key or name
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table ([{key}]), not {type(value).__name__}")
        return value

    def _string(
        self, data: Mapping[str, Any], name: str, *, key: str = "", required: bool = False
    ) -> str:
        key = key or name
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(key, "is missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, not {type(value).__name__}")
        return value

    def _bool(self, data: Mapping[str, Any], name: str, where: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{name}", "must be true or false")
        return value

    def _headers(self, data: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f"{where}.{name}", "must be a list of header names")
        return tuple(value)

    def _columns(self, table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        self._known(table, COLUMN_FIELDS, "columns")
        columns = {field: self._headers(table, field, "columns") for field in COLUMN_FIELDS}
        for needed in ("id", "opened", "service"):
            if not columns[needed]:
                raise self.fail(f"columns.{needed}", "is missing (list the header names)")
        return columns

    def _date_formats(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail("date_formats", 'must be a list of formats like "%m/%d/%Y %H:%M"')
        for text in value:
            if "%" not in text:
                raise self.fail("date_formats", f"{text!r} has no % directive")
        return tuple(value)

    def _point(self, value: Any) -> tuple[float, float] | None:
        if value is None:
            return None
        ok = isinstance(value, list) and len(value) == 2
        ok = ok and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        if not ok or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180):
            raise self.fail("unknown_location", "must be [latitude, longitude] in degrees")
        return float(value[0]), float(value[1])

    def _string_table(self, data: Mapping[str, Any], name: str, key: str) -> dict[str, str]:
        table = self._table(data, name, key)
        for source, value in table.items():
            if not isinstance(value, str) or not value:
                raise self.fail(f"{key}.{source!r}", "must be non-empty text")
        return dict(table)

    def _statuses(self, table: dict[str, Any]) -> dict[str, Status]:
        statuses = {}
        for source, value in table.items():
            try:
                statuses[source.lower()] = Status(value)
            except ValueError as exc:
                known = ", ".join(status.value for status in Status)
                raise self.fail(
                    f"statuses.{source!r}", f"{value!r} is not a status (one of: {known})"
                ) from exc
        return statuses

    def _closure_reason(self, value: Any, key: str) -> ClosureReason:
        try:
            return ClosureReason(value)
        except ValueError as exc:
            known = ", ".join(reason.value for reason in ClosureReason)
            raise self.fail(key, f"{value!r} is not a closure reason (one of: {known})") from exc

    def _closure_statuses(
        self, table: dict[str, Any], statuses: Mapping[str, Status]
    ) -> dict[str, ClosureReason]:
        reasons = {}
        for source, value in table.items():
            key = f"closure.statuses.{source!r}"
            status = statuses.get(source.lower())
            if status is None:
                raise self.fail(
                    key, f"{source!r} is not in [statuses]: list it there as resolved or closed"
                )
            if status not in CLOSING_STATUSES:
                raise self.fail(
                    key,
                    f"{source!r} is {status.value!r} in [statuses], not a closing status "
                    "(resolved or closed)",
                )
            reasons[source.lower()] = self._closure_reason(value, key)
        return reasons

    def _closure_rules(self, value: Any) -> tuple[ClosureRule, ...]:
        if not isinstance(value, list):
            raise self.fail("closure.rules", "must be a list of {match = ..., reason = ...}")
        rules = []
        for number, rule in enumerate(value, start=1):
            key = f"closure.rules[{number}]"
            if not isinstance(rule, dict):
                raise self.fail(key, "must be a table {match = ..., reason = ...}")
            self._known(rule, {"match", "prefix", "reason"}, key)
            reason = self._closure_reason(rule.get("reason"), f"{key}.reason")
            if ("match" in rule) == ("prefix" in rule):
                raise self.fail(key, "needs either match (a pattern) or prefix, not both")
            if "match" in rule:
                text = self._string(rule, "match", key=f"{key}.match")
                if _UPPER_LITERAL.search(_ESCAPE.sub("", text)):
                    raise self.fail(
                        f"{key}.match",
                        f"write {text!r} in lower case: it is matched against the lowercased "
                        "closure text",
                    )
                rules.append(ClosureRule(reason, pattern=self._regex(text, key, flags=0)))
            else:
                prefix = self._string(rule, "prefix", key=f"{key}.prefix").lower()
                rules.append(ClosureRule(reason, prefix=prefix))
        return tuple(rules)

    def _regex(self, text: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        try:
            return re.compile(text, flags)
        except re.error as exc:
            raise self.fail(key, f"bad pattern {text!r}: {exc}") from exc
