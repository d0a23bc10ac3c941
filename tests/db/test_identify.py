"""Who is at the console: the database login's staff member and group, never an operator by
default; the departments a dispatcher or supervisor may change."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.storage.db.database import identify, open_database
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.identity import SignInRefusedError
from tests.support.staff_logins import login_of, make_staff_login, unique_login, url_as


def _as_superuser(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


def _with_department(pg_url: str) -> str:
    _as_superuser(
        pg_url,
        "INSERT INTO departments (code, name) VALUES ('PWD', 'Public Works'), "
        "('BTD', 'Transportation'); "
        "INSERT INTO queues (code, name, department_id) "
        "SELECT 'PWD_STREETS', 'Streets', id FROM departments WHERE code = 'PWD'",
    )
    return "PWD"


def _identify(url: str, chosen: str | None = None) -> StaffIdentity:
    database = open_database(url, migrate=False)
    try:
        return identify(database.engine, chosen)
    finally:
        database.engine.dispose()


@pytest.mark.parametrize("role", list(Role))
def test_each_login_is_the_staff_member_of_its_group(pg_url: str, role: Role) -> None:
    department = _with_department(pg_url)
    url = make_staff_login(pg_url, role, departments=[department], display_name="Pat Doe")
    staff = _identify(url, chosen="someone_else")  # a staff login cannot act as another
    assert staff == _expected(login_of(url), role, department)


def _expected(login: str, role: Role, department: str) -> StaffIdentity:
    bound = role in (Role.DISPATCHER, Role.SUPERVISOR)
    return StaffIdentity(login, "Pat Doe", role.value, frozenset({department}) if bound else None)


def test_a_dispatcher_without_queues_may_change_no_department(pg_url: str) -> None:
    staff = _identify(make_staff_login(pg_url, Role.DISPATCHER))
    assert staff.departments == frozenset()


def test_a_login_in_no_console_group_is_refused_not_made_an_operator(pg_url: str) -> None:
    login = unique_login("stranger")
    _as_superuser(pg_url, f'CREATE ROLE "{login}" LOGIN')
    with pytest.raises(SignInRefusedError) as refused:
        _identify(url_as(pg_url, login), chosen="admin1")
    assert str(refused.value) == (
        f"The database login '{login}' is not a staff member of this console: ask an "
        "administrator to add it (operator-console staff add)."
    )


def test_a_group_member_without_a_staff_row_is_refused(pg_url: str) -> None:
    url = make_staff_login(pg_url, Role.SUPERVISOR)
    _as_superuser(pg_url, f"DELETE FROM staff WHERE login = '{login_of(url)}'")
    with pytest.raises(SignInRefusedError, match="is not a staff member of this console"):
        _identify(url)


def test_a_disabled_staff_member_is_refused(pg_url: str) -> None:
    url = make_staff_login(pg_url, Role.OPERATOR)
    login = login_of(url)
    _as_superuser(pg_url, f"UPDATE staff SET active = false WHERE login = '{login}'")
    with pytest.raises(SignInRefusedError) as refused:
        _identify(url)
    assert str(refused.value).startswith(f"This login is disabled: '{login}' may no longer")
    assert f"operator-console staff enable {login}" in str(refused.value)


def test_a_login_the_server_may_not_log_in_is_refused_as_disabled(pg_url: str) -> None:
    url = make_staff_login(pg_url, Role.DISPATCHER)
    _as_superuser(pg_url, f'ALTER ROLE "{login_of(url)}" NOLOGIN')
    with pytest.raises(SignInRefusedError, match=r"^This login is disabled"):
        open_database(url, migrate=False)


def test_a_login_the_server_does_not_know_is_not_staff(pg_url: str) -> None:
    login = unique_login("unknown")
    with pytest.raises(SignInRefusedError, match=f"^The database login '{login}' is not a staff"):
        open_database(url_as(pg_url, login), migrate=False)


def test_the_owner_acts_only_as_a_staff_member_it_names(pg_url: str) -> None:
    with pytest.raises(SignInRefusedError, match="'postgres' owns the database"):
        _identify(pg_url)
    supervisor = make_staff_login(pg_url, Role.SUPERVISOR, display_name="Pat Doe")
    staff = _identify(pg_url, chosen=login_of(supervisor))
    assert (staff.login, staff.role) == (login_of(supervisor), "supervisor")


def test_on_sqlite_the_chosen_person_has_the_departments_of_their_queues(
    demo_sqlite_url: str,
) -> None:
    engine = make_engine(demo_sqlite_url)
    supervisor = identify(engine, "supervisor1")
    dispatcher = identify(engine, "dispatcher1")
    operator = identify(engine, "operator1")
    admin = identify(engine, "admin1")
    engine.dispose()
    assert dispatcher.departments is not None and len(dispatcher.departments) == 1
    assert supervisor.departments is not None and dispatcher.departments < supervisor.departments
    assert operator.departments is None and admin.departments is None
