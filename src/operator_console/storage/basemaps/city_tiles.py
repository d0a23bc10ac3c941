"""The base map the city's own settings name (the city row's `tile_url`)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from operator_console.storage.db.tables import city


def city_tile_url(engine: Engine) -> str | None:
    """The city row's `tile_url`, or None when it has none (or there is no city yet)."""
    with engine.connect() as connection:
        row = connection.execute(select(city.c.tile_url)).first()
    return str(row.tile_url).strip() or None if row is not None and row.tile_url else None
