"""Staff administration on SQLite (no logins): the rows and their history, from the command line."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, select

from operator_console.app.cli import main
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import staff, staff_events

QUEUES = ("PWDx_Bridge Maintenance", "PWDx_Code Enforcement")


def staff_cli(url: str, *words: str) -> int:
    return main(["--database-url", url, "staff", *words])


def as_admin(url: str, *words: str) -> int:
    return staff_cli(url, "--as", "admin1", *words)


@pytest.fixture
def engine(demo_sqlite_url: str) -> Engine:
    return make_engine(demo_sqlite_url)


def row(engine: Engine, login: str) -> tuple[str, str, str | None, bool]:
    with engine.connect() as connection:
        found = connection.execute(
            select(staff.c.display_name, staff.c.role, staff.c.email, staff.c.active).where(
                staff.c.login == login
            )
        ).one()
    return (found.display_name, found.role, found.email, found.active)


def history(engine: Engine, login: str) -> list[tuple[str, str, str | None, str | None]]:
    e = staff_events.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.actor, e.from_value, e.to_value).where(e.login == login).order_by(e.id)
        )
        return [(r.kind, r.actor, r.from_value, r.to_value) for r in rows]


def test_an_admin_adds_moves_disables_and_enables_a_person(
    demo_sqlite_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = demo_sqlite_url
    added = as_admin(url, "add", "jsmith", "--name", "Jo Smith", "--role", "dispatcher",
                     "--email", "jo@city.example", "--queue", QUEUES[0])  # fmt: skip
    assert added == 0, capsys.readouterr().err
    assert "Added Jo Smith (jsmith) as a dispatcher, in 1 queue." in capsys.readouterr().out
    assert row(engine, "jsmith") == ("Jo Smith", "dispatcher", "jo@city.example", True)
    assert as_admin(url, "set-role", "jsmith", "supervisor") == 0
    assert as_admin(url, "set-queues", "jsmith", *QUEUES) == 0
    assert as_admin(url, "disable", "jsmith") == 0
    assert row(engine, "jsmith")[1:] == ("supervisor", "jo@city.example", False)
    assert as_admin(url, "enable", "jsmith") == 0
    assert history(engine, "jsmith") == [
        ("added", "admin1", None, "dispatcher"),
        ("role_changed", "admin1", "dispatcher", "supervisor"),
        ("disabled", "admin1", "active", "disabled"),
        ("enabled", "admin1", "disabled", "active"),
    ]
    capsys.readouterr()
    assert as_admin(url, "list") == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("jsmith")]
    assert line.split()[:5] == ["jsmith", "Jo", "Smith", "supervisor", "active"]
    assert re.split(r"\s{2,}", line)[-2:] == ["Public Works Department", " ".join(QUEUES)]


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (("add", "J Smith", "--name", "Jo", "--role", "operator"), "not a login the console"),
        (("add", "jsmith", "--name", "Jo", "--role", "boss"), "'boss' is not a role"),
        (("add", "operator1", "--name", "Jo", "--role", "operator"), "exists already"),
        (("add", "jsmith", "--name", "Jo", "--role", "operator", "--queue", "NOPE"), "'NOPE'"),
        (
            ("add", "jsmith", "--name", "Jo", "--role", "operator", "--password-prompt"),
            "no sign-in",
        ),
        (("disable", "admin1"), "You cannot disable yourself"),
        (("set-role", "nobody", "admin"), "No staff member has the login 'nobody'"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    demo_sqlite_url: str,
    engine: Engine,
    capsys: pytest.CaptureFixture[str],
    words: tuple[str, ...],
    said: str,
) -> None:
    assert as_admin(demo_sqlite_url, *words) == 2
    err = capsys.readouterr().err
    assert said in err and "nothing was changed" in err
    assert len(err.strip().splitlines()) == 1
    assert history(engine, "jsmith") == [] and history(engine, "admin1") == []


def test_only_an_admin_named_with_as_acts(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert staff_cli(demo_sqlite_url, "list") == 2
    assert "an admin acts: operator-console --staff LOGIN staff list" in capsys.readouterr().err
    assert staff_cli(demo_sqlite_url, "--as", "operator1", "disable", "operator2") == 2
    assert "only admins can add staff" in capsys.readouterr().err
    assert staff_cli(demo_sqlite_url, "--as", "ghost", "list") == 2
    assert "'ghost'" in capsys.readouterr().err


def test_the_admin_is_named_before_or_after_the_command(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ways = (
        ["--staff", "admin1", "staff", "list"],
        ["staff", "--as", "admin1", "list"],
        ["staff", "list", "--as", "admin1"],
        ["--staff", "operator1", "staff", "--as", "admin1", "list"],
    )
    for words in ways:
        assert main(["--database-url", demo_sqlite_url, *words]) == 0, words
        assert re.search(r"^admin1 +", capsys.readouterr().out, re.MULTILINE), words
    assert staff_cli(demo_sqlite_url, "--as", "admin1", "list", "--as", "operator1") == 2
    assert "operator1" in capsys.readouterr().err
