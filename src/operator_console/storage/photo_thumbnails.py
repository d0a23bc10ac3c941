"""Small JPEG thumbnails of stored photos, so screens never fetch the whole photo to show one."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import ColumnElement, LargeBinary, case, func

from operator_console.storage.tables import attachments

THUMBNAIL_PX = 192
"""The longer side of a thumbnail; the case screen shows them 96 px high."""
_JPEG_QUALITY = 80
SMALL_PHOTO_BYTES = 200_000
"""A photo stored without a thumbnail is shown itself when it is no larger than this."""


def make_thumbnail(content: bytes) -> bytes | None:
    """A JPEG no larger than THUMBNAIL_PX on its longer side, upright as the camera meant it;
    None when the bytes are no image Pillow can read (the photo is still stored)."""
    try:
        with Image.open(BytesIO(content)) as image:
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            out = BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=_JPEG_QUALITY)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def shown_thumbnail() -> ColumnElement[bytes | None]:
    """An attachment's thumbnail, else the photo itself when small, else NULL."""
    a = attachments.c
    small = case((a.size_bytes <= SMALL_PHOTO_BYTES, a.content), else_=None)
    return func.coalesce(a.thumbnail, small, type_=LargeBinary)
