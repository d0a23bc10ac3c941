"""Saved searches as rows; on PostgreSQL row security also keeps each login to what it may."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select

from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.worklists.query_document import from_document, to_document
from operator_console.services.worklists.saved_searches import (
    SavedSearch,
    SavedSearchError,
    no_longer_there,
)
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    departments,
    queues,
    saved_searches,
    staff,
    staff_queues,
)

s, d = saved_searches.c, departments.c


@speaks_service_errors
class SqlSavedSearches:
    """`SavedSearchStore` over SQLAlchemy Core."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def visible_to(self, login: str) -> list[SavedSearch]:
        my_departments = (
            select(queues.c.department_id)
            .join(staff_queues, staff_queues.c.queue_id == queues.c.id)
            .join(staff, staff.c.id == staff_queues.c.staff_id)
            .where(staff.c.login == login, staff.c.active)
        )
        statement = (
            select(s.id, s.name, s.owner_login, s.query, s.created_at, d.code, d.name.label("dn"))
            .outerjoin(departments, d.id == s.department_id)
            .where(or_(s.owner_login == login, s.department_id.in_(my_departments)))
            .order_by(s.name, s.id)
        )
        with self._engine.connect() as connection:
            return [_saved(row) for row in connection.execute(statement)]

    def name_taken(self, login: str, name: str, except_id: int | None = None) -> bool:
        statement = select(func.count()).where(
            s.owner_login == login, func.lower(s.name) == name.lower()
        )
        if except_id is not None:
            statement = statement.where(s.id != except_id)
        with self._engine.connect() as connection:
            return bool(connection.execute(statement).scalar_one())

    def add(
        self,
        login: str,
        name: str,
        department_code: str | None,
        document: Mapping[str, object],
        created_at: datetime,
    ) -> int:
        with self._engine.begin() as connection:
            return _insert(connection, login, name, department_code, document, created_at)

    def replace(self, old: SavedSearch, name: str, department_code: str | None) -> int:
        with self._engine.begin() as connection:
            removed = connection.execute(
                delete(saved_searches).where(s.id == old.id, s.owner_login == old.owner_login)
            )
            if not removed.rowcount:
                raise SavedSearchError(no_longer_there(old.name))
            document = to_document(old.query)
            return _insert(
                connection, old.owner_login, name, department_code, document, old.created_at
            )

    def remove(self, search_id: int, login: str) -> bool:
        with self._engine.begin() as connection:
            removed = connection.execute(
                delete(saved_searches).where(s.id == search_id, s.owner_login == login)
            )
            return bool(removed.rowcount)


def _insert(
    connection: Connection,
    login: str,
    name: str,
    department_code: str | None,
    document: Mapping[str, object],
    created_at: datetime,
) -> int:
    department_id = None
    if department_code is not None:
        department_id = connection.execute(
            select(d.id).where(d.code == department_code)
        ).scalar_one_or_none()
        if department_id is None:
            raise SavedSearchError(
                QT_TRANSLATE_NOOP(
                    "SavedSearchRefusals", "No department has the code %1."
                ).with_values(repr(department_code))
            )
    added = connection.execute(
        insert(saved_searches)
        .values(
            name=name,
            owner_login=login,
            department_id=department_id,
            query=dict(document),
            created_at=created_at,
        )
        .returning(s.id)
    )
    return int(added.scalar_one())


def _saved(row: Any) -> SavedSearch:
    return SavedSearch(
        id=int(row.id),
        name=row.name,
        owner_login=row.owner_login,
        query=from_document(row.query),
        created_at=row.created_at,
        department_code=row.code,
        department_name=row.dn,
    )
