"""`ResendUnitOfWork` over SQLAlchemy: the message, the city's phone region, the guarded update."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select, text, update

from operator_console.services.errors import CitySettingsMissingError
from operator_console.services.outbox_view.model import DeliveryStatus, OutboxMessage
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import callers, city, notification_outbox
from operator_console.storage.outbox_view.rows import message_columns, message_of

_o = notification_outbox.c
_CALLER_COLUMN = {"email": "email", "sms": "phone"}


@speaks_service_errors
class SqlResendWork(SqlConnectionScope):
    """One transaction; the update says whether the status was still the one expected."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)

    def message(self, message_id: int) -> OutboxMessage | None:
        row = self.connection.execute(message_columns().where(_o.id == message_id)).first()
        return None if row is None else message_of(row)

    def phone_region(self) -> str:
        region = self.connection.execute(select(city.c.phone_region)).scalar()
        if region is None:
            raise CitySettingsMissingError()
        return str(region)

    def queue_again(
        self, message_id: int, recipient: str, expected_status: str, login: str, now: datetime
    ) -> bool:
        statement = (
            update(notification_outbox)
            .where(_o.id == message_id, _o.status == expected_status)
            .values(
                recipient=recipient,
                status=DeliveryStatus.PENDING.value,
                attempts=0,
                next_attempt_at=None,
                last_error=None,
                claimed_until=None,
                resent_by=login,
                resent_at=now,
            )
        )
        return self.connection.execute(statement).rowcount == 1

    def correct_caller(self, caller_id: int, channel: str, address: str) -> bool:
        column = _CALLER_COLUMN.get(channel)
        if column is None or not self._may_update_caller(column):
            return False
        statement = update(callers).where(callers.c.id == caller_id).values({column: address})
        return self.connection.execute(statement).rowcount == 1

    def _may_update_caller(self, column: str) -> bool:
        if self.connection.dialect.name != "postgresql":
            return True
        allowed = self.connection.execute(
            text("SELECT has_column_privilege('callers', :column, 'UPDATE')"),
            {"column": column},
        )
        return bool(allowed.scalar())
