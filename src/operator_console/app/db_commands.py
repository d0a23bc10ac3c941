"""`operator-console db ...`: upgrade, seed the demo city, show the status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from operator_console.app.settings import Settings, default_database_path

if TYPE_CHECKING:
    from operator_console.storage.demo_city.logins import DemoLogins


def run_db_command(command: str, settings: Settings, fail: Callable[[str], int]) -> int:
    """Run one database command; errors become one readable line and exit code 2."""
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        has_requests,
        open_database,
    )
    from operator_console.storage.db.engine import DatabaseUrlError

    if settings.is_embedded_default and command != "status":
        default_database_path().parent.mkdir(parents=True, exist_ok=True)
    try:
        database = open_database(settings.database_url, migrate=command != "status")
        if command == "upgrade":
            print(f"{database.label}: schema at {schema.head_revision()}")
        elif command == "status":
            print(f"{database.label}: schema {schema.current_revision(database.engine)}")
        elif command == "seed-demo":
            from operator_console.storage.demo_city.escalation_rules import (
                seed_demo_escalation_rules,
            )
            from operator_console.storage.demo_city.seed import DemoDataError, seed_demo

            if has_requests(database.engine):
                return fail(f"{database.label} already holds requests; seed an empty database")
            try:
                summary = seed_demo(database.engine)
            except DemoDataError as exc:
                return fail(str(exc))
            print(f"{database.label}: {summary}")
            rules = seed_demo_escalation_rules(database.engine)
            print(f"{database.label}: {rules} escalation rules (docs/escalation.md)")
            if database.dialect == "postgresql":
                from operator_console.services.errors import DatabaseRefusedError
                from operator_console.storage.demo_city.logins import give_demo_logins

                try:
                    logins = give_demo_logins(database.engine)
                except DatabaseRefusedError as exc:
                    return fail(
                        f"{database.label}: the demo city was seeded, but its staff got no "
                        f"logins: {exc}"
                    )
                print(f"{database.label}: {_demo_logins_said(logins)}")
        database.engine.dispose()
    except (DatabaseUrlError, DatabaseUnavailableError, SchemaBehindError) as exc:
        return fail(str(exc))
    except (schema.SchemaTooNewError, schema.SchemaPermissionError) as exc:
        return fail(str(exc))
    return 0


def _demo_logins_said(logins: DemoLogins | None) -> str:
    if logins is None:
        return "gave the demo staff no logins: only the database's owner or a superuser can."
    return str(logins)
