"""The caller row every writer shares: one per E.164 phone number, with the latest details."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from operator_console.domain.caller import Caller
from operator_console.storage.db.tables import callers


def upsert_caller(connection: Connection, caller: Caller, phone: str | None, now: datetime) -> int:
    """The row of a caller who gave their name, phone or e-mail (not anonymous): the one with
    this E.164 `phone`, updated with the name, e-mail and language given (blank ones keep what
    is stored), else a new row."""
    name = " ".join(p for p in (caller.first_name.strip(), caller.last_name.strip()) if p)
    email = caller.email.strip() or None
    language = caller.language or None
    if phone:
        known = connection.execute(
            select(callers.c.id).where(callers.c.phone == phone).order_by(callers.c.id)
        ).first()
        if known is not None:
            given = {"name": name, "email": email, "language": language}
            updates = {column: value for column, value in given.items() if value}
            if updates:
                connection.execute(update(callers).where(callers.c.id == known.id).values(updates))
            return int(known.id)
    values = {"phone": phone, "name": name, "email": email, "language": language}
    statement = insert(callers).values(values | {"created_at": now}).returning(callers.c.id)
    return int(connection.execute(statement).scalar_one())
