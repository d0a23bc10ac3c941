"""Metric rollups the database keeps, so that dashboards never scan the requests

On PostgreSQL:
- metric_rollups: per local day of creation x queue x category x district x channel, the
  requests created, resolved, on time, late, without an SLA, reopened, resolved at least once,
  closed as duplicates, called about again, the status calls, the requests with several callers,
  and (by the local day of resolution) the requests resolved that day;
- metric_rollup_buckets: the same key with, for each clock, its cases in log-spaced minute
  buckets (20 a decade), and the requests created in each local hour;
- statement triggers with transition tables on service_requests (and on request_events for the
  first reopening) keep both current, one pass a statement; the owner's bulk loads skip them and
  console_rebuild_metric_rollups() (`report rebuild-rollups`) computes both again;
- an index of the open requests by creation time (the open-and-overdue count);
- every group reads the rollups, none writes them.
SQLite computes the figures from the rows (a demo or one-seat office is small).
"""

from __future__ import annotations

from alembic import op

from operator_console.storage.metrics import rollup_sql

revision = "0017_metric_rollups"
down_revision = "0016_open311"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in rollup_sql.TABLES:
        op.execute(statement)
    for function in rollup_sql.FUNCTIONS.values():
        op.execute(function)
    for statement in (*rollup_sql.TRIGGERS, *rollup_sql.GRANTS):
        op.execute(statement)
    op.execute("SELECT console_rebuild_metric_rollups()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for trigger in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER service_requests_metric_rollups_{trigger} ON service_requests")
    op.execute("DROP TRIGGER request_events_metric_reopens ON request_events")
    for signature in rollup_sql.FUNCTIONS:
        op.execute(f"DROP FUNCTION {signature}")
    op.execute("DROP INDEX ix_service_requests_unresolved_created")
    op.execute(f"DROP TABLE {rollup_sql.ALL_TABLES}")
