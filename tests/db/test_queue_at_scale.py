"""Migration 0005 on both databases: at_risk_at kept on every write, same rows from its indexes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, bindparam, event, insert, select, text, update

from operator_console.domain.sla import sla_state_at
from operator_console.services.queues.request_list import UNASSIGNED, ListQuery, RequestRow
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests, services, sla_policies
from operator_console.storage.db.types import UtcDateTime
from operator_console.storage.queues import request_list
from operator_console.storage.queues.request_list import SqlRequestListReader
from tests.support.rows import BASE_TIME, add_requests

r = service_requests
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)


def _expected(created: datetime, due: datetime | None, share: float) -> datetime | None:
    return None if due is None else created + (due - created) * share


def _stored(engine: Engine) -> dict[int, tuple[datetime, datetime | None, datetime | None, float]]:
    """Every request: created, due, stored at_risk_at and its service's at-risk share."""
    share = sla_policies.c.at_risk_fraction
    statement = (
        select(r.c.id, r.c.created_at, r.c.due_at, r.c.at_risk_at, share)
        .join(services, services.c.id == r.c.service_id)
        .outerjoin(sla_policies, sla_policies.c.id == services.c.sla_policy_id)
    )
    with engine.connect() as connection:
        return {
            row.id: (row.created_at, row.due_at, row.at_risk_at, row.at_risk_fraction or 0.75)
            for row in connection.execute(statement)
        }


def _assert_rule_holds(engine: Engine) -> int:
    rows = _stored(engine)
    for request_id, (created, due, at_risk, share) in rows.items():
        expected = _expected(created, due, share)
        if expected is None:
            assert at_risk is None, request_id
        else:
            assert at_risk is not None, request_id
            assert abs(at_risk - expected) <= ONE_MICROSECOND, (request_id, at_risk, expected)
    return len(rows)


def _policy(engine: Engine, code: str, share: float) -> int:
    with engine.begin() as connection:
        return int(
            connection.execute(
                insert(sla_policies).values(
                    code=code, name=code, clock="calendar", target_hours=48, at_risk_fraction=share
                )
            ).inserted_primary_key[0]
        )


def test_at_risk_at_is_kept_on_every_write(db_url: str) -> None:
    engine = make_engine(db_url)
    ids = add_requests(engine, 12)
    assert _assert_rule_holds(engine) == 12  # insert, without a policy: 0.75
    half, most = _policy(engine, "half", 0.5), _policy(engine, "most", 0.9)
    first, second = ids[1], ids[2]
    with engine.begin() as connection:
        service = connection.execute(select(r.c.service_id).where(r.c.id == first)).scalar_one()
        other = connection.execute(
            insert(services).values(code="graffiti", name="Graffiti", sla_policy_id=most)
        ).inserted_primary_key[0]
        # The service gets a policy: all its requests follow.
        connection.execute(
            update(services).where(services.c.id == service).values(sla_policy_id=half)
        )
    _assert_rule_holds(engine)
    with engine.begin() as connection:
        connection.execute(
            update(r)
            .where(r.c.id == first)
            .values(due_at=BASE_TIME + timedelta(days=9), version=r.c.version + 1)
        )
        connection.execute(update(r).where(r.c.id == second).values(service_id=other))
        connection.execute(
            update(r).where(r.c.id == ids[4]).values(created_at=BASE_TIME - timedelta(days=1))
        )
        connection.execute(update(r).where(r.c.id == ids[5]).values(due_at=None))
    _assert_rule_holds(engine)
    # The policy's share changes: its requests follow; the other policy's stay.
    with engine.begin() as connection:
        connection.execute(
            update(sla_policies).where(sla_policies.c.id == half).values(at_risk_fraction=0.6)
        )
    rows = _stored(engine)
    assert rows[first][3] == pytest.approx(0.6) and rows[second][3] == pytest.approx(0.9)
    _assert_rule_holds(engine)
    # Writes that leave created, due and category alone leave it alone.
    before = rows[first][2]
    with engine.begin() as connection:
        connection.execute(update(r).where(r.c.id == first).values(priority="urgent"))
    assert _stored(engine)[first][2] == before
    engine.dispose()


def test_migration_fills_at_risk_at_for_existing_requests(db_url: str) -> None:
    engine = make_engine(db_url)
    config = schema._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004_queue_indexes")
    with engine.begin() as connection:
        # Straight SQL: the 0004 schema has no at_risk_at column for the table object.
        connection.execute(text("INSERT INTO services (code, name) VALUES ('x', 'X')"))
        for number in range(5):
            created = BASE_TIME + timedelta(hours=number)
            due = None if number == 0 else created + timedelta(hours=10 * number, seconds=0.3)
            connection.execute(
                text(
                    "INSERT INTO service_requests (reference, client_uuid, service_id, status,"
                    " priority, answers, created_by, created_at, updated_at, due_at) VALUES"
                    " (:ref, :uuid, (SELECT id FROM services), 'in_queue', 'normal', '{}', 't',"
                    " :created, :created, :due)"
                ).bindparams(
                    bindparam("created", created, type_=UtcDateTime),
                    bindparam("due", due, type_=UtcDateTime),
                    ref=f"R-{number}",
                    uuid=f"u-{number}",
                ),
            )
    schema.upgrade(engine)
    assert schema.is_current(engine)
    assert _assert_rule_holds(engine) == 5
    engine.dispose()


def _all(reader: SqlRequestListReader, query: ListQuery, size: int = 2000) -> list[RequestRow]:
    rows: list[RequestRow] = []
    cursor = None
    while True:
        page = reader.page(query, cursor, size)
        rows.extend(page.rows)
        cursor = page.next_cursor
        if cursor is None:
            return rows


def test_sla_states_follow_the_rule_on_created_and_due(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    reader = SqlRequestListReader(engine, clock=lambda: NOW)
    stored = _stored(engine)
    expected: dict[str, set[int]] = {}
    for row in _all(reader, ListQuery()):
        _, due, threshold, _ = stored[row.id]  # seeded on each category's own clock
        assert due is None or threshold is not None
        state = sla_state_at(due, threshold, NOW)
        expected.setdefault(state, set()).add(row.id)
    for state, ids in expected.items():
        assert {row.id for row in _all(reader, ListQuery(sla_states=(state,)))} == ids, state
    engine.dispose()


TEXTS = ("washington", "st", "BOS-", "pothole in", "%", "o_d", "zzzz-none", "a")


@pytest.fixture
def forced_index(demo_pg_url: str) -> Iterator[Engine]:
    """An engine whose planner takes an index whenever one applies (no sequential scans)."""
    engine = make_engine(demo_pg_url)

    @event.listens_for(engine, "connect")
    def _no_seqscan(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
        dbapi_connection.commit()

    yield engine
    engine.dispose()


def test_text_search_by_trigrams_matches_the_same_rows(forced_index: Engine) -> None:
    reader = SqlRequestListReader(forced_index, clock=lambda: NOW)
    queries = [ListQuery(text=t) for t in TEXTS]
    queries += [ListQuery(text="st", statuses=("assigned",)), ListQuery(text="st", open_only=False)]
    with forced_index.connect() as connection:
        # Only bitmap scans: an index scan of a partial btree index with a filter can cost less
        # by a hair, depending on the statistics; a bitmap scan needs an index that serves LIKE.
        connection.execute(text("SET LOCAL enable_indexscan = off"))
        connection.execute(text("SET LOCAL enable_indexonlyscan = off"))
        plan = "\n".join(
            connection.execute(
                text(
                    "EXPLAIN SELECT id FROM service_requests WHERE status IN ('received',"
                    " 'routed', 'in_queue', 'assigned', 'in_progress')"
                    " AND lower(address) LIKE '%washington%'"
                )
            ).scalars()
        )
    assert "ix_service_requests_open_text" in plan
    with_index = {query: [row.id for row in _all(reader, query)] for query in queries}
    assert with_index[ListQuery(text="washington")]
    with forced_index.begin() as connection:
        connection.execute(text("DROP INDEX ix_service_requests_open_text"))
    for query, ids in with_index.items():
        assert [row.id for row in _all(reader, query)] == ids, query


@pytest.mark.parametrize("key", ["service", "district", "assignee"])
def test_sorting_by_a_joined_name_walks_groups_to_the_same_order(
    demo_pg_url: str, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(demo_pg_url)
    with engine.begin() as connection:
        # Some assignees, and some requests without a district, so every group kind is there.
        staff_ids = list(connection.execute(text("SELECT id FROM staff ORDER BY id")).scalars())
        for number, staff_id in enumerate(staff_ids):
            connection.execute(
                text(
                    "UPDATE service_requests SET assignee_id = :staff WHERE id % 11 = :n"
                ).bindparams(staff=staff_id, n=number)
            )
        connection.execute(text("UPDATE service_requests SET district_id = NULL WHERE id % 13 = 0"))
    reader = SqlRequestListReader(engine, clock=lambda: NOW)
    base = ListQuery(sort_key=key)
    queries = [
        base,
        replace(base, descending=False),
        replace(base, priorities=("high",), descending=False),
        replace(base, text="st"),
        replace(base, assignee_ids=(UNASSIGNED,)),
        replace(base, sla_states=("breached",), descending=False),
    ]
    walked = {query: [row.id for row in _all(reader, query, 333)] for query in queries}
    assert all(walked[q] for q in queries[:2])
    monkeypatch.setattr(request_list, "GROUPED_SORTS", {})
    for query, ids in walked.items():
        assert [row.id for row in _all(reader, query, 333)] == ids, query
    engine.dispose()


OPEN_SQL = "status IN ('received', 'routed', 'in_queue', 'assigned', 'in_progress')"
ACROSS_QUEUES = {
    "ORDER BY created_at, id": "ix_service_requests_open_created",
    "AND service_id = 3 ORDER BY service_id, id": "ix_service_requests_open_service",
    "AND district_id = 5 ORDER BY district_id DESC, id DESC": "ix_service_requests_open_district",
    "AND assignee_id IS NULL ORDER BY assignee_id, id": "ix_service_requests_open_assignee",
}


@pytest.mark.parametrize("where_and_order", ACROSS_QUEUES)
def test_lists_across_every_queue_can_walk_an_index_of_open_requests(
    forced_index: Engine, where_and_order: str
) -> None:
    """Oldest first, and each group of a sort by a joined name, without a queue to lead with:
    an index gives the rows in order (the planner is kept from sorting instead, which it
    prefers for the demo city's small groups)."""
    with forced_index.begin() as connection:
        connection.execute(text("SET LOCAL enable_sort = off"))
        connection.execute(text("SET LOCAL enable_bitmapscan = off"))
        statement = f"SELECT id FROM service_requests WHERE {OPEN_SQL} {where_and_order} LIMIT 201"
        plan = "\n".join(connection.execute(text(f"EXPLAIN {statement}")).scalars())
    assert ACROSS_QUEUES[where_and_order] in plan and "Sort" not in plan
