"""Client applications and their counts per minute, in the database every server shares."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from operator_console.services.open311.keys import (
    ClientApplication,
    ClientKeyError,
    KeyHolder,
    NewClient,
)
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.open311.tables import open311_clients, open311_usage


@speaks_service_errors
class SqlClientStore:
    """`ClientStore` over an engine: what admins add, revoke and list."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, client: NewClient) -> ClientApplication:
        values = {
            "name": client.name,
            "key_prefix": client.key_prefix,
            "key_hash": client.key_hash,
            "channel": client.channel,
            "per_minute": client.per_minute,
            "created_at": client.created_at,
            "created_by": client.created_by,
        }
        try:
            with self._engine.begin() as connection:
                row = connection.execute(
                    insert(open311_clients).values(values).returning(*open311_clients.c)
                ).one()
        except IntegrityError as exc:
            if "name" in str(exc.orig):
                raise ClientKeyError(
                    f"A client application is already named {client.name!r} (revoked ones "
                    "keep their name)."
                ) from None
            raise
        return _client(row._mapping)

    def revoke(self, name: str, at: datetime, by: str) -> ClientApplication | None:
        c = open311_clients.c
        with self._engine.begin() as connection:
            row = connection.execute(
                update(open311_clients)
                .where(c.name == name, c.revoked_at.is_(None))
                .values(revoked_at=at, revoked_by=by)
                .returning(*open311_clients.c)
            ).first()
        return None if row is None else _client(row._mapping)

    def list(self) -> Sequence[ClientApplication]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(open311_clients).order_by(open311_clients.c.name))
            return [_client(row._mapping) for row in rows]


@speaks_service_errors
class SqlKeyGate:
    """`KeyGate` over an engine: key lookup by prefix, and the count every process shares."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def holder(self, key_prefix: str) -> KeyHolder | None:
        c = open311_clients.c
        with self._engine.connect() as connection:
            row = connection.execute(
                select(c.id, c.name, c.key_hash, c.channel, c.per_minute).where(
                    c.key_prefix == key_prefix, c.revoked_at.is_(None)
                )
            ).first()
        if row is None:
            return None
        return KeyHolder(row.id, row.name, row.key_hash, row.channel, row.per_minute)

    def count(self, client_id: int, minute: datetime) -> int:
        dialect_insert = pg_insert if self._engine.dialect.name == "postgresql" else sqlite_insert
        statement = (
            dialect_insert(open311_usage)
            .values(client_id=client_id, minute=minute, requests=1)
            .on_conflict_do_update(
                index_elements=[open311_usage.c.client_id, open311_usage.c.minute],
                set_={"requests": open311_usage.c.requests + 1},
            )
            .returning(open311_usage.c.requests)
        )
        with self._engine.begin() as connection:
            return int(connection.execute(statement).scalar_one())


def _client(row: Any) -> ClientApplication:
    return ClientApplication(
        id=row["id"],
        name=row["name"],
        key_prefix=row["key_prefix"],
        channel=row["channel"],
        per_minute=row["per_minute"],
        created_at=row["created_at"],
        created_by=row["created_by"],
        revoked_at=row["revoked_at"],
        revoked_by=row["revoked_by"],
    )
