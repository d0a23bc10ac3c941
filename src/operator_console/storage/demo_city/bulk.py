"""Fast bulk inserts for the seeder: ids chosen up front, one driver executemany per table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Float, Table, func, insert, select, text

Processor = Callable[[Any], Any]
# Converted values by column type and by the identity of the Python value.
ConversionMemo = dict[type, dict[int, Any]]


def next_free_id(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def insert_with_ids(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    converted: ConversionMemo | None = None,
) -> list[int]:
    """Insert `rows` with consecutive new ids and return them in row order.

    Multi-row INSERT ... RETURNING in parameter order degrades to one statement per row on
    SQLite, so the ids are assigned here instead; PostgreSQL's sequence is moved past them.
    """
    if not rows:
        return []
    first = next_free_id(connection, table)
    ids = list(range(first, first + len(rows)))
    bulk_insert(
        connection,
        table,
        [row | {"id": row_id} for row, row_id in zip(rows, ids, strict=True)],
        converted,
    )
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
            {"table": table.name, "last": ids[-1]},
        )
    return ids


def bulk_insert(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    converted: ConversionMemo | None = None,
) -> None:
    """INSERT rows (all with the same keys): COPY on PostgreSQL, one executemany elsewhere.

    Each value goes through its column type's own bind processor, exactly as a Core insert
    would store it, but column by column, and a value object used again (one timestamp for
    created, routed and updated) is converted once. Pass the same `converted` memo to
    several calls to share conversions; the rows of all of them must stay alive meanwhile.
    """
    if converted is None:
        converted = {}
    if not rows:
        return
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    keys = list(compiled.positiontup or []) if compiled.positional else list(rows[0])
    columns = []
    for key in keys:
        values = [row[key] for row in rows]
        column_type = table.c[key].type
        processor = column_type.dialect_impl(dialect).bind_processor(dialect)
        if isinstance(column_type, Float) and not column_type.asdecimal and _all_floats(values):
            processor = None  # float(x) of a float: skip 100,000 no-op calls
        if processor is not None:
            memo = converted.setdefault(type(table.c[key].type), {id(None): None})
            values = _processed(values, processor, memo)
        columns.append(values)
    if dialect.name == "postgresql":
        _copy_rows(connection, table, keys, zip(*columns, strict=True))
    elif compiled.positional:
        connection.exec_driver_sql(compiled.string, list(zip(*columns, strict=True)))
    else:
        named = [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]
        connection.exec_driver_sql(compiled.string, named)


def _copy_rows(
    connection: Connection, table: Table, keys: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """COPY ... FROM STDIN on the connection's own psycopg connection, inside its transaction."""
    quote = connection.dialect.identifier_preparer.quote
    statement = f"COPY {quote(table.name)} ({', '.join(quote(key) for key in keys)}) FROM STDIN"
    driver_connection: Any = connection.connection.dbapi_connection
    with driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _all_floats(values: list[Any]) -> bool:
    return all(value is None or type(value) is float for value in values)


def _processed(values: list[Any], processor: Processor, memo: dict[int, Any]) -> list[Any]:
    processed = []
    for value in values:
        key = id(value)
        if key not in memo:
            memo[key] = processor(value)
        processed.append(memo[key])
    return processed
