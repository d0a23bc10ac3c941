"""Indexes for lists of open requests across every queue (the Requests tab, wide triage)"""

from __future__ import annotations

from alembic import op

revision = "0007_open_requests_across_queues"
down_revision = "0006_at_risk_from_writers"
branch_labels = None
depends_on = None

# The queue indexes of 0004 and 0005 lead with queue_id, which a list of every open request
# cannot use. Oldest first then walked (created_at, id) through years of closed history, and a
# sort by category, district or assignee walked each group without an index in id order
# (2,000,000 requests: 3.4 s, 0.76 s and 6 s for a first page; with these, 5 to 10 ms).
OPEN = "status IN ('received', 'routed', 'in_queue', 'assigned', 'in_progress')"
INDEXES = {
    "ix_service_requests_open_created": "(created_at, id)",
    "ix_service_requests_open_service": "(service_id, id)",
    "ix_service_requests_open_district": "(district_id, id)",
    "ix_service_requests_open_assignee": "(assignee_id, id)",
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON service_requests {columns} WHERE {OPEN}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE service_requests")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
