"""The staff functions: adding staff with their login, changing role, disabling, who is signed in.

They run as the owner (SECURITY DEFINER, fixed search_path): only the owner may create and alter
roles, and each function checks that its caller is an administrator and the login a plain one.
"""

from __future__ import annotations

from operator_console.storage.db.security_sql import GROUP_OF_ROLE_CASES, STAFF_GROUP_LITERALS

STAFF_FUNCTIONS = f"""
CREATE FUNCTION console_group_of(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public AS $$
DECLARE
    group_name text := CASE p_role {GROUP_OF_ROLE_CASES} END;
BEGIN
    IF group_name IS NULL THEN
        RAISE EXCEPTION 'Unknown staff role %: use operator, dispatcher, supervisor or admin',
            quote_literal(coalesce(p_role, 'NULL')) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN group_name;
END;
$$;
CREATE FUNCTION console_groups_of(p_login text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(g.rolname::text), '{{}}')
    FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid
    JOIN pg_roles u ON u.oid = m.member
    WHERE u.rolname = p_login AND g.rolname IN ({STAFF_GROUP_LITERALS})
$$;
CREATE FUNCTION console_plain_login(p_login text) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public AS $$
DECLARE
    found_role pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO found_role FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF found_role.rolsuper OR found_role.rolcreaterole OR found_role.rolreplication
            OR found_role.rolbypassrls OR p_login LIKE 'console\\_%'
            OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       WHERE m.member = found_role.oid
                         AND g.rolname NOT IN ({STAFF_GROUP_LITERALS})) THEN
        RAISE EXCEPTION 'The database role % is not a plain login (a superuser, a role with '
            'CREATEROLE, REPLICATION or BYPASSRLS, one of the console''s own roles, or a member '
            'of other roles): the console does not manage it', p_login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN true;
END;
$$;
CREATE FUNCTION console_staff_event(p_kind text, p_login text, p_from text, p_to text)
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public AS $$
    INSERT INTO staff_events (at, actor, kind, login, from_value, to_value)
    VALUES (clock_timestamp(), session_user, p_kind, p_login, p_from, p_to)
$$;
CREATE FUNCTION console_staff_role(p_login text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public AS $$
DECLARE
    staff_role text;
BEGIN
    SELECT role INTO staff_role FROM staff WHERE login = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'No staff member has the login %', quote_literal(coalesce(p_login, 'NULL'))
            USING ERRCODE = 'no_data_found';
    END IF;
    RETURN staff_role;
END;
$$;

CREATE FUNCTION console_check_verifier(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_password IS NOT NULL AND p_password NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'The password for % must be a SCRAM-SHA-256 verifier computed by the '
            'client, never the password itself', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
END;
$$;

CREATE FUNCTION console_take_login(p_login text, p_group text, p_password text,
                                   p_may_connect text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    outcome text := 'created';
BEGIN
    IF console_plain_login(p_login) THEN
        IF cardinality(console_groups_of(p_login)) > 0 THEN
            RAISE EXCEPTION 'The login % exists already in a console group', p_login
                USING ERRCODE = 'unique_violation';
        END IF;
        IF p_password IS NOT NULL THEN
            RAISE EXCEPTION 'The login % exists already: its password stays the database '
                'administrator''s to set', p_login USING ERRCODE = 'insufficient_privilege';
        END IF;
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
        EXECUTE format('ALTER ROLE %I %s', p_login, p_may_connect);
        outcome := 'adopted';
    ELSE
        EXECUTE format('CREATE ROLE %I %s IN ROLE %I', p_login, p_may_connect, p_group);
    END IF;
    IF p_password IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
    END IF;
    RETURN outcome;
END;
$$;

CREATE FUNCTION staff_add(p_login text, p_display_name text, p_role text, p_email text,
                          p_password text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    target_group text := console_group_of(p_role);
    new_id integer;
BEGIN
    IF p_login IS NULL OR p_login = '' OR p_login <> btrim(p_login)
            OR octet_length(p_login) > 63 THEN
        RAISE EXCEPTION 'A login is 1 to 63 bytes without surrounding spaces, not %',
            quote_literal(coalesce(p_login, 'NULL')) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_display_name IS NULL OR btrim(p_display_name) = '' THEN
        RAISE EXCEPTION 'Give % a display name', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM console_check_verifier(p_login, p_password);
    IF EXISTS (SELECT FROM staff WHERE login = p_login) THEN
        RAISE EXCEPTION 'The login % is already a staff member', p_login
            USING ERRCODE = 'unique_violation';
    END IF;
    PERFORM console_take_login(p_login, target_group, p_password, 'LOGIN');
    INSERT INTO staff (login, display_name, role, email, active)
    VALUES (p_login, btrim(p_display_name), p_role, nullif(btrim(p_email), ''), true)
    RETURNING id INTO new_id;
    PERFORM console_staff_event('added', p_login, NULL, p_role);
    RETURN new_id;
END;
$$;

CREATE FUNCTION staff_set_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    target_group text := console_group_of(p_role);
    old_role text := console_staff_role(p_login);
    old_group text;
BEGIN
    IF console_plain_login(p_login) THEN
        FOREACH old_group IN ARRAY console_groups_of(p_login) LOOP
            IF old_group <> target_group THEN
                EXECUTE format('REVOKE %I FROM %I', old_group, p_login);
            END IF;
        END LOOP;
        EXECUTE format('GRANT %I TO %I', target_group, p_login);
    END IF;
    IF old_role IS DISTINCT FROM p_role THEN
        UPDATE staff SET role = p_role WHERE login = p_login;
        PERFORM console_staff_event('role_changed', p_login, old_role, p_role);
    END IF;
END;
$$;

CREATE FUNCTION console_set_staff_active(p_login text, p_active boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    PERFORM console_staff_role(p_login);
    IF console_plain_login(p_login) THEN
        EXECUTE format('ALTER ROLE %I %s', p_login,
                       CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
    UPDATE staff SET active = p_active WHERE login = p_login AND active <> p_active;
    IF FOUND AND p_active THEN
        PERFORM console_staff_event('enabled', p_login, 'disabled', 'active');
    ELSIF FOUND THEN
        PERFORM console_staff_event('disabled', p_login, 'active', 'disabled');
    END IF;
END;
$$;

CREATE FUNCTION staff_disable(p_login text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT console_set_staff_active(p_login, false)
$$;

CREATE FUNCTION staff_enable(p_login text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT console_set_staff_active(p_login, true)
$$;

CREATE FUNCTION staff_whoami()
RETURNS TABLE(login text, display_name text, role text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT s.login::text, s.display_name::text, console_session_role(), s.active
    FROM staff s WHERE s.login = session_user
$$;
"""
"""Staff administration in one transaction each (the login, its group, the staff row and the
history together), as SECURITY DEFINER functions: creating roles needs the owner's CREATEROLE,
which no admin login holds. Passwords arrive as SCRAM verifiers, never in clear."""
STAFF_INTERNAL_FUNCTIONS = (
    "console_group_of(text)",
    "console_groups_of(text)",
    "console_staff_event(text, text, text, text)",
    "console_staff_role(text)",
    "console_plain_login(text)",
    "console_check_verifier(text, text)",
    "console_take_login(text, text, text, text)",
    "console_set_staff_active(text, boolean)",
)
ADMIN_FUNCTIONS = (
    "staff_add(text, text, text, text, text)",
    "staff_set_role(text, text)",
    "staff_disable(text)",
    "staff_enable(text)",
)
EVERY_GROUP_FUNCTIONS = ("staff_whoami()",)
