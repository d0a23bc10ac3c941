"""Staff without a database login on PostgreSQL: listed as such, given one by `staff add`; a
password is set only by an admin, only as a verifier, and only where logins exist."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.exc import DBAPIError

from operator_console.app.cli import main
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.staff.actions import list_staff, set_password
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import staff
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from tests.db.test_staff_admin import groups_of, history, whoami
from tests.support.staff_logins import login_of, make_staff_login, unique_login, url_as


@pytest.fixture
def superuser(demo_pg_url: str) -> Iterator[Engine]:
    engine = create_engine(demo_pg_url)
    yield engine
    engine.dispose()


@pytest.fixture
def admin_url(demo_pg_url: str) -> str:
    return make_staff_login(demo_pg_url, "admin", display_name="Ada Admin")


def staff_row_without_login(superuser: Engine, role: str = "operator") -> str:
    """A staff row as an import writes it: no database login of that name."""
    login = unique_login("nologin")
    with superuser.begin() as connection:
        connection.execute(
            insert(staff).values(login=login, display_name="Noe Login", role=role, active=True)
        )
    return login


def staff_cli(url: str, *words: str) -> int:
    return main(["--database-url", url, "staff", *words])


def test_a_staff_row_without_a_login_is_listed_so_and_staff_add_creates_it(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = staff_row_without_login(superuser, "dispatcher")
    assert staff_cli(admin_url, "list") == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith(login)]
    assert "no login" in line
    added = staff_cli(
        admin_url, "add", login, "--name", "Noe Login", "--role", "dispatcher", "--no-password"
    )
    assert added == 0, capsys.readouterr().err
    assert (
        f"Noe Login ({login}) was on the staff without a login: Created database login "
        f"'{login}' in the dispatcher group" in capsys.readouterr().out
    )
    assert groups_of(superuser, login) == ["console_dispatcher"]
    assert whoami(url_as(admin_url, login)) == (login, "dispatcher", True)
    assert history(superuser, login) == [("login_given", login_of(admin_url), "created")]
    assert staff_cli(admin_url, "list") == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith(login)]
    assert "no login" not in line and "active" in line


def test_a_plain_login_of_a_staff_row_is_adopted_and_another_role_is_refused(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = staff_row_without_login(superuser)
    with superuser.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    refused = staff_cli(
        admin_url, "add", login, "--name", "Noe Login", "--role", "admin", "--no-password"
    )
    assert refused == 2
    assert "is on the staff already as an operator, without a login" in capsys.readouterr().err
    assert groups_of(superuser, login) == []
    added = staff_cli(
        admin_url, "add", login, "--name", "Noe Login", "--role", "operator", "--no-password"
    )
    assert added == 0, capsys.readouterr().err
    assert "Adopted the existing database login" in capsys.readouterr().out
    assert groups_of(superuser, login) == ["console_operator"]
    assert history(superuser, login) == [("login_given", login_of(admin_url), "adopted")]


def test_the_database_refuses_passwords_to_non_admins_in_clear_and_to_non_staff(
    demo_pg_url: str, admin_url: str, superuser: Engine
) -> None:
    operator_url = make_staff_login(demo_pg_url, "operator")
    target = login_of(make_staff_login(demo_pg_url, "operator"))
    engine = make_engine(operator_url)
    forged = StaffIdentity(login_of(operator_url), "Sneaky", "admin")
    with pytest.raises(
        DatabaseRefusedError, match="permission denied for function staff_set_password"
    ):
        set_password(SqlStaffUnitOfWork(engine), target, "taken over at last", forged)
    with (
        pytest.raises(DBAPIError, match="permission denied for function staff_give_login"),
        engine.begin() as connection,
    ):
        connection.execute(text("SELECT staff_give_login(:login, NULL)"), {"login": target})
    engine.dispose()
    admin = make_engine(admin_url)
    refusals = (
        (target, "in clear text", "must be a SCRAM-SHA-256 verifier computed by the client"),
        ("postgres", "SCRAM-SHA-256$4096:c2FsdA==$a:b", "No staff member has the login"),
    )
    for login, password, refusal in refusals:
        with pytest.raises(DBAPIError, match=refusal), admin.begin() as connection:
            connection.execute(
                text("SELECT staff_set_password(:login, :password)"),
                {"login": login, "password": password},
            )
    admin.dispose()
    assert [kind for kind, _, _ in history(superuser, target)] == ["added"]


def test_a_staff_member_without_a_login_gets_no_password(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = staff_row_without_login(superuser)
    engine = make_engine(admin_url)
    admin = StaffIdentity(login_of(admin_url), "Ada Admin", "admin")
    members = {
        member.login: member for member in list_staff(SqlStaffUnitOfWork(engine), admin).members
    }
    assert members[login].has_login is False
    assert members[login_of(admin_url)].has_login is True
    with pytest.raises(ValueError, match="has no database login: add them again"):
        set_password(SqlStaffUnitOfWork(engine), login, "long enough words", admin)
    engine.dispose()


def test_on_sqlite_set_password_says_there_are_no_passwords_in_one_line(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert staff_cli(demo_sqlite_url, "set-password", "operator1") == 2
    said = capsys.readouterr().err
    assert "no password can be set" in said
    assert len(said.strip().splitlines()) == 1
