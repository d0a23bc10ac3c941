"""The SLA clock acts: escalation rules, the rules fired on each case, and alerts

- escalation_rules: per SLA policy (none: every policy), a trigger ('at_risk', 'overdue',
  'overdue_by' so many business hours) and an action ('notify', 'raise_priority',
  'move_queue' to a queue); admins configure them;
- escalations_fired: (request, rule) once; its key is what makes a rule fire once per case;
- alerts: one per rule fired, for the case's department, acknowledged by whom and when.
On PostgreSQL:
- console_run_escalations(now, cutoffs): the pass, SECURITY DEFINER as the owner, every group
  may call it (every console does, each minute; the service command too); partial indexes on
  the at-risk and due times of open cases, so that it reads no closed history;
- the actor stamp, the case guard and the history kind guard let the owner's functions through,
  and the kind guard refuses 'sla_escalated' from anyone else;
- alerts: row security (dispatchers, supervisors: their departments' alerts; admins: all),
  acknowledgement is an UPDATE of acknowledged_by (the session's login, by trigger) and
  acknowledged_at only; each statement that adds or acknowledges alerts notifies `alerts`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_console.domain.permissions import Role
from operator_console.services.escalation.alerts import ALERTED_ROLES
from operator_console.storage.db import grants
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.roles import GROUP_ROLE
from operator_console.storage.db.types import UtcDateTime
from operator_console.storage.escalation import pass_sql

revision = "0012_sla_escalation"
down_revision = "0011_case_search"
branch_labels = None
depends_on = None

_ALERTED = ", ".join(GROUP_ROLE[role] for role in Role if role in ALERTED_ROLES)
_THEIR_DEPARTMENTS = (
    "console_session_role() = 'admin' OR department_id = ANY (console_session_departments())"
)
_ROW_SECURITY = f"""
ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY alerts_read ON alerts FOR SELECT TO {_ALERTED} USING ({_THEIR_DEPARTMENTS});
CREATE POLICY alerts_acknowledge ON alerts FOR UPDATE TO {_ALERTED}
    USING ({_THEIR_DEPARTMENTS}) WITH CHECK ({_THEIR_DEPARTMENTS});
"""
_TABLES = ("escalation_rules", *grants.ALERT_TABLES)


def upgrade() -> None:
    op.create_table(
        "escalation_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sla_policy_id", sa.Integer(), nullable=True),
        sa.Column("trigger", sa.String(length=12), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("queue_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.CheckConstraint(
            "trigger IN ('at_risk', 'overdue', 'overdue_by')",
            name=op.f("ck_escalation_rules_trigger"),
        ),
        sa.CheckConstraint(
            "action IN ('notify', 'raise_priority', 'move_queue')",
            name=op.f("ck_escalation_rules_action"),
        ),
        sa.CheckConstraint(
            "trigger <> 'overdue_by' OR hours > 0", name=op.f("ck_escalation_rules_hours")
        ),
        sa.CheckConstraint(
            "action <> 'move_queue' OR queue_id IS NOT NULL",
            name=op.f("ck_escalation_rules_queue"),
        ),
        sa.ForeignKeyConstraint(
            ["queue_id"], ["queues.id"], name=op.f("fk_escalation_rules_queue_id_queues")
        ),
        sa.ForeignKeyConstraint(
            ["sla_policy_id"],
            ["sla_policies.id"],
            name=op.f("fk_escalation_rules_sla_policy_id_sla_policies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_rules")),
    )
    op.create_table(
        "escalations_fired",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("fired_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["service_requests.id"],
            name=op.f("fk_escalations_fired_request_id_service_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["escalation_rules.id"],
            name=op.f("fk_escalations_fired_rule_id_escalation_rules"),
        ),
        sa.PrimaryKeyConstraint("request_id", "rule_id", name=op.f("pk_escalations_fired")),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=80), nullable=True),
        sa.Column("acknowledged_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_alerts_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["service_requests.id"],
            name=op.f("fk_alerts_request_id_service_requests"),
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["escalation_rules.id"], name=op.f("fk_alerts_rule_id_escalation_rules")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_alerts_open", ["department_id", "acknowledged_at", "id"], unique=False
        )
        batch_op.create_index("ix_alerts_request", ["request_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        _in_the_database()


def _in_the_database() -> None:
    for function in (
        sql.ACTOR_TRIGGER_FUNCTION,
        sql.REQUEST_GUARD_FUNCTION,
        sql.EVENT_GUARD_FUNCTION,
    ):
        op.execute(function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    for name, definition in pass_sql.SLA_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON service_requests {definition}")
    op.execute(pass_sql.PASS_FUNCTION_0012)
    op.execute(f"REVOKE ALL ON FUNCTION {pass_sql.PASS_FUNCTION_NAME_0012} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {pass_sql.PASS_FUNCTION_NAME_0012} TO {sql.GROUPS}")
    op.execute(pass_sql.ALERT_ACTOR_FUNCTION)
    op.execute(pass_sql.ALERT_NOTIFY_FUNCTION)
    for function in ("console_alert_acknowledged()", "console_announce_alerts()"):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER alerts_acknowledged_by BEFORE UPDATE ON alerts FOR EACH ROW "
        "EXECUTE FUNCTION console_alert_acknowledged()"
    )
    op.execute(
        "CREATE TRIGGER alerts_announce AFTER INSERT OR UPDATE ON alerts FOR EACH STATEMENT "
        "EXECUTE FUNCTION console_announce_alerts()"
    )
    op.execute(_ROW_SECURITY)
    op.execute(f"REVOKE ALL ON {', '.join(_TABLES)} FROM PUBLIC, {sql.GROUPS}")
    for role in Role:
        for statement in grants.grant_statements(role, _TABLES):
            op.execute(statement)
        for table in ("escalation_rules", "alerts"):
            if table in grants.inserted_tables(role):
                op.execute(f"GRANT USAGE ON SEQUENCE {table}_id_seq TO {GROUP_ROLE[role]}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {pass_sql.PASS_FUNCTION_NAME_0012}")
        for name in pass_sql.SLA_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute("DROP TRIGGER IF EXISTS alerts_announce ON alerts")
        op.execute("DROP TRIGGER IF EXISTS alerts_acknowledged_by ON alerts")
        op.execute("DROP FUNCTION IF EXISTS console_announce_alerts()")
        op.execute("DROP FUNCTION IF EXISTS console_alert_acknowledged()")
    op.drop_table("alerts")
    op.drop_table("escalations_fired")
    op.drop_table("escalation_rules")
