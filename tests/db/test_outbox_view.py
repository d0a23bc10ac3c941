"""The Messages view's reads and the re-send, on both databases: filters, counts, a case's
messages, correcting an address (and the caller's), and two supervisors re-sending at once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.outbox_view.desk import MessageDesk
from operator_console.services.outbox_view.model import MessageFilter
from operator_console.services.outbox_view.resend import ResendRefusedError
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import callers, notification_outbox
from operator_console.storage.outbox_view.reads import SqlOutboxReads
from operator_console.storage.outbox_view.resend_work import SqlResendWork
from tests.support.outbox_messages import add_caller, add_messages, first_request

NOW = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
SUPERVISOR = StaffIdentity("supervisor1", "Sam Supervisor", "supervisor")
OPERATOR = StaffIdentity("operator1", "Olga Operator", "operator")


def _desk(engine: Engine, staff: StaffIdentity = SUPERVISOR) -> MessageDesk:
    return MessageDesk(SqlOutboxReads(engine), lambda: SqlResendWork(engine), staff, lambda: NOW)


@pytest.fixture
def engine(demo_db_url: str) -> Engine:
    return make_engine(demo_db_url)


def test_the_newest_messages_filtered_with_counts_by_status(engine: Engine) -> None:
    request_id, reference = first_request(engine)
    ids = add_messages(engine, request_id, reference)
    desk = _desk(engine)

    page = desk.page(MessageFilter(text=reference))
    assert [m.id for m in page.messages] == list(reversed(ids))  # newest first
    assert page.counts == {"sent": 1, "pending": 1, "undeliverable": 2, "held": 1}

    parked = desk.page(MessageFilter(status="undeliverable", text=reference))
    assert [m.recipient for m in parked.messages] == ["+16175550199", "no.such.user@example.org"]
    assert parked.counts["undeliverable"] == 2 and parked.total == 5  # counts ignore the status

    texts = desk.page(MessageFilter(channel="sms", text=reference))
    assert {m.channel for m in texts.messages} == {"sms"}
    assert texts.counts == {"pending": 1, "undeliverable": 1}

    by_address = desk.page(MessageFilter(text="NO.SUCH"))
    assert [m.recipient for m in by_address.messages] == ["no.such.user@example.org"]
    assert desk.page(MessageFilter(text="100%_")).messages == ()  # wildcards are plain text

    mine = desk.case_messages(request_id)
    assert [m.id for m in mine][-5:] == ids  # oldest first
    assert mine[-1].last_error == "number not in service" and mine[-1].attempts == 5


def test_a_supervisor_corrects_an_address_and_the_message_is_due_again(engine: Engine) -> None:
    request_id, reference = first_request(engine)
    caller_id = add_caller(engine, "no.such.user@example.org", "+16175550142")
    ids = add_messages(engine, request_id, reference, caller_id)
    parked = ids[2]

    resent = _desk(engine).resend(parked, "  ana.lopes@example.org ", "undeliverable")

    assert resent.recipient == "ana.lopes@example.org" and resent.caller_corrected
    with engine.connect() as connection:
        row = connection.execute(
            select(notification_outbox).where(notification_outbox.c.id == parked)
        ).one()
        email = connection.execute(
            select(callers.c.email).where(callers.c.id == caller_id)
        ).scalar_one()
    assert (row.recipient, row.status, row.attempts) == ("ana.lopes@example.org", "pending", 0)
    assert row.next_attempt_at is None and row.last_error is None and row.claimed_until is None
    assert row.resent_by == "supervisor1" and row.resent_at == NOW
    assert email == "ana.lopes@example.org"


def test_the_second_of_two_supervisors_is_told_it_was_already_resent(engine: Engine) -> None:
    request_id, reference = first_request(engine)
    parked = add_messages(engine, request_id, reference)[2]
    first, second = _desk(engine), _desk(engine, StaffIdentity("supervisor2", "Sue", "supervisor"))

    first.resend(parked, "ana.lopes@example.org", "undeliverable")
    with pytest.raises(ResendRefusedError, match="supervisor1 already re-sent this message"):
        second.resend(parked, "someone.else@example.org", "undeliverable")

    with engine.connect() as connection:
        recipient = connection.execute(
            select(notification_outbox.c.recipient).where(notification_outbox.c.id == parked)
        ).scalar_one()
    assert recipient == "ana.lopes@example.org"  # never silently overwritten


def test_a_text_message_takes_a_phone_number_written_in_e164(engine: Engine) -> None:
    request_id, reference = first_request(engine)
    caller_id = add_caller(engine, "ana@example.org", "+16175550199")
    texted = add_messages(engine, request_id, reference, caller_id)[4]
    desk = _desk(engine)

    with pytest.raises(ResendRefusedError, match="is too short to be a phone number"):
        desk.resend(texted, "555 01", "undeliverable")
    with pytest.raises(ResendRefusedError, match="Enter a phone number"):
        desk.resend(texted, "  ", "undeliverable")
    resent = desk.resend(texted, "(617) 635-4500", "undeliverable")

    assert resent.recipient == "+16176354500"
    with engine.connect() as connection:
        phone = connection.execute(
            select(callers.c.phone).where(callers.c.id == caller_id)
        ).scalar_one()
    assert resent.caller_corrected and phone == "+16176354500"


def test_a_bad_address_and_an_operator_are_refused_in_words(engine: Engine) -> None:
    request_id, reference = first_request(engine)
    parked = add_messages(engine, request_id, reference)[2]

    with pytest.raises(ResendRefusedError, match=r"“ana\.lopes@” is not an e-mail address"):
        _desk(engine).resend(parked, "ana.lopes@", "undeliverable")
    with pytest.raises(NotPermittedError, match="only supervisors and admins can correct"):
        _desk(engine, OPERATOR).resend(parked, "ana.lopes@example.org", "undeliverable")
    with pytest.raises(ResendRefusedError, match="no longer in the outbox"):
        _desk(engine).resend(parked + 1000, "ana.lopes@example.org", "undeliverable")

    with engine.connect() as connection:
        status = connection.execute(
            select(notification_outbox.c.status).where(notification_outbox.c.id == parked)
        ).scalar_one()
    assert status == "undeliverable"
