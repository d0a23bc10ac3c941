"""City onboarding: imported history's own ids, the city's languages, address units, config audit

- service_requests.source_id: the id a request had in the city's previous system, unique, so
  that importing the same export twice adds nothing;
- city.languages: the languages the city offers its callers (comma-separated codes);
- city.routing_layer: the district layer whose district a case records (the first layer of the
  city's bundle); routing rules may name districts of any layer;
- addresses.unit: the unit (apartment, suite) of an address point;
- config_events: who changed the configuration, when and what (an admin screen, a city bundle
  load, a history import). On PostgreSQL it is append-only, its actor is the session's login,
  every group reads it, admins add to it, and each new row is announced on the
  `config_changes` channel so that other consoles reload what changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import grants
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.roles import GROUP_ROLE
from operator_console.storage.db.types import JsonDocument, UtcDateTime

revision = "0010_city_onboarding"
down_revision = "0009_staff_passwords"
branch_labels = None
depends_on = None

CONFIG_CHANNEL = "config_changes"
_NOTIFY_FUNCTION = f"""
CREATE FUNCTION console_announce_config_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM pg_notify('{CONFIG_CHANNEL}', NEW.kind);
    RETURN NULL;
END;
$$;
"""


def upgrade() -> None:
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_id", sa.String(length=80), nullable=True))
        batch_op.create_index("uq_service_requests_source_id", ["source_id"], unique=True)
    with op.batch_alter_table("city", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("languages", sa.String(length=60), server_default="en", nullable=False)
        )
        batch_op.add_column(sa.Column("routing_layer", sa.String(length=40), nullable=True))
    with op.batch_alter_table("addresses", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("unit", sa.String(length=20), server_default="", nullable=False)
        )
    op.create_table(
        "config_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), server_default="", nullable=False),
        sa.Column("detail", sa.Text(), server_default="", nullable=False),
        sa.Column("data", JsonDocument, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_config_events")),
    )
    with op.batch_alter_table("config_events", schema=None) as batch_op:
        batch_op.create_index("ix_config_events_at", ["at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _secure_config_events()


def _secure_config_events() -> None:
    op.execute(
        "CREATE TRIGGER config_events_actor BEFORE INSERT ON config_events FOR EACH ROW "
        "EXECUTE FUNCTION console_set_actor('actor')"
    )
    op.execute(
        "CREATE TRIGGER config_events_append_only BEFORE UPDATE OR DELETE ON config_events "
        "FOR EACH ROW EXECUTE FUNCTION console_refuse_history_change()"
    )
    op.execute(_NOTIFY_FUNCTION)
    op.execute("REVOKE ALL ON FUNCTION console_announce_config_change() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER config_events_announce AFTER INSERT ON config_events FOR EACH ROW "
        "EXECUTE FUNCTION console_announce_config_change()"
    )
    # The history event kinds each group may write include 'due_changed' (a closure day
    # moving due dates), written by admins only.
    op.execute(sql.EVENT_GUARD_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(f"REVOKE ALL ON config_events FROM PUBLIC, {sql.GROUPS}")
    for role in Role:
        for statement in grants.grant_statements(role, grants.AUDIT_TABLES):
            op.execute(statement)
        if "config_events" in grants.inserted_tables(role):
            op.execute(f"GRANT USAGE ON SEQUENCE config_events_id_seq TO {GROUP_ROLE[role]}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS config_events_announce ON config_events")
        op.execute("DROP FUNCTION IF EXISTS console_announce_config_change()")
    op.drop_table("config_events")
    _drop_column("addresses", "unit")
    _drop_column("city", "routing_layer")
    _drop_column("city", "languages")
    op.drop_index("uq_service_requests_source_id", table_name="service_requests")
    _drop_column("service_requests", "source_id")


def _drop_column(table: str, column: str) -> None:
    """SQLite's own DROP COLUMN: a batch copy of service_requests would lose its triggers, and
    other tables' triggers that name it stop the copy's rename."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)
