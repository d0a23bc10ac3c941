"""Resident messages: the outbox delivered, in the caller's language and channel

On both databases:
- callers.preferred_channel ('email', 'sms' or NULL) and callers.no_messages;
- notification_outbox gains what a delivery needs: the caller and case reference, the message's
  kind and language, its status ('pending', 'sent', 'undeliverable', 'held'), an idempotency
  key (unique), when it is next due, the lease of the notifier that claimed it, the provider's
  message id, and who re-sent it after correcting its address. Rows already sent become 'sent'.
On PostgreSQL:
- console_notifier, a group (NOLOGIN) for the notifier's logins: it reads the outbox and writes
  only the delivery columns;
- supervisors and admins may correct and re-send a message (RESEND_MESSAGE), and every group
  that writes callers may set the two new caller columns;
- a statement trigger announces outbox changes on `outbox_changes`, which wakes the notifiers
  and refreshes the Messages views.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import grants
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.roles import NOTIFIER_ROLE
from operator_console.storage.db.types import UtcDateTime

revision = "0014_resident_messages"
down_revision = "0013_bulk_history"
branch_labels = None
depends_on = None


def _outbox_columns() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("caller_id", sa.Integer(), nullable=True),
        sa.Column("reference", sa.String(length=30), server_default="", nullable=False),
        sa.Column("kind", sa.String(length=30), server_default="message", nullable=False),
        sa.Column("language", sa.String(length=10), server_default="en", nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("idempotency_key", sa.String(length=64), nullable=True),
        sa.Column("next_attempt_at", UtcDateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(length=80), nullable=True),
        sa.Column("claimed_until", UtcDateTime(), nullable=True),
        sa.Column("provider_message_id", sa.String(length=200), nullable=True),
        sa.Column("resent_by", sa.String(length=80), nullable=True),
        sa.Column("resent_at", UtcDateTime(), nullable=True),
    )


_STATUSES = "status IN ('pending', 'sent', 'undeliverable', 'held')"
_CHANNELS = "preferred_channel IN ('email', 'sms')"

ANNOUNCE_FUNCTION = """
CREATE FUNCTION console_announce_outbox() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_notify('outbox_changes', '');
    RETURN NULL;
END $$;
"""
CREATE_NOTIFIER_ROLE = f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{NOTIFIER_ROLE}') THEN
        CREATE ROLE {NOTIFIER_ROLE} NOLOGIN;
    END IF;
END $$;"""


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN on both databases: a batch copy of callers on SQLite
    # would lose its search triggers (migration 0011).
    op.add_column("callers", sa.Column("preferred_channel", sa.String(length=10), nullable=True))
    op.add_column(
        "callers", sa.Column("no_messages", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    for column in _outbox_columns():
        op.add_column("notification_outbox", column)
    op.execute("UPDATE notification_outbox SET status = 'sent' WHERE sent_at IS NOT NULL")
    op.execute(
        "UPDATE notification_outbox SET idempotency_key = 'outbox-' || CAST(id AS VARCHAR(20))"
    )
    op.drop_index("ix_notification_outbox_unsent", table_name="notification_outbox")
    op.create_index(
        "ix_notification_outbox_due",
        "notification_outbox",
        ["status", "next_attempt_at", "id"],
    )
    op.create_index("ix_notification_outbox_request", "notification_outbox", ["request_id"])
    op.create_index(
        "uq_notification_outbox_idempotency_key",
        "notification_outbox",
        ["idempotency_key"],
        unique=True,
    )
    if op.get_bind().dialect.name == "postgresql":
        _in_the_database()


def _in_the_database() -> None:
    op.create_foreign_key(
        "fk_notification_outbox_caller_id_callers",
        "notification_outbox",
        "callers",
        ["caller_id"],
        ["id"],
    )
    op.create_check_constraint("ck_notification_outbox_status", "notification_outbox", _STATUSES)
    op.create_check_constraint("ck_callers_preferred_channel", "callers", _CHANNELS)
    op.execute(ANNOUNCE_FUNCTION)
    op.execute("REVOKE ALL ON FUNCTION console_announce_outbox() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER notification_outbox_announce AFTER INSERT OR UPDATE "
        "ON notification_outbox FOR EACH STATEMENT EXECUTE FUNCTION console_announce_outbox()"
    )
    op.execute(CREATE_NOTIFIER_ROLE)
    op.execute(f"REVOKE ALL ON notification_outbox, callers FROM PUBLIC, {sql.GROUPS}")
    for role in Role:
        for statement in grants.grant_statements(role, ("notification_outbox", "callers")):
            op.execute(statement)
    for table, held in grants.NOTIFIER_PRIVILEGES.items():
        for privilege, columns in sorted(held.items()):
            listed = "" if columns is None else f" ({', '.join(sorted(columns))})"
            op.execute(f"GRANT {privilege}{listed} ON {table} TO {NOTIFIER_ROLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"REVOKE ALL ON notification_outbox FROM {NOTIFIER_ROLE}")
        op.execute("DROP TRIGGER IF EXISTS notification_outbox_announce ON notification_outbox")
        op.execute("DROP FUNCTION IF EXISTS console_announce_outbox()")
        op.drop_constraint("ck_callers_preferred_channel", "callers", type_="check")
        op.drop_constraint("ck_notification_outbox_status", "notification_outbox", type_="check")
        op.drop_constraint(
            "fk_notification_outbox_caller_id_callers", "notification_outbox", type_="foreignkey"
        )
    op.drop_index("uq_notification_outbox_idempotency_key", table_name="notification_outbox")
    op.drop_index("ix_notification_outbox_request", table_name="notification_outbox")
    op.drop_index("ix_notification_outbox_due", table_name="notification_outbox")
    op.create_index("ix_notification_outbox_unsent", "notification_outbox", ["sent_at", "id"])
    for column in reversed(_outbox_columns()):
        _drop_column("notification_outbox", column.name)
    _drop_column("callers", "no_messages")
    _drop_column("callers", "preferred_channel")


def _drop_column(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "sqlite":  # a batch copy would lose the table's triggers
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)
