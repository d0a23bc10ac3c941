"""Reads the configuration's audit trail (config_events), newest first."""

from __future__ import annotations

from sqlalchemy import Engine, select

from operator_console.services.admin.changes import ConfigChangeLine
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import config_events


@speaks_service_errors
class SqlChangeLog:
    """`ChangeLogReads` over `engine`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def newest(self, limit: int) -> list[ConfigChangeLine]:
        e = config_events.c
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(e.id, e.at, e.actor, e.kind, e.subject, e.detail)
                .order_by(e.id.desc())
                .limit(limit)
            ).all()
        return [ConfigChangeLine(*row) for row in rows]
