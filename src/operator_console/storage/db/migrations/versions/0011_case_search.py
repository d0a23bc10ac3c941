"""Case search: full-text and trigram indexes, status calls counted, saved searches

On both databases:
- service_requests.calls_count: the status calls logged on the case;
- saved_searches: a named search of its owner's, private (department_id NULL) or shared with a
  department; unique per owner and name;
- an index on request_followers.caller_id, so a caller's phone or name finds the cases they
  follow.
On PostgreSQL, every index is kept by the database itself, so rows written by any means (COPY
of imported history included) are found:
- pg_trgm (a trusted extension, already created by migration 0005 as the session's login; the
  statement here only states the need and creates nothing on a database that has it);
- service_requests.search_words, a stored generated column: the `english` tsvector of the
  request's address and description, with a GIN index, and a GIN index over each note's text
  (request_events of kind 'note'): the stemmer makes "potholes" find "pothole", while street
  names, numbers and suffixes stay words ("simple" would keep the plural apart);
- trigram GIN indexes on lower(address) and lower(callers.name), for fuzzy addresses and names;
- saved_searches: the owner is the session's login (trigger); every group reads its own rows
  and those shared with its departments, adds its own, shares only with its departments when
  a supervisor or admin, and deletes only its own (row security);
- the request guard and the history event guard are created again from the current rules:
  a status call counted on any case is a touch like a note.
On SQLite, FTS5 tables with the trigram tokenizer (SQLite 3.34 or newer) hold each request's
description, address and notes and each caller's name, kept by triggers.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import grants
from operator_console.storage.db import search_sql as search
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.roles import GROUP_ROLE
from operator_console.storage.db.types import JsonDocument, UtcDateTime

revision = "0011_case_search"
down_revision = "0010_city_onboarding"
branch_labels = None
depends_on = None

SHARERS = ("supervisor", "admin")
_SAVED_SEARCH_POLICIES = f"""
ALTER TABLE saved_searches ENABLE ROW LEVEL SECURITY;
CREATE POLICY saved_searches_read ON saved_searches FOR SELECT TO {sql.GROUPS}
    USING (owner_login = session_user::text
           OR department_id = ANY (console_session_departments()));
CREATE POLICY saved_searches_add ON saved_searches FOR INSERT TO {sql.GROUPS}
    WITH CHECK (owner_login = session_user::text AND (department_id IS NULL
        OR (console_session_role() IN ({", ".join(f"'{role}'" for role in SHARERS)})
            AND department_id = ANY (console_session_departments()))));
CREATE POLICY saved_searches_remove ON saved_searches FOR DELETE TO {sql.GROUPS}
    USING (owner_login = session_user::text);
"""
SAVED_SEARCH_POLICY_NAMES = ("saved_searches_read", "saved_searches_add", "saved_searches_remove")
_RECREATED_GUARDS = (sql.REQUEST_GUARD_FUNCTION, sql.EVENT_GUARD_FUNCTION)


def upgrade() -> None:
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("calls_count", sa.Integer(), server_default="0", nullable=False)
        )
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("owner_login", sa.String(length=80), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("query", JsonDocument, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_saved_searches_department_id_departments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("owner_login", "name", name="uq_saved_searches_owner_name"),
    )
    op.create_index("ix_request_followers_caller", "request_followers", ["caller_id"])
    if op.get_bind().dialect.name != "postgresql":
        _check_trigram_tokenizer()
        for statement in (*search.SQLITE_TABLES, *search.SQLITE_FILL):
            op.execute(statement)
        for trigger in search.SQLITE_TRIGGERS.values():
            op.execute(trigger)
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        f"ALTER TABLE service_requests ADD COLUMN {search.REQUEST_WORDS} tsvector "
        f"GENERATED ALWAYS AS ({search.REQUEST_TEXT}) STORED"
    )
    for name, indexed in search.POSTGRESQL_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {indexed}")
    for guard in _RECREATED_GUARDS:
        op.execute(guard.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(
        "CREATE TRIGGER saved_searches_actor BEFORE INSERT ON saved_searches FOR EACH ROW "
        "EXECUTE FUNCTION console_set_actor('owner_login')"
    )
    op.execute(_SAVED_SEARCH_POLICIES)
    op.execute(f"REVOKE ALL ON saved_searches FROM PUBLIC, {sql.GROUPS}")
    for role in Role:
        for statement in grants.grant_statements(role, ("saved_searches", "service_requests")):
            op.execute(statement)
        op.execute(f"GRANT USAGE ON SEQUENCE saved_searches_id_seq TO {GROUP_ROLE[role]}")
    op.execute("ANALYZE service_requests, request_events, callers")


def _check_trigram_tokenizer() -> None:
    version = op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar_one()
    numbers = tuple(int(part) for part in str(version).split("."))
    if numbers < search.SQLITE_TRIGRAM_SINCE:
        needed = ".".join(str(part) for part in search.SQLITE_TRIGRAM_SINCE)
        raise RuntimeError(
            f"The case search needs SQLite {needed} or newer (its FTS5 trigram tokenizer); "
            f"this Python has SQLite {version}."
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in search.POSTGRESQL_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"ALTER TABLE service_requests DROP COLUMN {search.REQUEST_WORDS}")
    else:
        for name in search.SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for table in (search.REQUEST_FTS, search.CALLER_FTS):
            op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_index("ix_request_followers_caller", table_name="request_followers")
    op.drop_table("saved_searches")
    if op.get_bind().dialect.name == "sqlite":  # a batch copy would lose the table's triggers
        op.execute("ALTER TABLE service_requests DROP COLUMN calls_count")
    else:
        op.drop_column("service_requests", "calls_count")
