"""`catalog import-open311` and `catalog export-open311`: the service catalog as Open311 files."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from operator_console.domain.permissions import NotPermittedError
from operator_console.services.catalog.exchange import (
    SERVICES_FILE,
    CatalogFileError,
    CatalogImport,
    CatalogStoreError,
    SourceText,
    export_open311,
    import_open311,
)


def register(subparsers: Any) -> None:
    """Add the `catalog` command group to an argparse subparsers object."""
    catalog = subparsers.add_parser("catalog", help="service catalog exchange (Open311)")
    commands = catalog.add_subparsers(dest="catalog_command", required=True)
    importer = commands.add_parser(
        "import-open311",
        help="add or update services, and replace their questions, from Open311 files (admins)",
        description="Read a GeoReport v2 services.json and service definition files "
        "(any .json holding service_code and attributes). Every file is checked before "
        "anything is written; then everything is written in one transaction. Only an admin "
        "imports: the database login on PostgreSQL, --staff LOGIN on SQLite.",
    )
    importer.add_argument("services_json", type=Path, help="the services.json list")
    importer.add_argument(
        "definitions", type=Path, nargs="*", help="service definition files (.json)"
    )
    exporter = commands.add_parser(
        "export-open311",
        help="write services.json and services/<code>.json for each service with questions",
    )
    exporter.add_argument("out_dir", type=Path, help="created if missing; files are replaced")


def run(
    args: argparse.Namespace, settings_database_url: str, staff_login: str | None = None
) -> int:
    """Run one catalog command; a problem is one line on stderr and exit code 2.

    An import runs as the staff member at hand: the database login on PostgreSQL,
    `staff_login` (`--staff`) on SQLite; only an admin may import.
    """
    from operator_console.storage.catalog.store import SqlCatalogStore
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        identify,
        open_database,
    )
    from operator_console.storage.db.engine import DatabaseUrlError

    importing = args.catalog_command == "import-open311"
    try:
        # Every file is read before the database is touched.
        services_file = _read(args.services_json) if importing else None
        definition_files = [_read(path) for path in args.definitions] if importing else []
        database = open_database(settings_database_url, migrate=False)
    except (
        CatalogFileError,
        DatabaseUrlError,
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    store = SqlCatalogStore(database.engine)
    try:
        if services_file is not None:
            try:
                staff = identify(database.engine, staff_login)
            except ValueError as exc:  # nobody named on SQLite, or no staff with that login
                return _fail(f"{database.label}: {exc}; an admin imports (--staff LOGIN)")
            outcome = import_open311(store, staff, services_file, definition_files)
            print(_describe(outcome, database.label))
        else:
            written = _write(args.out_dir, export_open311(store))
            print(
                f"{database.label}: wrote {args.out_dir / SERVICES_FILE} and "
                f"{written - 1} service definitions"
            )
    except CatalogFileError as exc:
        return _fail(str(exc))
    except (NotPermittedError, CatalogStoreError) as exc:
        return _fail(f"{database.label}: nothing was changed: {exc}")
    except OSError as exc:
        return _fail(f"{exc.filename or args.out_dir}: cannot write ({exc.strerror or exc})")
    finally:
        database.engine.dispose()
    return 0


def _read(path: Path) -> SourceText:
    try:
        return SourceText(str(path), path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CatalogFileError(str(path), f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CatalogFileError(str(path), "not UTF-8 text") from None


def _write(out_dir: Path, files: dict[str, object]) -> int:
    """Write each document next to a temporary file, then rename, so no file is half-written."""
    for relative, document in files.items():
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(document, stream, indent=2, ensure_ascii=False)
                stream.write("\n")
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return len(files)


def _describe(outcome: CatalogImport, label: str) -> str:
    changes = outcome.changes
    summary = (
        f"{label}: {outcome.services} services read; {len(changes.added)} added, "
        f"{len(changes.updated)} updated; questions replaced for "
        f"{len(changes.questions_replaced)}"
    )
    if outcome.without_definition:
        summary += (
            f"\n{len(outcome.without_definition)} services say they have questions but none "
            f"were given: {', '.join(outcome.without_definition)}"
        )
    return summary


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr)
    return 2
