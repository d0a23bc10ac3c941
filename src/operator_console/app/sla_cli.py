"""`sla run [--every SECONDS]`: the escalation pass, once or as a service."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `sla` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "sla",
        help="the SLA clock: fire the escalation rules (a service, or by hand)",
        description="Fire every escalation rule whose line an open case crossed: each rule "
        "once per case, however many consoles or services run the pass (docs/escalation.md).",
    )
    commands = group.add_subparsers(dest="sla_command", required=True)
    once = commands.add_parser("run", help="run the escalation pass now")
    once.add_argument(
        "--every",
        type=_seconds,
        metavar="SECONDS",
        help="run it again every SECONDS until stopped (the systemd service does this)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1.0 <= value <= 86400.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds from 1 to 86400")
    return value


def run(args: argparse.Namespace, database_url: str) -> int:
    """Run the pass (repeatedly with --every); a problem is one line on stderr, exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.services.escalation.escalation_pass import run_escalations
    from operator_console.storage.db import schema
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.escalation.store import SqlEscalationStore

    try:
        database = open_database(database_url, migrate=False)
    except (
        ValueError,
        DatabaseUnavailableError,
        SchemaBehindError,
        schema.SchemaTooNewError,
    ) as exc:
        return _fail(str(exc))
    store = SqlEscalationStore(database.engine)
    try:
        while True:
            try:
                fired = run_escalations(store, datetime.now(UTC))
                print(f"{database.label}: {fired} escalation rules fired", flush=True)
            except DBAPIError as exc:
                if args.every is None:
                    return _fail(f"{database.label}: the escalation pass failed: {exc.orig}")
                _fail(f"{database.label}: the escalation pass failed, trying again: {exc.orig}")
            if args.every is None:
                return 0
            time.sleep(args.every)
    except KeyboardInterrupt:
        return 0
    finally:
        database.engine.dispose()


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr, flush=True)
    return 2
