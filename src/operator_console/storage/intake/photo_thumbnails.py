"""Which stored picture a screen shows for a photo, so it never fetches the whole photo."""

from __future__ import annotations

from sqlalchemy import ColumnElement, LargeBinary, case, func

from operator_console.storage.db.tables import attachments

SMALL_PHOTO_BYTES = 200_000
"""A photo stored without a thumbnail is shown itself when it is no larger than this."""


def shown_thumbnail() -> ColumnElement[bytes | None]:
    """An attachment's thumbnail, else the photo itself when small, else NULL."""
    a = attachments.c
    small = case((a.size_bytes <= SMALL_PHOTO_BYTES, a.content), else_=None)
    return func.coalesce(a.thumbnail, small, type_=LargeBinary)
