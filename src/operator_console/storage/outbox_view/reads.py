"""`OutboxReads` over SQLAlchemy: the newest messages, counts by status, a case's messages."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, Engine, func, or_, select

from operator_console.services.outbox_view.model import MessageFilter, OutboxMessage
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import notification_outbox
from operator_console.storage.outbox_view.rows import message_columns, message_of

_o = notification_outbox.c


@speaks_service_errors
class SqlOutboxReads:
    """Each read in a transaction of its own."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        """The database it reads."""
        return self._engine

    def messages(self, chosen: MessageFilter, limit: int) -> tuple[OutboxMessage, ...]:
        statement = (
            message_columns()
            .where(*_conditions(chosen))
            .order_by(_o.created_at.desc(), _o.id.desc())
            .limit(limit)
        )
        with self._engine.connect() as connection:
            return tuple(message_of(row) for row in connection.execute(statement))

    def status_counts(self, chosen: MessageFilter) -> dict[str, int]:
        statement = select(_o.status, func.count()).where(*_conditions(chosen)).group_by(_o.status)
        with self._engine.connect() as connection:
            return {str(status): int(count) for status, count in connection.execute(statement)}

    def case_messages(self, request_id: int) -> tuple[OutboxMessage, ...]:
        with self._engine.connect() as connection:
            return case_messages(connection, request_id)


def case_messages(connection: Connection, request_id: int) -> tuple[OutboxMessage, ...]:
    """Every message about one case, oldest first, on an open connection."""
    statement = message_columns().where(_o.request_id == request_id).order_by(_o.created_at, _o.id)
    return tuple(message_of(row) for row in connection.execute(statement))


def _conditions(chosen: MessageFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if chosen.status:
        conditions.append(_o.status == chosen.status)
    if chosen.channel:
        conditions.append(_o.channel == chosen.channel)
    text = chosen.text.strip()
    if text:
        conditions.append(
            or_(
                _o.reference.icontains(text, autoescape=True),
                _o.recipient.icontains(text, autoescape=True),
            )
        )
    return conditions
