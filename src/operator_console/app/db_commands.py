"""`operator-console db ...`: upgrade, seed the demo city, show the status."""

from __future__ import annotations

from collections.abc import Callable

from operator_console.app.settings import Settings


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

    try:
        database = open_database(settings.database_url, migrate=command != "status")
        if command == "upgrade":
            print(f"{database.label}: schema at {schema.head_revision()}")
        elif command == "status":
            print(f"{database.label}: schema {schema.current_revision(database.engine)}")
        elif command == "seed-demo":
            from operator_console.storage.demo_city.seed import DemoDataError, seed_demo

            if has_requests(database.engine):
                return fail(f"{database.label} already holds requests; seed an empty database")
            try:
                summary = seed_demo(database.engine)
            except DemoDataError as exc:
                return fail(str(exc))
            print(f"{database.label}: {summary}")
        database.engine.dispose()
    except (DatabaseUrlError, DatabaseUnavailableError, SchemaBehindError) as exc:
        return fail(str(exc))
    except (schema.SchemaTooNewError, schema.SchemaPermissionError) as exc:
        return fail(str(exc))
    return 0
