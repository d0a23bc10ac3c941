"""Screenshot scene for the Messages tab: a few real messages in each delivery status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update

from operator_console.app.notify_cli import deliver_due_messages
from operator_console.services.messages.book import default_book
from operator_console.services.messages.compose import compose
from operator_console.services.messages.model import MessageFacts, MessageKind, Recipient
from operator_console.storage.db.tables import city, notification_outbox, service_requests, services
from operator_console.storage.outbox import queue_messages
from operator_console.storage.outbox_view.reads import SqlOutboxReads
from operator_console.ui.messages.panel import MessagesPanel
from operator_console.ui.shell.main_window import MainWindow


@dataclass(frozen=True)
class _Example:
    kind: MessageKind
    recipient: Recipient
    status: str
    attempts: int = 0
    last_error: str | None = None


EXAMPLES = (
    _Example(
        MessageKind.RECEIVED,
        Recipient(None, email="ana.lopes@example.org", language="es"),
        "sent",
        1,
    ),
    _Example(
        MessageKind.WORK_STARTED,
        Recipient(None, phone="+16175550142", preferred_channel="sms"),
        "pending",
        3,
        "451 4.3.2 mailbox busy, try again later",
    ),
    _Example(
        MessageKind.RESOLVED,
        Recipient(None, email="j.smith@exmaple.org"),
        "undeliverable",
        1,
        "550 5.1.1 <j.smith@exmaple.org>: no such user",
    ),
    _Example(
        MessageKind.PUBLIC_NOTE,
        Recipient(None, phone="+16175550199", preferred_channel="sms"),
        "undeliverable",
        1,
        "21211: the 'To' number +16175550199 is not a valid phone number",
    ),
    _Example(MessageKind.RECEIVED, Recipient(None, email="marta.g@example.org"), "pending"),
    _Example(
        MessageKind.REOPENED,
        Recipient(None, email="d.nguyen@example.org", language="es"),
        "pending",
    ),
)
"""The pending ones with no attempt are due now: the console's pass holds them (no delivery is
configured on the demo), as it would every message there."""


def messages_scenes(window: MainWindow, may_submit: bool) -> list[Any]:
    """The Messages tab, an undeliverable e-mail chosen; on a scratch copy the examples are
    queued first."""
    from operator_console.app.screenshot_scenes import Scene

    panel = window.panels().get("messages")
    if not isinstance(panel, MessagesPanel):
        return []
    reads = panel.desk.reads
    added: list[int] = []

    def show() -> None:
        panel.reload()

    def examples_added(ids: list[int]) -> None:
        added.extend(ids)
        show()

    def stage() -> None:
        if may_submit and isinstance(reads, SqlOutboxReads):
            panel.runner.submit(
                lambda: _add_examples(reads.engine),
                examples_added,
                lambda error: panel.problem.report_error(
                    "examples", "The examples could not be added: %1", error
                ),
            )
        else:
            added.append(0)
            show()

    def ready() -> bool:
        if not added or panel.loading or panel.page is None:
            return False
        parked = [m for m in panel.page.messages if m.status == "undeliverable"]
        parked.sort(key=lambda message: message.channel != "email")  # one with a subject
        if parked:
            panel.select_message(parked[0].id)
        return True

    return [Scene("messages", "messages", stage, ready)]


def _add_examples(engine: Engine) -> list[int]:
    book = default_book()
    r = service_requests.c
    with engine.begin() as connection:
        zone = connection.execute(select(city.c.time_zone)).scalar() or "UTC"
        cases = connection.execute(
            select(r.id, r.reference, services.c.name)
            .join(services, services.c.id == r.service_id)
            .order_by(r.id.desc())
            .limit(len(EXAMPLES))
        ).all()
        now = datetime.now(UTC)
        queued = []
        for number, (example, case) in enumerate(zip(EXAMPLES, cases, strict=False)):
            facts = MessageFacts(case.reference, case.name, note="The crew is on its way.")
            message = compose(
                book, example.kind, facts, example.recipient, request_id=case.id, time_zone=zone
            )
            if message is not None:
                queued.append((message, now - timedelta(minutes=10 * (len(EXAMPLES) - number))))
        ids = []
        for message, at in queued:
            queue_messages(connection, [message], at)
            ids.append(
                connection.execute(
                    select(notification_outbox.c.id).where(
                        notification_outbox.c.idempotency_key == message.idempotency_key
                    )
                ).scalar_one()
            )
        for message_id, example, (_message, at) in zip(ids, EXAMPLES, queued, strict=False):
            values: dict[str, object] = {
                "status": example.status,
                "attempts": example.attempts,
                "last_error": example.last_error,
            }
            if example.status == "sent":
                values["sent_at"] = at + timedelta(seconds=4)
            if example.status == "pending" and example.attempts:
                values["next_attempt_at"] = now + timedelta(minutes=8)
            connection.execute(
                update(notification_outbox)
                .where(notification_outbox.c.id == message_id)
                .values(values)
            )
    deliver_due_messages(engine, worker="screenshots")
    return ids
