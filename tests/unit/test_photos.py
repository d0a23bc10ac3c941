"""Thumbnails of the photo kinds intake accepts, HEIC from phones included."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from operator_console.domain.intake import detect_image_type
from operator_console.services.intake.photos import THUMBNAIL_PX, make_thumbnail

RED = (200, 30, 30)


def _photo(image_format: str, size: tuple[int, int] = (1600, 1200)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, RED).save(out, image_format)
    return out.getvalue()


@pytest.mark.parametrize("image_format", ["HEIF", "JPEG", "PNG", "WEBP", "GIF"])
def test_each_accepted_kind_gets_a_small_jpeg_of_the_picture(image_format: str) -> None:
    photo = _photo(image_format)
    assert detect_image_type(photo) is not None  # intake takes it
    thumbnail = make_thumbnail(photo)
    assert thumbnail is not None
    with Image.open(BytesIO(thumbnail)) as shown:
        assert (shown.format, shown.size) == ("JPEG", (THUMBNAIL_PX, 144))
        red, green, blue = shown.convert("RGB").getpixel((96, 72))  # type: ignore[misc]
    assert abs(red - RED[0]) < 40 and green < 80 and blue < 80


def test_bytes_that_only_look_like_a_photo_get_none() -> None:
    assert make_thumbnail(b"\x00\x00\x00\x18ftypheic" + bytes(200)) is None
    assert make_thumbnail(b"\x89PNG\r\n\x1a\n" + bytes(range(256))) is None
