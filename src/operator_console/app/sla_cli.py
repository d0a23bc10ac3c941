"""`sla run [--every SECONDS]`: the escalation pass, once or as a service; `sla rules`,
`add-rule`, `disable-rule`, `enable-rule`: the escalation rules (admins)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from operator_console.app.acting_option import acting_option, add_group_acting_option
from operator_console.services.escalation.rules import ACTIONS, TRIGGERS

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from operator_console.services.escalation.rule_admin import RuleLine


def register(subparsers: Any) -> None:
    """Add the `sla` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "sla",
        help="the SLA clock: fire the escalation rules (a service, or by hand)",
        description="Fire every escalation rule whose line an open case crossed: each rule "
        "once per case, however many consoles or services run the pass (docs/escalation.md).",
    )
    add_group_acting_option(group)
    commands = group.add_subparsers(dest="sla_command", required=True)
    add_parser = partial(commands.add_parser, parents=[acting_option()])
    once = commands.add_parser("run", help="run the escalation pass now")
    once.add_argument(
        "--every",
        type=_seconds,
        metavar="SECONDS",
        help="run it again every SECONDS until stopped (the systemd service does this)",
    )
    add_parser("rules", help="the escalation rules, and how often each fired")
    add = add_parser("add-rule", help="add an escalation rule (admins)")
    add.add_argument("--trigger", required=True, choices=TRIGGERS)
    add.add_argument("--action", required=True, choices=ACTIONS)
    add.add_argument("--policy", metavar="CODE", help="the SLA policy (default: every policy)")
    add.add_argument("--hours", type=float, help="business hours past due, for overdue_by")
    add.add_argument("--queue", metavar="CODE", help="where move_queue sends the case")
    for name, what in (
        ("disable-rule", "stop a rule firing (what it fired stays)"),
        ("enable-rule", "let a disabled rule fire again"),
    ):
        add_parser(name, help=what).add_argument("rule_id", type=int, metavar="ID")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1.0 <= value <= 86400.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds from 1 to 86400")
    return value


def run(args: argparse.Namespace, database_url: str, staff_login: str | None = None) -> int:
    """Run the pass (repeatedly with --every); a problem is one line on stderr, exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.services.escalation.escalation_pass import catch_up
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
    if args.sla_command != "run":
        try:
            return _rules(args, database.engine, args.acting_login or staff_login)
        finally:
            database.engine.dispose()
    store = SqlEscalationStore(database.engine)
    try:
        while True:
            try:
                fired = catch_up(store, datetime.now(UTC))
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


def _rules(args: argparse.Namespace, engine: Engine, acting_login: str | None) -> int:
    from sqlalchemy.exc import DBAPIError

    from operator_console.domain.permissions import NotPermittedError
    from operator_console.services.escalation.rule_admin import (
        NewRule,
        RuleProblemError,
        add_rule,
        set_rule_active,
    )
    from operator_console.storage.escalation.rule_store import SqlRuleStore
    from operator_console.storage.staff.acting import acting_admin

    store = SqlRuleStore(engine)
    try:
        if args.sla_command == "rules":
            for line in store.lines():
                print(_described(line))
            return 0
        actor = acting_admin(engine, acting_login)
        if args.sla_command == "add-rule":
            command = NewRule(args.trigger, args.action, args.policy, args.hours, args.queue)
            print(f"escalation rule {add_rule(store, command, actor)} added")
        else:
            active = args.sla_command == "enable-rule"
            set_rule_active(store, args.rule_id, active, actor)
            print(f"escalation rule {args.rule_id} {'enabled' if active else 'disabled'}")
    except (ValueError, RuleProblemError, NotPermittedError) as exc:
        return _fail(f"nothing was changed: {exc}")
    except DBAPIError as exc:
        return _fail(f"nothing was changed: {exc.orig}")
    return 0


def _described(line: RuleLine) -> str:
    rule = line.rule
    when = rule.trigger if rule.hours is None else f"{rule.trigger} {rule.hours:g} h"
    then = rule.action if line.queue_code is None else f"{rule.action} to {line.queue_code}"
    state = "" if rule.active else ", disabled"
    policy = line.policy_code or "every policy"
    return f"{rule.id}: {policy}: {when} -> {then} (fired on {line.fired} cases{state})"
