"""The role tables of docs/security.md, written from the permissions table and a migrated database.

    python -m operator_console.tools.security_tables --database-url URL [--write docs/security.md]

Without `--write` it prints the tables; with it, it replaces them in the file between their
markers. A test renders them again and compares, so the page never drifts from the code.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from operator_console.domain.permissions import ALLOWED, Action, Role, describe_action
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.roles import GROUP_ROLE, NOTIFIER_ROLE, OPEN311_ROLE, PUBLIC_ROLE

_PRIVILEGES = (("SELECT", "read"), ("INSERT", "add"), ("UPDATE", "change"), ("DELETE", "delete"))
_MARKERS = {
    "actions": ("<!-- actions table: generated -->", "<!-- end of actions table -->"),
    "privileges": ("<!-- privileges table: generated -->", "<!-- end of privileges table -->"),
}


def actions_table() -> str:
    """What each role may do in the console, from `domain.permissions.ALLOWED`."""
    header = "| The person may … | " + " | ".join(role.value for role in Role) + " |"
    lines = [header, "|---|" + "---|" * len(Role)]
    for action in Action:
        marks = ["yes" if action in ALLOWED[role] else "—" for role in Role]
        lines.append(f"| {describe_action(action)} | " + " | ".join(marks) + " |")
    return "\n".join(lines)


_WHOLE = text("SELECT has_table_privilege(:g, :r, :p)")
_SOME_COLUMNS = text("SELECT has_any_column_privilege(:g, :r, :p)")


def _relations(connection: Connection) -> list[str]:
    names = connection.execute(
        text(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind IN ('r', 'v') AND c.relname <> 'alembic_version' "
            "ORDER BY c.relkind, c.relname"
        )
    ).scalars()
    return [str(name) for name in names]


def _cell(connection: Connection, group: str, relation: str) -> str:
    words = []
    for privilege, word in _PRIVILEGES:
        asked = {"g": group, "r": f"public.{relation}", "p": privilege}
        if connection.execute(_WHOLE, asked).scalar_one():
            words.append(word)
        elif privilege != "DELETE" and connection.execute(_SOME_COLUMNS, asked).scalar_one():
            words.append(f"{word} (some columns)")
    return ", ".join(words) or "—"


def privileges_table(engine: Engine) -> str:
    """What each group role may do to each table and view, read from the database's grants."""
    groups = [*GROUP_ROLE.values(), NOTIFIER_ROLE, OPEN311_ROLE, PUBLIC_ROLE]
    lines = ["| Table or view | " + " | ".join(groups) + " |", "|---|" + "---|" * len(groups)]
    with engine.connect() as connection:
        for relation in _relations(connection):
            cells = [_cell(connection, group, relation) for group in groups]
            lines.append(f"| `{relation}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render(page: str, engine: Engine) -> str:
    """The page with both tables replaced by what the code and the database say now."""
    for name, table in (("actions", actions_table()), ("privileges", privileges_table(engine))):
        start, end = _MARKERS[name]
        before, found, rest = page.partition(start)
        _old, closed, after = rest.partition(end)
        if not (found and closed):
            raise ValueError(f"the page has no {name} table markers ({start} … {end})")
        page = f"{before}{start}\n{table}\n{end}{after}"
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a migrated PostgreSQL database")
    parser.add_argument("--write", type=Path, help="the page to update in place")
    args = parser.parse_args(argv)
    engine = make_engine(args.database_url)
    try:
        if args.write is None:
            print(actions_table(), privileges_table(engine), sep="\n\n")
        else:
            args.write.write_text(render(args.write.read_text("utf-8"), engine), "utf-8")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
