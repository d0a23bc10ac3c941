"""docs/security.md shows the role tables the code and a migrated database give today."""

from __future__ import annotations

from pathlib import Path

from operator_console.domain.permissions import ALLOWED, Action, Role
from operator_console.storage.db.engine import make_engine
from operator_console.tools.security_tables import actions_table, render

PAGE = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def test_the_actions_table_follows_the_permissions_table() -> None:
    rows = actions_table().splitlines()[2:]
    assert len(rows) == len(Action)
    operator_may = [row for row in rows if row.split("|")[2].strip() == "yes"]
    assert len(operator_may) == len(ALLOWED[Role.OPERATOR])


def test_the_security_page_matches_the_grants_of_a_migrated_database(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        page = PAGE.read_text("utf-8")
        assert render(page, engine) == page, (
            "docs/security.md is out of date: run python -m operator_console.tools.security_tables "
            "--database-url <a migrated database> --write docs/security.md"
        )
    finally:
        engine.dispose()
