"""Department scope through the storage adapters on the demo city: the services refuse another
department's case before writing, and a write PostgreSQL's row security filters is said as such."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from operator_console.domain.lifecycle import Priority
from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.actions import assign_cases, change_priority
from operator_console.services.cases.commands import AssignCases, CaseRef, ChangePriority
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.cases.errors import CaseWriteRefusedError, OutsideDepartmentError
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import departments, queues, request_events, service_requests
from tests.support.duplicates import duplicate_desk
from tests.support.staff_logins import login_of, unique_login, url_as

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
WORKS = "PWDx"  # Public Works Department
TRANSPORT = "BTDT"  # Boston Transportation Department
TRANSPORT_SUPERVISOR = StaffIdentity(
    "supervisor1", "Patricia Chen", "supervisor", frozenset({TRANSPORT})
)
r = service_requests.c


def _cases_of(engine: Engine, department: str, count: int = 1) -> list[tuple[CaseRef, str]]:
    """Open, unmerged cases in the department's queues, oldest id first, with their reference."""
    statement = (
        select(r.id, r.version, r.reference)
        .join(queues, queues.c.id == r.queue_id)
        .join(departments, departments.c.id == queues.c.department_id)
        .where(departments.c.code == department, r.status == "in_queue", r.parent_id.is_(None))
        .order_by(r.id)
        .limit(count)
    )
    with engine.connect() as connection:
        return [
            (CaseRef(row.id, row.version), row.reference) for row in connection.execute(statement)
        ]


def _state(engine: Engine, ids: list[int]) -> tuple[list[Any], int]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(r.id, r.version, r.priority, r.queue_id).where(r.id.in_(ids)).order_by(r.id)
        )
        events = connection.execute(select(func.count()).select_from(request_events))
        return [tuple(row) for row in rows], int(events.scalar_one())


def _priority(engine: Engine, ref: CaseRef, actor: StaffIdentity) -> None:
    command = ChangePriority((ref,), Priority.URGENT, "councillor called")
    change_priority(SqlCaseUnitOfWork(engine), command, actor, NOW)


def test_another_departments_case_is_refused_naming_both_and_nothing_is_written(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    [(theirs, reference)] = _cases_of(engine, WORKS)
    [(ours, _)] = _cases_of(engine, TRANSPORT)
    before = _state(engine, [theirs.request_id])
    with pytest.raises(OutsideDepartmentError) as refused:
        _priority(engine, theirs, TRANSPORT_SUPERVISOR)
    assert str(refused.value.message) == (
        f"Case {reference} belongs to Public Works Department; you can change only cases of "
        "Boston Transportation Department."
    )
    assert _state(engine, [theirs.request_id]) == before
    _priority(engine, ours, TRANSPORT_SUPERVISOR)
    [(_, version, priority, _)], _ = _state(engine, [ours.request_id])
    assert (version, priority) == (ours.expected_version + 1, "urgent")


def test_a_bulk_reassign_with_another_departments_cases_changes_none(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    chosen = _cases_of(engine, TRANSPORT, 2) + _cases_of(engine, WORKS, 1)
    refs = tuple(ref for ref, _ in chosen)
    ids = [ref.request_id for ref in refs]
    before = _state(engine, ids)
    command = AssignCases(refs, "night shift", staff_login="dispatcher2")
    with pytest.raises(OutsideDepartmentError) as refused:
        assign_cases(SqlCaseUnitOfWork(engine), command, TRANSPORT_SUPERVISOR, NOW)
    assert str(refused.value.message).startswith(
        f"1 of the 3 selected cases belongs to another department (Public Works Department: "
        f"{chosen[2][1]}), so none was changed"
    )
    assert _state(engine, ids) == before


def test_the_case_screen_says_why_another_departments_case_cannot_be_changed(
    demo_db_url: str,
) -> None:
    engine = make_engine(demo_db_url)
    [(theirs, reference)] = _cases_of(engine, WORKS)
    [(ours, _)] = _cases_of(engine, TRANSPORT)
    desk = CaseDesk(
        lambda: SqlCaseUnitOfWork(engine),
        TRANSPORT_SUPERVISOR,
        new_detail_reader=lambda: SqlCaseDetailReader(engine),
    )
    shown = desk.detail(theirs.request_id)
    assert shown is not None and str(shown.outside_departments).startswith(
        f"Case {reference} belongs"
    )
    assert shown.record.state.queue is not None
    assert shown.record.state.queue.department is not None
    assert shown.record.state.queue.department.code == WORKS
    own = desk.detail(ours.request_id)
    assert own is not None and own.outside_departments == ""


def test_marking_another_departments_case_a_duplicate_is_refused(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    [(theirs, reference), (parent, _)] = _cases_of(engine, WORKS, 2)
    before = _state(engine, [theirs.request_id, parent.request_id])
    desk = duplicate_desk(engine, TRANSPORT_SUPERVISOR)
    with pytest.raises(OutsideDepartmentError, match=f"Case {reference} belongs to Public Works"):
        desk.mark_duplicate(
            theirs.request_id, parent.request_id, theirs.expected_version, "same pothole"
        )
    assert _state(engine, [theirs.request_id, parent.request_id]) == before


def _row_secured_login(admin: Engine, may_change: str = "queue_id IS NULL") -> str:
    """A login that reads every case and adds history events (the database's own checks on
    them are off) but may update only the cases `may_change` (SQL) lets through, as
    PostgreSQL's row security would keep a dispatcher from another department's cases; its
    URL."""
    login = unique_login("scoped")
    with admin.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        connection.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{login}"'))
        connection.execute(text(f'GRANT UPDATE ON service_requests TO "{login}"'))
        # As every staff group may: the metric rollups' statement triggers ask it of any write.
        connection.execute(
            text(f'GRANT EXECUTE ON FUNCTION console_session_is_owner() TO "{login}"')
        )
        connection.execute(text(f'GRANT INSERT ON request_events TO "{login}"'))
        connection.execute(text(f'GRANT USAGE ON SEQUENCE request_events_id_seq TO "{login}"'))
        connection.execute(text("ALTER TABLE request_events DISABLE TRIGGER USER"))
        connection.execute(text("ALTER TABLE service_requests ENABLE ROW LEVEL SECURITY"))
        connection.execute(
            text(
                f'CREATE POLICY scope_read ON service_requests FOR SELECT TO "{login}" USING (true)'
            )
        )
        connection.execute(
            text(
                f'CREATE POLICY scope_write ON service_requests FOR UPDATE TO "{login}" '
                f"USING ({may_change})"
            )
        )
    return url_as(admin.url.render_as_string(hide_password=False), login)


@pytest.mark.postgres
def test_a_write_row_security_filters_is_not_permitted_rather_than_stale(
    demo_pg_url: str,
) -> None:
    admin = make_engine(demo_pg_url)
    [(theirs, reference)] = _cases_of(admin, WORKS)
    before = _state(admin, [theirs.request_id])
    scoped = make_engine(_row_secured_login(admin))
    no_limit = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
    with pytest.raises(CaseWriteRefusedError) as refused:
        _priority(scoped, theirs, no_limit)
    assert str(refused.value.message) == (
        f"The database refused to let your login change {reference} (Public Works "
        "Department); nothing was saved."
    )
    assert refused.value.request_ids == (theirs.request_id,)
    with pytest.raises(CaseWriteRefusedError, match=reference):
        duplicate_desk(scoped, no_limit).mark_duplicate(
            theirs.request_id, theirs.request_id + 1, theirs.expected_version, "same"
        )
    assert _state(admin, [theirs.request_id]) == before
    scoped.dispose()


GUARD = """
CREATE FUNCTION scope_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF session_user <> current_setting('scope.guarded') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% may not change %', session_user, OLD.reference
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER scope_guard BEFORE UPDATE ON service_requests
    FOR EACH ROW EXECUTE FUNCTION scope_guard();
"""


@pytest.mark.postgres
def test_a_write_a_guard_refuses_for_lack_of_privilege_is_not_permitted(
    demo_pg_url: str,
) -> None:
    admin = make_engine(demo_pg_url)
    [(theirs, reference)] = _cases_of(admin, WORKS)
    before = _state(admin, [theirs.request_id])
    url = _row_secured_login(admin, may_change="true")
    with admin.begin() as connection:
        database, login = admin.url.database, login_of(url)
        connection.execute(text(f"ALTER DATABASE {database} SET scope.guarded = '{login}'"))
        connection.execute(text(GUARD))
    guarded = make_engine(url)
    no_limit = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
    with pytest.raises(CaseWriteRefusedError) as refused:
        _priority(guarded, theirs, no_limit)
    assert str(refused.value.message).startswith("The database refused the change (")
    assert reference in str(refused.value.message)
    with pytest.raises(CaseWriteRefusedError, match=reference):
        duplicate_desk(guarded, no_limit).mark_duplicate(
            theirs.request_id, theirs.request_id + 1, theirs.expected_version, "same"
        )
    assert _state(admin, [theirs.request_id]) == before
    guarded.dispose()
