"""Staff passwords and logins an administrator gives

On PostgreSQL, two functions for admins (SECURITY DEFINER, fixed search_path, run by
console_admin and the owner only): staff_set_password sets a staff login's password from a
SCRAM-SHA-256 verifier, staff_give_login creates (or adopts) the login of a staff member who has
none, in their role's group. On both dialects staff_events accepts their kinds, 'password_set'
and 'login_given'.
"""

from __future__ import annotations

from alembic import op

from operator_console.domain.permissions import Role
from operator_console.storage.db import staff_login_sql as sql
from operator_console.storage.db.roles import GROUP_ROLE

revision = "0009_staff_passwords"
down_revision = "0008_database_security"
branch_labels = None
depends_on = None

_BEFORE_KINDS = sql.STAFF_EVENT_KINDS[:4]


def upgrade() -> None:
    _allow_kinds(sql.STAFF_EVENT_KINDS)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(sql.STAFF_LOGIN_FUNCTIONS)
    for function in sql.STAFF_LOGIN_ADMIN_FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {GROUP_ROLE[Role.ADMIN]}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for function in sql.STAFF_LOGIN_ADMIN_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute(f"DELETE FROM staff_events WHERE kind NOT IN ({_listed(_BEFORE_KINDS)})")
    _allow_kinds(_BEFORE_KINDS)


def _allow_kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("staff_events", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_staff_events_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_staff_events_kind"), f"kind IN ({_listed(kinds)})"
        )


def _listed(kinds: tuple[str, ...]) -> str:
    return ", ".join(f"'{kind}'" for kind in kinds)
