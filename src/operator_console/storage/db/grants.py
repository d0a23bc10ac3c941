"""What each console group may do to each table, derived from the permissions table."""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping

from operator_console.domain.permissions import ALLOWED, Action, Role
from operator_console.storage.db.roles import GROUP_ROLE

Columns = frozenset[str] | None
"""The columns a privilege covers; None: the whole table."""
TablePrivileges = dict[str, dict[str, Columns]]
"""table -> privilege (SELECT, INSERT, UPDATE, DELETE) -> columns."""

CONFIGURATION_TABLES = (
    "city",
    "business_calendars",
    "calendar_closures",
    "departments",
    "queues",
    "sla_policies",
    "services",
    "service_attributes",
    "districts",
    "routing_rules",
    "addresses",
    "escalation_rules",
)
STAFF_TABLES = ("staff", "staff_queues")
HISTORY_TABLES = ("request_events", "staff_events")
"""Append-only: no group may UPDATE or DELETE them; a trigger refuses it to everyone else."""
AUDIT_TABLES = ("config_events",)
"""Append-only like the history tables (from migration 0010): who changed the configuration."""
OWN_ROWS_TABLES = ("saved_searches",)
"""Every group reads, adds and deletes rows there; row security limits it to its own rows (and
those shared with its departments, read only), from migration 0011."""
READ_BY_EVERY_GROUP = (
    *CONFIGURATION_TABLES,
    *AUDIT_TABLES,
    *STAFF_TABLES,
    "alembic_version",
    "callers",
    "service_requests",
    "request_followers",
    "request_events",
    "attachments",
    "notification_outbox",
    "reference_counters",
)

CASE_COLUMNS = frozenset(
    {
        "status",
        "priority",
        "service_id",
        "queue_id",
        "assignee_id",
        "lat",
        "lon",
        "address",
        "address_id",
        "district_id",
        "routed_at",
        "first_action_at",
        "assigned_at",
        "resolved_at",
        "closed_at",
        "due_at",
        "at_risk_at",
        "closure_reason",
        "closure_note",
        "routing_explanation",
        "updated_at",
        "version",
    }
)
"""What a case action writes: every mutable column at once (the guard trigger checks which
really change)."""
CALLER_COLUMNS = frozenset({"name", "email", "language", "preferred_channel", "no_messages"})
RESEND_COLUMNS = frozenset(
    {
        "recipient",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "claimed_until",
        "resent_by",
        "resent_at",
    }
)
"""What correcting an undelivered message's address and sending it again writes (0014)."""
NOTIFIER_PRIVILEGES: TablePrivileges = {
    "notification_outbox": {
        "SELECT": None,
        "UPDATE": frozenset(
            {
                "status",
                "attempts",
                "last_error",
                "sent_at",
                "next_attempt_at",
                "claimed_by",
                "claimed_until",
                "provider_message_id",
            }
        ),
    },
}
"""The notifier's login (group console_notifier, 0014): it reads the outbox and records each
delivery, and sees nothing else."""
ALERT_TABLES = ("alerts", "escalations_fired")
"""Read by dispatchers, supervisors and admins (alerts: row security keeps them to their
departments'); written by the escalation pass, which runs as the owner."""
_ALERTS: TablePrivileges = {
    "alerts": {"SELECT": None, "UPDATE": frozenset({"acknowledged_by", "acknowledged_at"})},
    "escalations_fired": {"SELECT": None},
}

_INTAKE: TablePrivileges = {
    "service_requests": {"INSERT": None},
    "callers": {"INSERT": None, "UPDATE": CALLER_COLUMNS},
    "request_followers": {"INSERT": None},
    "request_events": {"INSERT": None},
    "attachments": {"INSERT": None},
    "notification_outbox": {"INSERT": None},
    "reference_counters": {"INSERT": None, "UPDATE": frozenset({"last_value"})},
}
_CASE_WRITE: TablePrivileges = {
    "service_requests": {"UPDATE": CASE_COLUMNS},
    "request_events": {"INSERT": None},
    "notification_outbox": {"INSERT": None},
}

_LOG_CALL: TablePrivileges = {
    "service_requests": {"UPDATE": CASE_COLUMNS | {"calls_count"}},
    "request_events": {"INSERT": None},
    "notification_outbox": {"INSERT": None},
}
"""A note or a status call: a status call also counts itself on the case."""

_CONFIGURE: TablePrivileges = {
    table: {"INSERT": None, "UPDATE": None, "DELETE": None} for table in CONFIGURATION_TABLES
}
_CONFIGURE.update({table: {"INSERT": None} for table in AUDIT_TABLES})

BY_ACTION: Mapping[Action, TablePrivileges] = {
    Action.SUBMIT_INTAKE: _INTAKE,
    Action.ADD_CALLER: {
        "service_requests": {"UPDATE": frozenset({"version", "updated_at", "callers_count"})},
        "callers": {"INSERT": None, "UPDATE": CALLER_COLUMNS},
        "request_followers": {"INSERT": None},
        "request_events": {"INSERT": None},
        "notification_outbox": {"INSERT": None},
    },
    Action.ADD_NOTE: _LOG_CALL,
    Action.ASSIGN: _CASE_WRITE | _ALERTS,
    Action.MOVE: _CASE_WRITE,
    Action.CHANGE_PRIORITY: _CASE_WRITE,
    Action.ESCALATE: _CASE_WRITE,
    Action.RESOLVE: _CASE_WRITE,
    Action.CLOSE: _CASE_WRITE,
    Action.REOPEN: _CASE_WRITE,
    Action.REROUTE: _CASE_WRITE,
    Action.MARK_DUPLICATE: {
        "service_requests": {"UPDATE": CASE_COLUMNS | {"parent_id"}},
        "request_followers": {"INSERT": None, "DELETE": None},
        "request_events": {"INSERT": None},
        "notification_outbox": {"INSERT": None},
    },
    Action.FILE_STAFF_ONLY: _INTAKE,
    Action.CONFIGURE: _CONFIGURE,
    Action.RESEND_MESSAGE: {
        "notification_outbox": {"UPDATE": RESEND_COLUMNS},
        "callers": {"UPDATE": CALLER_COLUMNS},
    },
    Action.MANAGE_STAFF: {
        "staff": {"UPDATE": frozenset({"display_name", "email"})},
        "staff_queues": {"INSERT": None, "DELETE": None},
        "staff_events": {"SELECT": None},
    },
}
"""Action -> what it writes, table by table: the grants are the union over a role's actions.
Staff are added, change role, are disabled and enabled only through the staff functions."""


def privileges(role: Role) -> TablePrivileges:
    """Everything the group of `role` is granted, table by table."""
    granted: TablePrivileges = {table: {"SELECT": None} for table in READ_BY_EVERY_GROUP}
    for table in OWN_ROWS_TABLES:
        granted[table] = {"SELECT": None, "INSERT": None, "DELETE": None}
    for action in sorted(ALLOWED[role]):
        for table, wanted in BY_ACTION.get(action, {}).items():
            held = granted.setdefault(table, {})
            for privilege, columns in wanted.items():
                held[privilege] = _union(held.get(privilege, frozenset()), columns)
    return granted


def grant_statements(
    role: Role,
    tables: Container[str] | None = None,
    existing_columns: Mapping[str, Collection[str]] | None = None,
) -> list[str]:
    """The GRANT statements that give the group of `role` its privileges (on `tables` only);
    with `existing_columns` (table -> its columns), columns a later migration adds are left
    out."""
    group = GROUP_ROLE[role]
    statements = []
    for table, held in sorted(privileges(role).items()):
        if tables is not None and table not in tables:
            continue
        for privilege, columns in sorted(held.items()):
            if columns is not None and existing_columns is not None:
                columns = columns & frozenset(existing_columns.get(table, ()))
                if not columns:
                    continue
            listed = "" if columns is None else f" ({', '.join(sorted(columns))})"
            statements.append(f"GRANT {privilege}{listed} ON {table} TO {group}")
    return statements


def inserted_tables(role: Role) -> list[str]:
    """The tables the group of `role` inserts into (their sequences need USAGE)."""
    return sorted(table for table, held in privileges(role).items() if "INSERT" in held)


def _union(held: Columns, wanted: Columns) -> Columns:
    if held is None or wanted is None:
        return None
    return held | wanted
