"""A supervisor marks a request as a duplicate: closed with a pointer, followers moved."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from operator_console.services.duplicates.finder import (
    DUPLICATE_LINKED,
    MARKED_DUPLICATE,
    LinkRefusedError,
    StaleRequestError,
)
from operator_console.services.intake.submission import IntakeReceipt
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import request_followers
from tests.support.duplicates import (
    ANA,
    BEN,
    HARBOR,
    count,
    duplicate_desk,
    events,
    follower_ids,
    offset,
    request_row,
    submit_call,
)
from tests.support.staff import SUPERVISOR1


def _pair(engine: Engine) -> tuple[IntakeReceipt, IntakeReceipt]:
    """A parent (Ana's call) and a later call by Ben that Ana also follows."""
    parent = submit_call(engine, ANA, *HARBOR)
    child = submit_call(engine, BEN, *offset(*HARBOR, north_m=40))
    version = request_row(engine, child.request_id).version
    duplicate_desk(engine).attach_caller(child.request_id, version, ANA)
    return parent, child


def _version(engine: Engine, receipt: IntakeReceipt) -> int:
    return int(request_row(engine, receipt.request_id).version)


def test_marking_a_duplicate_moves_its_followers_and_links_both_ways(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    parent, child = _pair(engine)
    ana, ben = follower_ids(engine, child.request_id)
    parent_before = request_row(engine, parent.request_id)
    followers_before = count(engine, request_followers)

    receipt = duplicate_desk(engine, SUPERVISOR1).mark_duplicate(
        child.request_id, parent.request_id, _version(engine, child), "Same pole"
    )

    closed = request_row(engine, child.request_id)
    assert (closed.status, closed.closure_reason, closed.parent_id) == (
        "closed",
        "duplicate",
        parent.request_id,
    )
    assert closed.closed_at is not None and closed.resolved_at is not None
    assert follower_ids(engine, child.request_id) == []
    assert follower_ids(engine, parent.request_id) == sorted({ana, ben})
    assert count(engine, request_followers) == followers_before - 1  # Ana's second row went
    linked = request_row(engine, parent.request_id)
    assert linked.callers_count == receipt.parent_callers == 2  # Ana once, Ben once
    assert linked.version == parent_before.version + 1
    assert (receipt.followers_moved, receipt.parent_reference) == (1, parent.reference)
    assert events(engine, child.request_id)[-1] == (
        MARKED_DUPLICATE,
        parent.reference,
        "supervisor1",
    )
    assert events(engine, parent.request_id)[-1] == (
        DUPLICATE_LINKED,
        child.reference,
        "supervisor1",
    )
    assert {c.request_id for c in receipt.changes().changes} == {
        child.request_id,
        parent.request_id,
    }


def test_a_loop_is_refused(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    parent, child = _pair(engine)
    finder = duplicate_desk(engine, SUPERVISOR1)
    finder.mark_duplicate(child.request_id, parent.request_id, _version(engine, child), "")
    version = _version(engine, parent)
    with pytest.raises(LinkRefusedError, match="loop"):
        finder.mark_duplicate(parent.request_id, child.request_id, version, "the other way")
    assert request_row(engine, parent.request_id).status == "in_queue"
    assert _version(engine, parent) == version


def test_a_request_already_closed_as_duplicate_is_refused(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    parent, child = _pair(engine)
    other = submit_call(engine, ANA, *offset(*HARBOR, east_m=60))
    finder = duplicate_desk(engine, SUPERVISOR1)
    finder.mark_duplicate(child.request_id, parent.request_id, _version(engine, child), "")
    with pytest.raises(LinkRefusedError, match=f"already a duplicate of {parent.reference}"):
        finder.mark_duplicate(child.request_id, other.request_id, _version(engine, child), "")
    with pytest.raises(LinkRefusedError, match=f"itself a duplicate of {parent.reference}"):
        finder.mark_duplicate(other.request_id, child.request_id, _version(engine, other), "")
    assert request_row(engine, child.request_id).parent_id == parent.request_id


def test_a_stale_child_is_refused_with_what_changed(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    parent, child = _pair(engine)
    shown_version = _version(engine, child) - 1  # before Ana was added
    with pytest.raises(StaleRequestError, match=child.reference) as stale:
        duplicate_desk(engine, SUPERVISOR1).mark_duplicate(
            child.request_id, parent.request_id, shown_version, ""
        )
    assert stale.value.current.callers == 2
    assert request_row(engine, child.request_id).status == "in_queue"
    assert len(follower_ids(engine, child.request_id)) == 2
