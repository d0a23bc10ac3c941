"""The PostgreSQL functions that set a staff member's password and give a login to staff without."""

from __future__ import annotations

STAFF_EVENT_KINDS = ("added", "role_changed", "disabled", "enabled", "password_set", "login_given")
"""Every kind of staff history event (migration 0009 adds the last two)."""

STAFF_LOGIN_FUNCTIONS = """
CREATE FUNCTION staff_set_password(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_password IS NULL THEN
        RAISE EXCEPTION 'Give % a password (a SCRAM-SHA-256 verifier)', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM console_check_verifier(p_login, p_password);
    PERFORM console_staff_role(p_login);
    IF NOT console_plain_login(p_login) OR cardinality(console_groups_of(p_login)) = 0 THEN
        RAISE EXCEPTION 'The staff member % has no login in a console group: give them one '
            'first', p_login USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
    PERFORM console_staff_event('password_set', p_login, NULL, NULL);
END;
$$;

CREATE FUNCTION staff_give_login(p_login text, p_password text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    target_group text := console_group_of(console_staff_role(p_login));
    may_connect text;
    outcome text;
BEGIN
    PERFORM console_check_verifier(p_login, p_password);
    SELECT CASE WHEN active THEN 'LOGIN' ELSE 'NOLOGIN' END INTO may_connect
    FROM staff WHERE login = p_login;
    outcome := console_take_login(p_login, target_group, p_password, may_connect);
    PERFORM console_staff_event('login_given', p_login, NULL, outcome);
    RETURN outcome;
END;
$$;
"""
"""A password is set, and a login given, only as a SCRAM verifier computed by the client;
both functions write staff history and run as the owner, who alone may create and alter
roles."""

STAFF_LOGIN_ADMIN_FUNCTIONS = (
    "staff_set_password(text, text)",
    "staff_give_login(text, text)",
)
