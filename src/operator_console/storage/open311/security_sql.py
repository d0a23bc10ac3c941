"""The Open311 server's database role: what it may file and read, and as whom it is recorded."""

from __future__ import annotations

from operator_console.domain.permissions import Action
from operator_console.storage.db import event_kinds
from operator_console.storage.db import security_sql as sql
from operator_console.storage.db.grants import CALLER_COLUMNS, CONFIGURATION_TABLES
from operator_console.storage.db.roles import OPEN311_ROLE

CLIENT_SETTING = "operator_console.open311_client"
"""The session setting, local to a transaction, that names the client application filing."""
ACTOR_PREFIX = "open311:"

CREATE_ROLE = f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OPEN311_ROLE}') THEN
        CREATE ROLE {OPEN311_ROLE} NOLOGIN;
    END IF;
END $$;"""

_INTAKE_KINDS = ", ".join(
    f"'{kind}'" for kind, rule in event_kinds.BY_KIND.items() if rule.action is Action.SUBMIT_INTAKE
)


def session_functions(callers_sequence: str) -> str:
    """Who the session files as, and the one caller row an Open311 session may see: the last
    it added (`callers_sequence`'s current value in the session)."""
    return f"""
CREATE FUNCTION console_session_is_open311() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT FROM pg_auth_members m
        JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = session_user AND g.rolname = '{OPEN311_ROLE}')
$$;
CREATE FUNCTION console_session_actor() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    client text;
BEGIN
    IF NOT console_session_is_open311() THEN
        RETURN session_user::text;
    END IF;
    client := nullif(current_setting('{CLIENT_SETTING}', true), '');
    IF client IS NULL OR NOT EXISTS (
            SELECT FROM open311_clients WHERE name = client AND revoked_at IS NULL) THEN
        RAISE EXCEPTION '% files Open311 requests only for a client application whose key is '
            'not revoked, and {CLIENT_SETTING} names %', session_user,
            coalesce(quote_literal(client), 'none') USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN '{ACTOR_PREFIX}' || client;
END;
$$;
CREATE FUNCTION console_open311_new_caller() RETURNS integer
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public AS $$
BEGIN
    RETURN currval('{callers_sequence}');
EXCEPTION WHEN object_not_in_prerequisite_state THEN
    RETURN NULL;
END;
$$;
"""


FUNCTION_NAMES = (
    "console_session_is_open311()",
    "console_session_actor()",
    "console_open311_new_caller()",
)


def _patched(function: str, old: str, new: str) -> str:
    if old not in function:
        raise ValueError(f"the function no longer contains {old!r}")
    return function.replace(old, new)


def _replacing(function: str) -> str:
    return function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


ACTOR_TRIGGER_FUNCTION = _replacing(
    _patched(sql.ACTOR_TRIGGER_FUNCTION, "session_user::text", "console_session_actor()")
)
"""The actor stamp: an Open311 session's rows name the client application."""

EVENT_GUARD_FUNCTION = _replacing(
    _patched(
        _patched(
            sql.EVENT_GUARD_FUNCTION,
            "target.created_by IS DISTINCT FROM session_user::text",
            "target.created_by IS DISTINCT FROM console_session_actor()",
        ),
        "    who := console_session_role();\n",
        f"""    who := console_session_role();
    IF who IS NULL AND console_session_is_open311() THEN
        IF NEW.kind NOT IN ({_INTAKE_KINDS}) THEN
            RAISE EXCEPTION '% files Open311 requests: it writes no history events of kind %',
                session_user, NEW.kind USING ERRCODE = 'insufficient_privilege';
        END IF;
        who := 'operator';  -- intake's events, on a request its client filed (checked below)
    END IF;
""",
    )
)
"""The history guard: an Open311 session writes intake's events on its own filings only."""

ROW_SECURITY = f"""
CREATE POLICY service_requests_open311_read ON service_requests FOR SELECT TO {OPEN311_ROLE}
    USING (true);
CREATE POLICY service_requests_open311_file ON service_requests FOR INSERT TO {OPEN311_ROLE}
    WITH CHECK (created_by = console_session_actor());
ALTER TABLE callers ENABLE ROW LEVEL SECURITY;
CREATE POLICY callers_every_row ON callers FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY callers_open311_read ON callers AS RESTRICTIVE FOR SELECT TO {OPEN311_ROLE}
    USING (id = console_open311_new_caller());
CREATE POLICY callers_open311_change ON callers AS RESTRICTIVE FOR UPDATE TO {OPEN311_ROLE}
    USING (id = console_open311_new_caller());
"""
"""Open311 sessions file requests as their client and read cases (routing, duplicates); of
the callers they see only the row they added last, so a phone number posted again never
reaches another resident's details."""
POLICIES = {
    "service_requests": ("service_requests_open311_read", "service_requests_open311_file"),
    "callers": ("callers_every_row", "callers_open311_read", "callers_open311_change"),
}

GRANTS = (
    *(f"GRANT SELECT ON {table} TO {OPEN311_ROLE}" for table in CONFIGURATION_TABLES),
    f"GRANT SELECT, INSERT ON service_requests TO {OPEN311_ROLE}",
    f"GRANT INSERT, SELECT (id, phone), UPDATE ({', '.join(sorted(CALLER_COLUMNS))}) "
    f"ON callers TO {OPEN311_ROLE}",
    f"GRANT INSERT ON request_followers, request_events, notification_outbox TO {OPEN311_ROLE}",
    # An insert's RETURNING of the new key: the ids, never a row's contents.
    f"GRANT SELECT (id) ON request_events, notification_outbox TO {OPEN311_ROLE}",
    f"GRANT SELECT (id, request_id, content_type, thumbnail, content) ON attachments "
    f"TO {OPEN311_ROLE}",
    f"GRANT SELECT, INSERT, UPDATE (last_value) ON reference_counters TO {OPEN311_ROLE}",
    f"GRANT SELECT (id, name, key_prefix, key_hash, channel, per_minute, revoked_at) "
    f"ON open311_clients TO {OPEN311_ROLE}",
    f"GRANT SELECT, INSERT, UPDATE (requests) ON open311_usage TO {OPEN311_ROLE}",
    f"GRANT SELECT, INSERT ON open311_submissions TO {OPEN311_ROLE}",
    f"GRANT SELECT ON {', '.join(sql.VIEWS)} TO {OPEN311_ROLE}",
    f"GRANT SELECT ON alembic_version TO {OPEN311_ROLE}",  # the server checks the schema first
)
"""What filing a request (intake, its duplicate candidates) and the public reads need."""
INSERTED_TABLES = (
    "service_requests",
    "callers",
    "request_events",
    "notification_outbox",
)
"""Tables with a serial key the role inserts into: it needs their sequences."""

PUBLIC_VIEWS = """
CREATE OR REPLACE VIEW public_service_requests WITH (security_barrier) AS
SELECT r.id, r.reference, s.code AS service_code, s.name AS service_name, r.status,
       r.description, r.address, r.lat, r.lon, d.name AS agency_responsible,
       r.created_at, r.updated_at, r.due_at, r.closed_at,
       p.reference AS parent_reference, r.closure_reason, r.resolved_at, r.channel,
       a.zipcode, s.notice AS service_notice, o.token, o.media_url
FROM service_requests r
JOIN services s ON s.id = r.service_id
LEFT JOIN queues q ON q.id = r.queue_id
LEFT JOIN departments d ON d.id = q.department_id
LEFT JOIN service_requests p ON p.id = r.parent_id
LEFT JOIN addresses a ON a.id = r.address_id
LEFT JOIN open311_submissions o ON o.request_id = r.id
WHERE NOT s.staff_only;
"""
"""The public record of a case, as before, and now also the reference of the case it was
merged into, its closure reason, when it was resolved, the channel it came by, its zip code,
the service's notice, and an Open311 submission's token and photo address."""
