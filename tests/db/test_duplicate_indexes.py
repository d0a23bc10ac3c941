"""The candidate query reads the indexes of migration 0003 on both databases, band by band."""

from __future__ import annotations

import importlib
import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from psycopg.sql import Literal
from sqlalchemy import Connection

from operator_console.domain.duplicates import bounding_box
from operator_console.storage.db.engine import make_engine
from operator_console.storage.duplicates.nearby import (
    BAND_EXPRESSION,
    BANDS_PER_DEGREE,
    LATITUDE_EXPRESSION,
    DriverQuery,
    bands,
    nearby_statement,
)
from operator_console.storage.duplicates.queries import load_city, load_kin
from tests.support.duplicates import VEHICLES, newest_open_request

migration = importlib.import_module(
    "operator_console.storage.db.migrations.versions.0003_duplicate_candidates"
)


def _plan(connection: Connection, statement: Any) -> str:
    """PostgreSQL: the generic plan the server keeps for the prepared search; SQLite: its plan."""
    if isinstance(statement, DriverQuery):
        names = re.findall(r"%\((\w+)\)s", statement.sql)
        order = list(dict.fromkeys(names))
        numbered = re.sub(r"%\((\w+)\)s", lambda m: f"${order.index(m[1]) + 1}", statement.sql)
        connection.exec_driver_sql(f"PREPARE search AS {numbered}")
        connection.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        driver = connection.connection.driver_connection
        arguments = ", ".join(Literal(statement.params[name]).as_string(driver) for name in order)
        rows = connection.exec_driver_sql(f"EXPLAIN EXECUTE search({arguments})").all()
        connection.exec_driver_sql("DEALLOCATE search")
        connection.exec_driver_sql("RESET plan_cache_mode")
        return "\n".join(row[0] for row in rows)
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = {
        key: value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(value, datetime)
        else value
        for key, value in compiled.params.items()
    }
    ordered = tuple(params[key] for key in compiled.positiontup or ())
    rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled.string}", ordered)
    return "\n".join(row[-1] for row in rows)


def test_the_query_repeats_the_migration_expressions_word_for_word() -> None:
    assert migration.BAND == BAND_EXPRESSION
    assert migration.LATITUDE == LATITUDE_EXPRESSION


def test_candidates_and_the_picker_read_the_duplicate_indexes(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    existing = newest_open_request(engine)
    with engine.connect() as connection:
        kin = load_kin(connection, VEHICLES, live=True)
        assert kin is not None
        unknown = load_city(connection).unknown
        since = datetime.now(UTC) - timedelta(days=30)
        statement = nearby_statement(
            connection.dialect.name,
            list(kin.kin),
            existing.lat,
            existing.lon,
            250.0,
            unknown,
            since,
        )
        plan = _plan(connection, statement)
    assert "ix_service_requests_dup_open" in plan
    assert "ix_service_requests_dup_finished" in plan
    if engine.dialect.name == "postgresql":  # the generic plan; the band is an index equality
        assert "Filter: (floor" not in plan and "Index Cond: ((service_id = " in plan
        assert "((lat * '500'::double precision) >= " in plan  # the latitude, in the index
    else:
        assert "<expr>=? AND lon>? AND lon<?" in plan


@given(low=st.floats(-80, 80), height=st.floats(0, 0.02), share=st.floats(0, 1))
def test_every_latitude_in_the_box_falls_in_a_listed_band(
    low: float, height: float, share: float
) -> None:
    lat = low + share * height
    assert math.floor(lat * BANDS_PER_DEGREE) in bands(low, low + height, "postgresql")
    assert int(lat * BANDS_PER_DEGREE) in bands(low, low + height, "sqlite")


def test_a_250_m_box_spans_a_few_bands() -> None:
    box = bounding_box(42.3504, -71.0867, 250)
    assert 2 <= len(bands(box.min_lat, box.max_lat, "postgresql")) <= 4
