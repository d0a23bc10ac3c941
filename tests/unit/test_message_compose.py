"""A caller gets one message in their language and channel, or none when they asked for none."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from operator_console.services.messages.book import MessageBook
from operator_console.services.messages.compose import compose
from operator_console.services.messages.model import (
    Channel,
    MessageFacts,
    MessageKind,
    OutgoingMessage,
    Recipient,
)

MESSAGES = Path(__file__).resolve().parents[2] / "resources" / "messages"
TIME_ZONE = "America/New_York"
FACTS = MessageFacts(
    reference="BOS-2026-0012345",
    service_name="Request for Pothole Repair",
    queue_name="Streets",
    expected_at=datetime(2026, 11, 24, 22, 0, tzinfo=UTC),
)


@cache
def shipped_book() -> MessageBook:
    return MessageBook.load(MESSAGES)


def message_for(
    recipient: Recipient, kind: MessageKind = MessageKind.RECEIVED
) -> OutgoingMessage | None:
    return compose(shipped_book(), kind, FACTS, recipient, request_id=41, time_zone=TIME_ZONE)


def sent(recipient: Recipient, kind: MessageKind = MessageKind.RECEIVED) -> OutgoingMessage:
    message = message_for(recipient, kind)
    assert message is not None
    return message


def test_a_spanish_caller_gets_spanish_with_a_spanish_date_in_the_city_time_zone() -> None:
    message = sent(Recipient(caller_id=7, email="ana@example.org", language="es"))
    assert message.language == "es"
    assert message.channel is Channel.EMAIL
    assert message.recipient == "ana@example.org"
    assert message.subject == "Recibimos su reporte BOS-2026-0012345: Request for Pothole Repair"
    assert "martes, 24 de noviembre de 2026, 17:00" in message.body
    assert "Su número de referencia es BOS-2026-0012345" in message.body


def test_an_english_caller_gets_english_with_an_english_date() -> None:
    message = sent(Recipient(caller_id=7, email="ann@example.org", language="en"))
    assert message.language == "en"
    assert "Tuesday, November 24, 2026, 5:00\u202fPM" in message.body


def test_a_regional_language_falls_back_to_its_base_language() -> None:
    for wanted in ("es-MX", "es_MX", "ES"):
        message = sent(Recipient(caller_id=7, email="ana@example.org", language=wanted))
        assert message.language == "es", wanted
        assert "martes, 24 de noviembre de 2026" in message.body


def test_a_language_without_templates_falls_back_to_english() -> None:
    for wanted in ("fr", "fr-CA", ""):
        message = sent(Recipient(caller_id=7, email="luc@example.org", language=wanted))
        assert message.language == "en", wanted
        assert "Tuesday, November 24, 2026" in message.body


def test_a_caller_who_wants_no_messages_gets_none() -> None:
    refused = Recipient(
        caller_id=7,
        email="ana@example.org",
        phone="+16175550100",
        language="es",
        preferred_channel="sms",
        no_messages=True,
    )
    for kind in MessageKind:
        assert message_for(refused, kind) is None


def test_a_text_goes_only_to_a_caller_who_prefers_texts_and_gave_a_phone() -> None:
    texted = sent(Recipient(7, "ana@example.org", "+16175550100", "es", "sms"))
    assert (texted.channel, texted.recipient, texted.subject) == (Channel.SMS, "+16175550100", "")
    assert texted.body.startswith("311: recibimos su reporte")
    assert "\n" not in texted.body

    no_phone = sent(Recipient(7, "ana@example.org", "  ", "es", "sms"))
    assert (no_phone.channel, no_phone.recipient) == (Channel.EMAIL, "ana@example.org")

    not_asked = sent(Recipient(7, "ana@example.org", "+16175550100", "es", None))
    assert not_asked.channel is Channel.EMAIL

    assert message_for(Recipient(7, "", "+16175550100", "es", None)) is None
    assert message_for(Recipient(7, "", "", "es", "email")) is None


def test_the_message_carries_what_the_outbox_stores() -> None:
    message = sent(Recipient(caller_id=7, email="ana@example.org", language="es"))
    assert (message.request_id, message.caller_id, message.reference, message.kind) == (
        41,
        7,
        "BOS-2026-0012345",
        MessageKind.RECEIVED,
    )
    assert message.body.endswith("\n")


def test_each_message_gets_its_own_idempotency_key() -> None:
    recipient = Recipient(caller_id=7, email="ana@example.org", language="es")
    keys = {sent(recipient, kind).idempotency_key for kind in MessageKind for _ in range(3)}
    assert len(keys) == 3 * len(MessageKind)
    assert all(len(key) == 32 and int(key, 16) >= 0 for key in keys)
