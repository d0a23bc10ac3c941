"""Who a login is among the staff, for the lists of their own cases."""

from __future__ import annotations

from sqlalchemy import Engine, select

from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import staff


@speaks_service_errors
class SqlStaffDirectory:
    """`StaffDirectory` over SQLAlchemy Core."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def staff_id(self, login: str) -> int | None:
        statement = select(staff.c.id).where(staff.c.login == login, staff.c.active)
        with self._engine.connect() as connection:
            found = connection.execute(statement).scalar_one_or_none()
        return None if found is None else int(found)
