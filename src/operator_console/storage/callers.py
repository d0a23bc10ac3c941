"""The caller row every writer shares: one per E.164 phone number, with the latest details."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from operator_console.domain.caller import Caller
from operator_console.services.messages.model import Recipient
from operator_console.storage.db.tables import callers, request_followers


def upsert_caller(connection: Connection, caller: Caller, phone: str | None, now: datetime) -> int:
    """The row of a caller who gave their name, phone or e-mail (not anonymous): the one with
    this E.164 `phone`, updated with the name, e-mail, language and way to reply given (blank
    ones keep what is stored), else a new row."""
    name = " ".join(p for p in (caller.first_name.strip(), caller.last_name.strip()) if p)
    email = caller.email.strip() or None
    language = caller.language or None
    given: dict[str, object] = {"name": name, "email": email, "language": language}
    if phone:
        known = connection.execute(
            select(callers.c.id).where(callers.c.phone == phone).order_by(callers.c.id)
        ).first()
        if known is not None:
            updates = {column: value for column, value in given.items() if value}
            updates |= _reply_by(caller)
            if updates:
                connection.execute(update(callers).where(callers.c.id == known.id).values(updates))
            return int(known.id)
    values = given | {"phone": phone, "no_messages": False} | _reply_by(caller)
    statement = insert(callers).values(values | {"created_at": now}).returning(callers.c.id)
    return int(connection.execute(statement).scalar_one())


def _reply_by(caller: Caller) -> dict[str, object]:
    """The reply columns the caller said something about: "no messages", or a channel."""
    if caller.no_messages:
        return {"no_messages": True}
    if caller.preferred_channel:
        return {"preferred_channel": caller.preferred_channel, "no_messages": False}
    return {}


def follower_recipients(
    connection: Connection, request_ids: Collection[int]
) -> dict[int, list[Recipient]]:
    """Every caller following each request, as a message recipient, by request id."""
    if not request_ids:
        return {}
    f, c = request_followers.c, callers.c
    rows = connection.execute(
        select(
            f.request_id,
            c.id,
            c.email,
            c.phone,
            c.language,
            c.preferred_channel,
            c.no_messages,
        )
        .join(callers, c.id == f.caller_id)
        .where(f.request_id.in_(sorted(request_ids)))
        .order_by(f.request_id, c.id)
    ).all()
    found: dict[int, list[Recipient]] = {}
    for row in rows:
        recipient = Recipient(
            caller_id=int(row.id),
            email=row.email or "",
            phone=row.phone or "",
            language=row.language or "",
            preferred_channel=row.preferred_channel,
            no_messages=bool(row.no_messages),
        )
        found.setdefault(int(row.request_id), []).append(recipient)
    return found
