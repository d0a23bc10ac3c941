"""The webhooks table (migration 0018): a URL per event, its signing secret, who added it."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from operator_console.storage.db.tables import metadata
from operator_console.storage.db.types import UtcDateTime

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event", String(20), nullable=False),
    Column("url", String(500), nullable=False),
    # Kept as it is: every delivery is signed with it (only admins and the notifier read it).
    Column("secret", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("removed_at", UtcDateTime),
    Column("removed_by", String(80)),
    Index("ix_webhooks_event", "event"),
)
