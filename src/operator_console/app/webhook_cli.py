"""`webhooks add EVENT URL | list | remove ID`: admins register where case events are sent."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from operator_console.services.webhooks.events import EVENTS


def register(subparsers: Any) -> None:
    """Add the `webhooks` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "webhooks",
        help="URLs told of case events, signed (admins)",
        description="Register a URL per case event; each event POSTs the case's public fields, "
        "signed with the hook's secret, through the notifier (docs/webhooks.md).",
    )
    commands = group.add_subparsers(dest="webhooks_command", required=True)
    add = commands.add_parser("add", help="register a URL for an event; its secret is shown once")
    add.add_argument("event", choices=EVENTS, help="the case event that is sent")
    add.add_argument("url", help="the http:// or https:// address it is POSTed to")
    commands.add_parser("list", help="the webhooks in force")
    remove = commands.add_parser("remove", help="stop sending to a webhook")
    remove.add_argument("id", type=int, help="the webhook's number, as listed")


def _fail(message: str) -> int:
    print(f"operator-console webhooks: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace, database_url: str, staff_login: str | None) -> int:
    """Run one `webhooks` command; a problem is one line on stderr and exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.domain.permissions import Action, NotPermittedError, require
    from operator_console.services.webhooks.events import WebhookError
    from operator_console.services.webhooks.signing import new_secret
    from operator_console.storage.db.database import (
        DatabaseUnavailableError,
        SchemaBehindError,
        open_database,
    )
    from operator_console.storage.db.schema import SchemaTooNewError
    from operator_console.storage.staff.acting import acting_admin
    from operator_console.storage.webhooks import store

    try:
        database = open_database(database_url, migrate=False)
    except (ValueError, DatabaseUnavailableError, SchemaBehindError, SchemaTooNewError) as exc:
        return _fail(str(exc))
    engine = database.engine
    try:
        try:
            actor = acting_admin(engine, staff_login)
            require(actor, Action.CONFIGURE)
        except (ValueError, NotPermittedError) as exc:
            return _fail(f"{database.label}: {exc}")
        now = datetime.now(UTC)
        if args.webhooks_command == "add":
            secret = new_secret()
            hook = store.add_webhook(engine, args.event, args.url, secret, actor.login, now)
            print(f"{database.label}: webhook {hook.id} sends '{hook.event}' to {hook.url}.")
            print("Its signing secret, shown this once:")
            print(secret)
        elif args.webhooks_command == "remove":
            store.remove_webhook(engine, args.id, actor.login, now)
            print(f"{database.label}: webhook {args.id} is removed.")
        else:
            hooks = store.list_webhooks(engine)
            print(
                "\n".join(
                    f"{hook.id}\t{hook.event}\t{hook.url}\t"
                    f"added {hook.created_at:%Y-%m-%d %H:%M} by {hook.created_by}"
                    for hook in hooks
                )
                or "No webhooks."
            )
    except WebhookError as exc:
        return _fail(f"{database.label}: nothing was changed: {exc}")
    except DBAPIError as exc:
        return _fail(f"{database.label}: the database refused it: {str(exc.orig).strip()}")
    finally:
        engine.dispose()
    return 0
