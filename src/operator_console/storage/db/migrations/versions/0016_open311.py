"""Open311: client applications with hashed keys, their use per minute, their submissions

On both databases:
- open311_clients: a client application's name, the prefix that finds its key, the SHA-256 of
  the key (the key itself is shown once), the channel its requests are filed under, its limit
  of requests per minute, who created and revoked it and when;
- open311_usage: requests per client and minute, counted by an UPSERT, so that every server
  process shares one count;
- open311_submissions: the token, client, photo address, device and account of each request
  filed through Open311.
On PostgreSQL:
- console_open311, a group (NOLOGIN) for the Open311 server's logins: it files requests through
  intake (reading the catalog, routing, cases for duplicate candidates), reads the public views,
  and sees no caller but the one it added last, no history and no staff;
- console_session_actor(): an Open311 session's rows are stamped with its client application,
  "open311:<name>" (the server sets operator_console.open311_client in each transaction); the
  actor stamp, the history guard and a row policy use it, and an Open311 session writes only
  intake's history events, on its own filings;
- public_service_requests also gives the merged-into reference, closure reason, resolution time,
  channel, zip code, service notice and an Open311 submission's token and photo address;
- admins add, list and revoke client applications.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.roles import GROUP_ROLE, OPEN311_ROLE, PUBLIC_ROLE
from operator_console.storage.db.types import UtcDateTime
from operator_console.storage.open311 import security_sql as open311_sql

revision = "0016_open311"
down_revision = "0015_escalation_pass"
branch_labels = None
depends_on = None

_ADMIN = GROUP_ROLE[Role.ADMIN]


def upgrade() -> None:
    op.create_table(
        "open311_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("key_prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=20), server_default="app", nullable=False),
        sa.Column("per_minute", sa.Integer(), server_default="60", nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=80), nullable=True),
        sa.CheckConstraint("per_minute > 0", name=op.f("ck_open311_clients_per_minute")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_clients")),
        sa.UniqueConstraint("name", name=op.f("uq_open311_clients_name")),
        sa.UniqueConstraint("key_prefix", name=op.f("uq_open311_clients_key_prefix")),
    )
    op.create_table(
        "open311_usage",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("minute", UtcDateTime(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["open311_clients.id"],
            name=op.f("fk_open311_usage_client_id_open311_clients"),
        ),
        sa.PrimaryKeyConstraint("client_id", "minute", name=op.f("pk_open311_usage")),
    )
    op.create_table(
        "open311_submissions",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("media_url", sa.Text(), nullable=True),
        sa.Column("device_id", sa.String(length=200), nullable=True),
        sa.Column("account_id", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["service_requests.id"],
            name=op.f("fk_open311_submissions_request_id_service_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["open311_clients.id"],
            name=op.f("fk_open311_submissions_client_id_open311_clients"),
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_open311_submissions")),
        sa.UniqueConstraint("token", name=op.f("uq_open311_submissions_token")),
    )
    op.create_index("ix_open311_submissions_client", "open311_submissions", ["client_id"])
    if op.get_bind().dialect.name == "postgresql":
        _in_the_database()
    else:
        for view in _sqlite_views():
            op.execute(view)


def _sqlite_views() -> list[str]:
    """The public views as SQLite writes them (the Open311 server reads them there too)."""
    events = (
        "CREATE VIEW public_request_events"
        + sql.PUBLIC_VIEWS.split("CREATE VIEW public_request_events", 1)[1]
    )
    views = [open311_sql.PUBLIC_VIEWS.replace("CREATE OR REPLACE VIEW", "CREATE VIEW"), events]
    return [view.replace(" WITH (security_barrier)", "") for view in views]


def _in_the_database() -> None:
    callers_sequence = op.get_bind().scalar(
        sa.text("SELECT pg_get_serial_sequence('callers', 'id')")
    )
    op.execute(open311_sql.CREATE_ROLE)
    op.execute(open311_sql.session_functions(str(callers_sequence)))
    for function in open311_sql.FUNCTION_NAMES:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {sql.GROUPS}, {OPEN311_ROLE}")
    for function in sql.SESSION_FUNCTION_NAMES:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {OPEN311_ROLE}")
    op.execute(open311_sql.ACTOR_TRIGGER_FUNCTION)
    op.execute(open311_sql.EVENT_GUARD_FUNCTION)
    op.execute(open311_sql.ROW_SECURITY)
    op.execute(open311_sql.PUBLIC_VIEWS)
    op.execute("REVOKE ALL ON open311_clients, open311_usage, open311_submissions FROM PUBLIC")
    for statement in open311_sql.GRANTS:
        op.execute(statement)
    for table in open311_sql.INSERTED_TABLES:
        sequence = op.get_bind().scalar(sa.text(f"SELECT pg_get_serial_sequence('{table}', 'id')"))
        op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {OPEN311_ROLE}")
    op.execute(
        f"GRANT SELECT, INSERT, UPDATE (revoked_at, revoked_by) ON open311_clients TO {_ADMIN}"
    )
    op.execute(f"GRANT USAGE ON SEQUENCE open311_clients_id_seq TO {_ADMIN}")
    op.execute(f"GRANT SELECT ON open311_usage, open311_submissions TO {_ADMIN}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP VIEW public_request_events")
        op.execute("DROP VIEW public_service_requests")
    else:
        op.execute("DROP VIEW public_service_requests")
        op.execute(sql.PUBLIC_VIEWS.split("CREATE VIEW public_request_events")[0])
        op.execute(f"GRANT SELECT ON public_service_requests TO {sql.GROUPS}")
        op.execute(f"GRANT SELECT ON public_service_requests TO {PUBLIC_ROLE}")
        for table, policies in open311_sql.POLICIES.items():
            for policy in policies:
                op.execute(f"DROP POLICY {policy} ON {table}")
        op.execute("ALTER TABLE callers DISABLE ROW LEVEL SECURITY")
        op.execute(
            sql.ACTOR_TRIGGER_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        )
        op.execute(
            sql.EVENT_GUARD_FUNCTION.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        )
        for function in open311_sql.FUNCTION_NAMES:
            op.execute(f"DROP FUNCTION {function}")
        op.execute(
            f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {OPEN311_ROLE}; "
            f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {OPEN311_ROLE}; "
            f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {OPEN311_ROLE}"
        )
    op.drop_index("ix_open311_submissions_client", table_name="open311_submissions")
    op.drop_table("open311_submissions")
    op.drop_table("open311_usage")
    op.drop_table("open311_clients")
