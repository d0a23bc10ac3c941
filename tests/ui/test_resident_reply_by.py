"""Reply by: the caller says how they hear back (e-mail, text message or no messages)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import callers, notification_outbox, service_requests
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from tests.support.staff import OPERATOR1
from tests.ui.intake_support import focused, open_intake, request_count
from tests.ui.test_intake_bad_input import fill_valid_call, submit_and_wait_rejection


def _choose(panel: IntakePanel, words: str) -> None:
    field = panel.ui.callerReplyBy
    field.setCurrentIndex(field.findText(words))


def _stored(url: str, reference: str) -> tuple[Any, list[tuple[str, str]]]:
    engine = make_engine(url)
    r, c, o = service_requests.c, callers.c, notification_outbox.c
    with engine.connect() as connection:
        caller = connection.execute(
            select(c.preferred_channel, c.no_messages, c.language)
            .join(service_requests, r.caller_id == c.id)
            .where(r.reference == reference)
        ).one()
        sent = connection.execute(
            select(o.channel, o.recipient).where(o.reference == reference).order_by(o.id)
        ).all()
    engine.dispose()
    return caller, [tuple(row) for row in sent]


def test_reply_by_is_reached_by_tab_and_alt_r_and_says_what_it_is(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    field = ui.callerReplyBy
    choices = [field.itemText(i) for i in range(field.count())]
    assert choices == ["E-mail", "Text message", "No messages"]
    assert field.accessibleName() == "How the caller wants to hear back"
    label = panel.findChild(QLabel, "callerReplyByLabel")
    assert label is not None and label.buddy() is field and label.text() == "&Reply by"
    ui.callerLanguage.setFocus()
    qtbot.keyClick(ui.callerLanguage, Qt.Key.Key_Tab)
    assert focused() is field
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert focused() is ui.callerAnonymous
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert focused() is field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.currentText() == "Text message"


def test_a_text_message_without_a_phone_number_is_refused_at_the_field(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    before = request_count(demo_sqlite_url)
    fill_valid_call(panel)
    ui = panel.ui
    ui.callerPhone.clear()
    ui.callerEmail.setText("ana@example.org")
    _choose(panel, "Text message")
    submit_and_wait_rejection(panel, qtbot)
    assert focused() is ui.callerReplyBy
    assert ui.callerReplyByError.isVisible()
    assert "phone number" in ui.callerReplyByError.text()
    assert (ui.callerFirstName.text(), ui.callerEmail.text()) == ("Ana", "ana@example.org")
    assert ui.callerReplyBy.currentText() == "Text message"
    assert request_count(demo_sqlite_url) == before

    qtbot.keyClicks(ui.callerPhone, "617 555 0142")
    assert not ui.callerReplyByError.isVisible()  # put right: the message goes


def test_the_choice_is_stored_with_the_caller_and_the_message_goes_that_way(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    fill_valid_call(panel)
    panel.ui.callerEmail.setText("ana@example.org")
    panel.ui.callerLanguage.setCurrentIndex(panel.ui.callerLanguage.findData("es"))
    _choose(panel, "Text message")
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        panel.submit()
    reference = submitted.args[0].reference
    caller, sent = _stored(demo_sqlite_url, reference)
    assert tuple(caller) == ("sms", False, "es")
    assert sent == [("sms", "+16175550142")]
    assert panel.ui.callerReplyBy.currentText() == "E-mail"  # the next call starts afresh

    fill_valid_call(panel)
    panel.ui.callerEmail.setText("ana@example.org")
    _choose(panel, "No messages")
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        panel.submit()
    caller, sent = _stored(demo_sqlite_url, submitted.args[0].reference)
    assert tuple(caller)[:2] == ("sms", True)
    assert sent == []


def test_a_known_number_refills_how_its_caller_hears_back(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    engine = make_engine(demo_sqlite_url)
    texter = Caller("Ana", "Lopes", "617-555-0142", "ana@example.org", "es", "sms")
    draft = IntakeDraft(
        caller=texter,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
    )
    work = partial(SqlIntakeUnitOfWork, engine)
    submission = Submission(str(uuid.uuid4()), draft)
    reference = submit(work, submission, OPERATOR1, datetime.now(UTC)).reference
    engine.dispose()
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui, offer = panel.ui, panel.caller_fill
    qtbot.keyClicks(ui.callerPhone, "617 555 0142")
    qtbot.waitUntil(lambda: reference in ui.callerHistory.text(), timeout=5000)
    qtbot.waitUntil(offer.button.isVisible, timeout=5000)
    qtbot.keyClick(ui.callerPhone, Qt.Key.Key_F2)
    assert ui.callerReplyBy.currentText() == "Text message"
    assert ui.callerEmail.text() == "ana@example.org"
    assert panel.fields.caller().preferred_channel == "sms"
