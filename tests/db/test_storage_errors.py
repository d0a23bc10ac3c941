"""Storage adapters report driver errors as the services' errors, never as SQLAlchemy text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from operator_console.services.errors import BackendUnavailableError, DatabaseRefusedError
from operator_console.storage.addresses.search import SqlAddressSearch
from operator_console.storage.cases.detail import SqlCaseDetailReader
from operator_console.storage.catalog.store import SqlCatalogStore
from operator_console.storage.db.engine import make_engine
from operator_console.storage.intake.gateway import SqlIntakeGateway
from operator_console.storage.intake.uow import SqlIntakeUnitOfWork
from operator_console.storage.queues.directory import SqlQueueDirectory
from tests.support.duplicates import duplicate_desk
from tests.support.staff import SUPERVISOR1

CALLS: dict[str, Callable[[Engine], Any]] = {
    "queue directory": lambda engine: SqlQueueDirectory(engine).queues_for("someone"),
    "address search": lambda engine: SqlAddressSearch(engine).suggest("12 Main"),
    "duplicate finder": lambda engine: duplicate_desk(engine).parent_candidates(1),
    "duplicate actions": lambda engine: duplicate_desk(engine, SUPERVISOR1).mark_duplicate(
        1, 2, 1, "same"
    ),
    "intake gateway": lambda engine: SqlIntakeGateway(engine, lambda *_: None).catalog(),
    "intake unit of work": lambda engine: _districts_at_pin(engine),
    "catalog store": lambda engine: SqlCatalogStore(engine).list_services(),
    "case screen": lambda engine: _read_case(engine),
}


def _districts_at_pin(engine: Engine) -> Any:
    with SqlIntakeUnitOfWork(engine) as work:  # what a submission and its preview open first
        return work.districts_at(42.33, -71.07)


def _read_case(engine: Engine) -> Any:
    with SqlCaseDetailReader(engine) as reader:
        return reader.case_record(1)


@pytest.mark.parametrize("adapter", sorted(CALLS))
def test_a_database_that_does_not_answer_is_reported_in_words(pg_url: str, adapter: str) -> None:
    gone = make_engine(pg_url.replace("/oc_test_", "/no_such_database_"))
    with pytest.raises(BackendUnavailableError, match="The database does not answer") as raised:
        CALLS[adapter](gone)
    assert "sqlalche.me" not in str(raised.value)
    gone.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("adapter", sorted(CALLS))
def test_a_refusal_by_the_database_is_reported_in_words(pg_url: str, adapter: str) -> None:
    owner = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        role = f"stranger_{connection.execute(text('SELECT current_database()')).scalar_one()}"
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    owner.dispose()
    stranger = make_engine(pg_url.replace("postgres@", f"{role}@"))
    with pytest.raises(DatabaseRefusedError, match="permission denied") as raised:
        CALLS[adapter](stranger)
    assert "[SQL:" not in str(raised.value)
    stranger.dispose()
