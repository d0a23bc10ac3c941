"""The staging table a batch is copied into, and the one statement that files it as requests."""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text

from operator_console.storage.db.types import UtcDateTime

STAGING = "history_import_staging"
# In COPY order; each batch's tuples follow it.
STAGED_COLUMNS = (
    "line",
    "source_id",
    "reference",
    "client_uuid",
    "service_id",
    "status",
    "priority",
    "created_at",
    "resolved_at",
    "closed_at",
    "due_at",
    "at_risk_share",
    "closure_reason",
    "closure_note",
    "lat",
    "lon",
    "address",
    "district_id",
    "description",
    "channel",
    "caller_id",
    "queue_id",
    "routing_explanation",
)
PG_TYPES = (
    "int4",
    "text",
    "text",
    "text",
    "int4",
    "text",
    "text",
    "timestamptz",
    "timestamptz",
    "timestamptz",
    "timestamptz",
    "float8",
    "text",
    "text",
    "float8",
    "float8",
    "text",
    "int4",
    "text",
    "text",
    "int4",
    "int4",
    "text",
)

staging_metadata = MetaData()
staging = Table(
    STAGING,
    staging_metadata,
    Column("line", Integer),
    Column("source_id", String(80)),
    Column("reference", String(30)),
    Column("client_uuid", String(36)),
    Column("service_id", Integer),
    Column("status", String(20)),
    Column("priority", String(10)),
    Column("created_at", UtcDateTime),
    Column("resolved_at", UtcDateTime),
    Column("closed_at", UtcDateTime),
    Column("due_at", UtcDateTime),
    Column("at_risk_share", Float),
    Column("closure_reason", String(40)),
    Column("closure_note", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("address", String(300)),
    Column("district_id", Integer),
    Column("description", Text),
    Column("channel", String(20)),
    Column("caller_id", Integer),
    Column("queue_id", Integer),
    Column("routing_explanation", Text),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DELETE ROWS",
)

_TARGET = """
INSERT INTO service_requests (
    source_id, reference, client_uuid, service_id, status, priority, lat, lon, address,
    district_id, description, answers, channel, caller_id, callers_count, queue_id,
    routing_explanation, created_by, created_at, routed_at, first_action_at, resolved_at,
    closed_at, due_at, at_risk_at, updated_at, closure_reason, closure_note, version
)
"""
PG_FILE_BATCH = f"""{_TARGET}
SELECT source_id, reference, md5(%(actor)s::text || ':' || source_id)::uuid::text, service_id,
    status, priority, lat, lon, address, district_id, description, '{{}}'::jsonb, channel,
    caller_id, 1, queue_id, routing_explanation, %(actor)s, created_at,
    CASE WHEN queue_id IS NOT NULL THEN created_at END, resolved_at, resolved_at, closed_at,
    due_at, CASE WHEN due_at IS NOT NULL
        THEN request_at_risk_at(created_at, due_at, at_risk_share) END,
    coalesce(closed_at, resolved_at, created_at), closure_reason, closure_note, 1
FROM {STAGING}
ON CONFLICT DO NOTHING
"""
# at_risk_at stays NULL: SQLite's insert trigger fills it by the same wall-clock rule.
SQLITE_FILE_BATCH = f"""{_TARGET}
SELECT source_id, reference, client_uuid, service_id, status, priority, lat, lon, address,
    district_id, description, '{{}}', channel, caller_id, 1, queue_id,
    routing_explanation, :actor, created_at,
    CASE WHEN queue_id IS NOT NULL THEN created_at END, resolved_at, resolved_at, closed_at,
    due_at, NULL, coalesce(closed_at, resolved_at, created_at), closure_reason, closure_note, 1
FROM {STAGING} WHERE true
ON CONFLICT DO NOTHING
"""
UNFILED_LINES = f"""
SELECT s.line FROM {STAGING} s
WHERE NOT EXISTS (SELECT 1 FROM service_requests r WHERE r.source_id = s.source_id)
ORDER BY s.line
"""
