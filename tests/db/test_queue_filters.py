"""Queue filters, SLA states, triage buckets and queue counts agree on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from operator_console.domain.sla import local_day, sla_state_at
from operator_console.services.queues.directory import MatchCount, count_matches
from operator_console.services.queues.request_list import UNASSIGNED, ListQuery, RequestRow
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.queues.directory import SqlQueueDirectory
from operator_console.storage.queues.request_list import SqlRequestListReader
from operator_console.storage.queues.saved_filters import JsonSavedFilters

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def _all(reader: SqlRequestListReader, query: ListQuery) -> list[RequestRow]:
    rows: list[RequestRow] = []
    cursor = None
    while True:
        page = reader.page(query, cursor, 2000)
        rows.extend(page.rows)
        cursor = page.next_cursor
        if cursor is None:
            return rows


def _state(row: RequestRow) -> str:
    assert row.due_at is None or row.at_risk_at is not None  # the triggers keep it
    return sla_state_at(row.due_at, row.at_risk_at, NOW)


@pytest.fixture
def reader(demo_db_url: str) -> SqlRequestListReader:
    return SqlRequestListReader(make_engine(demo_db_url), clock=lambda: NOW)


def test_sla_states_partition_the_open_requests(reader: SqlRequestListReader) -> None:
    everything = _all(reader, ListQuery())
    assert len(everything) == reader.count(ListQuery()) > 6000
    by_state: dict[str, set[int]] = {}
    for state in ("on_time", "at_risk", "breached", "no_target"):
        rows = _all(reader, ListQuery(sla_states=(state,)))
        assert all(_state(row) == state for row in rows), state
        by_state[state] = {row.id for row in rows}
    assert sum(len(ids) for ids in by_state.values()) == len(everything)
    assert all(by_state[s] for s in ("on_time", "at_risk", "breached"))


def test_each_filter_narrows_to_matching_rows(reader: SqlRequestListReader) -> None:
    everything = _all(reader, ListQuery())
    sample = everything[len(everything) // 2]
    engine = reader._engine
    with engine.connect() as connection:
        district_id, service_id, queue_id = connection.execute(
            select(
                service_requests.c.district_id,
                service_requests.c.service_id,
                service_requests.c.queue_id,
            ).where(service_requests.c.id == sample.id)
        ).one()
    checks = [
        (ListQuery(statuses=(sample.status,)), lambda r: r.status == sample.status),
        (ListQuery(priorities=("high",)), lambda r: r.priority == "high"),
        (ListQuery(district_ids=(district_id,)), lambda r: r.district == sample.district),
        (ListQuery(service_ids=(service_id,)), lambda r: r.service == sample.service),
        (ListQuery(queue_ids=(queue_id,)), lambda r: r.queue == sample.queue),
        (ListQuery(assignee_ids=(UNASSIGNED,)), lambda r: r.assignee == ""),
        (
            ListQuery(text=sample.reference.lower()),
            lambda r: r.reference == sample.reference,
        ),
    ]
    for query, matches in checks:
        rows = _all(reader, query)
        assert rows, query
        assert all(matches(row) for row in rows), query
        assert len(rows) == sum(1 for row in everything if matches(row)) or query.text, query
    start = sample.created_at - timedelta(days=2)
    end = sample.created_at + timedelta(days=2)
    dated = _all(reader, ListQuery(created_from=start, created_to=end))
    assert sample.id in {row.id for row in dated}
    assert all(start <= row.created_at < end for row in dated)
    combined = ListQuery(priorities=("high",), sla_states=("breached",), sort_key="due_at")
    rows = _all(reader, combined)
    assert all(row.priority == "high" and _state(row) == "breached" for row in rows)


def test_text_search_treats_wildcards_literally(reader: SqlRequestListReader) -> None:
    assert _all(reader, ListQuery(text="%")) == []
    assert _all(reader, ListQuery(text="_____-__-______x")) == []


def test_rows_by_ids_returns_only_what_the_query_selects(reader: SqlRequestListReader) -> None:
    first = reader.page(ListQuery(sort_key="reference"), None, 5)
    ids = [row.id for row in first.rows]
    again = reader.rows_by_ids(ListQuery(sort_key="reference"), list(reversed(ids)))
    assert [row.id for row in again.rows] == ids
    assert list(again.sort_values) == list(first.sort_values)
    other = reader.rows_by_ids(ListQuery(sort_key="reference", priorities=("urgent",)), ids)
    assert all(row.priority == "urgent" for row in other.rows)


def test_triage_buckets(reader: SqlRequestListReader) -> None:
    everything = _all(reader, ListQuery(sort_key="created_at", descending=False))
    overdue = _all(reader, ListQuery(bucket="overdue", descending=False))
    assert [r.id for r in overdue] == [r.id for r in everything if _state(r) == "breached"]
    unassigned = _all(reader, ListQuery(bucket="unassigned"))
    assert {r.id for r in unassigned} == {r.id for r in everything if not r.assignee}
    risky = _all(reader, ListQuery(bucket="at_risk_today"))
    starts, ends = local_day(NOW, "America/New_York")  # the demo city's calendar day
    today = {
        r.id
        for r in everything
        if _state(r) != "breached" and r.at_risk_at and starts <= r.at_risk_at < ends
    }
    assert today and {r.id for r in risky} == today
    reopened = _all(reader, ListQuery(bucket="reopened"))
    assert all(row.status != "closed" for row in reopened)


def test_queue_counts_match_the_filters(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    directory = SqlQueueDirectory(engine, clock=lambda: NOW)
    reader = SqlRequestListReader(engine, clock=lambda: NOW)
    supervisor = directory.queues_for("supervisor1")
    operator = directory.queues_for("operator1")
    dispatcher = directory.queues_for("dispatcher1")
    assert len(supervisor) == 149
    assert 0 < len(operator) < len(supervisor)
    assert 0 < len(dispatcher) < len(supervisor)
    assert all(q.name for q in dispatcher)
    covered = directory.covered_by("supervisor1")
    assert 0 < len(covered) < len(supervisor)
    assert {q.department for q in covered} == {q.department for q in covered if q.open >= 0}
    assert len(directory.covered_by("admin1")) == 149
    busiest = max(supervisor, key=lambda q: q.open)
    query = ListQuery(queue_ids=(busiest.id,))
    assert busiest.open == reader.count(query)
    assert busiest.overdue == reader.count(replace(query, sla_states=("breached",)))
    assert busiest.at_risk == reader.count(replace(query, sla_states=("at_risk",)))
    assert busiest.unassigned == reader.count(replace(query, assignee_ids=(UNASSIGNED,)))
    choices = directory.choices([busiest.id])
    assert choices.categories and choices.districts and choices.assignees
    with engine.begin() as connection:
        connection.execute(
            update(service_requests)
            .where(service_requests.c.queue_id == busiest.id)
            .values(status="closed")
        )
    assert directory.counts([busiest.id])[0].open == 0
    engine.dispose()


def test_saved_filters_round_trip(tmp_path: Path) -> None:
    store = JsonSavedFilters(tmp_path / "filters" / "me.json")
    assert store.load() == {}
    query = ListQuery(
        priorities=("high", "urgent"),
        sla_states=("at_risk",),
        text="main st",
        created_from=NOW - timedelta(days=7),
        assignee_ids=(UNASSIGNED,),
        bucket="overdue",
    )
    store.save("Urgent at risk", query)
    store.save("Other", ListQuery())
    assert JsonSavedFilters(tmp_path / "filters" / "me.json").load() == {
        "Urgent at risk": query,
        "Other": ListQuery(),
    }
    store.delete("Other")
    assert list(store.load()) == ["Urgent at risk"]


def test_match_counts_are_the_rows_selected_and_the_overdue_among_them(
    reader: SqlRequestListReader,
) -> None:
    queries = [
        ListQuery(),
        ListQuery(priorities=("high",)),
        ListQuery(sla_states=("on_time",)),
        ListQuery(sla_states=("at_risk", "breached"), assignee_ids=(UNASSIGNED,)),
        ListQuery(text="street"),
    ]
    for query in queries:
        rows = _all(reader, query)
        late = sum(1 for row in rows if _state(row) == "breached")
        assert count_matches(reader, query) == MatchCount(len(rows), late), query
