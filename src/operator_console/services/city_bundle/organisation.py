"""departments.csv, queues.csv and staff.csv: who works the requests, and in which queues."""

from __future__ import annotations

import re

from operator_console.domain.permissions import Role
from operator_console.services.city_bundle.checks import Codes, check_queue_parents, check_reference
from operator_console.services.city_bundle.csv_files import CsvTable, Problems
from operator_console.services.city_bundle.model import (
    QUEUE_KINDS,
    Department,
    Queue,
    QueueKind,
    StaffRow,
)

DEPARTMENT_COLUMNS = ("code", "name")
QUEUE_COLUMNS = ("code", "name", "department")
STAFF_COLUMNS = ("login", "name", "role")
MAX_DEPARTMENT_CODE = 40
MAX_QUEUE_CODE = 80
MAX_NAME = 200
MAX_LOGIN = 63  # a PostgreSQL role name
_LOGIN = re.compile(r"[a-z_][a-z0-9_.@-]*")
ROLES = tuple(role.value for role in Role)
_KINDS: dict[str, QueueKind] = {kind: kind for kind in QUEUE_KINDS}


def read_departments(table: CsvTable, codes: Codes) -> tuple[Department, ...]:
    departments = []
    for cells in table.rows:
        code = cells.required("code", max_length=MAX_DEPARTMENT_CODE)
        department = Department(
            code=code,
            name=cells.required("name", max_length=MAX_NAME),
            email=cells.optional("email", max_length=MAX_NAME),
            phone=cells.optional("phone", max_length=40),
        )
        if codes.define(cells, "code", code):
            departments.append(department)
    return tuple(departments)


def read_queues(
    table: CsvTable, codes: Codes, departments: Codes, problems: Problems
) -> tuple[Queue, ...]:
    """Queues, teams and crews; parents are checked once every queue of the file is known."""
    queues = []
    parent_cells = []
    for cells in table.rows:
        code = cells.required("code", max_length=MAX_QUEUE_CODE)
        department = cells.required("department")
        check_reference(cells, "department", department, departments, "department")
        parent = cells.optional("parent")
        if parent is not None and parent == code:
            cells.problem("parent", f"queue {code!r} cannot be its own parent")
            parent = None
        queue = Queue(
            code=code,
            name=cells.required("name", max_length=MAX_NAME),
            department=department,
            kind=_KINDS[cells.choice("kind", QUEUE_KINDS, "queue")],
            parent=parent,
            active=cells.boolean("active", True),
        )
        if codes.define(cells, "code", code):
            queues.append(queue)
            parent_cells.append((cells, parent))
    for cells, parent in parent_cells:
        check_reference(cells, "parent", parent, codes, "queue")
    check_queue_parents(queues, codes.lines, table.file, table.column("parent"), problems)
    return tuple(queues)


def read_staff(table: CsvTable, logins: Codes, queues: Codes) -> tuple[StaffRow, ...]:
    staff = []
    for cells in table.rows:
        login = cells.required("login", max_length=MAX_LOGIN)
        if login and not _LOGIN.fullmatch(login):
            cells.problem(
                "login",
                f"login {login!r} must be lower case letters, digits, and _ . @ - "
                "(a database login), starting with a letter or _",
            )
        name = cells.required("name", max_length=MAX_NAME)
        role = cells.choice("role", ROLES, "")
        if not cells.text("role") and "role" in cells.columns:
            cells.problem("role", f"role is empty (one of {', '.join(ROLES)})")
        member_queues = cells.items("queues")
        for queue in member_queues:
            check_reference(cells, "queues", queue, queues, "queue")
        row = StaffRow(
            login=login,
            name=name,
            role=Role(role) if role else Role.OPERATOR,
            email=cells.optional("email", max_length=MAX_NAME),
            queues=member_queues,
        )
        if logins.define(cells, "login", login):
            staff.append(row)
    return tuple(staff)
