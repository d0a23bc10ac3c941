"""The SLA filters in SQL and the domain's SLA rule give every row the same state, on both
databases, at the edges too (due or at risk exactly now, a microsecond either side, missing)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import product

from sqlalchemy import select, update

from operator_console.domain.sla import sla_state_at
from operator_console.services.queues.directory import count_matches
from operator_console.services.queues.request_list import SLA_STATES, ListQuery
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.queues.directory import SqlQueueDirectory
from operator_console.storage.queues.request_list import SqlRequestListReader
from tests.support.rows import add_requests

r = service_requests
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
HOUR = timedelta(hours=1)
INSTANTS = (None, NOW - HOUR, NOW - MICROSECOND, NOW, NOW + MICROSECOND, NOW + HOUR)
CASES = list(product(INSTANTS, INSTANTS))
"""Every (due_at, at_risk_at) pair of those instants, the unlikely ones included."""


def test_sql_filters_and_the_domain_rule_agree_on_every_row(db_url: str) -> None:
    engine = make_engine(db_url)
    ids = add_requests(engine, len(CASES))
    with engine.begin() as connection:
        for request_id, (due, at_risk) in zip(ids, CASES, strict=True):
            # Two statements: the triggers fill at_risk_at when only the due date is written.
            where = r.c.id == request_id
            connection.execute(update(r).where(where).values(due_at=due))
            connection.execute(update(r).where(where).values(at_risk_at=at_risk))
        rows = connection.execute(select(r.c.id, r.c.due_at, r.c.at_risk_at, r.c.queue_id)).all()
    stored = {row.id: (row.due_at, row.at_risk_at) for row in rows}
    assert [stored[request_id] for request_id in ids] == CASES
    expected = {state: set[int]() for state in SLA_STATES}
    for request_id, (due, at_risk) in stored.items():
        expected[sla_state_at(due, at_risk, NOW)].add(request_id)
    assert all(expected.values()), expected

    reader = SqlRequestListReader(engine, clock=lambda: NOW)
    for state in SLA_STATES:
        page = reader.page(ListQuery(sla_states=(state,)), None, len(CASES) + 1)
        assert {row.id for row in page.rows} == expected[state], state
        assert all(sla_state_at(row.due_at, row.at_risk_at, NOW) == state for row in page.rows)
    counted = count_matches(reader, ListQuery())
    assert counted.overdue == len(expected["breached"])
    directory = SqlQueueDirectory(engine, clock=lambda: NOW)
    queue_counts = directory.counts(sorted({row.queue_id for row in rows}))
    assert sum(queue.at_risk for queue in queue_counts) == len(expected["at_risk"])
    assert sum(queue.overdue for queue in queue_counts) == len(expected["breached"])
    engine.dispose()
