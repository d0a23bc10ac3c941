"""`import requests`: load a city's past requests from its export, with a mapping file."""

from __future__ import annotations

import argparse
import csv
import sys
import zipfile
from pathlib import Path
from typing import Any

from operator_console.services.history_import.export_file import ExportFileError
from operator_console.services.history_import.importer import (
    DEFAULT_BATCH_SIZE,
    BatchFailedError,
    ImportReport,
    import_history,
)
from operator_console.services.history_import.mapping import MappingFileError
from operator_console.services.history_import.rejects import default_rejects_path
from operator_console.services.history_import.rows import MissingColumnsError
from operator_console.services.history_import.shipped import find_mapping


def register(subparsers: Any) -> None:
    """Add `import requests` to an argparse subparsers object."""
    group = subparsers.add_parser("import", help="bring a city's past data along")
    commands = group.add_subparsers(dest="import_command", required=True)
    requests = commands.add_parser(
        "requests",
        help="load past requests from a city's export (CSV, CSV.gz or a zip holding a CSV)",
        description="Every usable row becomes a case with its status, dates, closure reason, "
        "place and district; a row that cannot be used is counted and written to the rejects "
        "file. Importing the same export again adds nothing. On PostgreSQL the database's "
        "owner imports; on SQLite an admin (--staff LOGIN).",
    )
    requests.add_argument(
        "--mapping", required=True, help="a mapping .toml file, or a shipped one: boston, nyc"
    )
    requests.add_argument("export", type=Path, help="the export: .csv, .csv.gz or .zip")
    requests.add_argument(
        "--rejects", type=Path, help="where skipped rows go (default: <export>.rejects.csv)"
    )
    requests.add_argument(
        "--dry-run",
        action="store_true",
        help="read and check every row; write only the rejects file",
    )
    requests.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="rows per transaction"
    )
    requests.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    """Run the import; a problem, or an export none of whose rows can be used, is one line on
    stderr and exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.db.engine import DatabaseUrlError
    from operator_console.storage.history_import.writer import SqlHistoryWriter
    from operator_console.storage.metrics.rollups import has_rollups, rebuild_rollups

    try:
        mapping = find_mapping(args.mapping)
    except MappingFileError as exc:
        return _fail(str(exc))
    if not args.export.is_file():
        return _fail(f"{args.export}: no such export file")
    if args.batch_size < 1:
        return _fail("--batch-size must be at least 1")
    try:
        database = open_database(database_url, migrate=False)
    except (
        DatabaseUrlError,
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    try:
        refusal = _refusal(database.engine, staff_login)
        if refusal:
            return _fail(f"{database.label}: {refusal}")
        rejects = args.rejects or default_rejects_path(args.export)
        with SqlHistoryWriter(database.engine, mapping) as writer, _Progress(args) as progress:
            report = import_history(
                mapping,
                args.export,
                writer,
                rejects,
                batch_size=args.batch_size,
                dry_run=args.dry_run,
                progress=progress.update,
            )
        if not report.dry_run and has_rollups(database.engine):
            try:
                rebuild_rollups(database.engine)
            except DBAPIError as exc:
                print(describe(report, database.label))
                return _fail(
                    f"{database.label}: the metric rollups were not rebuilt ({exc.orig}): "
                    "run `operator-console report rebuild-rollups`"
                )
    except (MissingColumnsError, ExportFileError, OSError, zipfile.BadZipFile, csv.Error) as exc:
        return _fail(f"{args.export}: {exc}")
    except BatchFailedError as exc:
        return _fail(f"{database.label}: {args.export.name}: {exc}")
    finally:
        database.engine.dispose()
    print(describe(report, database.label))
    if report.read and sum(report.rejected.values()) == report.read:
        return _fail(
            f"{args.export.name}: every one of the {report.read:,} rows was rejected "
            f"(their reasons are in {report.rejects_file})"
        )
    return 0


def _refusal(engine: Any, staff_login: str | None) -> str:
    """Why the person at hand may not import ("" when they may)."""
    from operator_console.domain.permissions import Role
    from operator_console.services.staff.role_words import a_role
    from operator_console.storage.staff.acting import acting_admin, is_owner_session

    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            if is_owner_session(connection):
                return ""
        return "imports are run by the database's owner (they file cases as import:<mapping>)"
    try:
        person = acting_admin(engine, staff_login)
    except ValueError as exc:
        return f"{exc}; an admin imports (--staff LOGIN)"
    if person.role != Role.ADMIN.value:
        return f"{person.login} is {a_role(person.role)}; only an admin imports"
    return ""


def describe(report: ImportReport, label: str) -> str:
    """The counts, in words."""
    verb = "would import" if report.dry_run else "imported"
    lines = [
        f"{label}: {report.export} with the {report.mapping!r} mapping: "
        f"{report.read:,} rows read, {report.imported:,} {verb}, "
        f"{report.already_present:,} already present, "
        f"{sum(report.rejected.values()):,} rejected "
        f"({report.seconds:.1f} s, {report.rows_per_second:,.0f} rows/s)"
    ]
    if report.already_present and not report.imported and not report.dry_run:
        lines.append("No row was new: nothing changed.")
    for reason, count in sorted(report.rejected.items(), key=lambda item: -item[1]):
        lines.append(f"  rejected, {reason}: {count:,}")
    if report.rejects_file:
        lines.append(f"Rejected rows, with their line and reason: {report.rejects_file}")
    return "\n".join(lines)


class _Progress:
    """A tqdm bar on stderr (rows read), unless --quiet."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._quiet = bool(args.quiet)
        self._verb = "checking" if args.dry_run else "importing"
        self._bar: Any = None
        self._done = 0

    def __enter__(self) -> _Progress:
        if not self._quiet:
            from tqdm import tqdm

            self._bar = tqdm(unit=" rows", unit_scale=True, file=sys.stderr, desc=self._verb)
        return self

    def update(self, read: int) -> None:
        if self._bar is not None:
            self._bar.update(read - self._done)
            self._done = read

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()


def _fail(message: str) -> int:
    print(f"import requests: {message}", file=sys.stderr)
    return 2
