"""Bulk history loads: one notification a batch, and an owner check the triggers inline

On PostgreSQL:
- console_session_is_owner(): one schema-qualified pg_has_role, no SET clause, so that the
  planner inlines it into the row triggers' conditions instead of calling a function per row;
- service_requests_actor, service_requests_filing_guard: not run at all (a WHEN condition) for
  the owner's sessions and functions, which both let through unchanged anyway;
- service_requests_notify: no notification for the rows of a transaction of the owner's that
  declared a bulk load (`SET LOCAL console.bulk_load = 'on'`); the loader sends one
  `{"kind": "bulk", "rows": n}` on `request_changes` instead, which consoles take as a resync.
  Anyone else setting it still announces every row.
"""

from __future__ import annotations

from alembic import op

from operator_console.storage.db import bulk_load
from operator_console.storage.db.roles import OWNER_ROLE
from operator_console.storage.db.security_sql import OWNER_AT_WORK

revision = "0013_bulk_history"
down_revision = "0012_sla_escalation"
branch_labels = None
depends_on = None

_OWNER_CHECK_0008 = f"""
CREATE OR REPLACE FUNCTION console_session_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR pg_has_role(session_user, '{OWNER_ROLE}', 'MEMBER')
$$;
"""
_NOTIFY_TRIGGER_0001 = """
CREATE TRIGGER service_requests_notify
AFTER INSERT OR UPDATE OR DELETE ON service_requests
FOR EACH ROW EXECUTE FUNCTION notify_request_change()
"""

_FILING_TRIGGERS = {
    "service_requests_actor": "console_set_actor('created_by')",
    "service_requests_filing_guard": "console_guard_request_filing()",
}
"""The row triggers of a new request that the owner's work passes through unchanged."""


def _create_filing_triggers(condition: str) -> None:
    for name, function in _FILING_TRIGGERS.items():
        op.execute(f"DROP TRIGGER {name} ON service_requests")
        op.execute(
            f"CREATE TRIGGER {name} BEFORE INSERT ON service_requests FOR EACH ROW "
            f"{condition} EXECUTE FUNCTION {function}"
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(bulk_load.OWNER_CHECK_FUNCTION)
        _create_filing_triggers(f"WHEN (NOT {OWNER_AT_WORK})")
        op.execute("DROP TRIGGER service_requests_notify ON service_requests")
        op.execute(bulk_load.NOTIFY_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER service_requests_notify ON service_requests")
        op.execute(_NOTIFY_TRIGGER_0001)
        _create_filing_triggers("")
        op.execute(_OWNER_CHECK_0008)
