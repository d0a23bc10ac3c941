"""The service catalog as Open311 sees it, over the `services` and `service_attributes` tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DBAPIError

from operator_console.domain.open311 import (
    SERVICE_TYPES,
    AttributeValue,
    Datatype,
    Service,
    ServiceAttribute,
    ServiceDefinition,
    ServiceType,
)
from operator_console.services.catalog.exchange import (
    CatalogChanges,
    CatalogStoreError,
    UnknownServiceError,
)
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import service_attributes as attributes_table
from operator_console.storage.db.tables import services as services_table

KEYWORD_SEPARATOR = ", "
_OPEN311_FIELDS = ("name", "description", "group_name", "keywords", "kind")


@speaks_service_errors
class SqlCatalogStore:
    """`CatalogStore` on PostgreSQL or SQLite; other service settings (SLA, queue, duplicate
    radius, active, staff only) are never touched by an import."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def upsert_services(
        self, services: Sequence[Service], definitions: Sequence[ServiceDefinition]
    ) -> CatalogChanges:
        try:
            with self._engine.begin() as connection:
                added, updated = upsert_service_rows(connection, services)
                replaced = replace_questions(connection, definitions)
        except DBAPIError as exc:
            raise CatalogStoreError(_first_line(exc)) from exc
        return CatalogChanges(tuple(added), tuple(updated), tuple(replaced))

    def list_services(self) -> tuple[Service, ...]:
        s = services_table.c
        with self._engine.connect() as connection:
            with_questions = set(
                connection.execute(select(attributes_table.c.service_id).distinct()).scalars()
            )
            rows = connection.execute(
                select(services_table).where(s.active).order_by(s.id)
            ).mappings()
            return tuple(service_from_row(row, row["id"] in with_questions) for row in rows)

    def service_definitions(self) -> tuple[ServiceDefinition, ...]:
        a, s = attributes_table.c, services_table.c
        statement = (
            select(s.code.label("service_code"), attributes_table)
            .join(services_table, s.id == a.service_id)
            .where(s.active)
            .order_by(s.id, a.position, a.id)
        )
        questions: dict[str, list[ServiceAttribute]] = defaultdict(list)
        with self._engine.connect() as connection:
            for row in connection.execute(statement).mappings():
                questions[row["service_code"]].append(attribute_from_row(row))
        return tuple(
            ServiceDefinition(code, tuple(attributes)) for code, attributes in questions.items()
        )


def upsert_service_rows(
    connection: Connection, given: Sequence[Service]
) -> tuple[list[str], list[str]]:
    """Add new services, update changed ones; returns the codes added and updated."""
    s = services_table.c
    codes = [service.service_code for service in given]
    existing = {
        row["code"]: row
        for row in connection.execute(
            select(s.code, *(s[field] for field in _OPEN311_FIELDS)).where(s.code.in_(codes))
        ).mappings()
    }
    added, updated, new_rows = [], [], []
    for service in given:
        values = _service_values(service)
        current = existing.get(service.service_code)
        if current is None:
            added.append(service.service_code)
            new_rows.append({"code": service.service_code, **values})
        elif any(current[field] != value for field, value in values.items()):
            updated.append(service.service_code)
            connection.execute(
                update(services_table).where(s.code == service.service_code).values(**values)
            )
    if new_rows:
        connection.execute(insert(services_table), new_rows)
    return added, updated


def replace_questions(
    connection: Connection, definitions: Sequence[ServiceDefinition]
) -> list[str]:
    """Replace the questions of each defined service whose questions differ; returns codes."""
    if not definitions:
        return []
    s, a = services_table.c, attributes_table.c
    codes = [definition.service_code for definition in definitions]
    ids = {
        code: service_id
        for code, service_id in connection.execute(select(s.code, s.id).where(s.code.in_(codes)))
    }
    current: dict[int, list[ServiceAttribute]] = defaultdict(list)
    rows = connection.execute(
        select(attributes_table)
        .where(a.service_id.in_(list(ids.values())))
        .order_by(a.service_id, a.position, a.id)
    ).mappings()
    for row in rows:
        current[row["service_id"]].append(attribute_from_row(row))
    replaced = []
    for definition in definitions:
        service_id = ids.get(definition.service_code)
        if service_id is None:
            raise UnknownServiceError(definition.service_code)
        if tuple(current[service_id]) == definition.attributes:
            continue
        replaced.append(definition.service_code)
        connection.execute(delete(attributes_table).where(a.service_id == service_id))
        if definition.attributes:
            connection.execute(
                insert(attributes_table), list(_attribute_rows(service_id, definition.attributes))
            )
    return replaced


def _service_values(service: Service) -> dict[str, Any]:
    return {
        "name": service.service_name,
        "description": service.description,
        "group_name": service.group or "",
        "keywords": KEYWORD_SEPARATOR.join(service.keywords),
        "kind": service.type,
    }


def service_from_row(row: Any, has_questions: bool) -> Service:
    kind = row["kind"] if row["kind"] in SERVICE_TYPES else "realtime"
    return Service(
        service_code=row["code"],
        service_name=row["name"],
        description=row["description"],
        metadata=has_questions,
        type=cast(ServiceType, kind),
        keywords=tuple(word.strip() for word in row["keywords"].split(",") if word.strip()),
        group=row["group_name"] or None,
    )


def _attribute_rows(
    service_id: int, attributes: Iterable[ServiceAttribute]
) -> Iterable[dict[str, Any]]:
    for attribute in attributes:
        yield {
            "service_id": service_id,
            "code": attribute.code,
            "variable": attribute.variable,
            "datatype": attribute.datatype.value,
            "required": attribute.required,
            "datatype_description": attribute.datatype_description or "",
            "description": attribute.description,
            "position": attribute.order,
            "allowed_values": [{"key": v.key, "name": v.name} for v in attribute.values] or None,
        }


def attribute_from_row(row: Any) -> ServiceAttribute:
    return ServiceAttribute(
        code=row["code"],
        variable=row["variable"],
        datatype=Datatype(row["datatype"]),
        required=row["required"],
        datatype_description=row["datatype_description"] or None,
        order=row["position"],
        description=row["description"],
        values=tuple(
            AttributeValue(str(value["key"]), str(value["name"]))
            for value in row["allowed_values"] or []
        ),
    )


def _first_line(exc: DBAPIError) -> str:
    lines = [line.strip() for line in str(exc.orig or exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
