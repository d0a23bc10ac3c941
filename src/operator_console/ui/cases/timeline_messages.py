"""A case's messages to its callers as timeline lines: how, to whom, and where delivery stands."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from operator_console.services.outbox_view.model import OutboxMessage
from operator_console.ui.common.formatting import city_wall_clock, local_time
from operator_console.ui.common.message_words import channel_label, language_name, masked_address


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseTimeline", text)


def message_line(message: OutboxMessage, time_zone: str) -> str:
    """How the message fares, in words: "E-mail in Spanish to a…@example.org: sent 10:02",
    "Text message: failed 3 times, next try 10:40 (451 mailbox busy)", "Undeliverable: 550 no
    such user", "Held: no mail server is configured"."""
    reason = message.last_error or _tr("no reason was given")
    if message.status == "undeliverable":
        return _tr("Undeliverable: %1").replace("%1", reason)
    if message.status == "held":
        return _tr("Held: %1").replace("%1", reason)
    how = channel_label(message.channel)
    if message.status == "pending" and message.attempts:
        failed = (
            _tr("failed once")
            if message.attempts == 1
            else _tr("failed %1 times").replace("%1", str(message.attempts))
        )
        when = _clock(message.next_attempt_at, message.created_at, time_zone)
        next_try = _tr("next try %1").replace("%1", when) if when else _tr("next try now")
        detail = f"{failed}, {next_try}"
        if message.last_error:
            detail += f" ({message.last_error})"
        return f"{how}: {detail}"
    addressed = _tr("%1 in %2 to %3").replace("%1", how)
    addressed = addressed.replace("%2", language_name(message.language))
    addressed = addressed.replace("%3", masked_address(message.recipient))
    if message.status == "sent":
        sent = _clock(message.sent_at, message.created_at, time_zone)
        return f"{addressed}: " + _tr("sent %1").replace("%1", sent)
    return f"{addressed}: " + _tr("waiting to be sent")


def _clock(value: datetime | None, queued: datetime, time_zone: str) -> str:
    """The time alone on the day the message was queued, else date and time."""
    if value is None:
        return ""
    wall = city_wall_clock(value, time_zone)
    if wall.date() != city_wall_clock(queued, time_zone).date():
        return local_time(value, time_zone)
    return QLocale().toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)
