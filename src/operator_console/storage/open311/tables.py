"""The Open311 tables (migration 0016): client applications, their use, their submissions."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

from operator_console.storage.db.tables import metadata
from operator_console.storage.db.types import UtcDateTime

open311_clients = Table(
    "open311_clients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    # The key's first characters find its row; only the SHA-256 of the whole key is kept.
    Column("key_prefix", String(16), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),
    Column("channel", String(20), nullable=False, server_default="app"),
    Column("per_minute", Integer, nullable=False, server_default="60"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("revoked_at", UtcDateTime),
    Column("revoked_by", String(80)),
)

open311_usage = Table(
    "open311_usage",
    metadata,
    # One row per client and minute, counted by every server process alike.
    Column("client_id", ForeignKey("open311_clients.id"), primary_key=True),
    Column("minute", UtcDateTime, primary_key=True),
    Column("requests", Integer, nullable=False),
)

open311_submissions = Table(
    "open311_submissions",
    metadata,
    Column("request_id", ForeignKey("service_requests.id"), primary_key=True),
    Column("token", String(36), nullable=False, unique=True),
    Column("client_id", ForeignKey("open311_clients.id"), nullable=False),
    Column("media_url", Text),
    Column("device_id", String(200)),
    Column("account_id", String(200)),
    Index("ix_open311_submissions_client", "client_id"),
)
