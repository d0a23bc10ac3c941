"""A problem message stays while its field is wrong and goes as soon as the field is put right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.panel import IntakePanel
from operator_console.ui.intake.photo_list import Photo
from tests.ui.intake_support import focused, open_intake
from tests.ui.test_intake_bad_input import fill_valid_call, submit_and_wait_rejection

CTRL = Qt.KeyboardModifier.ControlModifier


def _answer_error(panel: IntakePanel) -> QLabel:
    label = panel.findChild(QLabel, "answerError_lights_out")
    assert label is not None
    return label


def _retype(qtbot: QtBot, text: str) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), text)


def test_each_message_goes_when_its_field_is_corrected_and_not_before(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    fill_valid_call(panel)
    ui.callerPhone.setText("12")
    ui.callerEmail.setText("ana@")
    panel.questions.set_answers({"lights_out": ""})
    ui.descriptionEdit.setPlainText("x" * 5000)
    panel.photo_list.add(Photo("huge.jpg", b"\xff\xd8\xff" + b"\0" * 13, 30 * 1024 * 1024))
    panel.photo_list.add(Photo("notes.txt", b"just some text", 14))
    submit_and_wait_rejection(panel, qtbot)
    shown = (ui.callerPhoneError, ui.callerEmailError, ui.descriptionError, ui.attachmentsError)
    assert all(label.isVisible() for label in shown) and _answer_error(panel).isVisible()

    assert focused() is ui.callerPhone
    _retype(qtbot, "617 555 014")  # still too short
    assert ui.callerPhoneError.isVisible()
    qtbot.keyClicks(ui.callerPhone, "2")
    assert not ui.callerPhoneError.isVisible()
    assert ui.callerEmailError.isVisible() and ui.descriptionError.isVisible()

    ui.callerEmail.setFocus()
    qtbot.keyClicks(ui.callerEmail, "example")
    assert ui.callerEmailError.isVisible()  # "ana@example" is not an address yet
    qtbot.keyClicks(ui.callerEmail, ".org")
    assert not ui.callerEmailError.isVisible()

    answer = panel.findChild(type(ui.callerLanguage), "answer_lights_out")
    assert answer is not None
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Down)
    assert not _answer_error(panel).isVisible()

    ui.descriptionEdit.setFocus()
    _retype(qtbot, "Pole leaning over the sidewalk.")
    assert not ui.descriptionError.isVisible()

    ui.attachmentList.setCurrentRow(1)  # notes.txt
    qtbot.mouseClick(ui.removePhotoButton, Qt.MouseButton.LeftButton)
    assert "notes.txt" not in ui.attachmentsError.text()
    assert ui.attachmentsError.isVisible() and "huge.jpg" in ui.attachmentsError.text()
    ui.attachmentList.setCurrentRow(0)
    qtbot.mouseClick(ui.removePhotoButton, Qt.MouseButton.LeftButton)
    assert not ui.attachmentsError.isVisible()


def test_choosing_a_service_takes_away_choose_a_service(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    fill_valid_call(panel)
    panel.categories.choose("")
    submit_and_wait_rejection(panel, qtbot)
    assert ui.categoryError.isVisible()
    ui.categorySearch.setFocus()
    qtbot.keyClicks(ui.categorySearch, "streetlight")
    assert ui.categoryError.isVisible()  # searching is not choosing
    qtbot.keyClick(ui.categorySearch, Qt.Key.Key_Return)
    assert panel.fields.service_code
    assert not ui.categoryError.isVisible()


def test_no_known_address_goes_when_the_address_is_put_right(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path)
    ui = panel.ui
    before = ui.locationStatus.text()
    ui.locationAddress.setFocus()
    qtbot.keyClicks(ui.locationAddress, "29 Herefrd")
    qtbot.waitUntil(lambda: "No known address" in ui.locationStatus.text(), timeout=5000)
    _retype(qtbot, "29 Hereford")
    completer = ui.locationAddress.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=5000)
    assert ui.locationStatus.text() == before
