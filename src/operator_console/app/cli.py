"""The `operator-console` command: the GUI, database administration and tools."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from operator_console import __version__
from operator_console.app import (
    catalog_cli,
    city_cli,
    import_cli,
    notify_cli,
    open311_cli,
    report_cli,
    sla_cli,
    staff_cli,
    webhook_cli,
)
from operator_console.app import settings as app_settings
from operator_console.tools import dupes_cli


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="operator-console", description="Desktop console for 311 call centers."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        help="postgresql://user@host/db or sqlite:///file.sqlite3 "
        f"(else ${app_settings.DATABASE_URL_ENV}, else the settings file, else the demo city)",
    )
    parser.add_argument(
        "--staff",
        help="who is at a SQLite console (login); on PostgreSQL the database login is, and only "
        "the database's owner may name a staff member to act as",
    )
    parser.add_argument(
        "--language",
        help='the console\'s language, e.g. "es" (else $OPERATOR_CONSOLE_LANGUAGE, else the '
        "settings files, else the system's)",
    )
    parser.add_argument(
        "--override-locked-settings",
        action="store_true",
        help="let --database-url and --language replace what the machine-wide settings file "
        "locks, for this run (an administrator's maintenance)",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="DIR", help="render every screen to DIR/*.png and exit"
    )
    parser.add_argument(
        "--screenshot-size",
        type=_window_size,
        default="1440x900",
        metavar="WxH",
        help="the window's size in the screenshots, e.g. 1280x720 (default 1440x900)",
    )
    commands = parser.add_subparsers(dest="command")
    database = commands.add_parser("db", help="database administration")
    db_commands = database.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="migrate the database to this console's schema")
    db_commands.add_parser("seed-demo", help="load the demo city into an empty database")
    db_commands.add_parser("status", help="show the database and its schema revision")
    dupes_cli.register(commands)
    catalog_cli.register(commands)
    staff_cli.register(commands)
    city_cli.register(commands)
    import_cli.register(commands)
    sla_cli.register(commands)
    notify_cli.register(commands)
    open311_cli.register(commands)
    webhook_cli.register(commands)
    report_cli.register(commands)
    return parser


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) >= 320 and int(height) >= 240):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1280x720")
    return int(width), int(height)


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # What reads the output stopped early (`report metrics --csv | head`): the rest goes
        # nowhere, as Python's documentation advises, so the interpreter's last flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


def _run(args: argparse.Namespace) -> int:
    if args.command == "dupes":
        return int(args.run_dupes(args))
    try:
        settings = app_settings.resolve(
            args.database_url,
            args.staff,
            language=args.language,
            override_locks=args.override_locked_settings,
        )
    except app_settings.SettingsError as exc:
        return _fail(str(exc))
    if args.command == "catalog":
        return catalog_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "staff":
        return staff_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "city":
        return city_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "import":
        return import_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "sla":
        return sla_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "notify":
        return notify_cli.run(args, settings.database_url)
    if args.command == "open311":
        return open311_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "webhooks":
        return webhook_cli.run(args, settings.database_url, settings.staff_login)
    if args.command == "report":
        return report_cli.run(args, settings.database_url)
    if args.command == "db":
        from operator_console.app.db_commands import run_db_command

        return run_db_command(args.db_command, settings, _fail)
    from operator_console.app.gui import run_gui

    return run_gui(settings, args.screenshot, args.screenshot_size)


if __name__ == "__main__":
    sys.exit(main())
