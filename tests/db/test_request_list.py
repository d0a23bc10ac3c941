"""Keyset pages of requests come back complete, in order, without repeats, on both databases."""

from __future__ import annotations

import pytest

from operator_console.services.queues.request_list import SORT_KEYS, ListQuery
from operator_console.storage.db.engine import make_engine
from operator_console.storage.queues.request_list import SqlRequestListReader
from tests.support.rows import add_requests


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_key", SORT_KEYS)
def test_paging_visits_every_row_once_in_order(
    db_url: str, sort_key: str, descending: bool
) -> None:
    engine = make_engine(db_url)
    ids = add_requests(engine, 23)
    reader = SqlRequestListReader(engine)
    query = ListQuery(sort_key=sort_key, descending=descending)
    seen = []
    cursor = None
    for _ in range(10):
        page = reader.page(query, cursor, limit=5)
        seen.extend(page.rows)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(row.id for row in seen) == sorted(ids)
    one_page = reader.page(query, None, limit=100).rows
    assert [row.id for row in seen] == [row.id for row in one_page]
    assert reader.count(query) == 23
    engine.dispose()


def test_closed_requests_are_not_listed_as_open(db_url: str) -> None:
    engine = make_engine(db_url)
    add_requests(engine, 3, status="closed")
    reader = SqlRequestListReader(engine)
    assert reader.page(ListQuery(), None, 10).rows == ()
    assert reader.count(ListQuery(open_only=False)) == 3
    engine.dispose()


def test_unknown_sort_key_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort by"):
        ListQuery(sort_key="id; DROP TABLE service_requests")
