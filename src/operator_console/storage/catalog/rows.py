"""Reading a service's Open311 questions from the catalog tables."""

from __future__ import annotations

from sqlalchemy import Connection, select

from operator_console.domain.open311 import AttributeValue, Datatype, ServiceAttribute
from operator_console.storage.db.tables import service_attributes


def load_questions(connection: Connection, service_id: int) -> tuple[ServiceAttribute, ...]:
    """The service's attributes in their order."""
    a = service_attributes.c
    rows = connection.execute(
        select(service_attributes).where(a.service_id == service_id).order_by(a.position, a.id)
    )
    return tuple(
        ServiceAttribute(
            code=row.code,
            variable=row.variable,
            datatype=Datatype(row.datatype),
            required=row.required,
            datatype_description=row.datatype_description,
            order=row.position,
            description=row.description,
            values=tuple(
                AttributeValue(str(v["key"]), str(v["name"])) for v in row.allowed_values or []
            ),
        )
        for row in rows
    )
