"""Small JPEG thumbnails of photos, HEIC from phones included."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()  # iPhones save HEIC by default

THUMBNAIL_PX = 192
"""The longer side of a thumbnail; the case screen shows them 96 px high."""
_JPEG_QUALITY = 80


def make_thumbnail(content: bytes) -> bytes | None:
    """A JPEG no larger than THUMBNAIL_PX on its longer side, upright as the camera meant it;
    None when the bytes are no image Pillow (with HEIC support) can read."""
    try:
        with Image.open(BytesIO(content)) as image:
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            out = BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=_JPEG_QUALITY)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
