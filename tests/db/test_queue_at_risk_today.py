"""Triage's *at risk today*: at-risk time within the city's calendar day, not yet overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, insert, update

from operator_console.domain.sla import local_day
from operator_console.services.queues.request_list import ListQuery
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city, service_requests
from operator_console.storage.queues.request_list import SqlRequestListReader
from tests.support.rows import add_requests

r = service_requests
TICK = timedelta(microseconds=1)

# (city time zone, now): a city whose date is not UTC's, and New York's 25-hour day the
# clocks fall back (2026-11-01, midnight EDT to midnight EST).
CLOCKS = [
    ("Pacific/Auckland", datetime(2026, 12, 3, 20, 0, tzinfo=UTC)),  # Dec 4, 09:00 there
    ("America/New_York", datetime(2026, 11, 1, 16, 0, tzinfo=UTC)),  # Nov 1, 11:00 EST
]


def _city(engine: Engine, time_zone: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(city).values(
                id=1,
                name="Testville",
                time_zone=time_zone,
                phone_region="US",
                reference_prefix="BOS",
                map_lat=0.0,
                map_lon=0.0,
            )
        )


def _set(engine: Engine, request_id: int, risk: datetime | None, due: datetime | None) -> None:
    with engine.begin() as connection:
        connection.execute(update(r).where(r.c.id == request_id).values(due_at=due))
        # Alone, so the triggers keep it (they fill it only when due or opening change).
        connection.execute(update(r).where(r.c.id == request_id).values(at_risk_at=risk))


@pytest.mark.parametrize(("time_zone", "now"), CLOCKS, ids=["auckland", "new-york-dst"])
def test_at_risk_today_is_the_city_day_and_not_yet_overdue(
    db_url: str, time_zone: str, now: datetime
) -> None:
    engine = make_engine(db_url)
    _city(engine, time_zone)
    starts, ends = local_day(now, time_zone)
    assert starts < now < ends
    cases = {  # name: (at risk at, due at, in the bucket)
        "at risk since yesterday": (starts - TICK, now + timedelta(days=5), False),
        "at risk from midnight": (starts, now + timedelta(days=1), True),
        "at risk later today": (now + timedelta(hours=1), now + timedelta(hours=3), True),
        "at risk just before midnight": (ends - TICK, ends + timedelta(days=1), True),
        "at risk from tomorrow": (ends, ends + timedelta(days=2), False),
        "overdue a moment ago": (starts + timedelta(hours=1), now - TICK, False),
        "due this very instant": (starts + timedelta(hours=1), now, True),
        "no due date": (None, None, False),
        "closed": (starts + timedelta(hours=2), now + timedelta(days=1), False),
    }
    ids = add_requests(engine, len(cases), created_at=starts - timedelta(days=20))
    named = dict(zip(cases, ids, strict=True))
    for name, (risk, due, _) in cases.items():
        _set(engine, named[name], risk, due)
    with engine.begin() as connection:
        connection.execute(update(r).where(r.c.id == named["closed"]).values(status="closed"))
    expected = {named[name] for name, (_, _, inside) in cases.items() if inside}

    reader = SqlRequestListReader(engine, clock=lambda: now)
    for sort_key in ("created_at", "service", "due_at"):
        query = ListQuery(sort_key=sort_key, bucket="at_risk_today")
        page = reader.page(query, None, 100)
        found = {row.id for row in page.rows}
        missing = {n for n, i in named.items() if i in expected - found}
        extra = {n for n, i in named.items() if i in found - expected}
        assert (missing, extra) == (set(), set()), sort_key
        assert reader.count(query) == len(expected)
        assert {row.id for row in reader.rows_by_ids(query, ids).rows} == expected
    engine.dispose()
