"""Partial indexes on open requests per queue, one per server-side sort of the queue table."""

from __future__ import annotations

from alembic import op

revision = "0004_queue_indexes"
down_revision = "0003_duplicate_candidates"
branch_labels = None
depends_on = None

OPEN = "status IN ('received', 'routed', 'in_queue', 'assigned', 'in_progress')"
# Must match storage.request_list's sort expressions exactly (PostgreSQL matches expressions).
PRIORITY_RANK = (
    "(CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 "
    "WHEN 'urgent' THEN 3 ELSE 0 END)"
)
DUE = "(COALESCE(due_at, TIMESTAMPTZ '9999-01-01 00:00:00+00'))"
PLAIN = {
    "created": "created_at",
    "status": "status",
    "address": "address",
    "callers": "callers_count",
    "reference": "reference",
}
EXPRESSIONS = {"priority": PRIORITY_RANK, "due": DUE}


def _names() -> list[str]:
    return [f"ix_service_requests_open_queue_{key}" for key in (*PLAIN, *EXPRESSIONS)]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    columns = dict(PLAIN)
    if postgres:
        columns |= EXPRESSIONS
    for key, column in columns.items():
        op.execute(
            f"CREATE INDEX ix_service_requests_open_queue_{key} "
            f"ON service_requests (queue_id, {column}, id) WHERE {OPEN}"
        )


def downgrade() -> None:
    for name in _names():
        op.execute(f"DROP INDEX IF EXISTS {name}")
