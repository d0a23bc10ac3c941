"""A trained call-taker takes a whole call with the keyboard alone, on a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import request_events, service_requests
from operator_console.ui.common.background import BackgroundRunner
from tests.ui.intake_support import focused, open_intake


def type_and_tab(qtbot: QtBot, text: str, tabs: int = 1) -> None:
    if text:
        qtbot.keyClicks(focused(), text)
    for _ in range(tabs):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def test_a_whole_call_with_only_the_keyboard(
    demo_pg_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_pg_url, runner, qtbot, tmp_path)
    ui = panel.ui
    assert focused() is ui.callerPhone
    type_and_tab(qtbot, "617 555 0142")
    assert focused() is ui.callerFirstName
    type_and_tab(qtbot, "Ana")
    type_and_tab(qtbot, "Lopes")
    type_and_tab(qtbot, "ana@example.org", tabs=4)  # language, reply by, anonymous
    assert focused() is ui.locationAddress

    qtbot.keyClicks(ui.locationAddress, "29 Hereford")
    completer = ui.locationAddress.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=5000)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Ward" in ui.locationStatus.text(), timeout=5000)
    assert ui.locationAddress.text().startswith("29 Hereford St")

    qtbot.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert focused() is ui.categorySearch
    qtbot.keyClicks(ui.categorySearch, "streetlight out")
    qtbot.keyClick(ui.categorySearch, Qt.Key.Key_Return)
    assert panel.fields.service_code == "street-light-outages"
    assert "911" in panel.findChild(QWidget, "note_safety_notice").text()  # type: ignore[union-attr]

    type_and_tab(qtbot, "", tabs=2)
    assert focused().objectName() == "answer_lights_out"
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    type_and_tab(qtbot, "")
    assert focused().objectName() == "answer_pole_number"
    type_and_tab(qtbot, "N0012002")
    assert focused() is ui.descriptionEdit
    qtbot.keyClicks(ui.descriptionEdit, "Three lights out in a row, since Friday.")

    sent: list[object] = []
    send = panel.presenter.submit
    panel.presenter.submit = lambda submission: (sent.append(submission), send(submission))  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(sent) == 1  # the second press came while the first was on its way
    receipt = submitted.args[0]
    assert ui.readBackCard.isVisible()
    assert ui.readBackReference.text() == receipt.reference
    assert "Expected by:" in ui.readBackDetails.text()
    assert focused() is ui.callerPhone and ui.callerPhone.text() == ""

    qtbot.keyClicks(ui.callerPhone, "(617) 555-0142")
    qtbot.waitUntil(lambda: receipt.reference in ui.callerHistory.text(), timeout=5000)
    assert "In queue" in ui.callerHistory.text()

    engine = make_engine(demo_pg_url)
    with engine.connect() as connection:
        stored = connection.execute(
            select(service_requests).where(service_requests.c.reference == receipt.reference)
        ).one()
        kinds = (
            connection.execute(
                select(request_events.c.kind).where(request_events.c.request_id == stored.id)
            )
            .scalars()
            .all()
        )
    assert stored.answers == {"lights_out": "several", "pole_number": "N0012002"}
    assert stored.description == "Three lights out in a row, since Friday."
    assert stored.created_by == "operator1"  # the owner acts as the staff member it names
    assert list(kinds) == ["created", "routed"]
