"""Writes a line of the configuration's audit trail in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import Connection, insert

from operator_console.services.admin.audit import ConfigEvent
from operator_console.storage.db.tables import config_events


def write_config_event(connection: Connection, event: ConfigEvent) -> None:
    """Insert `event` (on PostgreSQL a trigger sets its actor to the session's login and
    announces its kind on `config_changes`)."""
    connection.execute(
        insert(config_events).values(
            at=event.at,
            actor=event.actor,
            kind=event.kind,
            subject=event.subject,
            detail=event.detail,
            data=event.data,
        )
    )
