"""Bursts of row changes coalesce to the net change per request."""

from __future__ import annotations

import pytest

from operator_console.services.changes import (
    ChangeBatch,
    RequestChange,
    coalesce,
    merge_batches,
)


def change(
    request_id: int, kind: str, version: int, queue: int | None = 7, old: int | None = None
) -> RequestChange:
    return RequestChange(request_id, queue, old, version, kind)  # type: ignore[arg-type]


def test_unrelated_changes_pass_through_in_order() -> None:
    changes = [change(3, "update", 2, old=7), change(1, "insert", 1), change(2, "delete", 4)]
    assert coalesce(changes) == tuple(changes)


def test_the_last_update_of_a_request_wins() -> None:
    assert coalesce([change(1, "update", 2, old=7), change(1, "update", 3, old=7)]) == (
        change(1, "update", 3, old=7),
    )


def test_insert_then_update_stays_an_insert_with_the_newer_version() -> None:
    assert coalesce([change(1, "insert", 1), change(1, "update", 2, queue=8, old=7)]) == (
        change(1, "insert", 2, queue=8, old=None),
    )


def test_insert_then_delete_vanishes() -> None:
    assert coalesce([change(1, "insert", 1), change(2, "insert", 1), change(1, "delete", 1)]) == (
        change(2, "insert", 1),
    )


def test_insert_update_delete_vanishes() -> None:
    assert coalesce([change(1, "insert", 1), change(1, "update", 2), change(1, "delete", 2)]) == ()


def test_a_run_of_moves_remembers_the_queue_before_the_first() -> None:
    moves = [change(1, "update", 2, queue=8, old=7), change(1, "update", 3, queue=9, old=8)]
    assert coalesce(moves) == (change(1, "update", 3, queue=9, old=7),)


def test_update_then_delete_is_a_delete_that_remembers_the_first_queue() -> None:
    moves = [change(1, "update", 2, queue=8, old=7), change(1, "delete", 2, queue=8)]
    assert coalesce(moves) == (change(1, "delete", 2, queue=8, old=7),)


def test_delete_then_insert_of_the_same_id_is_an_update() -> None:
    assert coalesce([change(1, "delete", 5, queue=7), change(1, "insert", 1, queue=8)]) == (
        change(1, "update", 1, queue=8, old=7),
    )


def test_a_stale_update_is_dropped() -> None:
    # A console announces its own write (version 6) before the database's notice of version 5.
    newer = change(1, "update", 6, old=7)
    assert coalesce([newer, change(1, "update", 5, old=7)]) == (newer,)


def test_the_same_change_twice_is_one_change() -> None:
    once = change(1, "update", 4, queue=8, old=7)
    assert coalesce([once, once]) == (once,)


def test_requests_keep_the_order_they_first_changed_in() -> None:
    changes = [change(1, "update", 2), change(2, "update", 2), change(1, "update", 3)]
    assert [c.request_id for c in coalesce(changes)] == [1, 2]


def test_a_thousand_updates_of_ten_requests_coalesce_to_ten() -> None:
    changes = [change(n % 10, "update", n // 10 + 2) for n in range(1000)]
    result = coalesce(changes)
    assert [c.request_id for c in result] == list(range(10))
    assert {c.version for c in result} == {101}


def test_merged_batches_coalesce_and_keep_resync() -> None:
    first = ChangeBatch((change(1, "insert", 1),))
    second = ChangeBatch((change(1, "update", 2),), resync=True)
    assert merge_batches([first, second]) == ChangeBatch((change(1, "insert", 2),), resync=True)
    assert not merge_batches([])
    assert ChangeBatch(resync=True)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown change kind"):
        change(1, "upsert", 1)
