"""The intake form's photo list shows a thumbnail for every photo kind it accepts."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from operator_console.ui.intake.photo_list import PhotoList


@pytest.mark.parametrize(("name", "image_format"), [("pole.heic", "HEIF"), ("pole.jpg", "JPEG")])
def test_a_photo_from_disk_is_listed_with_its_thumbnail(
    qtbot: QtBot, tmp_path: Path, name: str, image_format: str
) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    photo_list = PhotoList(view)
    out = BytesIO()
    Image.new("RGB", (1200, 900), (30, 120, 200)).save(out, image_format)
    (tmp_path / name).write_bytes(out.getvalue())
    with qtbot.waitSignal(photo_list.photos_changed):
        assert photo_list.add_files([tmp_path / name]) == []
    item = view.item(0)
    assert item.text() == name
    assert not item.icon().isNull()


def test_a_file_that_is_no_picture_is_listed_without_one(qtbot: QtBot, tmp_path: Path) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    photo_list = PhotoList(view)
    (tmp_path / "notes.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(64))
    assert photo_list.add_files([tmp_path / "notes.heic"]) == []
    assert view.item(0).icon().isNull()
