"""The intake form's photo list reads files off the Qt thread, shows a thumbnail for every photo
kind it accepts, and names each file it cannot read."""

from __future__ import annotations

import os
import threading
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from operator_console.ui.common.background import BackgroundRunner
from operator_console.ui.intake.photo_list import PhotoList
from tests.support.disk_watch import watching
from tests.ui.intake_support import open_intake, request_count
from tests.ui.test_intake_bad_input import fill_valid_call


def _photo_list(qtbot: QtBot, runner: BackgroundRunner) -> tuple[QListWidget, PhotoList]:
    view = QListWidget()
    qtbot.addWidget(view)
    return view, PhotoList(view, runner)


def picture(path: Path, image_format: str = "JPEG") -> Path:
    out = BytesIO()
    Image.new("RGB", (1200, 900), (30, 120, 200)).save(out, image_format)
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize(("name", "image_format"), [("pole.heic", "HEIF"), ("pole.jpg", "JPEG")])
def test_a_photo_from_disk_is_read_off_the_qt_thread_and_listed_with_its_thumbnail(
    qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path, name: str, image_format: str
) -> None:
    view, photo_list = _photo_list(qtbot, runner)
    photo = picture(tmp_path / name, image_format)
    with watching(tmp_path) as disk, qtbot.waitSignal(photo_list.files_read) as read:
        photo_list.add_files([photo])
    assert read.args == [[]]
    assert disk.on_main_thread() == []
    assert ("open", str(photo)) in disk.off_main_thread()
    item = view.item(0)
    assert item.text() == name
    assert not item.icon().isNull()
    assert photo_list.photos()[0].content == photo.read_bytes()


def test_a_file_that_is_no_picture_is_listed_without_one(
    qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    view, photo_list = _photo_list(qtbot, runner)
    (tmp_path / "notes.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    with qtbot.waitSignal(photo_list.files_read) as read:
        photo_list.add_files([tmp_path / "notes.heic"])
    assert read.args == [[]]
    assert view.item(0).icon().isNull()


def test_photos_still_being_read_when_the_form_is_cleared_stay_out_of_the_next_call(
    qtbot: QtBot, runner: BackgroundRunner, tmp_path: Path
) -> None:
    view, photo_list = _photo_list(qtbot, runner)
    photo_list.add_files([picture(tmp_path / "pole.jpg")])
    photo_list.clear()  # the call was submitted or discarded meanwhile
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert view.count() == 0 and photo_list.photos() == []
    assert not photo_list.reading


def test_a_photo_that_cannot_be_read_is_named_at_the_photo_list(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path / "drafts")
    (tmp_path / "album.jpg").mkdir()  # a folder named like a photo
    good = picture(tmp_path / "pole.jpg")
    with qtbot.waitSignal(panel.photo_list.files_read):
        panel.photo_list.add_files([tmp_path / "gone.jpg", tmp_path / "album.jpg", good])
    error = panel.ui.attachmentsError
    assert error.isVisible()
    assert error.text().splitlines() == [
        "gone.jpg could not be read: No such file or directory",
        "album.jpg could not be read: Is a directory",
    ]
    assert [photo.file_name for photo in panel.photo_list.photos()] == ["pole.jpg"]
    with qtbot.waitSignal(panel.photo_list.files_read):
        panel.photo_list.add_files([picture(tmp_path / "second.jpg")])
    assert not error.isVisible()


def test_submitting_while_a_photo_is_being_read_waits_for_it(
    demo_sqlite_url: str, runner: BackgroundRunner, qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_intake(demo_sqlite_url, runner, qtbot, tmp_path / "drafts")
    before = request_count(demo_sqlite_url)
    fill_valid_call(panel)
    slow = tmp_path / "slow.jpg"
    os.mkfifo(slow)  # opening it for reading waits until someone opens it for writing
    go_on = threading.Event()

    def writer() -> None:
        go_on.wait(10)  # should a read block the Qt thread, the test fails instead of hanging
        with slow.open("wb"):
            pass

    threading.Thread(target=writer, daemon=True).start()
    panel.photo_list.add_files([slow])
    assert panel.photo_list.reading
    panel.submit()
    assert "still being read" in panel.ui.attachmentsError.text()
    assert panel.ui.submitButton.isEnabled()
    with qtbot.waitSignal(panel.photo_list.files_read):
        go_on.set()
    assert [photo.file_name for photo in panel.photo_list.photos()] == ["slow.jpg"]
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert request_count(demo_sqlite_url) == before
