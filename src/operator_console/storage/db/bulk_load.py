"""Bulk loads on PostgreSQL: the setting that declares one and the notification it sends."""

from __future__ import annotations

import json

from operator_console.storage.db.roles import OWNER_ROLE

SETTING = "console.bulk_load"
DECLARE = f"SET LOCAL {SETTING} = 'on'"
"""Run first in a transaction of the owner's: its rows send no notification of their own."""
CHANNEL = "request_changes"
BULK_KIND = "bulk"
ANNOUNCE = "SELECT pg_notify(%(channel)s, %(payload)s)"
"""Run last in a bulk-load transaction (psycopg parameters: `announcement(rows)`)."""


def bulk_payload(rows: int) -> str:
    """The one `request_changes` payload of a bulk load that wrote `rows` requests."""
    return json.dumps({"kind": BULK_KIND, "rows": rows})


def announcement(rows: int) -> dict[str, str]:
    """The parameters of `ANNOUNCE` for a bulk load that wrote `rows` requests."""
    return {"channel": CHANNEL, "payload": bulk_payload(rows)}


OWNER_CHECK_FUNCTION = f"""
CREATE OR REPLACE FUNCTION console_session_is_owner() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.pg_has_role(session_user, '{OWNER_ROLE}', 'MEMBER')
$$;
"""
"""The session's login is the owner, a member of it or a superuser (a superuser is a member of
every role). Schema-qualified and without a SET clause, so that the planner inlines it where it
is called: the row triggers of a bulk load pay no function call for it."""

NOTIFY_TRIGGER = f"""
CREATE TRIGGER service_requests_notify
AFTER INSERT OR UPDATE OR DELETE ON service_requests
FOR EACH ROW
WHEN (current_setting('{SETTING}', true) IS DISTINCT FROM 'on' OR NOT console_session_is_owner())
EXECUTE FUNCTION notify_request_change()
"""
"""One notification a row, except in a bulk load of the owner's: an ordinary login that sets
the setting still announces every row."""
