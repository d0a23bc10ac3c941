"""Queue filters at scale: stored at_risk_at kept by triggers, SLA-aware and trigram indexes"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.storage.db.at_risk_sql import (
    DEFAULT_SHARE,
    SQLITE_TRIGGERS,
    sqlite_at_risk_at,
    sqlite_triggers,
)
from operator_console.storage.db.types import UtcDateTime

revision = "0005_queue_sla_and_text"
down_revision = "0004_queue_indexes"
branch_labels = None
depends_on = None

# at_risk_at = created_at + (due_at - created_at) * the policy's at_risk_fraction (0.75 without
# one), in elapsed time, NULL without a due date: the rule the list used to compute per query.
# Triggers keep it on every insert and on every update of created_at, due_at or service_id, and
# recompute a policy's or a service's requests when its fraction or policy changes.
OPEN = "status IN ('received', 'routed', 'in_queue', 'assigned', 'in_progress')"
# storage/request_filters.due_or_never repeats this expression word for word.
DUE = "(COALESCE(due_at, TIMESTAMPTZ '9999-01-01 00:00:00+00'))"

PG_FUNCTIONS = f"""
CREATE FUNCTION request_at_risk_share(service integer) RETURNS double precision
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT p.at_risk_fraction FROM services s
                     JOIN sla_policies p ON p.id = s.sla_policy_id WHERE s.id = service),
                    {DEFAULT_SHARE})
$$;
CREATE FUNCTION request_at_risk_at(opened timestamptz, due timestamptz, share double precision)
RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT opened + make_interval(secs => extract(epoch FROM due - opened)::float8 * share)
$$;
CREATE FUNCTION set_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at_risk_at := CASE WHEN NEW.due_at IS NOT NULL THEN request_at_risk_at(
        NEW.created_at, NEW.due_at, request_at_risk_share(NEW.service_id)) END;
    RETURN NEW;
END;
$$;
CREATE FUNCTION refresh_request_at_risk_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'sla_policies' THEN
        UPDATE service_requests SET due_at = due_at WHERE due_at IS NOT NULL
            AND service_id IN (SELECT id FROM services WHERE sla_policy_id = NEW.id);
    ELSE
        UPDATE service_requests SET due_at = due_at
            WHERE due_at IS NOT NULL AND service_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
"""
PG_BACKFILL = """
UPDATE service_requests SET at_risk_at = request_at_risk_at(
    created_at, due_at, request_at_risk_share(service_id)) WHERE due_at IS NOT NULL
"""
PG_TRIGGERS = """
CREATE TRIGGER service_requests_at_risk BEFORE INSERT OR UPDATE OF created_at, due_at, service_id
ON service_requests FOR EACH ROW EXECUTE FUNCTION set_request_at_risk_at();
CREATE TRIGGER sla_policies_at_risk AFTER UPDATE OF at_risk_fraction ON sla_policies FOR EACH ROW
WHEN (OLD.at_risk_fraction IS DISTINCT FROM NEW.at_risk_fraction)
EXECUTE FUNCTION refresh_request_at_risk_at();
CREATE TRIGGER services_at_risk AFTER UPDATE OF sla_policy_id ON services FOR EACH ROW
WHEN (OLD.sla_policy_id IS DISTINCT FROM NEW.sla_policy_id)
EXECUTE FUNCTION refresh_request_at_risk_at();
"""
PG_INDEXES = {
    # Replace 0004's created and due indexes: the SLA columns as trailing keys let a filter on
    # them be checked in the index while it is walked in sort order, without reading the table.
    "ix_service_requests_open_queue_created_sla": f"(queue_id, created_at, id, {DUE}, at_risk_at)",
    "ix_service_requests_open_queue_due_sla": f"(queue_id, {DUE}, id, at_risk_at)",
    # Sorting by a joined name walks each category, district or assignee in id order.
    "ix_service_requests_open_queue_service": "(queue_id, service_id, id)",
    "ix_service_requests_open_queue_district": "(queue_id, district_id, id)",
    "ix_service_requests_open_queue_assignee": "(queue_id, assignee_id, id)",
    # Free text: lower(x) LIKE '%text%' over the three columns, served by trigrams.
    "ix_service_requests_open_text": (
        "USING gin (lower(reference) gin_trgm_ops, lower(address) gin_trgm_ops, "
        "lower(description) gin_trgm_ops)"
    ),
}
REPLACED = {
    "ix_service_requests_open_queue_created": "(queue_id, created_at, id)",
    "ix_service_requests_open_queue_due": f"(queue_id, {DUE}, id)",
}


def upgrade() -> None:
    op.add_column("service_requests", sa.Column("at_risk_at", UtcDateTime(), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        op.execute(
            f"UPDATE service_requests SET at_risk_at = {sqlite_at_risk_at('service_requests')} "
            "WHERE due_at IS NOT NULL"
        )
        for statement in sqlite_triggers(respect_writers=False):
            op.execute(statement)
        op.execute(
            "CREATE INDEX ix_service_requests_open_queue_at_risk "
            f"ON service_requests (queue_id, due_at, at_risk_at) WHERE {OPEN}"
        )
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(PG_FUNCTIONS)
    # The backfill only sets at_risk_at, which no console shows differently: no 2,000,000
    # change notifications for it.
    op.execute("ALTER TABLE service_requests DISABLE TRIGGER service_requests_notify")
    op.execute(PG_BACKFILL)
    op.execute("ALTER TABLE service_requests ENABLE TRIGGER service_requests_notify")
    op.execute(PG_TRIGGERS)
    for name in REPLACED:
        op.execute(f"DROP INDEX {name}")
    for name, columns in PG_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON service_requests {columns} WHERE {OPEN}")
    op.execute(
        "CREATE STATISTICS st_service_requests_queue_status (mcv) "
        "ON queue_id, status FROM service_requests"
    )
    op.execute("ANALYZE service_requests")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_service_requests_open_queue_at_risk")
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.drop_column("service_requests", "at_risk_at")
        return
    op.execute("DROP STATISTICS IF EXISTS st_service_requests_queue_status")
    for name in PG_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in REPLACED.items():
        op.execute(f"CREATE INDEX {name} ON service_requests {columns} WHERE {OPEN}")
    op.execute("DROP TRIGGER IF EXISTS service_requests_at_risk ON service_requests")
    op.execute("DROP TRIGGER IF EXISTS sla_policies_at_risk ON sla_policies")
    op.execute("DROP TRIGGER IF EXISTS services_at_risk ON services")
    for function in (
        "refresh_request_at_risk_at()",
        "set_request_at_risk_at()",
        "request_at_risk_at(timestamptz, timestamptz, double precision)",
        "request_at_risk_share(integer)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_column("service_requests", "at_risk_at")
