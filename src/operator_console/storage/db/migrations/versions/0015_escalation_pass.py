"""The escalation pass takes on a bounded number of cases at a time

console_run_escalations(now, cutoffs, max_cases): the same pass as migration 0012's, which fires
the crossed rules of at most `max_cases` cases (the oldest first) and leaves the rest to the next
pass, so that no console holds the pass's lock for long over a large backlog.
"""

from __future__ import annotations

from alembic import op

from operator_console.storage.db import security_sql as sql
from operator_console.storage.escalation import pass_sql

revision = "0015_escalation_pass"
down_revision = "0014_resident_messages"
branch_labels = None
depends_on = None


def _replace(old_name: str, new_function: str, new_name: str) -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {old_name}")
    op.execute(new_function)
    op.execute(f"REVOKE ALL ON FUNCTION {new_name} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {new_name} TO {sql.GROUPS}")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _replace(
            pass_sql.PASS_FUNCTION_NAME_0012, pass_sql.PASS_FUNCTION, pass_sql.PASS_FUNCTION_NAME
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _replace(
            pass_sql.PASS_FUNCTION_NAME,
            pass_sql.PASS_FUNCTION_0012,
            pass_sql.PASS_FUNCTION_NAME_0012,
        )
