"""Migration 0008 on its own: a staff login may not migrate, and the downgrade gives all back."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import (
    GROUP_ROLE,
    NOTIFIER_ROLE,
    OPEN311_ROLE,
    OWNER_ROLE,
    PUBLIC_ROLE,
)
from tests.support.staff_logins import make_staff_login

BEFORE = "0007_open_requests_across_queues"
_OWNERS = text(
    "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class "
    "WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'S')"
)
_ADDED = text(
    "SELECT (SELECT count(*) FROM pg_proc WHERE proname LIKE 'console\\_%' "
    "        OR proname LIKE 'staff\\_%') AS functions, "
    "       (SELECT count(*) FROM pg_views WHERE viewname LIKE 'public\\_%') AS views, "
    "       (SELECT count(*) FROM pg_policies WHERE tablename = 'service_requests') AS policies, "
    "       (SELECT count(*) FROM pg_tables WHERE tablename = 'staff_events') AS tables"
)


def test_a_staff_login_running_db_upgrade_is_told_it_may_not(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin_url = make_staff_login(pg_url, "admin")
    owner = make_engine(pg_url)
    with owner.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{BEFORE}'"))
    owner.dispose()
    assert main(["--database-url", admin_url, "db", "upgrade"]) == 2
    said = capsys.readouterr().err
    assert "may not change the database's schema" in said
    assert f"a member of {OWNER_ROLE} or a superuser" in said
    assert len(said.strip().splitlines()) == 1


def test_the_downgrade_gives_everything_back_and_keeps_the_roles(pg_url: str) -> None:
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        assert set(connection.execute(_OWNERS).scalars()) == {OWNER_ROLE}
        assert tuple(connection.execute(_ADDED).one()) == (38, 2, 5, 1)
    schema.downgrade(engine, BEFORE)
    with engine.connect() as connection:
        assert set(connection.execute(_OWNERS).scalars()) == {"postgres"}
        assert tuple(connection.execute(_ADDED).one()) == (0, 0, 0, 0)
        roles = connection.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'console\\_%'")
        ).scalars()
        assert set(roles) == {
            *GROUP_ROLE.values(),
            OWNER_ROLE,
            NOTIFIER_ROLE,
            OPEN311_ROLE,
            PUBLIC_ROLE,
        }
    schema.upgrade(engine)
    assert schema.is_current(engine)
    with engine.connect() as connection:
        assert set(connection.execute(_OWNERS).scalars()) == {OWNER_ROLE}
    engine.dispose()
