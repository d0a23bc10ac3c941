"""`open311 serve`: the Open311 GeoReport v2 server (uvicorn, one or more processes);
`open311 keys add|revoke|list`: client applications' API keys (admins)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from operator_console.services.open311.keys import ClientApplication

DATABASE_URL_ENV = "OPERATOR_CONSOLE_OPEN311_DATABASE_URL"
"""How `serve` hands its database to the server processes uvicorn starts."""


def register(subparsers: Any) -> None:
    """Add the `open311` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "open311",
        help="the Open311 GeoReport v2 server and its client applications' keys",
        description="Serve services, requests and their updates to websites and apps, and "
        "file what they POST through intake (docs/open311.md).",
    )
    commands = group.add_subparsers(dest="open311_command", required=True)
    serve = commands.add_parser("serve", help="run the server (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_whole_number(1, 65535), default=8311, help="port (8311)")
    serve.add_argument(
        "--workers",
        type=_whole_number(1, 64),
        default=1,
        metavar="N",
        help="server processes (default 1); all share the database's rate counts",
    )
    keys = commands.add_parser("keys", help="client applications' API keys (admins)")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    add = key_commands.add_parser("add", help="add a client application; its key is shown once")
    add.add_argument("name", help="the client application's name, as its requests record it")
    add.add_argument(
        "--per-minute",
        type=_whole_number(1, 1_000_000),
        default=60,
        metavar="N",
        help="requests it may POST each minute (default 60)",
    )
    add.add_argument(
        "--channel",
        default="app",
        help="the channel its requests are filed under: app, web or open311 (default app)",
    )
    key_commands.add_parser("revoke", help="revoke a client application's key").add_argument("name")
    key_commands.add_parser("list", help="every client application, revoked ones too")


def _whole_number(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        if not text.isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return parse


def _fail(message: str) -> int:
    print(f"operator-console open311: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    """Run one `open311` command; a problem is one line on stderr and exit code 2."""
    if args.open311_command == "serve":
        return serve(database_url, args.host, args.port, args.workers)
    return _keys(args, database_url, staff_login)


def serve(database_url: str, host: str, port: int, workers: int) -> int:
    """Run the server until interrupted; each process opens its own connections."""
    import uvicorn

    from operator_console.storage.db.database import DatabaseUnavailableError, SchemaBehindError
    from operator_console.storage.db.schema import SchemaTooNewError
    from operator_console.storage.open311.startup import check_server_database

    try:
        check_server_database(database_url)  # fail here, not on each request
    except (ValueError, DatabaseUnavailableError, SchemaBehindError, SchemaTooNewError) as exc:
        return _fail(str(exc))
    os.environ[DATABASE_URL_ENV] = database_url
    uvicorn.run(
        f"{__name__}:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )
    return 0


def app_from_environment() -> Starlette:
    """The application over the database named by $OPERATOR_CONSOLE_OPEN311_DATABASE_URL (each
    uvicorn process calls it)."""
    url = os.environ.get(DATABASE_URL_ENV)
    if not url:
        raise RuntimeError(f"${DATABASE_URL_ENV} names no database")
    return build_app(url)


def build_app(
    database_url: str, pool_size: int = 10, clock: Callable[[], datetime] | None = None
) -> Starlette:
    """The Open311 application over `database_url` (the server's own login), on `clock`
    (the wall clock unless given)."""
    from operator_console.storage.db.engine import make_engine
    from operator_console.storage.open311.clients import SqlKeyGate
    from operator_console.storage.open311.filing import SqlFilingPorts
    from operator_console.storage.open311.reads import SqlPublicReads
    from operator_console.web.app import Open311Backend, create_app

    if database_url.startswith("postgresql"):
        # No ping on each checkout: a POST takes five connections in turn, and five extra
        # round trips were a sixth of its time. A connection the server lost is found on its
        # first statement instead: that request is a 503 and the pool is refilled.
        engine = make_engine(
            database_url, pool_size=pool_size, pool_pre_ping=False, pool_recycle=1800
        )
    else:
        engine = make_engine(database_url)
    backend = Open311Backend(
        reads=SqlPublicReads(engine),
        gate=SqlKeyGate(engine),
        filing=SqlFilingPorts(engine),
        clock=clock or (lambda: datetime.now(UTC)),
    )
    return create_app(backend)


def _keys(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    from operator_console.domain.permissions import NotPermittedError
    from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError
    from operator_console.services.open311 import keys
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.db.schema import SchemaTooNewError
    from operator_console.storage.open311.clients import SqlClientStore
    from operator_console.storage.staff.acting import acting_admin

    try:
        database = open_database(database_url, migrate=False)
    except (ValueError, DatabaseUnavailableError, SchemaBehindError, SchemaTooNewError) as exc:
        return _fail(str(exc))
    try:
        try:
            actor = acting_admin(database.engine, staff_login)
        except ValueError as exc:
            return _fail(f"{database.label}: {exc}")
        store = SqlClientStore(database.engine)
        now = datetime.now(UTC)
        if args.keys_command == "add":
            client, key = keys.add_client(
                store, actor, args.name, args.per_minute, args.channel, now
            )
            print(
                f"{database.label}: added {client.name} ({client.per_minute} a minute, "
                f"channel {client.channel}). Its key, shown this once:"
            )
            print(key)
        elif args.keys_command == "revoke":
            client = keys.revoke_client(store, actor, args.name, now)
            print(f"{database.label}: revoked the key of {client.name}.")
        else:
            print(_listing(keys.list_clients(store, actor)))
    except (keys.ClientKeyError, NotPermittedError, DatabaseRefusedError) as exc:
        return _fail(f"{database.label}: nothing was changed: {exc}")
    except BackendUnavailableError as exc:
        return _fail(f"{database.label}: {exc}")
    finally:
        database.engine.dispose()
    return 0


def _listing(clients: Any) -> str:
    rows: list[ClientApplication] = list(clients)
    if not rows:
        return "No client applications."
    lines = []
    for client in rows:
        state = (
            f"revoked {client.revoked_at:%Y-%m-%d %H:%M} by {client.revoked_by}"
            if client.revoked_at
            else "active"
        )
        lines.append(
            f"{client.name}\t{client.key_prefix}…\t{client.channel}\t{client.per_minute}/min\t"
            f"added {client.created_at:%Y-%m-%d %H:%M} by {client.created_by}\t{state}"
        )
    return "\n".join(lines)
