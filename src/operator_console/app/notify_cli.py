"""`notify run [--config notify.toml] [--once] [--batch N]`: deliver the outbox by e-mail and
SMS, once or as a service; `notify status`: how many messages are in each state."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from operator_console.channels.config import NotifyConfig
    from operator_console.services.notify.notifier import Notifier, PassCounts

STATUSES = ("pending", "sent", "undeliverable", "held")


def register(subparsers: Any) -> None:
    """Add the `notify` command group to an argparse subparsers object."""
    group = subparsers.add_parser(
        "notify",
        help="deliver residents' messages by e-mail and SMS (a service, or once)",
        description="Drain the notification outbox: each message is sent once, failures are "
        "tried again with a growing delay, refused ones are parked (docs/notifications.md).",
    )
    commands = group.add_subparsers(dest="notify_command", required=True)
    run = commands.add_parser("run", help="deliver what is due, then wait for more")
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="notify.toml: the mail server, the SMS account, the retries "
        "(without it every message is held, not sent)",
    )
    run.add_argument("--once", action="store_true", help="deliver what is due now, then exit")
    run.add_argument(
        "--batch",
        type=_whole_number(1, 1000),
        default=50,
        metavar="N",
        help="messages claimed at a time (default 50)",
    )
    run.add_argument(
        "--poll",
        type=_whole_number(1, 3600),
        default=30,
        metavar="SECONDS",
        help="look for due retries this often when nothing announces a change (default 30)",
    )
    commands.add_parser("status", help="how many messages are pending, sent, undeliverable, held")


def _whole_number(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        if not text.isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {low} to {high}")
        return int(text)

    return parse


def worker_name() -> str:
    """This process, as its leases name it: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"[:80]


def build_notifier(
    engine: Engine,
    config: NotifyConfig | None = None,
    *,
    worker: str | None = None,
    batch: int = 50,
    poll: float = 30.0,
) -> Notifier:
    """A notifier on `engine`'s outbox; without `config` every message to a resident is
    held (webhooks are still delivered)."""
    from operator_console.channels.config import NotifyConfig
    from operator_console.channels.webhook import WebhookSender
    from operator_console.services.notify.notifier import Notifier, NotifierSettings
    from operator_console.storage.notify.outbox import SqlOutbox
    from operator_console.storage.webhooks.store import SqlWebhookSecrets

    chosen = config or NotifyConfig()
    settings = NotifierSettings(
        worker=worker or worker_name(), batch=batch, poll=poll, retry=chosen.retry
    )
    # Webhooks need no configuration: each hook is its own address and secret.
    senders = {**chosen.senders(), "webhook": WebhookSender(SqlWebhookSecrets(engine))}
    return Notifier(SqlOutbox(engine), senders, settings)


def deliver_due_messages(
    engine: Engine, config: NotifyConfig | None = None, *, worker: str | None = None
) -> PassCounts:
    """One pass in this process: deliver every message due now (held without `config`), and
    say what became of them. A console's background notifier calls this off the Qt thread."""
    return build_notifier(engine, config, worker=worker).run_until_drained(_now)


def _now() -> datetime:
    return datetime.now(UTC)


def run(args: argparse.Namespace, database_url: str) -> int:
    """`notify run` or `notify status`; a problem is one line on stderr, exit code 2."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.channels.config import NotifyConfigError, load_config
    from operator_console.storage.db.engine import DatabaseUrlError, describe, make_engine
    from operator_console.storage.notify.outbox import counts_by_status

    config = None
    if args.notify_command == "run" and args.config is not None:
        try:
            config = load_config(args.config, os.environ)
        except NotifyConfigError as exc:
            return _fail(str(exc))
    try:
        engine = make_engine(database_url)
    except DatabaseUrlError as exc:
        return _fail(str(exc))
    label = describe(engine)
    missing = _missing_sqlite_file(engine)
    if missing:
        engine.dispose()
        return _fail(f"{label}: {missing}")
    try:
        counts = counts_by_status(engine)
        if args.notify_command == "status":
            for status in STATUSES:
                print(f"{status}: {counts.get(status, 0)}")
            return 0
        notifier = build_notifier(engine, config, batch=args.batch, poll=float(args.poll))
        if args.once:
            print(f"{label}: {notifier.run_until_drained(_now).describe()}", flush=True)
            return 0
        return _serve(notifier, engine, label, float(args.poll))
    except DBAPIError as exc:
        return _fail(f"{label}: the outbox cannot be used: {_first_line(exc.orig)}")
    finally:
        engine.dispose()


def _serve(notifier: Notifier, engine: Engine, label: str, poll: float) -> int:
    """Deliver until SIGTERM or Ctrl+C (the batch under way is finished first); a database
    that goes away is tried again each poll."""
    from sqlalchemy.exc import DBAPIError

    from operator_console.storage.notify.wakeup import PgWakeup, PollWakeup

    stopping = threading.Event()
    # A message being sent is finished and recorded before the notifier stops: stopping in
    # between would send it again once its lease ran out.
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop_signal, lambda _signal, _frame: stopping.set())
    on_postgresql = engine.dialect.name == "postgresql"
    wakeup = (
        PgWakeup(engine.url.render_as_string(hide_password=False), stopping)
        if on_postgresql
        else PollWakeup(stopping)
    )

    def report(counts: PassCounts) -> None:
        print(f"{label}: {counts.describe()}", flush=True)

    print(f"{label}: delivering messages (stop with SIGTERM or Ctrl+C)", flush=True)
    try:
        while not stopping.is_set():
            try:
                notifier.run_forever(_now, wakeup, stopping, report)
            except DBAPIError as exc:
                _fail(f"{label}: the outbox cannot be used, trying again: {_first_line(exc.orig)}")
                stopping.wait(poll)
    finally:
        if isinstance(wakeup, PgWakeup):
            wakeup.close()
    print(f"{label}: stopped", flush=True)
    return 0


def _missing_sqlite_file(engine: Engine) -> str:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return ""
    if not Path(database).exists():
        return "there is no database file there; `operator-console db upgrade` creates one."
    return ""


def _first_line(error: BaseException | None) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def _fail(message: str) -> int:
    print(f"operator-console: {message}", file=sys.stderr, flush=True)
    return 2
