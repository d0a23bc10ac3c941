"""`city validate|load|export`: a city described by a bundle of files, checked, loaded, written."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from operator_console.domain.permissions import NotPermittedError, Role, StaffIdentity
from operator_console.services.city_bundle.model import CityBundle
from operator_console.services.city_bundle.problems import BundleInvalid
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError

if TYPE_CHECKING:
    from sqlalchemy import Engine

DEFAULT_TILES = "streets.mbtiles"


def register(subparsers: Any) -> None:
    """Add the `city` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "city",
        help="the city as a bundle of files: validate, load, export (docs/city-bundle.md)",
        description="A city bundle is a folder (or a zip of one) with city.toml and plain CSV, "
        "JSON and GeoJSON files; docs/city-bundle.md describes each file.",
    )
    commands = group.add_subparsers(dest="city_command", required=True)
    validate = commands.add_parser(
        "validate", help="check every file; list every problem (file:line:column) and exit 2"
    )
    validate.add_argument("bundle", type=Path, help="the bundle's folder or .zip")
    load = commands.add_parser(
        "load",
        help="load a valid bundle in one transaction (admins)",
        description="Checks the bundle first and writes nothing if anything is wrong; then "
        "writes all of it in one transaction. A database holding a city already is updated by "
        "codes; what the bundle no longer lists is removed, or kept (deactivated) while cases "
        "use it. Only an admin loads: the database login on PostgreSQL (or the database's "
        "owner, for a new database), --staff LOGIN on SQLite (anyone, on a SQLite database "
        "that has no staff yet).",
    )
    load.add_argument("bundle", type=Path, help="the bundle's folder or .zip")
    export = commands.add_parser("export", help="write the database's city as a bundle")
    export.add_argument(
        "out_dir",
        type=Path,
        help="created if missing; the bundle's files in it are replaced (and an earlier "
        "bundle's service definitions and district files removed)",
    )
    basemap = commands.add_parser(
        "build-basemap",
        help="draw the street base map (MBTiles) from the bundle's street centrelines",
        description="Reads the [basemap] streets file of a bundle folder and writes its tiles "
        "file (default streets.mbtiles), zoom 12 to 17 unless told; the same streets give the "
        "same file.",
    )
    basemap.add_argument("bundle", type=Path, help="the bundle's folder")
    basemap.add_argument(
        "--max-zoom",
        type=int,
        default=17,
        choices=range(12, 19),
        metavar="{12..18}",
        help="the deepest zoom drawn (default 17, where an operator places a pin; 16 gives a "
        "file about a third the size, enlarged and softer at 17)",
    )


def run(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    """Run one city command; problems go to stdout (validate) or stderr, with exit code 2."""
    if args.city_command == "validate":
        bundle = _read(args.bundle)
        if bundle is None:
            return 2
        print(f"{args.bundle}: valid ({_contents(bundle)})")
        return 0
    if args.city_command == "load":
        bundle = _read(args.bundle)
        if bundle is None:
            return _fail(f"{args.bundle}: nothing was loaded")
        return _with_database(
            database_url, lambda engine, label: _load(engine, label, bundle, staff_login)
        )
    if args.city_command == "build-basemap":
        return _build_basemap(args.bundle, args.max_zoom)
    return _with_database(database_url, lambda engine, label: _export(engine, label, args.out_dir))


def _read(path: Path) -> CityBundle | None:
    """The bundle, checked; None after printing every problem."""
    try:
        bundle = read_bundle(path)
    except BundleInvalid as exc:
        for problem in exc.problems:
            print(problem)
        for warning in exc.warnings:
            print(f"warning: {warning}")
        count = len(exc.problems)
        print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        return None
    for warning in bundle.warnings:
        print(f"warning: {warning}")
    return bundle


def _contents(bundle: CityBundle) -> str:
    counts = {
        "district layer": len(bundle.layers),
        "district": sum(len(layer.districts) for layer in bundle.layers),
        "department": len(bundle.departments),
        "queue": len(bundle.queues),
        "service": len(bundle.services),
        "question file": len(bundle.definitions),
        "SLA policy": len(bundle.sla_policies),
        "calendar": len(bundle.calendars),
        "closure day": len(bundle.closures),
        "routing rule": len(bundle.routing),
        "staff member": len(bundle.staff),
        "address point": len(bundle.addresses),
    }
    return ", ".join(f"{count:,} {_plural(what, count)}" for what, count in counts.items())


def _plural(word: str, count: int) -> str:
    if count == 1:
        return word
    if word.endswith("y") and not word.endswith("ay"):
        return f"{word[:-1]}ies"
    return f"{word}s"


def _with_database(database_url: str, work: Any) -> int:
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )

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
        return int(work(database.engine, database.label))
    except BackendUnavailableError as exc:
        return _fail(f"{database.label}: {exc}")
    finally:
        database.engine.dispose()


def _load(engine: Engine, label: str, bundle: CityBundle, staff_login: str | None) -> int:
    from operator_console.storage.city_bundle.load import load_city

    try:
        actor = _loader(engine, staff_login)
    except ValueError as exc:
        hint = "" if engine.dialect.name == "postgresql" else "; an admin loads (--staff LOGIN)"
        return _fail(f"{label}: {exc}{hint}")
    try:
        summary = load_city(engine, bundle, actor, datetime.now(UTC))
    except (NotPermittedError, DatabaseRefusedError) as exc:
        return _fail(f"{label}: nothing was loaded: {exc}")
    print(f"{label}: {summary}")
    return 0


def _loader(engine: Engine, staff_login: str | None) -> StaffIdentity:
    """Who loads: the session's admin (or the owner) on PostgreSQL; on SQLite the admin
    `--staff` names, or, in a database with no staff yet, whoever holds the file."""
    from sqlalchemy import func, select

    from operator_console.storage.db.tables import staff
    from operator_console.storage.staff.acting import acting_admin

    if engine.dialect.name != "postgresql" and not staff_login:
        with engine.connect() as connection:
            if not connection.execute(select(func.count()).select_from(staff)).scalar_one():
                return StaffIdentity("owner", "The database file's owner", Role.ADMIN.value)
    return acting_admin(engine, staff_login)


def _export(engine: Engine, label: str, out_dir: Path) -> int:
    from operator_console.storage.city_bundle.export import (
        NoCityError,
        TilesNotHereError,
        write_city_export,
    )

    try:
        bundle, written = write_city_export(engine, out_dir)
    except (NoCityError, TilesNotHereError, DatabaseRefusedError) as exc:
        return _fail(f"{label}: {exc}")
    except OSError as exc:
        return _fail(f"{exc.filename or out_dir}: cannot write ({exc.strerror or exc})")
    print(f"{label}: wrote {len(written)} files to {out_dir} ({_contents(bundle)})")
    return 0


def _build_basemap(path: Path, max_zoom: int) -> int:
    from operator_console.storage.basemaps.street_tiles import (
        OSM_ATTRIBUTION,
        render_street_tiles,
    )

    if not path.is_dir():
        return _fail(f"{path}: build-basemap writes into a bundle folder, not a zip")
    bundle = _read(path)
    if bundle is None:
        return 2
    basemap = bundle.basemap
    if basemap is None or not basemap.streets:
        return _fail(f"{path}: city.toml has no [basemap] table naming its streets file")
    tiles = path / (basemap.tiles or DEFAULT_TILES)
    try:
        report = render_street_tiles(
            path / basemap.streets,
            tiles,
            max_zoom=max_zoom,
            attribution=basemap.attribution or OSM_ATTRIBUTION,
        )
    except (OSError, ValueError) as exc:  # StreetsFileError is a ValueError
        return _fail(str(exc))
    print(
        f"{report.path}: {report.tiles:,} tiles, {report.labels:,} street names, "
        f"{report.size_bytes / 1e6:.1f} MB in {report.seconds:.0f} s"
    )
    if not basemap.tiles:
        print(f'add tiles = "{DEFAULT_TILES}" to the [basemap] table of city.toml')
    return 0


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr)
    return 2
