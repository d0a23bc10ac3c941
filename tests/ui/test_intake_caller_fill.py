"""A known phone number: the form offers the name and e-mail given before, one key fills them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.services.intake.submission import Submission, submit
from operator_console.storage.db.engine import make_engine
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from tests.support.staff import OPERATOR1
from tests.ui.intake_support import open_intake


def _called_before(url: str, caller: Caller) -> str:
    """Store a request from `caller`; its reference."""
    engine = make_engine(url)
    draft = IntakeDraft(
        caller=caller,
        location=Location(42.3504, -71.0867, "29 Hereford St"),
        service_code="street-light-outages",
        answers={"lights_out": "several"},
    )
    call = Submission(str(uuid.uuid4()), draft)
    work = partial(SqlIntakeUnitOfWork, engine)
    reference = submit(work, call, OPERATOR1, datetime.now(UTC)).reference
    engine.dispose()
    return reference


def _type_phone(qtbot: QtBot, panel: IntakePanel, reference: str) -> None:
    qtbot.keyClicks(panel.ui.callerPhone, "617 555 0142")
    qtbot.waitUntil(lambda: reference in panel.ui.callerHistory.text(), timeout=5000)


def test_one_key_fills_the_name_and_e_mail_of_a_known_number(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    reference = _called_before(
        demo_sqlite_url, Caller("Juan", "de la Cruz", "617-555-0142", "juan@example.org")
    )
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui, offer = panel.ui, panel.caller_fill
    _type_phone(qtbot, panel, reference)
    qtbot.waitUntil(offer.button.isVisible, timeout=5000)
    assert "Juan de la Cruz, juan@example.org" in offer.label.text()
    assert "(F2)" in offer.button.text()

    qtbot.keyClick(ui.callerPhone, Qt.Key.Key_F2)
    assert (ui.callerFirstName.text(), ui.callerLastName.text()) == ("Juan", "de la Cruz")
    assert ui.callerEmail.text() == "juan@example.org"
    assert not offer.button.isVisible()
    assert panel.fields.caller().email == "juan@example.org"


def test_what_was_typed_is_never_replaced(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    reference = _called_before(
        demo_sqlite_url, Caller("Ana", "Lopes", "617-555-0142", "ana@example.org")
    )
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui, offer = panel.ui, panel.caller_fill
    qtbot.keyClicks(ui.callerFirstName, "Maria")
    ui.callerPhone.setFocus()
    _type_phone(qtbot, panel, reference)
    qtbot.waitUntil(offer.button.isVisible, timeout=5000)
    assert offer.button.text().startswith("Fill in e-mail")

    qtbot.keyClick(ui.callerPhone, Qt.Key.Key_F2)
    assert (ui.callerFirstName.text(), ui.callerLastName.text()) == ("Maria", "")
    assert ui.callerEmail.text() == "ana@example.org"

    ui.callerEmail.setText("maria@example.org")
    qtbot.keyClick(ui.callerPhone, Qt.Key.Key_F2)
    assert ui.callerEmail.text() == "maria@example.org"


def test_no_offer_for_a_number_never_heard_from(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    with qtbot.waitSignal(panel.presenter.caller_known, timeout=5000) as known:
        qtbot.keyClicks(panel.ui.callerPhone, "617 555 0199")
    assert known.args == [None]
    assert not panel.caller_fill.button.isVisible()
    qtbot.keyClick(panel.ui.callerPhone, Qt.Key.Key_F2)
    assert panel.ui.callerFirstName.text() == panel.ui.callerEmail.text() == ""


def test_a_lookup_for_an_earlier_number_does_not_arrive_after_a_newer_one(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    _called_before(demo_sqlite_url, Caller("Ana", "Lopes", "617-555-0142", "ana@example.org"))
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    panel.presenter.look_up_caller("617 555 0142")
    panel.presenter.look_up_caller("617 555")  # the operator went on typing: not a number yet
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    assert panel.ui.callerHistory.text() == ""
    assert not panel.caller_fill.button.isVisible()
