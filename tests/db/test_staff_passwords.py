"""Passwords an administrator sets, and the demo city's staff logins, on a server that asks
for passwords over TCP: the login then connects with the password set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

from operator_console.app.cli import main
from operator_console.domain.permissions import Role
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import staff, staff_events
from tests.db.test_staff_admin import in_terminal
from tests.support.pg_cluster import PgCluster
from tests.support.staff_logins import login_of, make_staff_login

_DATABASE = "oc_staff_passwords"
_NEW_PASSWORD = "a new password for monday"


@pytest.fixture(scope="module")
def password_cluster() -> Iterator[PgCluster]:
    """A server of its own, asking for passwords on 127.0.0.1, with one migrated database;
    its roles (the demo staff's logins among them) stay out of the other tests' server."""
    cluster = PgCluster(max_connections=30, tcp_passwords=True).start()
    try:
        _create_database(cluster, _DATABASE)
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(autouse=True)
def no_password_on_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))


def _create_database(cluster: PgCluster, name: str) -> str:
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    engine = make_engine(cluster.url(name))
    schema.upgrade(engine)
    engine.dispose()
    return cluster.url(name)


def connects(cluster: PgCluster, database: str, login: str, password: str) -> bool:
    """Whether `login` signs in over TCP with `password`; the database's own answer who it is
    checked on the way."""
    engine = create_engine(cluster.tcp_url(database, login), connect_args={"password": password})
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT * FROM staff_whoami()")).one()
        assert row.login == login
        return True
    except OperationalError as exc:
        assert "password authentication failed" in str(exc)
        return False
    finally:
        engine.dispose()


def test_an_admin_sets_a_forgotten_password_and_the_login_connects_with_it(
    password_cluster: PgCluster,
) -> None:
    url = password_cluster.url(_DATABASE)
    admin_url = make_staff_login(url, Role.ADMIN)
    login = login_of(make_staff_login(url, Role.OPERATOR, display_name="Fay Gotten"))
    assert not connects(password_cluster, _DATABASE, login, _NEW_PASSWORD)
    code, said = in_terminal(["set-password", login], [_NEW_PASSWORD, _NEW_PASSWORD], admin_url)
    assert code == 0, said
    assert f"Set a new password for Fay Gotten ({login})." in said
    assert _NEW_PASSWORD not in said  # not echoed
    assert connects(password_cluster, _DATABASE, login, _NEW_PASSWORD)
    assert not connects(password_cluster, _DATABASE, login, "another password")
    engine = make_engine(url)
    e = staff_events.c
    with engine.connect() as connection:
        events = connection.execute(
            select(e.kind, e.actor, e.from_value, e.to_value).where(e.login == login)
        ).all()
    engine.dispose()
    assert events[-1] == ("password_set", login_of(admin_url), None, None)

    code, said = in_terminal(["set-password", login], [_NEW_PASSWORD, "not the same"], admin_url)
    assert code == 2 and "the two passwords differ; nothing was changed" in said
    code, said = in_terminal(["set-password", login], ["short", "short"], admin_url)
    assert code == 2 and "A password must have at least 8 characters." in said
    assert connects(password_cluster, _DATABASE, login, _NEW_PASSWORD)


def test_seed_demo_gives_the_demo_staff_logins_a_password_lets_sign_in(
    password_cluster: PgCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _create_database(password_cluster, "oc_demo_first")
    assert main(["--database-url", first, "db", "seed-demo"]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    engine = make_engine(first)
    with engine.connect() as connection:
        demo_staff = connection.execute(select(staff.c.login).order_by(staff.c.login)).all()
        given = connection.execute(
            select(staff_events.c.login).where(staff_events.c.kind == "login_given")
        ).scalars()
        assert sorted(given) == [login for (login,) in demo_staff]
    engine.dispose()
    assert f"gave {len(demo_staff)} demo staff member(s) a login in their group" in said
    assert "set one with `operator-console staff set-password LOGIN`" in said
    listed = _staff_list(first, capsys)
    assert all("  active" in line for line in listed[1:]), listed

    second = _create_database(password_cluster, "oc_demo_second")
    assert main(["--database-url", second, "db", "seed-demo"]) == 0, capsys.readouterr().err
    assert f"gave 0 demo staff member(s) a login in their group ({len(demo_staff)} had one" in (
        capsys.readouterr().out
    )

    admin_url = first.replace("postgres@", "admin1@")
    code, said = in_terminal(["set-password", "operator1"], [_NEW_PASSWORD] * 2, admin_url)
    assert code == 0, said
    assert connects(password_cluster, "oc_demo_first", "operator1", _NEW_PASSWORD)


def _staff_list(url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--database-url", url, "--staff", "admin1", "staff", "list"]) == 0
    return capsys.readouterr().out.splitlines()
