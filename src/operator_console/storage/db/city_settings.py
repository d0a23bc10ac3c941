"""The city's own settings row, or a clear error when the database has none yet."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, select

from operator_console.services.errors import CitySettingsMissingError
from operator_console.storage.db.tables import city


def city_settings(connection: Connection, *columns: Any) -> Row[Any]:
    """The city row (only `columns` when given); CitySettingsMissingError when there is none."""
    row = connection.execute(select(*columns) if columns else select(city)).first()
    if row is None:
        raise CitySettingsMissingError()
    return row
