"""Saved searches on PostgreSQL and SQLite: saved, listed, shared with a department, removed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, text

from operator_console.services.errors import DatabaseRefusedError
from operator_console.services.search.query import SearchQuery
from operator_console.services.worklists.saved_searches import SavedSearchDesk, SavedSearchError
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.errors import speaking_service_errors
from operator_console.storage.db.identity import identify
from operator_console.storage.worklists.saved_searches import SqlSavedSearches
from tests.support.staff_logins import make_staff_login

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
POTHOLES = SearchQuery(
    "pothole",
    statuses=frozenset({"in_queue", "assigned"}),
    district_codes=frozenset({"D3"}),
    opened_from=date(2026, 1, 1),
)


@dataclass
class Person:
    engine: Engine
    desk: SavedSearchDesk


@pytest.fixture
def people(demo_db_url: str) -> Iterator[dict[str, Person]]:
    """A supervisor and a dispatcher of Public Works, and a dispatcher of Transportation."""
    chosen: dict[str, tuple[str, str | None]]
    if demo_db_url.startswith("postgresql"):
        chosen = {
            "supervisor": (make_staff_login(demo_db_url, "supervisor", ["PWDx"]), None),
            "public works": (make_staff_login(demo_db_url, "dispatcher", ["PWDx"]), None),
            "transportation": (make_staff_login(demo_db_url, "dispatcher", ["BTDT"]), None),
        }
    else:
        chosen = {
            "supervisor": (demo_db_url, "supervisor1"),
            "public works": (demo_db_url, "dispatcher1"),
            "transportation": (demo_db_url, "dispatcher2"),
        }
    found: dict[str, Person] = {}
    for key, (url, login) in chosen.items():
        engine = make_engine(url)
        staff = identify(engine, login)
        found[key] = Person(engine, SavedSearchDesk(SqlSavedSearches(engine), staff, lambda: NOW))
    yield found
    for person in found.values():
        person.engine.dispose()


def _names(desk: SavedSearchDesk) -> list[str]:
    return [saved.name for saved in desk.visible()]


def test_a_search_is_saved_private_listed_shared_renamed_and_deleted(
    people: dict[str, Person],
) -> None:
    supervisor = people["supervisor"].desk
    colleague, other = people["public works"].desk, people["transportation"].desk
    supervisor.save("Potholes in D3", POTHOLES)
    (saved,) = supervisor.visible()
    assert (saved.query, saved.shared, saved.created_at) == (POTHOLES, False, NOW)
    assert _names(colleague) == [] and _names(other) == []

    supervisor.share(saved, "PWDx")
    (shared,) = supervisor.visible()
    assert (shared.department_code, shared.department_name) == ("PWDx", "Public Works Department")
    assert _names(colleague) == ["Potholes in D3"]
    assert _names(other) == []

    supervisor.rename(shared, "Deep potholes")
    (renamed,) = colleague.visible()
    assert (renamed.name, renamed.query, renamed.department_code) == (
        "Deep potholes",
        POTHOLES,
        "PWDx",
    )
    with pytest.raises(SavedSearchError, match="Only its owner"):
        colleague.delete(renamed)
    supervisor.delete(renamed)
    assert _names(supervisor) == [] and _names(colleague) == []


def test_names_are_checked_and_unique_per_owner(people: dict[str, Person]) -> None:
    supervisor, colleague = people["supervisor"].desk, people["public works"].desk
    supervisor.save("Graffiti", SearchQuery("graffiti"))
    colleague.save("Graffiti", SearchQuery("tags"))
    with pytest.raises(SavedSearchError, match="already have a saved search named 'graffiti'"):
        supervisor.save("  graffiti ", SearchQuery("graffiti again"))
    with pytest.raises(SavedSearchError, match="needs a name"):
        supervisor.save("   ", SearchQuery("x"))
    assert _names(supervisor) == ["Graffiti"]


def test_a_dispatcher_may_not_share_and_a_supervisor_only_with_their_departments(
    people: dict[str, Person],
) -> None:
    dispatcher, supervisor = people["public works"].desk, people["supervisor"].desk
    with pytest.raises(
        SavedSearchError, match="Only supervisors and administrators may share a saved search"
    ):
        dispatcher.save("Mine to share", POTHOLES, "PWDx")
    dispatcher.save("Mine", POTHOLES)
    with pytest.raises(SavedSearchError, match="Only supervisors and administrators may share"):
        dispatcher.share(dispatcher.visible()[0], "PWDx")
    with pytest.raises(SavedSearchError, match="only with a department of your queues"):
        supervisor.save("Elsewhere", POTHOLES, "ANML")
    assert [s.shared for s in dispatcher.visible()] == [False]


@pytest.mark.postgres
def test_postgresql_refuses_a_dispatcher_sharing_by_sql(demo_pg_url: str) -> None:
    dispatcher = make_engine(make_staff_login(demo_pg_url, "dispatcher", ["PWDx"]))
    supervisor = make_engine(make_staff_login(demo_pg_url, "supervisor", ["PWDx"]))
    insert = (
        "INSERT INTO saved_searches (name, owner_login, department_id, query, created_at) "
        "VALUES (:name, 'someone_else', {department}, '{{\"text\": \"pothole\"}}', now())"
    )
    pwd = "(SELECT id FROM departments WHERE code = 'PWDx')"
    try:
        animal = "(SELECT id FROM departments WHERE code = 'ANML')"
        refused = pytest.raises(DatabaseRefusedError, match="row-level security")
        with refused, speaking_service_errors(), dispatcher.begin() as connection:
            connection.execute(text(insert.format(department=pwd)), {"name": "Shared"})
        refused = pytest.raises(DatabaseRefusedError, match="row-level security")
        with refused, speaking_service_errors(), supervisor.begin() as connection:
            connection.execute(text(insert.format(department=animal)), {"name": "Elsewhere"})
        with dispatcher.begin() as connection:
            connection.execute(text(insert.format(department="NULL")), {"name": "Private"})
            owner = connection.execute(
                text("SELECT owner_login FROM saved_searches WHERE name = 'Private'")
            ).scalar_one()
            assert owner == dispatcher.url.username  # the session's login, whatever was sent
        with supervisor.begin() as connection:
            seen = connection.execute(text("SELECT count(*) FROM saved_searches")).scalar_one()
            gone = connection.execute(text("DELETE FROM saved_searches")).rowcount
            assert (seen, gone) == (0, 0)  # another's private search: not read, not deleted
    finally:
        dispatcher.dispose()
        supervisor.dispose()
