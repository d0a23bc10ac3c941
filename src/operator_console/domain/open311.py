"""Open311 GeoReport v2 services and their questions: import, export and answer validation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Literal, cast

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words

ServiceType = Literal["realtime", "batch", "blackbox"]
SERVICE_TYPES: tuple[ServiceType, ...] = ("realtime", "batch", "blackbox")
MAX_STRING_ANSWER_CHARS = 255
MAX_TEXT_ANSWER_CHARS = 4000


class Datatype(StrEnum):
    """The six kinds of answer a GeoReport v2 service attribute can ask for."""

    STRING = "string"
    NUMBER = "number"
    DATETIME = "datetime"
    TEXT = "text"
    SINGLE_VALUE_LIST = "singlevaluelist"
    MULTI_VALUE_LIST = "multivaluelist"


_TEXT_LIMITS = {Datatype.STRING: MAX_STRING_ANSWER_CHARS, Datatype.TEXT: MAX_TEXT_ANSWER_CHARS}


class Open311FormatError(ValueError):
    """A services.json or service definition document does not follow GeoReport v2."""


@dataclass(frozen=True)
class AttributeValue:
    """One option of a list question: the key stored and sent, the name shown."""

    key: str
    name: str


@dataclass(frozen=True)
class ServiceAttribute:
    """One question of a service; `variable` False means an informational note, not a question."""

    code: str
    variable: bool
    datatype: Datatype
    required: bool
    datatype_description: str | None
    order: int
    description: str
    values: tuple[AttributeValue, ...] = ()

    @property
    def value_keys(self) -> frozenset[str]:
        return frozenset(value.key for value in self.values)


@dataclass(frozen=True)
class Service:
    """An entry of services.json; `metadata` True means the service has a definition."""

    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: ServiceType
    keywords: tuple[str, ...]
    group: str | None


@dataclass(frozen=True)
class ServiceDefinition:
    """A service's questions, in the order they are asked."""

    service_code: str
    attributes: tuple[ServiceAttribute, ...]


def services_from_json(document: object) -> tuple[Service, ...]:
    """Read a decoded services.json list."""
    if not isinstance(document, list):
        raise Open311FormatError("services: expected a list of services")
    return tuple(_service(entry, f"services[{index}]") for index, entry in enumerate(document))


def services_to_json(services: Sequence[Service]) -> list[dict[str, object]]:
    """Write services as a services.json list, ready for json.dumps."""
    return [
        {**asdict(service), "keywords": ",".join(service.keywords), "group": service.group or ""}
        for service in services
    ]


def service_definition_from_json(document: object) -> ServiceDefinition:
    """Read a decoded service definition {service_code, attributes[]}; questions in order."""
    entry = _object(document, "definition")
    raw_attributes = entry.get("attributes") or []
    if not isinstance(raw_attributes, list):
        raise Open311FormatError("definition.attributes: expected a list")
    attributes = [
        _attribute(raw, f"definition.attributes[{index}]")
        for index, raw in enumerate(raw_attributes)
    ]
    codes = [attribute.code for attribute in attributes]
    if len(set(codes)) != len(codes):
        raise Open311FormatError("definition.attributes: two questions share a code")
    return ServiceDefinition(
        service_code=_text(entry, "service_code", "definition", required=True),
        attributes=tuple(sorted(attributes, key=lambda attribute: attribute.order)),
    )


def service_definition_to_json(definition: ServiceDefinition) -> dict[str, object]:
    """Write a service definition as GeoReport v2 JSON, ready for json.dumps."""
    return {
        "service_code": definition.service_code,
        "attributes": [
            {
                **asdict(attribute),
                "datatype": attribute.datatype.value,
                "values": [asdict(value) for value in attribute.values],
            }
            for attribute in definition.attributes
        ],
    }


def validate_answers(
    attributes: Sequence[ServiceAttribute], answers: Mapping[str, object]
) -> dict[str, Words]:
    """Problems with the answers, by attribute code, in question order; empty when all is well.

    Blank answers (None, whitespace, empty list) count as missing. Text is checked, never changed.
    """
    problems: dict[str, Words] = {}
    for attribute in sorted(attributes, key=lambda candidate: candidate.order):
        if not attribute.variable:
            continue
        answer = answers.get(attribute.code)
        if _is_blank(answer):
            if attribute.required:
                problems[attribute.code] = QT_TRANSLATE_NOOP(
                    "IntakeProblems", "This question needs an answer."
                )
            continue
        problem = _answer_problem(attribute, answer)
        if problem is not None:
            problems[attribute.code] = problem
    return problems


def _answer_problem(attribute: ServiceAttribute, answer: object) -> Words | None:
    match attribute.datatype:
        case Datatype.STRING | Datatype.TEXT:
            limit = _TEXT_LIMITS[attribute.datatype]
            if not isinstance(answer, str):
                return QT_TRANSLATE_NOOP("IntakeProblems", "Enter text.")
            if len(answer) > limit:
                return QT_TRANSLATE_NOOP(
                    "IntakeProblems", "Use at most %1 characters; this has %2."
                ).with_values(f"{limit:,}", f"{len(answer):,}")
            if attribute.datatype is Datatype.STRING and ("\n" in answer or "\r" in answer):
                return QT_TRANSLATE_NOOP("IntakeProblems", "Keep this answer on one line.")
            return None
        case Datatype.NUMBER:
            if _is_number(answer):
                return None
            return QT_TRANSLATE_NOOP("IntakeProblems", "Enter a number, such as 12 or 3.5.")
        case Datatype.DATETIME:
            if _is_datetime(answer):
                return None
            return QT_TRANSLATE_NOOP(
                "IntakeProblems", "Enter a date and time, such as 2026-04-20T14:30-04:00."
            )
        case Datatype.SINGLE_VALUE_LIST:
            if isinstance(answer, str) and answer in attribute.value_keys:
                return None
            return QT_TRANSLATE_NOOP("IntakeProblems", "Choose one of the listed options.")
        case Datatype.MULTI_VALUE_LIST:
            chosen = [answer] if isinstance(answer, str) else answer
            if not isinstance(chosen, list | tuple | set | frozenset):
                return QT_TRANSLATE_NOOP("IntakeProblems", "Choose from the listed options.")
            unknown = [key for key in chosen if key not in attribute.value_keys]
            if unknown:
                return QT_TRANSLATE_NOOP(
                    "IntakeProblems", "Not one of the options: %1."
                ).with_values(", ".join(map(str, unknown)))
            return None


def _is_blank(answer: object) -> bool:
    if isinstance(answer, str):
        return not answer.strip()
    return answer is None or (isinstance(answer, list | tuple | set | frozenset) and not answer)


def _is_number(answer: object) -> bool:
    if isinstance(answer, bool) or not isinstance(answer, int | float | Decimal | str):
        return False
    try:
        return Decimal(answer.strip() if isinstance(answer, str) else answer).is_finite()
    except InvalidOperation:
        return False


def _is_datetime(answer: object) -> bool:
    if isinstance(answer, date):
        return True
    try:
        return isinstance(answer, str) and bool(datetime.fromisoformat(answer.strip()))
    except ValueError:
        return False


def _service(raw: object, path: str) -> Service:
    entry = _object(raw, path)
    service_type = entry.get("type") or "realtime"
    if service_type not in SERVICE_TYPES:
        raise Open311FormatError(
            f"{path}.type: {service_type!r} is not realtime, batch or blackbox"
        )
    keywords = entry.get("keywords") or ""
    keyword_list = keywords.split(",") if isinstance(keywords, str) else keywords
    if not isinstance(keyword_list, list):
        raise Open311FormatError(f"{path}.keywords: expected text or a list")
    return Service(
        service_code=_text(entry, "service_code", path, required=True),
        service_name=_text(entry, "service_name", path, required=True),
        description=_text(entry, "description", path),
        metadata=_flag(entry.get("metadata", False), f"{path}.metadata"),
        type=service_type,
        keywords=tuple(str(word).strip() for word in keyword_list if str(word).strip()),
        group=_text(entry, "group", path) or None,
    )


def _attribute(raw: object, path: str) -> ServiceAttribute:
    entry = _object(raw, path)
    try:
        datatype = Datatype(str(entry.get("datatype")))
    except ValueError:
        raise Open311FormatError(f"{path}.datatype: {entry.get('datatype')!r} is unknown") from None
    raw_values = entry.get("values") or []
    if not isinstance(raw_values, list):
        raise Open311FormatError(f"{path}.values: expected a list")
    values = tuple(
        _value(value, f"{path}.values[{index}]") for index, value in enumerate(raw_values)
    )
    if len({value.key for value in values}) != len(values):
        raise Open311FormatError(f"{path}.values: two options share a key")
    try:
        order = int(_text(entry, "order", path) or 0)
    except ValueError:
        raise Open311FormatError(f"{path}.order: expected a whole number") from None
    return ServiceAttribute(
        code=_text(entry, "code", path, required=True),
        variable=_flag(entry.get("variable", True), f"{path}.variable"),
        datatype=datatype,
        required=_flag(entry.get("required", False), f"{path}.required"),
        datatype_description=_text(entry, "datatype_description", path) or None,
        order=order,
        description=_text(entry, "description", path),
        values=values,
    )


def _value(raw: object, path: str) -> AttributeValue:
    entry = _object(raw, path)
    # The spec's own example uses numeric keys; answers are compared as text.
    return AttributeValue(
        key=_text(entry, "key", path, required=True), name=_text(entry, "name", path)
    )


def _object(raw: object, path: str) -> dict[str, object]:
    if not isinstance(raw, dict):
        raise Open311FormatError(f"{path}: expected an object")
    return cast(dict[str, object], raw)


def _text(entry: Mapping[str, object], key: str, path: str, *, required: bool = False) -> str:
    value = entry.get(key)
    if value is None or value == "":
        if required:
            raise Open311FormatError(f"{path}.{key}: missing")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Open311FormatError(f"{path}.{key}: expected text")
    return str(value)


def _flag(value: object, path: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise Open311FormatError(f"{path}: expected true or false")
