"""Looking a caller up by phone: what they gave last time and their latest requests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from functools import partial

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.services.intake.gateway import KnownCaller
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.db.engine import make_engine
from operator_console.storage.intake.gateway import SqlIntakeGateway
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from tests.support.staff import OPERATOR1

MONDAY_NOON = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


def _call(caller: Caller) -> Submission:
    draft = IntakeDraft(
        caller=caller,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
    )
    return Submission(str(uuid.uuid4()), draft)


def test_a_known_number_gives_the_name_and_e_mail_last_given(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    work = partial(SqlIntakeUnitOfWork, engine)
    first = submit(work, _call(Caller("Ana", "Lopes", "617 555 0142")), OPERATOR1, MONDAY_NOON)
    a_day_later = MONDAY_NOON + timedelta(days=1)
    again = _call(Caller("Ana", "de la Cruz", "(617) 555-0142", "ana@example.org"))
    second = submit(work, again, OPERATOR1, a_day_later)
    gateway = SqlIntakeGateway(engine, lambda lat, lon: None, clock=lambda: a_day_later)
    history = gateway.caller_history("+16175550142")
    unknown = gateway.caller_history("+16175550199")
    engine.dispose()
    assert history.caller == KnownCaller("Ana de la Cruz", "ana@example.org")
    assert [request.reference for request in history.earlier] == [
        second.reference,
        first.reference,
    ]
    assert unknown.caller is None and unknown.earlier == ()
