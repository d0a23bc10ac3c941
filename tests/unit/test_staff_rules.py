"""Staff administration's rules, run against an in-memory unit of work."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.staff.actions import (
    add_staff,
    change_role,
    disable_staff,
    enable_staff,
    list_staff,
    set_password,
    set_queues,
)
from operator_console.services.staff.errors import StaffAdminError
from operator_console.services.staff.ports import ExistingLogin, NewStaff
from tests.support.staff_fakes import ADMIN, DISPATCHER, FakeStaffUnitOfWork

NOW = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def _add(uow: FakeStaffUnitOfWork, **fields: object) -> None:
    """Add Jo Smith, an operator, with `fields` changed."""
    add_staff(uow, replace(NewStaff("jsmith", "Jo Smith", "operator"), **fields), ADMIN, NOW)


def test_an_admin_adds_a_person_with_queues_and_a_first_password() -> None:
    uow = FakeStaffUnitOfWork()
    change = add_staff(
        uow,
        NewStaff(
            "jsmith",
            "  Jo   Smith ",
            "dispatcher",
            "jo@city.example",
            ("PWD_STREETS", "PWD_LIGHTS", "PWD_STREETS"),
            "correct horse",
        ),
        ADMIN,
        NOW,
    )
    member = uow.saved["jsmith"]
    assert change.before is None and change.after == member
    assert (member.display_name, member.role, member.email) == (
        "Jo Smith",
        "dispatcher",
        "jo@city.example",
    )
    assert member.queues == ("PWD_LIGHTS", "PWD_STREETS")
    assert uow.passwords == {"jsmith": "correct horse"}
    [event] = uow.events
    assert (event.actor, event.kind, event.login, event.to_value) == (
        "admin1",
        "added",
        "jsmith",
        "dispatcher",
    )


def test_the_password_never_shows_in_a_command_s_text() -> None:
    assert "secret-words" not in repr(NewStaff("jsmith", "Jo", "operator", password="secret-words"))


@pytest.mark.parametrize(
    ("login", "words"),
    [
        ("J.Smith", "lower-case letters"),
        ("j smith", "lower-case letters"),
        ("j", "2 to 63"),
        ("x" * 64, "2 to 63"),
        ("pg_monitor2", "'pg_'"),
        ("console_admin", "'console_'"),
        ("jo;drop", "lower-case letters"),
    ],
)
def test_a_login_that_is_not_a_plain_role_name_is_refused(login: str, words: str) -> None:
    uow = FakeStaffUnitOfWork()
    with pytest.raises(StaffAdminError, match=words):
        _add(uow, login=login)
    assert uow.commits == 0


def test_logins_the_console_accepts() -> None:
    uow = FakeStaffUnitOfWork()
    for login in ("js", "j.smith-2", "a_b", "x" * 63):
        _add(uow, login=login)
    assert {"js", "j.smith-2", "a_b", "x" * 63} <= set(uow.saved)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"role": "boss"}, "'boss' is not a role: choose operator, dispatcher, supervisor, admin"),
        ({"display_name": "   "}, "Give the person's name"),
        ({"email": "jo at city"}, "not an e-mail address"),
        ({"queues": ("PWD_NOWHERE",)}, "No active queue, team or crew has the code 'PWD_NOWHERE'"),
        ({"password": "short"}, "at least 8 characters"),
        ({"login": "operator1"}, "exists already: Maria Alvarez, operator"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(fields: dict[str, object], words: str) -> None:
    uow = FakeStaffUnitOfWork()
    with pytest.raises(StaffAdminError, match=words):
        _add(uow, **fields)
    assert uow.commits == 0 and uow.events == []


def test_a_disabled_member_s_login_is_not_taken_again() -> None:
    uow = FakeStaffUnitOfWork()
    disable_staff(uow, "operator1", ADMIN, NOW)
    with pytest.raises(StaffAdminError, match=r"disabled; enable them instead"):
        _add(uow, login="operator1")


def test_a_database_login_in_a_console_role_or_a_superuser_is_not_adopted() -> None:
    uow = FakeStaffUnitOfWork()
    uow.logins["jsmith"] = ExistingLogin("jsmith", ("console_operator",), False, True)
    with pytest.raises(StaffAdminError, match="exists already in console_operator"):
        _add(uow)
    uow.logins["jsmith"] = ExistingLogin("jsmith", (), True, True)
    with pytest.raises(StaffAdminError, match="superuser"):
        _add(uow)
    uow.logins["jsmith"] = ExistingLogin("jsmith", (), False, False)
    with pytest.raises(StaffAdminError, match="cannot sign in"):
        _add(uow)


def test_a_plain_database_login_is_adopted() -> None:
    uow = FakeStaffUnitOfWork()
    uow.logins["jsmith"] = ExistingLogin("jsmith", (), False, True)
    _add(uow)
    assert uow.saved["jsmith"].role == "operator"


def test_no_password_on_a_database_without_logins() -> None:
    uow = FakeStaffUnitOfWork(has_logins=False)
    with pytest.raises(StaffAdminError, match="no sign-in"):
        _add(uow, password="long enough")
    _add(uow)
    assert uow.passwords == {}


@pytest.mark.parametrize("who", [DISPATCHER, StaffIdentity("x", "X", "operator")])
def test_only_admins_manage_staff(who: StaffIdentity) -> None:
    uow = FakeStaffUnitOfWork()
    with pytest.raises(NotPermittedError, match="only admins can add staff"):
        list_staff(uow, who)
    with pytest.raises(NotPermittedError):
        disable_staff(uow, "operator1", who, NOW)
    with pytest.raises(NotPermittedError):
        add_staff(uow, NewStaff("jsmith", "Jo Smith", "operator"), who, NOW)
    assert uow.commits == 0


def test_set_role_moves_a_person_and_records_from_and_to() -> None:
    uow = FakeStaffUnitOfWork()
    change = change_role(uow, "operator1", "supervisor", ADMIN, NOW)
    assert change.changed and uow.saved["operator1"].role == "supervisor"
    [event] = uow.events
    assert (event.kind, event.from_value, event.to_value) == (
        "role_changed",
        "operator",
        "supervisor",
    )


def test_the_same_role_again_changes_nothing() -> None:
    uow = FakeStaffUnitOfWork()
    change = change_role(uow, "operator1", "operator", ADMIN, NOW)
    assert not change.changed and uow.commits == 0


def test_an_unknown_login_is_said() -> None:
    uow = FakeStaffUnitOfWork()
    with pytest.raises(StaffAdminError, match="No staff member has the login 'nobody'"):
        disable_staff(uow, "nobody", ADMIN, NOW)


def test_an_admin_cannot_disable_themselves_or_drop_their_own_admin_role() -> None:
    uow = FakeStaffUnitOfWork()
    change_role(uow, "operator1", "admin", ADMIN, NOW)
    with pytest.raises(StaffAdminError, match="cannot disable yourself"):
        disable_staff(uow, "admin1", ADMIN, NOW)
    with pytest.raises(StaffAdminError, match="your own admin role"):
        change_role(uow, "admin1", "operator", ADMIN, NOW)
    assert uow.saved["admin1"].active and uow.saved["admin1"].role == "admin"


def test_the_last_active_admin_stays() -> None:
    uow = FakeStaffUnitOfWork()
    owner = StaffIdentity("console_owner", "console_owner", "admin")
    with pytest.raises(StaffAdminError, match="Sam Okafor \\(admin1\\) is the last active admin"):
        disable_staff(uow, "admin1", owner, NOW)
    with pytest.raises(StaffAdminError, match="last active admin"):
        change_role(uow, "admin1", "dispatcher", owner, NOW)
    change_role(uow, "operator1", "admin", owner, NOW)
    disable_staff(uow, "admin1", owner, NOW)
    assert not uow.saved["admin1"].active


def test_disable_then_enable_keeps_the_role_and_records_both() -> None:
    uow = FakeStaffUnitOfWork()
    disable_staff(uow, "dispatcher1", ADMIN, NOW)
    assert not uow.saved["dispatcher1"].active
    again = disable_staff(uow, "dispatcher1", ADMIN, NOW)
    assert not again.changed
    enable_staff(uow, "dispatcher1", ADMIN, NOW)
    assert uow.saved["dispatcher1"].active and uow.saved["dispatcher1"].role == "dispatcher"
    assert [event.kind for event in uow.events] == ["disabled", "enabled"]


def test_set_queues_replaces_the_queues() -> None:
    uow = FakeStaffUnitOfWork()
    change = set_queues(uow, "dispatcher1", ("PWD_LIGHTS",), ADMIN)
    assert change.before is not None and change.before.queues == ("PWD_STREETS",)
    assert uow.saved["dispatcher1"].queues == ("PWD_LIGHTS",)
    with pytest.raises(StaffAdminError, match="'NOPE'"):
        set_queues(uow, "dispatcher1", ("NOPE",), ADMIN)
    set_queues(uow, "dispatcher1", (), ADMIN)
    assert uow.saved["dispatcher1"].queues == ()


def test_the_directory_lists_everyone_and_the_queues() -> None:
    directory = list_staff(FakeStaffUnitOfWork(has_logins=False), ADMIN)
    assert [m.login for m in directory.members] == ["admin1", "dispatcher1", "operator1"]
    assert [q.code for q in directory.queues] == ["PWD_LIGHTS", "PWD_STREETS"]
    assert directory.has_logins is False


def test_each_change_is_said_in_one_sentence() -> None:
    uow = FakeStaffUnitOfWork()
    added = add_staff(
        uow, NewStaff("jsmith", "Jo Smith", "admin", queues=("PWD_LIGHTS",)), ADMIN, NOW
    )
    assert str(added.summary()) == "Added Jo Smith (jsmith) as an admin, in 1 queue."
    moved = change_role(uow, "operator1", "dispatcher", ADMIN, NOW)
    assert str(moved.summary()) == "Maria Alvarez (operator1) is now a dispatcher."
    disabled = disable_staff(uow, "operator1", ADMIN, NOW)
    assert "can no longer sign in; their history stays" in str(disabled.summary())
    assert str(disable_staff(uow, "operator1", ADMIN, NOW).summary()).endswith("nothing to change.")


def test_an_admin_sets_a_password_of_at_least_eight_characters() -> None:
    uow = FakeStaffUnitOfWork()
    change = set_password(uow, "operator1", "long enough", ADMIN)
    assert uow.passwords == {"operator1": "long enough"}
    assert (
        change.changed
        and str(change.summary()) == "Set a new password for Maria Alvarez (operator1)."
    )
    assert "long enough" not in repr(change)
    with pytest.raises(StaffAdminError, match="at least 8 characters"):
        set_password(uow, "operator1", "short", ADMIN)
    with pytest.raises(StaffAdminError, match="No staff member has the login 'nobody'"):
        set_password(uow, "nobody", "long enough", ADMIN)
    with pytest.raises(NotPermittedError):
        set_password(uow, "operator1", "long enough", DISPATCHER)
    assert uow.passwords == {"operator1": "long enough"}


def test_no_password_is_set_without_logins_or_for_a_member_without_a_login() -> None:
    with pytest.raises(StaffAdminError, match="no password can be set"):
        set_password(FakeStaffUnitOfWork(has_logins=False), "operator1", "long enough", ADMIN)
    uow = FakeStaffUnitOfWork()
    uow.saved["operator1"] = replace(uow.saved["operator1"], has_login=False)
    with pytest.raises(StaffAdminError, match=r"Maria Alvarez \(operator1\) has no database login"):
        set_password(uow, "operator1", "long enough", ADMIN)
    assert uow.passwords == {}


def test_adding_a_member_without_a_login_gives_them_one_in_their_own_role() -> None:
    uow = FakeStaffUnitOfWork()
    uow.saved["operator1"] = replace(uow.saved["operator1"], has_login=False)
    with pytest.raises(StaffAdminError, match="on the staff already as an operator, without a"):
        add_staff(uow, NewStaff("operator1", "Maria Alvarez", "admin"), ADMIN, NOW)
    change = add_staff(uow, NewStaff("operator1", "Maria A.", "operator"), ADMIN, NOW)
    assert change.kind == "login_created" and uow.saved["operator1"].has_login
    assert uow.saved["operator1"].display_name == "Maria Alvarez"
    assert "Created database login 'operator1' in the operator group" in str(change.summary())
    uow.saved["operator1"] = replace(uow.saved["operator1"], has_login=False)
    uow.logins["operator1"] = ExistingLogin("operator1", (), False, True)
    with pytest.raises(StaffAdminError, match="adopted with the password its database admin"):
        add_staff(uow, NewStaff("operator1", "M", "operator", password="long enough"), ADMIN, NOW)
    change = add_staff(uow, NewStaff("operator1", "M", "operator"), ADMIN, NOW)
    assert change.kind == "login_adopted" and uow.passwords == {}
