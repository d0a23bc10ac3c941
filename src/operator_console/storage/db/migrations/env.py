"""Alembic environment: runs on the connection the console hands it, as the schema's owner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from operator_console.storage.db.roles import OWNER_ROLE
from operator_console.storage.db.tables import metadata

# Once the owner role holds the schema (from migration 0008 on), every migration runs as it, so
# what it creates belongs to it too; a login that may not become it runs as itself, and fails
# on the first object it does not own.
_MAY_BECOME_OWNER = text(
    "SELECT pg_has_role(session_user, oid, 'MEMBER') "
    "AND has_schema_privilege(oid, 'public', 'CREATE') FROM pg_roles WHERE rolname = :owner"
)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    postgres = connection.dialect.name == "postgresql"
    if postgres and connection.execute(_MAY_BECOME_OWNER, {"owner": OWNER_ROLE}).scalar():
        connection.execute(text(f"SET LOCAL ROLE {OWNER_ROLE}"))
    context.run_migrations()
