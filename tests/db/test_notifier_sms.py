"""SMS through the Twilio adapter, against a local server speaking Twilio's Messages API:
sent with the provider's sid, 429 tried again, 400 parked with the API's message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from operator_console.app.notify_cli import build_notifier
from operator_console.channels.config import NotifyConfig
from operator_console.channels.sms import SmsSettings
from operator_console.services.notify.notifier import PassCounts
from operator_console.storage.db.engine import make_engine
from tests.support.notifier_rows import outbox_rows, queue_messages
from tests.support.sms_provider import ACCOUNT_SID, AUTH_TOKEN, SmsProvider

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
CITY_NUMBER = "+16175550100"


@pytest.fixture
def provider() -> Iterator[SmsProvider]:
    server = SmsProvider()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    try:
        yield engine
    finally:
        engine.dispose()


def sms_config(provider: SmsProvider, token: str = AUTH_TOKEN) -> NotifyConfig:
    settings = SmsSettings(ACCOUNT_SID, token, CITY_NUMBER, base_url=provider.base_url)
    return NotifyConfig(sms=settings, source=Path("notify.toml"))


def test_a_text_is_sent_and_marked_with_the_provider_sid(
    engine: Engine, provider: SmsProvider
) -> None:
    queue_messages(engine, ["+16175550123"], channel="sms")
    counts = build_notifier(engine, sms_config(provider), worker="w").run_once(T0)
    assert counts == PassCounts(sent=1)
    [received] = provider.received
    assert (received.to, received.sender) == ("+16175550123", CITY_NUMBER)
    assert received.body == "Your request BOS-000001 was received."
    [row] = outbox_rows(engine)
    assert (row.status, row.provider_message_id) == ("sent", received.sid)


def test_too_many_requests_is_tried_again_and_a_bad_number_parked_with_the_api_message(
    engine: Engine, provider: SmsProvider
) -> None:
    queue_messages(engine, ["+16175550123", "617-555"], channel="sms")
    provider.answer_busy(1)
    notifier = build_notifier(engine, sms_config(provider), worker="w")
    assert notifier.run_once(T0) == PassCounts(retrying=1, undeliverable=1)
    busy, bad = outbox_rows(engine)
    assert (busy.status, busy.last_error, busy.next_attempt_at) == (
        "pending",
        "the SMS provider answered 429: Too Many Requests",
        T0 + timedelta(seconds=30),
    )
    assert (bad.status, bad.last_error) == (
        "undeliverable",
        "the SMS provider refused it (400): The 'To' number 617-555 is not a valid phone number.",
    )
    assert notifier.run_once(T0 + timedelta(seconds=30)) == PassCounts(sent=1)
    assert [sms.to for sms in provider.received] == ["+16175550123"]
    assert outbox_rows(engine)[0].status == "sent"


def test_a_wrong_token_is_tried_again_with_the_api_message(
    engine: Engine, provider: SmsProvider
) -> None:
    queue_messages(engine, ["+16175550123"], channel="sms")
    config = sms_config(provider, token="wrong")
    assert build_notifier(engine, config, worker="w").run_once(T0) == PassCounts(retrying=1)
    row = outbox_rows(engine)[0]
    assert row.last_error == "the SMS provider refused the account (401): Authenticate"
    assert provider.received == []


def test_an_unreachable_provider_is_tried_again(engine: Engine, provider: SmsProvider) -> None:
    queue_messages(engine, ["+16175550123"], channel="sms")
    config = sms_config(provider)
    provider.stop()
    assert build_notifier(engine, config, worker="w").run_once(T0) == PassCounts(retrying=1)
    assert "could not be reached" in (outbox_rows(engine)[0].last_error or "")
