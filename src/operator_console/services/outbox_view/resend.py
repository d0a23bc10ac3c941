"""Correcting a message's address and sending it again: supervisors and admins only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.caller import PhoneNumberError, normalize_phone
from operator_console.domain.permissions import Action, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.outbox_view.model import DeliveryStatus
from operator_console.services.outbox_view.ports import ResendUnitOfWork

EMAIL_SHAPE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
RECIPIENT_LENGTH = 200
_GONE = QT_TRANSLATE_NOOP("ResendRefusals", "This message is no longer in the outbox.")
_STATUS_WORDS: dict[str, Words] = {
    DeliveryStatus.PENDING: QT_TRANSLATE_NOOP("ResendRefusals", "pending"),
    DeliveryStatus.SENT: QT_TRANSLATE_NOOP("ResendRefusals", "sent"),
    DeliveryStatus.UNDELIVERABLE: QT_TRANSLATE_NOOP("ResendRefusals", "undeliverable"),
    DeliveryStatus.HELD: QT_TRANSLATE_NOOP("ResendRefusals", "held"),
}


class ResendRefusedError(Exception):
    """The message was not queued again; the words say why, for the address field or the
    person at the console. Nothing was changed."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Resend:
    """Send message `message_id` again to `recipient` (as typed), as long as its status is
    still the `expected_status` the person saw."""

    message_id: int
    recipient: str
    expected_status: str


@dataclass(frozen=True)
class Resent:
    """The message is due again, to `recipient` (normalised).

    Attributes:
        caller_corrected: the caller's own e-mail or phone was corrected too; False when the
            message has no caller or the database keeps that column from this login.
    """

    message_id: int
    reference: str
    recipient: str
    caller_corrected: bool
    has_caller: bool = False

    @property
    def caller_kept_their_address(self) -> bool:
        """The message has a caller whose own address could not be corrected."""
        return self.has_caller and not self.caller_corrected


def checked_recipient(channel: str, typed: str, region: str) -> str:
    """The address as it will be stored: an e-mail address of the usual shape, or a phone
    number in E.164; raise ResendRefusedError with words for the field."""
    cleaned = typed.strip()
    if not cleaned:
        raise ResendRefusedError(
            QT_TRANSLATE_NOOP("ResendRefusals", "Enter a phone number to send the message to.")
            if channel == "sms"
            else QT_TRANSLATE_NOOP(
                "ResendRefusals", "Enter an e-mail address to send the message to."
            )
        )
    if channel == "sms":
        try:
            return normalize_phone(cleaned, region)
        except PhoneNumberError as error:
            raise ResendRefusedError(error.message) from None
    if len(cleaned) > RECIPIENT_LENGTH or not EMAIL_SHAPE.fullmatch(cleaned):
        raise ResendRefusedError(
            QT_TRANSLATE_NOOP(
                "ResendRefusals", "“%1” is not an e-mail address (like name@example.org)."
            ).with_values(cleaned)
        )
    return cleaned


def resend(uow: ResendUnitOfWork, command: Resend, actor: StaffIdentity, now: datetime) -> Resent:
    """Correct the message's address (and its caller's), make it due now with no attempts
    counted; refused in words when the role may not, the address is not one, or someone
    else already re-sent or delivered it since it was read."""
    require(actor, Action.RESEND_MESSAGE)
    with uow:
        message = uow.message(command.message_id)
        if message is None:
            raise ResendRefusedError(_GONE)
        region = uow.phone_region() if message.channel == "sms" else ""
        recipient = checked_recipient(message.channel, command.recipient, region)
        if message.status != command.expected_status or not uow.queue_again(
            message.id, recipient, command.expected_status, actor.login, now
        ):
            raise ResendRefusedError(_moved_on(uow, command.message_id))
        corrected = False
        if message.caller_id is not None:
            corrected = uow.correct_caller(message.caller_id, message.channel, recipient)
        uow.commit()
    return Resent(
        message.id, message.reference, recipient, corrected, message.caller_id is not None
    )


def _moved_on(uow: ResendUnitOfWork, message_id: int) -> Words:
    now_stored = uow.message(message_id)
    if now_stored is None:
        return _GONE
    if now_stored.resent_by:
        return QT_TRANSLATE_NOOP(
            "ResendRefusals",
            "%1 already re-sent this message, to %2; nothing was changed. Read it again before "
            "correcting it.",
        ).with_values(now_stored.resent_by, now_stored.recipient)
    if now_stored.status == DeliveryStatus.SENT:
        return QT_TRANSLATE_NOOP(
            "ResendRefusals", "This message was delivered meanwhile; nothing was changed."
        )
    return QT_TRANSLATE_NOOP(
        "ResendRefusals",
        "This message changed meanwhile (it is now %1); nothing was changed. Read it again "
        "before correcting it.",
    ).with_values(_STATUS_WORDS.get(now_stored.status, now_stored.status))
