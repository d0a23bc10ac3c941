"""`staff list|add|set-role|set-password|disable|enable|set-queues`: staff administration from a
shell."""

from __future__ import annotations

import argparse
import getpass
import sys
from functools import partial
from typing import Any

from operator_console.app.acting_option import acting_option, add_group_acting_option
from operator_console.domain.permissions import NotPermittedError, Role
from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError
from operator_console.services.staff.actions import StaffChange, StaffDirectory
from operator_console.services.staff.desk import StaffDesk
from operator_console.services.staff.errors import StaffAdminError
from operator_console.services.staff.ports import NewStaff
from operator_console.services.staff.rules import check_passwords_possible

_ROLES = ", ".join(role.value for role in Role)


def register(subparsers: Any) -> None:
    """Add the `staff` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "staff",
        help="administration of staff: logins, roles, queues (admins)",
        description="Add staff, change their roles and queues, disable and enable them. On "
        "PostgreSQL this acts as the database login (an admin, or the database's owner to add "
        "the first admins) and each staff member gets a database login in their role's group; "
        "on SQLite it acts as the admin named by --staff LOGIN (before `staff`) or --as LOGIN.",
    )
    add_group_acting_option(group)
    commands = group.add_subparsers(dest="staff_command", required=True)
    add_parser = partial(commands.add_parser, parents=[acting_option()])
    add_parser("list", help="everyone on the staff, with role, sign-in and queues")
    add = add_parser("add", help="add a person and their login")
    add.add_argument("login", help="2 to 63 lower-case letters, digits, _ . -")
    add.add_argument("--name", required=True, help="the name colleagues read")
    add.add_argument("--role", required=True, help=_ROLES)
    add.add_argument("--email", default="")
    add.add_argument("--queue", action="append", default=[], metavar="CODE", dest="queues")
    password = add.add_mutually_exclusive_group()
    password.add_argument(
        "--password-prompt",
        action="store_true",
        help="ask for a first password, twice (PostgreSQL; never on the command line)",
    )
    password.add_argument(
        "--no-password",
        action="store_true",
        help="the login signs in another way (Kerberos, certificate, .pgpass)",
    )
    add.epilog = (
        "For a staff member who has no database login yet (PostgreSQL), add creates their login "
        "in their role's group, or adopts a plain login of that name."
    )
    set_password = add_parser(
        "set-password", help="give a login a new password, asked twice (PostgreSQL)"
    )
    set_password.add_argument("login")
    set_role = add_parser("set-role", help="move a person to another role")
    set_role.add_argument("login")
    set_role.add_argument("role", help=_ROLES)
    for name, what in (
        ("disable", "stop a login signing in (history stays)"),
        ("enable", "let a disabled login sign in again"),
    ):
        add_parser(name, help=what).add_argument("login")
    queues = add_parser("set-queues", help="the queues a person works in")
    queues.add_argument("login")
    queues.add_argument("codes", nargs="*", metavar="CODE", help="none: no queue")


def run(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    """Run one staff command; a problem is one line on stderr and exit code 2."""
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.staff.acting import acting_admin
    from operator_console.storage.staff.store import SqlStaffUnitOfWork

    try:
        database = open_database(database_url, migrate=False)
    except (
        ValueError,  # a URL the console cannot use, a login the server refuses
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    try:
        postgres = database.dialect == "postgresql"
        if args.staff_command == "set-password":
            check_passwords_possible(postgres)  # whoever acts, before asking for it
        if postgres and args.acting_login:
            return _fail(
                "--as is for SQLite: on PostgreSQL the database login acts (sign in as an admin)"
            )
        try:
            actor = acting_admin(database.engine, args.acting_login or staff_login)
        except ValueError as exc:
            hint = (
                ""
                if postgres
                else f"; an admin acts: operator-console --staff LOGIN staff {args.staff_command}"
            )
            return _fail(f"{database.label}: {exc}{hint}")
        desk = StaffDesk(lambda: SqlStaffUnitOfWork(database.engine), actor)
        if args.staff_command == "list":
            print(_listing(desk.directory()))
            return 0
        change = _change(desk, args, postgres)
        if change is None:
            return 2
        print(f"{database.label}: {change.summary()}")
    except (StaffAdminError, NotPermittedError, DatabaseRefusedError) as exc:
        return _fail(f"{database.label}: nothing was changed: {exc}")
    except BackendUnavailableError as exc:
        return _fail(f"{database.label}: {exc}")
    finally:
        database.engine.dispose()
    return 0


def _change(desk: StaffDesk, args: argparse.Namespace, postgres: bool) -> StaffChange | None:
    command = args.staff_command
    if command == "add":
        if postgres and not (args.password_prompt or args.no_password):
            _fail(
                "say how the new login signs in: --password-prompt (asked twice) or "
                "--no-password (Kerberos, certificate, .pgpass kept by the DBA)"
            )
            return None
        if args.password_prompt:
            check_passwords_possible(postgres)  # before asking for it
        password = _prompt_password(args.login) if args.password_prompt else None
        if args.password_prompt and password is None:
            return None
        new = NewStaff(args.login, args.name, args.role, args.email, tuple(args.queues), password)
        return desk.add(new)
    if command == "set-password":
        new_password = _prompt_password(args.login, "New password")
        return None if new_password is None else desk.set_password(args.login, new_password)
    if command == "set-role":
        return desk.change_role(args.login, args.role)
    if command == "disable":
        return desk.disable(args.login)
    if command == "enable":
        return desk.enable(args.login)
    return desk.set_queues(args.login, tuple(args.codes))


def _prompt_password(login: str, what: str = "First password") -> str | None:
    """A password, typed twice without echo; None (said) when the two differ."""
    first = getpass.getpass(f"{what} for {login}: ")
    again = getpass.getpass("The same password again: ")
    if first != again:
        _fail("the two passwords differ; nothing was changed")
        return None
    return first


def _listing(directory: StaffDirectory) -> str:
    rows = [("LOGIN", "NAME", "ROLE", "SIGN-IN", "DEPARTMENTS", "QUEUES")]
    for member in directory.members:
        state = "disabled" if not member.active else "active" if member.has_login else "no login"
        departments = "; ".join(member.departments) or "-"
        queues = " ".join(member.queues)
        rows.append((member.login, member.display_name, member.role, state, departments, queues))
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, (*widths, 0), strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr)
    return 2
