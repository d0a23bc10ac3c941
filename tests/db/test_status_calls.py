"""Status calls logged on a case: counted on the case, in its history and in the request lists."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.cases.commands import CaseRef, LogStatusCall
from operator_console.services.cases.desk import CaseDesk
from operator_console.services.queues.request_list import ListQuery
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.cases.store import SqlCaseUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_requests
from operator_console.storage.queues.request_list import SqlRequestListReader

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
OPERATOR = StaffIdentity("operator1", "Maria Alvarez", "operator")
r = service_requests.c


def test_repeat_calls_are_counted_on_the_case_its_history_and_the_lists(demo_db_url: str) -> None:
    engine = make_engine(demo_db_url)
    try:
        with engine.connect() as connection:
            request_id, version = connection.execute(
                select(r.id, r.version).where(r.status == "in_queue").order_by(r.id).limit(1)
            ).one()
        desk = CaseDesk(
            lambda: SqlCaseUnitOfWork(engine),
            OPERATOR,
            lambda: NOW,
            lambda: SqlCaseDetailReader(engine),
        )
        desk.log_status_call(LogStatusCall(CaseRef(request_id, version), "Asked when."))
        desk.log_status_call(LogStatusCall(CaseRef(request_id, version + 1)))
        detail = desk.detail(request_id)
        assert detail is not None
        assert (detail.record.state.calls_count, detail.version) == (2, version + 2)
        calls = [e for e in detail.record.timeline if e.kind == "status_call"]
        assert [(e.actor, e.reason, e.public) for e in calls] == [
            ("operator1", "Asked when.", False),
            ("operator1", "", False),
        ]
        assert [dict(e.data or {}).get("call") for e in calls] == [1, 2]
        assert str(calls[0].describe()) == "Maria Alvarez took a status call"
        reader = SqlRequestListReader(engine)
        (row,) = reader.rows_by_ids(ListQuery(), [request_id]).rows
        assert row.calls == 2
        most_called = reader.page(ListQuery(sort_key="calls"), None, 1).rows
        assert [row.id for row in most_called] == [request_id]
    finally:
        engine.dispose()
