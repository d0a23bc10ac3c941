"""Bad input gets a message next to its field, the draft is kept, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.intake.photo_list import Photo
from tests.ui.intake_support import focused, open_intake, request_count

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def fill_valid_call(panel: IntakePanel) -> None:
    ui = panel.ui
    ui.callerPhone.setText("617 555 0142")
    ui.callerFirstName.setText("Ana")
    panel.fields.latitude, panel.fields.longitude = 42.3504, -71.0867
    ui.locationAddress.setText("29 Hereford St")
    panel.categories.choose("street-light-outages")
    panel.questions.set_answers({"lights_out": "one"})


def submit_and_wait_rejection(panel: IntakePanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.presenter.submission_rejected, timeout=10000):
        panel.submit()


def test_each_problem_is_shown_at_its_field_and_nothing_is_stored(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    before = request_count(demo_sqlite_url)
    fill_valid_call(panel)
    ui = panel.ui
    ui.callerPhone.setText("12")
    panel.questions.set_answers({"lights_out": ""})
    ui.descriptionEdit.setPlainText("x" * 5000)
    panel.photo_list.add(Photo("huge.jpg", b"\xff\xd8\xff" + b"\0" * 13, 30 * 1024 * 1024))
    panel.photo_list.add(Photo("notes.txt", b"just some text", 14))
    submit_and_wait_rejection(panel, qtbot)

    assert focused() is ui.callerPhone
    assert ui.callerPhoneError.isVisible() and ui.callerPhoneError.text()
    assert "4,000" in ui.descriptionError.text() or "4000" in ui.descriptionError.text()
    assert "huge.jpg" in ui.attachmentsError.text() and "notes.txt" in ui.attachmentsError.text()
    error = panel.findChild(type(ui.callerPhoneError), "answerError_lights_out")
    assert error is not None and error.isVisible()
    assert len(ui.descriptionEdit.toPlainText()) == 5000
    assert ui.callerPhone.text() == "12"
    assert request_count(demo_sqlite_url) == before


def test_text_in_a_number_field_is_refused_there(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    fill_valid_call(panel)
    panel.categories.choose("graffiti-removal")
    panel.questions.set_answers({"surface": "city", "offensive": "no", "area_sq_ft": "big"})
    submit_and_wait_rejection(panel, qtbot)
    assert focused().objectName() == "answer_area_sq_ft"
    error = panel.findChild(type(panel.ui.callerPhoneError), "answerError_area_sq_ft")
    assert error is not None and error.isVisible()


def test_an_address_that_matches_nothing_says_so(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    panel.ui.locationAddress.setFocus()
    qtbot.keyClicks(panel.ui.locationAddress, "Zzyzx Quux Boulevard")
    qtbot.waitUntil(lambda: "No known address" in panel.ui.locationStatus.text(), timeout=5000)


def test_quotes_and_sql_metacharacters_go_through_as_typed(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    nasty = "O'Brien \"; DROP TABLE service_requests; -- % _"
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    fill_valid_call(panel)
    panel.ui.callerFirstName.setText(nasty)
    panel.ui.descriptionEdit.setPlainText(nasty)
    panel.ui.categorySearch.setText(nasty)
    with qtbot.waitSignal(panel.presenter.request_submitted, timeout=10000) as submitted:
        panel.submit()
    assert submitted.args[0].reference.startswith("BOS-")
