"""The PostgreSQL side of the console's security: roles, session rules, guards, row security."""

from __future__ import annotations

from operator_console.domain.permissions import Role
from operator_console.storage.db import event_kinds
from operator_console.storage.db.event_kinds import EventScope
from operator_console.storage.db.roles import GROUP_ROLE, OWNER_ROLE, PUBLIC_ROLE

GROUPS = ", ".join(GROUP_ROLE.values())
_PAIRS = tuple((role.value, group) for role, group in GROUP_ROLE.items())
GROUP_OF_ROLE_CASES = " ".join(f"WHEN '{role}' THEN '{group}'" for role, group in _PAIRS)
_ROLE_OF_GROUP = " ".join(f"WHEN '{group}' THEN '{role}'" for role, group in _PAIRS)
_RANK_OF_GROUP = " ".join(f"WHEN '{group}' THEN {rank}" for rank, (_, group) in enumerate(_PAIRS))
STAFF_GROUP_LITERALS = ", ".join(f"'{group}'" for group in GROUP_ROLE.values())
_OPTIONAL_ROLES = {OWNER_ROLE: "NOLOGIN CREATEROLE", PUBLIC_ROLE: "NOLOGIN"} | {
    group: "NOLOGIN" for group in GROUP_ROLE.values()
}

CREATE_ROLES = "\n".join(
    f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN
        CREATE ROLE {name} {options};
    END IF;
END $$;"""
    for name, options in _OPTIONAL_ROLES.items()
)
"""The cluster-wide roles, each created only if missing: several databases share them."""

# From PostgreSQL 16 on, CREATEROLE alone no longer lets the owner put logins in groups.
LET_OWNER_GRANT_GROUPS = f"""DO $$ BEGIN
    IF current_setting('server_version_num')::int >= 160000 THEN
        EXECUTE 'GRANT {GROUPS} TO {OWNER_ROLE} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE';
    END IF;
END $$;"""

SESSION_FUNCTIONS = f"""
CREATE FUNCTION console_session_is_owner() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR pg_has_role(session_user, '{OWNER_ROLE}', 'MEMBER')
$$;
CREATE FUNCTION console_session_role() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT CASE g.rolname {_ROLE_OF_GROUP} END
    FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid
    JOIN pg_roles u ON u.oid = m.member
    WHERE u.rolname = session_user AND g.rolname IN ({STAFF_GROUP_LITERALS})
    ORDER BY CASE g.rolname {_RANK_OF_GROUP} END
    LIMIT 1
$$;
CREATE FUNCTION console_described(role text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public AS $$
    SELECT CASE WHEN role IS NULL THEN 'not a staff member'
                WHEN role IN ('operator', 'admin') THEN 'an ' || role ELSE 'a ' || role END
$$;
CREATE FUNCTION console_session_departments() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(DISTINCT q.department_id), '{{}}')
    FROM staff s
    JOIN staff_queues sq ON sq.staff_id = s.id
    JOIN queues q ON q.id = sq.queue_id
    WHERE s.login = session_user AND s.active
$$;
CREATE FUNCTION console_queue_department(queue integer) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT department_id FROM queues WHERE id = queue
$$;
"""
SESSION_FUNCTION_NAMES = (
    "console_session_is_owner()",
    "console_session_role()",
    "console_described(text)",
    "console_session_departments()",
    "console_queue_department(integer)",
)

OWNER_AT_WORK = f"(current_user = '{OWNER_ROLE}' OR console_session_is_owner())"
"""The SQL condition: the owner's session, or a function of the owner's (SECURITY DEFINER, like
the escalation pass) at work in any session: the guards and the actor stamp let it through."""

ACTOR_TRIGGER_FUNCTION = f"""
CREATE FUNCTION console_set_actor() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT {OWNER_AT_WORK} THEN
        NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user::text));
    END IF;
    RETURN NEW;
END;
$$;
"""
ACTOR_COLUMNS = {
    "request_events": "actor",
    "service_requests": "created_by",
    "attachments": "created_by",
    "request_followers": "added_by",
    "staff_events": "actor",
}
"""Table -> the column that names who wrote the row: the session's login, whatever was sent
(the owner and superusers keep what they send: the demo seed and imports write history, and
the escalation pass names the SLA clock)."""

HISTORY_TRIGGER_FUNCTION = """
CREATE FUNCTION console_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    IF console_session_is_owner() THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'The history in % is append-only: its entries cannot be changed or deleted',
        TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
"""

# search_words: generated from the address and description (PostgreSQL, migration 0011), not
# yet computed in a BEFORE trigger's NEW.
_TOUCH_COLUMNS = (
    "ARRAY['version', 'updated_at', 'first_action_at', 'callers_count', 'calls_count', "
    "'search_words']"
)
_REROUTE_FIELDS = (
    "service_id",
    "lat",
    "lon",
    "address",
    "address_id",
    "district_id",
    "routing_explanation",
    "due_at",
    "at_risk_at",
)


def _fields(row: str, names: tuple[str, ...]) -> str:
    return ", ".join(f"{row}.{name}" for name in names)


def _refuse(why: str) -> str:
    return (
        f"RAISE EXCEPTION '% is %: %', session_user, console_described(who), {why} "
        "USING ERRCODE = 'insufficient_privilege';"
    )


def _outside_departments(queue: str) -> str:
    """The SQL condition: the case in `queue` belongs to a department none of the session's."""
    return (
        f"{queue} IS NOT NULL AND NOT coalesce(console_queue_department({queue})\n"
        "            = ANY (console_session_departments()), false)"
    )


REQUEST_GUARD_FUNCTION = f"""
CREATE FUNCTION console_guard_request_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    who text;
BEGIN
    IF {OWNER_AT_WORK} THEN
        RETURN NEW;
    END IF;
    IF (to_jsonb(NEW) - {_TOUCH_COLUMNS}) = (to_jsonb(OLD) - {_TOUCH_COLUMNS}) THEN
        RETURN NEW;  -- a note or a caller: any case, by anyone who may write them
    END IF;
    who := console_session_role();
    IF who = 'admin' THEN
        RETURN NEW;
    END IF;
    IF who IS NULL OR who NOT IN ('dispatcher', 'supervisor') THEN
        {_refuse("format('only dispatchers, supervisors and admins change %s', OLD.reference)")}
    END IF;
    IF {_outside_departments("OLD.queue_id")} THEN
        {
    _refuse(
        "format('%s is in the queue of a department whose cases this login may not "
        "change', OLD.reference)"
    )
}
    END IF;
    IF who = 'supervisor' THEN
        RETURN NEW;
    END IF;
    IF NEW.priority IS DISTINCT FROM OLD.priority THEN
        {_refuse("format('only supervisors and admins change the priority of %s', OLD.reference)")}
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
            AND (NEW.status IN ('resolved', 'closed') OR OLD.status IN ('resolved', 'closed')) THEN
        {
    _refuse("format('only supervisors and admins resolve, close or reopen %s', OLD.reference)")
}
    END IF;
    IF ({_fields("NEW", _REROUTE_FIELDS)}) IS DISTINCT FROM ({_fields("OLD", _REROUTE_FIELDS)}) THEN
        {_refuse("format('only supervisors and admins re-route %s', OLD.reference)")}
    END IF;
    IF (NEW.parent_id, NEW.closure_reason, NEW.closure_note)
            IS DISTINCT FROM (OLD.parent_id, OLD.closure_reason, OLD.closure_note) THEN
        {_refuse("format('only supervisors and admins mark %s as a duplicate', OLD.reference)")}
    END IF;
    RETURN NEW;
END;
$$;
"""
"""Who may change what in a case, beyond the column grants: everyone with a case grant may
bump its version (notes, callers); otherwise admins anything, supervisors anything in a case
of their departments (or with no queue), dispatchers there only what assigning and field-state
moves change; the rest is refused with the reason."""

REQUEST_FILING_GUARD_FUNCTION = f"""
CREATE FUNCTION console_guard_request_filing() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    who text;
BEGIN
    IF console_session_is_owner() THEN
        RETURN NEW;
    END IF;
    who := console_session_role();
    IF (who IS NULL OR who NOT IN ('supervisor', 'admin'))
            AND EXISTS (SELECT FROM services WHERE id = NEW.service_id AND staff_only) THEN
        {_refuse("'only supervisors and admins file requests in staff-only services'")}
    END IF;
    RETURN NEW;
END;
$$;
"""
"""Operators and dispatchers file no request in a staff-only service."""


def _listed(roles: tuple[Role, ...]) -> str:
    names = [f"{role.value}s" for role in roles]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _event_rule(kind: str, scope: EventScope) -> str:
    roles = event_kinds.writers(kind)
    writers = ", ".join(f"'{role.value}'" for role in roles)
    return f"('{kind}', ARRAY[{writers}], '{_listed(roles)}', '{scope.value}')"


_EVENT_RULES = ",\n        ".join(
    _event_rule(kind, rule.scope) for kind, rule in event_kinds.BY_KIND.items()
)
_DATABASE_KINDS = "\n    ".join(
    f"""IF NEW.kind = '{kind}' THEN
        {_refuse(f"'history events of kind {kind} are written only by {words}'")}
    END IF;"""
    for kind, words in event_kinds.BY_THE_DATABASE.items()
)

EVENT_GUARD_FUNCTION = f"""
CREATE FUNCTION console_guard_request_event() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    who text;
    rule record;
    target record;
BEGIN
    IF {OWNER_AT_WORK} THEN
        RETURN NEW;
    END IF;
    who := console_session_role();
    {_DATABASE_KINDS}
    SELECT k.writers, k.words, k.scope INTO rule
    FROM (VALUES
        {_EVENT_RULES}
    ) AS k(kind, writers, words, scope)
    WHERE k.kind = NEW.kind;
    IF NOT FOUND THEN
        {_refuse("format('no console action writes history events of kind %L', NEW.kind)")}
    END IF;
    IF who IS NULL OR NOT who = ANY (rule.writers) THEN
        {_refuse("format('only %s write history events of kind %L', rule.words, NEW.kind)")}
    END IF;
    IF rule.scope = '{EventScope.ANY_CASE.value}' THEN
        RETURN NEW;
    END IF;
    SELECT r.reference, r.queue_id, r.created_by INTO target
    FROM service_requests r WHERE r.id = NEW.request_id;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key refuses an event of no request
    END IF;
    IF rule.scope = '{EventScope.OWN_FILING.value}'
            AND target.created_by IS DISTINCT FROM session_user::text THEN
        {
    _refuse(
        "format('history events of kind %L go only on a request this login filed, and %s is "
        "not one', NEW.kind, target.reference)"
    )
}
    END IF;
    IF rule.scope = '{EventScope.DEPARTMENT.value}' AND who <> 'admin'
            AND {_outside_departments("target.queue_id")} THEN
        {
    _refuse(
        "format('%s is in the queue of a department whose cases this login may not change, so "
        "it takes no history event of kind %L from it', target.reference, NEW.kind)"
    )
}
    END IF;
    RETURN NEW;
END;
$$;
"""
"""Each group writes only the history event kinds of its actions (event_kinds.BY_KIND), and
each kind only on the cases it may go on: intake's on a request the login filed, a case
change's on a case the login may change, as the case row's guard decides."""
TRIGGER_FUNCTIONS = (
    "console_guard_request_update()",
    "console_guard_request_filing()",
    "console_guard_request_event()",
    "console_refuse_history_change()",
    "console_set_actor()",
)

ROW_SECURITY = f"""
ALTER TABLE service_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_requests_read ON service_requests FOR SELECT TO {GROUPS} USING (true);
CREATE POLICY service_requests_file ON service_requests FOR INSERT TO {GROUPS}
    WITH CHECK (created_by = session_user::text);
CREATE POLICY service_requests_change ON service_requests FOR UPDATE TO {GROUPS}
    USING (true) WITH CHECK (true);
"""
"""Every group reads every case and files new ones as itself; no policy lets anyone DELETE.
Which case a group may change, and how, is the guard trigger's: a note or a caller on a case
of any department changes the case's version, which a policy cannot tell from other changes."""
POLICIES = ("service_requests_read", "service_requests_file", "service_requests_change")

PUBLIC_VIEWS = """
CREATE VIEW public_service_requests WITH (security_barrier) AS
SELECT r.id, r.reference, s.code AS service_code, s.name AS service_name, r.status,
       r.description, r.address, r.lat, r.lon, d.name AS agency_responsible,
       r.created_at, r.updated_at, r.due_at, r.closed_at
FROM service_requests r
JOIN services s ON s.id = r.service_id
LEFT JOIN queues q ON q.id = r.queue_id
LEFT JOIN departments d ON d.id = q.department_id
WHERE NOT s.staff_only;
CREATE VIEW public_request_events WITH (security_barrier) AS
SELECT e.id, r.reference, e.at, e.kind, e.from_value, e.to_value, e.reason
FROM request_events e
JOIN service_requests r ON r.id = e.request_id
JOIN services s ON s.id = r.service_id
WHERE e.public AND NOT s.staff_only;
"""
"""What the public may know: no caller, no staff, no internal note, no staff-only service."""
VIEWS = ("public_request_events", "public_service_requests")
