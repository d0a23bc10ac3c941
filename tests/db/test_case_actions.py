"""Case actions on the demo city: one event per case, all or nothing, stale writes refused."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select, update

from operator_console.domain.lifecycle import ClosureReason, Priority, Status
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import (
    add_note,
    assign_cases,
    change_priority,
    escalate_cases,
    move_cases,
    reroute_case,
)
from operator_console.services.cases.commands import (
    AddNote,
    AssignCases,
    CaseChange,
    CaseRef,
    ChangePriority,
    EscalateCases,
    MoveCases,
    RerouteCase,
)
from operator_console.services.cases.errors import (
    CaseMergedError,
    CaseNotFoundError,
    ClosureReasonRequiredError,
    QueueNotFoundError,
    StaffNotActiveError,
    StaleCaseError,
)
from operator_console.services.cases.ports import NewEvent
from operator_console.services.errors import BackendUnavailableError
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    notification_outbox,
    queues,
    request_events,
    request_followers,
    service_requests,
    services,
    staff,
)
from tests.support.case_calls import submit_streetlight
from tests.support.staff import DEMO_STAFF, DISPATCHER1, DISPATCHER2, SUPERVISOR1

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
LIGHTS = "street-light-outages"
r = service_requests.c


def _open_cases(engine: Engine, count: int, *conditions: Any) -> list[CaseRef]:
    """Open, unmerged demo cases, oldest id first, as a console would have seen them."""
    statement = (
        select(r.id, r.version)
        .where(r.status == "in_queue", r.parent_id.is_(None), *conditions)
        .order_by(r.id)
        .limit(count)
    )
    with engine.connect() as connection:
        return [CaseRef(*row) for row in connection.execute(statement)]


def _queue(engine: Engine, code: str | None = None, skip: int = 0) -> tuple[int, str, str]:
    """A queue (id, code, name): by code, or the first (after `skip`) holding no open case."""
    q = queues.c
    statement = select(q.id, q.code, q.name).order_by(q.id).offset(skip).limit(1)
    if code is None:
        busy = select(r.queue_id).where(r.status == "in_queue", r.queue_id.is_not(None))
        statement = statement.where(q.id.not_in(busy))
    else:
        statement = statement.where(q.code == code)
    with engine.connect() as connection:
        found = connection.execute(statement).one()
    return found.id, found.code, found.name


def _events(engine: Engine, request_id: int) -> list[Any]:
    e = request_events.c
    with engine.connect() as connection:
        return list(
            connection.execute(
                select(e.kind, e.actor, e.from_value, e.to_value, e.reason, e.public, e.data)
                .where(e.request_id == request_id)
                .order_by(e.id)
            )
        )


def _row(engine: Engine, request_id: int) -> Any:
    with engine.connect() as connection:
        return connection.execute(select(service_requests).where(r.id == request_id)).one()


def _snapshot(engine: Engine, ids: list[int]) -> tuple[list[tuple[int, int, int]], int]:
    """Every case's (id, version, queue) and the number of events: what "nothing" means."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(r.id, r.version, r.queue_id).where(r.id.in_(ids)).order_by(r.id)
        )
        events = connection.execute(select(func.count()).select_from(request_events))
        return [tuple(row) for row in rows], int(events.scalar_one())


def _assign(
    engine: Engine, refs: list[CaseRef], actor: StaffIdentity = DISPATCHER1, **target: str
) -> Any:
    command = AssignCases(tuple(refs), "closer crew", **target)
    return assign_cases(SqlCaseUnitOfWork(engine), command, actor, NOW)


Action = Callable[[SqlCaseUnitOfWork, CaseRef, str], CaseChange]
ACTIONS: dict[str, tuple[Action, str]] = {
    "assign": (
        lambda uow, ref, queue: assign_cases(
            uow, AssignCases((ref,), "why", queue), SUPERVISOR1, NOW
        ),
        "assigned",
    ),
    "priority": (
        lambda uow, ref, _: change_priority(
            uow, ChangePriority((ref,), Priority.URGENT, "why"), SUPERVISOR1, NOW
        ),
        "priority_changed",
    ),
    "escalate": (
        lambda uow, ref, _: escalate_cases(uow, EscalateCases((ref,), "why"), SUPERVISOR1, NOW),
        "escalated",
    ),
    "start": (
        lambda uow, ref, _: move_cases(
            uow, MoveCases((ref,), Status.IN_PROGRESS), SUPERVISOR1, NOW
        ),
        "status_changed",
    ),
    "resolve": (
        lambda uow, ref, _: move_cases(
            uow, MoveCases((ref,), Status.RESOLVED, "Done.", ClosureReason.FIXED), SUPERVISOR1, NOW
        ),
        "resolved",
    ),
    "reroute": (
        lambda uow, ref, _: reroute_case(uow, RerouteCase(ref, "", LIGHTS), SUPERVISOR1, NOW),
        "rerouted",
    ),
    "note": (
        lambda uow, ref, _: add_note(uow, AddNote(ref, "Called the resident."), SUPERVISOR1, NOW),
        "note",
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_writes_exactly_its_event(demo_db_url: str, action: str) -> None:
    engine = make_engine(demo_db_url)
    [ref] = _open_cases(engine, 1, r.priority != "urgent")
    _, free_queue, _ = _queue(engine)
    before = _events(engine, ref.request_id)
    run, kind = ACTIONS[action]
    change = run(SqlCaseUnitOfWork(engine), ref, free_queue)
    after = _events(engine, ref.request_id)
    assert after[: len(before)] == before
    [event] = after[len(before) :]
    assert (event.kind, event.actor, event.data["version"]) == (kind, "supervisor1", 2)
    row = _row(engine, ref.request_id)
    assert (row.version, row.updated_at, row.first_action_at) == (2, NOW, NOW)
    assert [(c.request_id, c.version) for c in change.changes] == [(ref.request_id, 2)]
    assert change.changes[0].queue_id == row.queue_id


def test_two_dispatchers_reassigning_one_case_at_once_one_wins(demo_pg_url: str) -> None:
    setup = make_engine(demo_pg_url)
    [ref] = _open_cases(setup, 1)
    targets = {"dispatcher1": _queue(setup)[1], "dispatcher2": _queue(setup, skip=1)[1]}
    barrier = threading.Barrier(2, timeout=30)

    class RacingUnitOfWork(SqlCaseUnitOfWork):
        def update_cases(self, writes: Any, now: datetime) -> bool:
            barrier.wait()  # both have read version 1 and decided; now both write
            return super().update_cases(writes, now)

    results: dict[str, object] = {}

    def dispatch(login: str) -> None:
        engine = make_engine(demo_pg_url)
        try:
            results[login] = _assign_with(RacingUnitOfWork(engine), ref, login, targets[login])
        except Exception as exc:
            results[login] = exc
        finally:
            engine.dispose()

    threads = [threading.Thread(target=dispatch, args=(login,)) for login in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    [winner] = [login for login, result in results.items() if isinstance(result, CaseChange)]
    [loser] = [login for login in targets if login != winner]
    stale = results[loser]
    assert isinstance(stale, StaleCaseError), stale
    [drift] = stale.drifts
    assert (drift.expected_version, drift.current_version) == (1, 2)
    assert [entry.actor for entry in drift.changes] == [winner]
    winner_name = {"dispatcher1": "Denise Walsh", "dispatcher2": "Marcus Johnson"}[winner]
    assert f"{winner_name} reassigned it" in str(stale)
    row = _row(setup, ref.request_id)
    assert (row.version, row.queue_id) == (2, _queue(setup, targets[winner])[0])
    assigned = [e for e in _events(setup, ref.request_id) if e.kind == "assigned"]
    assert [e.actor for e in assigned] == [winner]


def _assign_with(uow: SqlCaseUnitOfWork, ref: CaseRef, login: str, code: str) -> CaseChange:
    return assign_cases(uow, AssignCases((ref,), "my crew", code), DEMO_STAFF[login], NOW)


def test_a_second_dispatcher_on_the_old_version_sees_what_changed(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    [ref] = _open_cases(engine, 1)
    _, first_queue, first_name = _queue(engine)
    _assign(engine, [ref], DISPATCHER1, queue_code=first_queue)
    with pytest.raises(StaleCaseError) as stale:
        _assign(engine, [ref], DISPATCHER2, staff_login="dispatcher2")
    [drift] = stale.value.drifts
    [change] = drift.changes
    assert (change.actor, change.actor_name, change.kind) == (
        "dispatcher1",
        "Denise Walsh",
        "assigned",
    )
    assert [f.new for f in change.field_changes if f.field == "queue"] == [first_name]
    assert "Denise Walsh reassigned it" in str(stale.value)
    assert [e.kind for e in _events(engine, ref.request_id)].count("assigned") == 1
    # Looking again and retrying on the fresh version works.
    _assign(
        engine,
        [CaseRef(ref.request_id, drift.current_version)],
        DISPATCHER2,
        staff_login="dispatcher2",
    )
    assert _row(engine, ref.request_id).version == 3


def test_a_bulk_reassignment_of_1000_cases_writes_1000_events(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    queue_id, code, _ = _queue(engine)
    refs = _open_cases(engine, 1000)
    _, events_before = _snapshot(engine, [])
    change = _assign(engine, refs, queue_code=code)
    rows, events_after = _snapshot(engine, [ref.request_id for ref in refs])
    assert len(change.changes) == 1000 and events_after - events_before == 1000
    assert {(version, queue) for _, version, queue in rows} == {(2, queue_id)}


def test_one_stale_case_among_1000_changes_nothing_at_all(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    _, code, _ = _queue(engine)
    refs = _open_cases(engine, 1000)
    stale_ref = refs[637]
    add_note(SqlCaseUnitOfWork(engine), AddNote(stale_ref, "Resident called."), SUPERVISOR1, NOW)
    before = _snapshot(engine, [ref.request_id for ref in refs])
    with pytest.raises(StaleCaseError) as stale:
        _assign(engine, refs, queue_code=code)
    assert stale.value.request_ids == (stale_ref.request_id,)
    assert "1 of the 1000 selected cases changed" in str(stale.value)
    assert "Patricia Chen added a note" in str(stale.value)
    assert _snapshot(engine, [ref.request_id for ref in refs]) == before


def test_a_case_changed_between_reading_and_writing_rolls_back_the_other_999(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    _, code, _ = _queue(engine)
    refs = _open_cases(engine, 1000)
    last = refs[-1]

    class InterruptedUnitOfWork(SqlCaseUnitOfWork):
        def add_events(self, events: list[NewEvent]) -> None:
            # Another console commits a change after this one read the cases, before it writes
            # (its events first, then the cases).
            add_note(SqlCaseUnitOfWork(engine), AddNote(last, "On my way."), SUPERVISOR1, NOW)
            super().add_events(events)

    before = _snapshot(engine, [ref.request_id for ref in refs])
    with pytest.raises(StaleCaseError) as stale:
        assign_cases(
            InterruptedUnitOfWork(engine), AssignCases(tuple(refs), "x", code), DISPATCHER1, NOW
        )
    assert stale.value.request_ids == (last.request_id,)
    rows, events = _snapshot(engine, [ref.request_id for ref in refs])
    assert rows[:-1] == before[0][:-1] and rows[-1][1] == last.expected_version + 1
    assert events == before[1] + 1  # the other console's note, nothing of ours


def test_resolving_without_a_closure_reason_is_refused(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    refs = _open_cases(engine, 3)
    before = _snapshot(engine, [ref.request_id for ref in refs])
    command = MoveCases(tuple(refs), Status.RESOLVED, "Looks done.")
    with pytest.raises(ClosureReasonRequiredError, match="closure reason"):
        move_cases(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, NOW)
    assert _snapshot(engine, [ref.request_id for ref in refs]) == before


def test_reassigning_to_a_missing_or_inactive_queue_or_person_is_refused(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    [ref] = _open_cases(engine, 1)
    _, retired, _ = _queue(engine)
    with engine.begin() as connection:
        connection.execute(update(queues).where(queues.c.code == retired).values(active=False))
        connection.execute(update(staff).where(staff.c.login == "operator3").values(active=False))
    with pytest.raises(QueueNotFoundError, match="'NO_SUCH_QUEUE' does not exist"):
        _assign(engine, [ref], queue_code="NO_SUCH_QUEUE")
    with pytest.raises(QueueNotFoundError, match="no longer active"):
        _assign(engine, [ref], queue_code=retired)
    with pytest.raises(StaffNotActiveError, match="Thanh Nguyen"):
        _assign(engine, [ref], staff_login="operator3")
    assert _row(engine, ref.request_id).version == 1


def test_a_case_merged_or_deleted_meanwhile_is_named(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    merged, parent, deleted = _open_cases(engine, 3)
    with engine.begin() as connection:
        # Another console marks it as a duplicate, and an administrator deletes a test case.
        connection.execute(
            update(service_requests)
            .where(r.id == merged.request_id)
            .values(parent_id=parent.request_id, status="closed", version=r.version + 1)
        )
        for table in (request_events, request_followers):
            connection.execute(delete(table).where(table.c.request_id == deleted.request_id))
        connection.execute(delete(service_requests).where(r.id == deleted.request_id))
    parent_reference = _row(engine, parent.request_id).reference
    with pytest.raises(CaseMergedError, match=f"merged into {parent_reference}"):
        _assign(engine, [merged], staff_login="dispatcher1")
    with pytest.raises(CaseNotFoundError, match="no longer exists"):
        _assign(engine, [deleted], staff_login="dispatcher1")


def test_a_closed_case_reopens_into_its_queue(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        ref = CaseRef(
            *connection.execute(
                select(r.id, r.version)
                .where(r.status == "closed", r.parent_id.is_(None))
                .order_by(r.id)
                .limit(1)
            ).one()
        )
    command = MoveCases((ref,), Status.IN_QUEUE, "Resident says it is back.")
    move_cases(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, NOW)
    row = _row(engine, ref.request_id)
    assert (row.status, row.closed_at, row.resolved_at, row.closure_reason) == (
        "in_queue",
        None,
        None,
        None,
    )
    event = _events(engine, ref.request_id)[-1]
    assert (event.kind, event.from_value, event.to_value, event.public) == (
        "reopened",
        "closed",
        "in_queue",
        True,
    )
    assert event.reason == "Resident says it is back."


def test_a_category_change_reroutes_with_the_existing_rules(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        lights_id = connection.execute(
            select(services.c.id).where(services.c.code == LIGHTS)
        ).scalar_one()
    [ref] = _open_cases(engine, 1, r.service_id != lights_id)
    before = _row(engine, ref.request_id)
    command = RerouteCase(ref, "The caller meant the street light", service_code=LIGHTS)
    change = reroute_case(SqlCaseUnitOfWork(engine), command, SUPERVISOR1, NOW)
    row = _row(engine, ref.request_id)
    lights_queue = _queue_by_id(engine, row.queue_id)
    assert lights_queue.code.startswith("PWDx_Street Light")  # one of the category's two rules
    assert (row.service_id, row.status, row.routed_at) == (lights_id, "in_queue", NOW)
    assert row.routing_explanation.startswith(f"Routed to {lights_queue.name} because")
    assert row.district_id == before.district_id
    event = _events(engine, ref.request_id)[-1]
    old_name = _queue_by_id(engine, before.queue_id).name
    assert (event.kind, event.from_value, event.to_value) == (
        "rerouted",
        old_name,
        lights_queue.name,
    )
    assert event.reason == f"The caller meant the street light. {row.routing_explanation}"
    moved = [(c.old_queue_id, c.queue_id) for c in change.changes]
    assert moved == [(before.queue_id, row.queue_id)]


def _queue_by_id(engine: Engine, queue_id: int) -> Any:
    with engine.connect() as connection:
        return connection.execute(select(queues).where(queues.c.id == queue_id)).one()


def test_followers_are_sent_public_notes_and_the_resolution(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    request_id = submit_streetlight(engine, NOW)
    acknowledged = _outbox(engine, request_id)
    for version, note in enumerate(["Internal: parts on order.", "Crew booked for Tuesday."], 1):
        command = AddNote(CaseRef(request_id, version), note, public=version == 2)
        add_note(SqlCaseUnitOfWork(engine), command, DISPATCHER1, NOW)
    fixed = MoveCases(
        (CaseRef(request_id, 3),), Status.RESOLVED, "Bulb replaced.", ClosureReason.FIXED
    )
    move_cases(SqlCaseUnitOfWork(engine), fixed, SUPERVISOR1, NOW)
    sent = _outbox(engine, request_id)[len(acknowledged) :]
    assert [recipient for recipient, _ in sent] == ["ana@example.org"] * 2
    assert "Crew booked for Tuesday." in sent[0][1]
    assert "the problem has been fixed" in sent[1][1] and "Bulb replaced." in sent[1][1]


def test_a_database_that_does_not_answer_is_reported_as_such(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/missing/console.sqlite3")
    with pytest.raises(BackendUnavailableError, match="nothing was saved"):
        add_note(SqlCaseUnitOfWork(engine), AddNote(CaseRef(1, 1), "hello"), DISPATCHER1, NOW)


def _outbox(engine: Engine, request_id: int) -> list[tuple[str, str]]:
    o = notification_outbox.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(o.recipient, o.body).where(o.request_id == request_id).order_by(o.id)
        )
        return [(row.recipient, row.body) for row in rows]
