"""Rows with a natural key (a code): added or updated in place, so their ids stay."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, insert, select, update

Key = Hashable


def upsert_by_key(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    key_columns: Sequence[str] = ("code",),
) -> dict[Key, int]:
    """Insert the rows whose key is new, update those whose values differ; returns every row of
    the table (bundle's or not) as key -> id."""
    existing = {_key(row, key_columns): row for row in connection.execute(select(table)).mappings()}
    new_rows = []
    for row in rows:
        current = existing.get(_key(row, key_columns))
        if current is None:
            new_rows.append(row)
        elif any(current[column] != value for column, value in row.items()):
            where = and_(*(table.c[column] == row[column] for column in key_columns))
            connection.execute(update(table).where(where).values(**row))
    if new_rows:
        connection.execute(insert(table), new_rows)
    found = connection.execute(select(table.c.id, *(table.c[c] for c in key_columns)))
    return {_key(row._mapping, key_columns): int(row.id) for row in found}


def _key(row: Any, key_columns: Sequence[str]) -> Key:
    if len(key_columns) == 1:
        return str(row[key_columns[0]])
    return tuple(str(row[column]) for column in key_columns)


def used_ids(connection: Connection, table: Table, column: str) -> set[int]:
    """The distinct non-null values of `table.column` (ids other rows refer to)."""
    values = connection.execute(
        select(table.c[column]).where(table.c[column].is_not(None)).distinct()
    )
    return {int(value) for value in values.scalars()}
