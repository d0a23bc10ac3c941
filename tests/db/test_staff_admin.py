"""Staff administration on PostgreSQL: each staff member is a login in exactly its role's group,
created, moved, disabled and enabled by an admin through the database's staff functions."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import pty
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from select import select as wait_readable

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import OperationalError

from operator_console.app.cli import main
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.staff.actions import add_staff
from operator_console.services.staff.ports import NewStaff
from operator_console.storage.db.database import identify
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import ALL_GROUPS
from operator_console.storage.db.tables import staff, staff_events
from operator_console.storage.staff.store import SqlStaffUnitOfWork
from tests.support.staff_logins import login_of, make_staff_login, unique_login, url_as

QUEUE = "PWDx_Bridge Maintenance"


@pytest.fixture
def superuser(demo_pg_url: str) -> Iterator[Engine]:
    engine = create_engine(demo_pg_url)
    yield engine
    engine.dispose()


@pytest.fixture
def admin_url(demo_pg_url: str) -> str:
    return make_staff_login(demo_pg_url, "admin", display_name="Ada Admin")


def groups_of(engine: Engine, login: str) -> list[str]:
    """The console groups `login` belongs to, read as the superuser."""
    with engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member "
                "WHERE u.rolname = :login AND g.rolname = ANY(:groups) ORDER BY 1"
            ),
            {"login": login, "groups": list(ALL_GROUPS)},
        ).scalars()
        return [str(name) for name in found]


def history(engine: Engine, login: str) -> list[tuple[str, str, str | None]]:
    e = staff_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.actor, e.to_value).where(e.login == login).order_by(e.id)
        )
        return [(row.kind, row.actor, row.to_value) for row in rows]


def whoami(url: str) -> tuple[str, str, bool]:
    """Connect as the URL's login and ask the database who it is."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT * FROM staff_whoami()")).one()
        return (row.login, row.role, row.active)
    finally:
        engine.dispose()


def staff_cli(url: str, *words: str) -> int:
    return main(["--database-url", url, "staff", *words])


def test_staff_add_creates_a_login_that_connects_in_exactly_its_group(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("jo")
    added = staff_cli(
        admin_url, "add", login, "--name", "Jo Smith", "--role", "dispatcher",
        "--email", "jo@city.example", "--queue", QUEUE, "--no-password",
    )  # fmt: skip
    assert added == 0, capsys.readouterr().err
    assert f"Added Jo Smith ({login}) as a dispatcher, in 1 queue." in capsys.readouterr().out
    assert groups_of(superuser, login) == ["console_dispatcher"]
    jo_url = url_as(admin_url, login)
    assert whoami(jo_url) == (login, "dispatcher", True)
    jo = identify(make_engine(jo_url), None)
    assert jo.role == "dispatcher" and jo.departments == frozenset({"PWDx"})
    assert history(superuser, login) == [("added", login_of(admin_url), "dispatcher")]


def test_set_role_moves_the_login_to_the_new_group(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("moved")
    assert staff_cli(admin_url, "add", login, "--name", "Mo Ved", "--role", "operator",
                     "--no-password") == 0  # fmt: skip
    assert staff_cli(admin_url, "set-role", login, "supervisor") == 0
    assert f"Mo Ved ({login}) is now a supervisor." in capsys.readouterr().out
    assert groups_of(superuser, login) == ["console_supervisor"]
    assert whoami(url_as(admin_url, login))[1] == "supervisor"
    assert [kind for kind, _, _ in history(superuser, login)] == ["added", "role_changed"]


def test_disable_stops_the_login_connecting_and_keeps_its_history(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("gone")
    assert staff_cli(admin_url, "add", login, "--name", "Al Gone", "--role", "operator",
                     "--no-password") == 0  # fmt: skip
    gone_url = url_as(admin_url, login)
    assert staff_cli(admin_url, "disable", login) == 0
    engine = make_engine(gone_url)
    with pytest.raises(OperationalError, match="is not permitted to log in"):
        engine.connect()
    engine.dispose()
    with superuser.connect() as connection:
        active = connection.execute(select(staff.c.active).where(staff.c.login == login))
        assert active.scalar_one() is False
    assert [kind for kind, _, _ in history(superuser, login)] == ["added", "disabled"]
    assert groups_of(superuser, login) == ["console_operator"]  # enabling brings them back
    assert staff_cli(admin_url, "enable", login) == 0
    assert whoami(gone_url) == (login, "operator", True)
    assert "can sign in again as an operator" in capsys.readouterr().out


def test_set_queues_replaces_the_queues_and_so_the_departments(
    admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("queues")
    assert staff_cli(admin_url, "add", login, "--name", "Q Ueue", "--role", "supervisor",
                     "--queue", QUEUE, "--no-password") == 0  # fmt: skip
    assert staff_cli(admin_url, "set-queues", login) == 0
    assert identify(make_engine(url_as(admin_url, login)), None).departments == frozenset()
    capsys.readouterr()
    assert staff_cli(admin_url, "list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split() == ["LOGIN", "NAME", "ROLE", "SIGN-IN", "DEPARTMENTS", "QUEUES"]
    assert any(line.startswith(login) and "supervisor" in line for line in listed)


def test_a_non_admin_is_refused_by_the_console_and_by_the_database(
    demo_pg_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    operator_url = make_staff_login(demo_pg_url, "operator")
    login = unique_login("sneak")
    refused = staff_cli(
        operator_url, "add", login, "--name", "Sneaky", "--role", "admin", "--no-password"
    )
    assert refused == 2
    assert "only admins can add staff" in capsys.readouterr().err
    # The same unit of work, told it acts for an admin, meets the database's own refusal.
    engine = make_engine(operator_url)
    forged = StaffIdentity(login_of(operator_url), "Sneaky", "admin")
    with pytest.raises(DatabaseRefusedError, match="permission denied for function staff_add"):
        add_staff(
            SqlStaffUnitOfWork(engine),
            NewStaff(login, "Sneaky", "admin"),
            forged,
            datetime.now(UTC),
        )
    engine.dispose()
    assert groups_of(superuser, login) == [] and history(superuser, login) == []


def test_the_database_owner_adds_the_first_admin(
    demo_pg_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("first")
    added = staff_cli(
        demo_pg_url, "add", login, "--name", "First Admin", "--role", "admin", "--no-password"
    )
    assert added == 0, capsys.readouterr().err
    assert groups_of(superuser, login) == ["console_admin"]
    assert whoami(url_as(demo_pg_url, login)) == (login, "admin", True)


def test_a_login_in_a_console_group_is_not_taken_again(
    demo_pg_url: str, admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = login_of(make_staff_login(demo_pg_url, "operator", display_name="Ona Op"))
    refused = staff_cli(
        admin_url, "add", taken, "--name", "Other", "--role", "admin", "--no-password"
    )
    assert refused == 2
    err = capsys.readouterr().err
    assert f"The login '{taken}' exists already: Ona Op, operator." in err
    assert len(err.strip().splitlines()) == 1


def test_a_plain_database_login_in_no_console_group_is_adopted(
    admin_url: str, superuser: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    login = unique_login("kerberos")
    with superuser.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    added = staff_cli(
        admin_url, "add", login, "--name", "Kay Beros", "--role", "operator", "--no-password"
    )
    assert added == 0, capsys.readouterr().err
    assert groups_of(superuser, login) == ["console_operator"]
    assert whoami(url_as(admin_url, login)) == (login, "operator", True)


def test_on_postgresql_the_cli_asks_how_the_login_signs_in(
    admin_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert staff_cli(admin_url, "add", unique_login("x"), "--name", "X", "--role", "operator") == 2
    assert "--password-prompt (asked twice) or --no-password" in capsys.readouterr().err
    assert staff_cli(admin_url, "--as", "admin1", "list") == 2


def test_administration_steps_run_one_at_a_time(admin_url: str, superuser: Engine) -> None:
    """Two admins cannot each disable the other at once and leave no admin."""
    engine = make_engine(admin_url)
    try_lock = text("SELECT pg_try_advisory_xact_lock(hashtext('operator_console.staff'))")
    with SqlStaffUnitOfWork(engine) as uow:
        assert uow.members()
        with superuser.connect() as other:
            assert other.execute(try_lock).scalar_one() is False
    with superuser.connect() as other:
        assert other.execute(try_lock).scalar_one() is True
    engine.dispose()


def test_the_first_password_is_asked_twice_and_reaches_the_server_only_as_a_verifier(
    admin_url: str, superuser: Engine
) -> None:
    login = unique_login("pw")
    words = ["add", login, "--name", "Pat Word", "--role", "operator", "--password-prompt"]
    code, said = in_terminal(
        [*words], ["correct horse battery", "correct horse battery"], admin_url
    )
    assert code == 0, said
    assert "correct horse" not in said  # not echoed
    with superuser.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :login"), {"login": login}
        ).scalar_one()
    assert scram_matches(stored, "correct horse battery")
    assert not scram_matches(stored, "another password")
    other = unique_login("pw")
    words[1] = other
    code, said = in_terminal(words, ["correct horse battery", "correct horse staple"], admin_url)
    assert code == 2 and "the two passwords differ; nothing was changed" in said
    assert groups_of(superuser, other) == []


def in_terminal(words: list[str], answers: list[str], url: str) -> tuple[int, str]:
    """Run `operator-console --database-url URL staff WORDS` on a terminal of its own, typing
    each answer when a password is asked; its exit code and everything it wrote."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the console's command on the new terminal
        argv = [sys.executable, "-m", "operator_console.app.cli", "--database-url", url]
        os.execv(sys.executable, [*argv, "staff", *words])
    seen = b""
    for answer in answers:
        asked = len(seen)
        while not seen[asked:].endswith(b": "):  # the next prompt, whole
            ready, _, _ = wait_readable([terminal], [], [], 60)
            assert ready, f"no password prompt; the command said {seen!r}"
            seen += os.read(terminal, 1024)
        os.write(terminal, answer.encode() + b"\n")
    while True:
        try:
            chunk = os.read(terminal, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(terminal)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


def scram_matches(verifier: str, password: str) -> bool:
    """Whether a SCRAM-SHA-256 verifier (RFC 5803: iterations:salt$StoredKey:ServerKey) was
    made from `password`."""
    method, _, rest = verifier.partition("$")
    assert method == "SCRAM-SHA-256"
    iterations_salt, _, keys = rest.partition("$")
    iterations, _, salt = iterations_salt.partition(":")
    stored_key = keys.partition(":")[0]
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    return hashlib.sha256(client_key).digest() == base64.b64decode(stored_key)
