"""Security in the database: roles, grants, append-only history, actors, row security, staff

On PostgreSQL:
- the cluster-wide roles (a group per staff role, console_owner, console_public), each created
  only if missing since several databases share them;
- console_owner owns every table, view, sequence and function of the schema and alone runs
  migrations (env.py switches to it); PUBLIC holds nothing on the tables and may not create
  objects in the schema (as from PostgreSQL 15 on; the downgrade does not give that back);
- each group gets the grants storage/db/grants.py derives from the permissions table;
- request_events and staff_events are append-only: no group may UPDATE or DELETE them, and a
  trigger refuses it to everyone but the owner;
- the actor columns are set to the session's login by trigger, whatever the client sends;
- a trigger lets each group add only the history event kinds its actions write
  (storage/db/event_kinds.py), each on the cases it may go on: intake's on a request the login
  filed, a case change's on a case of the login's departments (or with no queue);
- row-level security on service_requests: every group reads every case and files new ones, no
  policy allows DELETE; a guard trigger refuses a dispatcher or supervisor changing a case of
  another department (a note or a caller stays possible on any case), and a dispatcher
  changing priority, resolving, closing, reopening, re-routing or marking a duplicate;
  another refuses operators and dispatchers filing a request in a staff-only service;
- the public views (no caller data, no internal fields, no internal notes), for console_public;
- the staff functions (SECURITY DEFINER, fixed search_path): staff_add, staff_set_role,
  staff_disable, staff_enable for admins, staff_whoami for every group.
On SQLite only staff_events is created.

The downgrade drops all of it and gives the objects back to the session's login; it leaves the
roles, which other databases of the cluster may use.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import grants
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db import staff_functions_sql as staff_sql
from operator_console.storage.db.roles import GROUP_ROLE, OWNER_ROLE, PUBLIC_ROLE
from operator_console.storage.db.types import UtcDateTime

revision = "0008_database_security"
down_revision = "0007_open_requests_across_queues"
branch_labels = None
depends_on = None

_EVERY_ROLE = f"{sql.GROUPS}, {PUBLIC_ROLE}"
_OWNED_OBJECTS = """
SELECT kind, name FROM (
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                          WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
           quote_ident(c.relname) AS name, c.relowner AS owner, c.relkind <> 'S' AS first
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    UNION ALL
    SELECT 'ROUTINE', p.oid::regprocedure::text, p.proowner, true
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'STATISTICS', quote_ident(s.stxname), s.stxowner, true
    FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
    WHERE n.nspname = 'public'
) objects
WHERE owner {test} (SELECT oid FROM pg_roles WHERE rolname = :role)
ORDER BY first DESC, kind, name
"""


def upgrade() -> None:
    op.create_table(
        "staff_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("login", sa.String(length=80), nullable=False),
        sa.Column("from_value", sa.String(length=200), nullable=True),
        sa.Column("to_value", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "kind IN ('added', 'role_changed', 'disabled', 'enabled')",
            name=op.f("ck_staff_events_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_events")),
    )
    with op.batch_alter_table("staff_events", schema=None) as batch_op:
        batch_op.create_index("ix_staff_events_login_at", ["login", "at"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(sql.CREATE_ROLES)
    op.execute(sql.LET_OWNER_GRANT_GROUPS)
    op.execute(sql.SESSION_FUNCTIONS)
    op.execute(sql.ACTOR_TRIGGER_FUNCTION)
    op.execute(sql.HISTORY_TRIGGER_FUNCTION)
    op.execute(sql.REQUEST_GUARD_FUNCTION)
    op.execute(sql.REQUEST_FILING_GUARD_FUNCTION)
    op.execute(sql.EVENT_GUARD_FUNCTION)
    op.execute(staff_sql.STAFF_FUNCTIONS)
    for table, column in sql.ACTOR_COLUMNS.items():
        op.execute(
            f"CREATE TRIGGER {table}_actor BEFORE INSERT ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION console_set_actor('{column}')"
        )
    for table in grants.HISTORY_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION console_refuse_history_change()"
        )
    op.execute(
        "CREATE TRIGGER service_requests_guard BEFORE UPDATE ON service_requests "
        "FOR EACH ROW EXECUTE FUNCTION console_guard_request_update()"
    )
    op.execute(
        "CREATE TRIGGER service_requests_filing_guard BEFORE INSERT ON service_requests "
        "FOR EACH ROW EXECUTE FUNCTION console_guard_request_filing()"
    )
    op.execute(
        "CREATE TRIGGER request_events_kind_guard BEFORE INSERT ON request_events "
        "FOR EACH ROW EXECUTE FUNCTION console_guard_request_event()"
    )
    op.execute(sql.ROW_SECURITY)
    op.execute(sql.PUBLIC_VIEWS)
    _give_to(OWNER_ROLE, _owned_by_others())
    op.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")  # PostgreSQL 14 and older
    op.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {OWNER_ROLE}")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {_EVERY_ROLE}")
    _grant()
    op.execute(f"SET LOCAL ROLE {OWNER_ROLE}")


def _grant() -> None:
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {_EVERY_ROLE}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {_EVERY_ROLE}")
    op.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {_EVERY_ROLE}")
    owned = (
        *sql.SESSION_FUNCTION_NAMES,
        *staff_sql.STAFF_INTERNAL_FUNCTIONS,
        *staff_sql.ADMIN_FUNCTIONS,
    )
    for function in (*owned, *staff_sql.EVERY_GROUP_FUNCTIONS):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    for function in (*sql.SESSION_FUNCTION_NAMES, *staff_sql.EVERY_GROUP_FUNCTIONS):
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {sql.GROUPS}")
    for function in staff_sql.ADMIN_FUNCTIONS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {GROUP_ROLE[Role.ADMIN]}")
    for view in sql.VIEWS:
        op.execute(f"GRANT SELECT ON {view} TO {_EVERY_ROLE}")
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }
    for role in Role:
        for statement in grants.grant_statements(role, existing, existing):
            op.execute(statement)
        for table in set(grants.inserted_tables(role)) & existing.keys():
            for sequence in _sequences(bind, table):
                op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {GROUP_ROLE[role]}")


def _sequences(bind: sa.Connection, table: str) -> list[str]:
    found = bind.execute(
        sa.text(
            "SELECT pg_get_serial_sequence(:table, attname) FROM pg_attribute "
            "WHERE attrelid = CAST(:table AS regclass) AND attnum > 0 AND NOT attisdropped"
        ),
        {"table": table},
    ).scalars()
    return [str(sequence) for sequence in found if sequence is not None]


def _owned_by_others() -> list[tuple[str, str]]:
    rows = op.get_bind().execute(sa.text(_OWNED_OBJECTS.format(test="<>")), {"role": OWNER_ROLE})
    return [(str(kind), str(name)) for kind, name in rows]


def _give_to(owner: str, objects: list[tuple[str, str]]) -> None:
    for kind, name in objects:
        op.execute(f"ALTER {kind} {name} OWNER TO {owner}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("RESET ROLE")
        owned = op.get_bind().execute(
            sa.text(_OWNED_OBJECTS.format(test="=")), {"role": OWNER_ROLE}
        )
        objects = [(str(kind), str(name)) for kind, name in owned]
        for view in sql.VIEWS:
            op.execute(f"DROP VIEW IF EXISTS {view}")
        for policy in sql.POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {policy} ON service_requests")
        op.execute("ALTER TABLE service_requests DISABLE ROW LEVEL SECURITY")
        op.execute("DROP TRIGGER IF EXISTS service_requests_guard ON service_requests")
        op.execute("DROP TRIGGER IF EXISTS service_requests_filing_guard ON service_requests")
        op.execute("DROP TRIGGER IF EXISTS request_events_kind_guard ON request_events")
        for table in grants.HISTORY_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        for table in sql.ACTOR_COLUMNS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_actor ON {table}")
        functions = (
            *staff_sql.ADMIN_FUNCTIONS,
            *staff_sql.EVERY_GROUP_FUNCTIONS,
            *staff_sql.STAFF_INTERNAL_FUNCTIONS,
            *sql.TRIGGER_FUNCTIONS,
            *sql.SESSION_FUNCTION_NAMES,
        )
        for function in functions:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_EVERY_ROLE}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {_EVERY_ROLE}")
        remaining = [(kind, name) for kind, name in objects if not _dropped(kind, name)]
        _give_to("SESSION_USER", remaining)
        op.execute(f"REVOKE ALL ON SCHEMA public FROM {OWNER_ROLE}, {_EVERY_ROLE}")
    with op.batch_alter_table("staff_events", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_events_login_at")
    op.drop_table("staff_events")


def _dropped(kind: str, name: str) -> bool:
    if kind == "VIEW":
        return name in sql.VIEWS
    if kind == "ROUTINE":
        return name.startswith(("console_", "staff_"))
    return False
