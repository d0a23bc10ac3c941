"""Webhooks out: hooks per case event, queued in the outbox by a trigger, signed when sent

On both databases:
- webhooks: an event (created, assigned, resolved, reopened), the URL, the signing secret, who
  added and removed it and when;
- notification_outbox.webhook_id: the hook a 'webhook' delivery goes to (its secret signs it).
On PostgreSQL:
- a deferred constraint trigger on request_events queues, in the event's transaction, one
  delivery per hook registered for its kind: the case's public fields and the event as JSON;
- admins add and remove hooks; the notifier reads a hook's secret and nothing else of it.
SQLite keeps the tables but queues nothing (the demo city has no systems to tell).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.storage.db.types import UtcDateTime
from operator_console.storage.webhooks import sql

revision = "0018_webhooks"
down_revision = "0017_metric_rollups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "webhooks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("removed_at", UtcDateTime(), nullable=True),
        sa.Column("removed_by", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhooks")),
        sa.CheckConstraint(
            "event IN ('created', 'assigned', 'resolved', 'reopened')",
            name=op.f("ck_webhooks_event"),
        ),
    )
    op.create_index("ix_webhooks_event", "webhooks", ["event"])
    with op.batch_alter_table("notification_outbox") as batch:
        batch.add_column(sa.Column("webhook_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_foreign_key(
        "fk_notification_outbox_webhook_id_webhooks",
        "notification_outbox",
        "webhooks",
        ["webhook_id"],
        ["id"],
    )
    op.execute(sql.QUEUE_FUNCTION)
    op.execute(sql.QUEUE_TRIGGER)
    for statement in sql.GRANTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER request_events_webhooks ON request_events")
        op.execute("DROP FUNCTION console_queue_webhooks()")
        op.drop_constraint(
            "fk_notification_outbox_webhook_id_webhooks", "notification_outbox", type_="foreignkey"
        )
    with op.batch_alter_table("notification_outbox") as batch:
        batch.drop_column("webhook_id")
    op.drop_index("ix_webhooks_event", table_name="webhooks")
    op.drop_table("webhooks")
