"""Saved searches' rules: the query kept as JSON, names, who may share, only the owner changes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.search.query import SearchQuery
from operator_console.services.worklists.query_document import (
    SavedQueryError,
    from_document,
    to_document,
)
from operator_console.services.worklists.saved_searches import (
    SavedSearch,
    SavedSearchDesk,
    SavedSearchError,
)

NOW = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
SUPERVISOR = StaffIdentity("sue", "Sue Super", "supervisor", frozenset({"PWD", "BTD"}))
DISPATCHER = StaffIdentity("dan", "Dan Dispatch", "dispatcher", frozenset({"PWD"}))
ADMIN = StaffIdentity("ada", "Ada Admin", "admin")
QUERY = SearchQuery(
    "pothole school",
    statuses=frozenset({"in_queue", "assigned"}),
    service_codes=frozenset({"pothole"}),
    district_codes=frozenset({"D3"}),
    opened_from=date(2026, 1, 1),
    opened_to=date(2026, 3, 31),
    limit=100,
)


class MemorySavedSearches:
    """The saved_searches rows in memory; departments by code."""

    def __init__(self) -> None:
        self.rows: dict[int, SavedSearch] = {}
        self.departments_of: dict[str, frozenset[str]] = {}
        self._next = 1

    def visible_to(self, login: str) -> list[SavedSearch]:
        mine = self.departments_of.get(login, frozenset())
        return [
            s for s in self.rows.values() if s.owner_login == login or s.department_code in mine
        ]

    def name_taken(self, login: str, name: str, except_id: int | None = None) -> bool:
        return any(
            s.owner_login == login and s.name.lower() == name.lower() and s.id != except_id
            for s in self.rows.values()
        )

    def add(
        self,
        login: str,
        name: str,
        department_code: str | None,
        document: Mapping[str, object],
        created_at: datetime,
    ) -> int:
        search_id, self._next = self._next, self._next + 1
        query = from_document(json.loads(json.dumps(document)))
        self.rows[search_id] = SavedSearch(
            search_id, name, login, query, created_at, department_code, department_code
        )
        return search_id

    def replace(self, old: SavedSearch, name: str, department_code: str | None) -> int:
        del self.rows[old.id]
        return self.add(old.owner_login, name, department_code, to_document(old.query), NOW)

    def remove(self, search_id: int, login: str) -> bool:
        found = self.rows.get(search_id)
        if found is None or found.owner_login != login:
            return False
        del self.rows[search_id]
        return True


def _desk(store: MemorySavedSearches, staff: StaffIdentity) -> SavedSearchDesk:
    return SavedSearchDesk(store, staff, lambda: NOW)


def test_a_query_survives_its_json_document() -> None:
    document = json.loads(json.dumps(to_document(QUERY)))
    assert document["statuses"] == ["assigned", "in_queue"]
    assert from_document(document) == QUERY
    assert from_document({"text": "graffiti"}) == SearchQuery("graffiti")


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ({"text": 12}, "text is not text"),
        ({"text": "x", "statuses": "closed"}, "statuses are not a list of codes"),
        ({"text": "x", "opened_from": "March"}, "opened_from is not a day: 'March'"),
        ({"text": "x", "limit": "many"}, "limit is not a number"),
    ],
)
def test_a_document_this_console_cannot_read_says_which_part(
    document: dict[str, object], says: str
) -> None:
    with pytest.raises(SavedQueryError, match=says):
        from_document(document)


def test_names_are_trimmed_required_short_and_unique_per_owner() -> None:
    store = MemorySavedSearches()
    desk = _desk(store, SUPERVISOR)
    desk.save("  Potholes   near   schools ", QUERY)
    assert [s.name for s in desk.visible()] == ["Potholes near schools"]
    with pytest.raises(SavedSearchError, match="already have a saved search"):
        desk.save("POTHOLES near schools", QUERY)
    with pytest.raises(SavedSearchError, match="needs a name"):
        desk.save(" ", QUERY)
    with pytest.raises(SavedSearchError, match="at most 120 characters, not 121"):
        desk.save("x" * 121, QUERY)
    _desk(store, DISPATCHER).save("Potholes near schools", QUERY)  # another owner may


def test_only_supervisors_and_admins_share_and_only_with_their_departments() -> None:
    store = MemorySavedSearches()
    with pytest.raises(
        SavedSearchError, match="Only supervisors and administrators may share a saved search"
    ):
        _desk(store, DISPATCHER).save("Mine", QUERY, "PWD")
    assert _desk(store, DISPATCHER).share_choices() == []
    supervisor = _desk(store, SUPERVISOR)
    assert supervisor.share_choices() == ["BTD", "PWD"]
    with pytest.raises(SavedSearchError, match="not with 'ANML'"):
        supervisor.save("Animals", QUERY, "ANML")
    _desk(store, ADMIN).save("Animals", QUERY, "ANML")  # an admin has no department limit
    assert not store.name_taken("sue", "Animals")


def test_shared_searches_are_seen_by_the_departments_staff_and_only_the_owner_changes_them() -> (
    None
):
    store = MemorySavedSearches()
    store.departments_of = {"dan": frozenset({"PWD"}), "tom": frozenset({"BTD"})}
    supervisor, dispatcher = _desk(store, SUPERVISOR), _desk(store, DISPATCHER)
    other = _desk(store, replace(DISPATCHER, login="tom", departments=frozenset({"BTD"})))
    supervisor.save("Potholes", QUERY)
    dispatcher.save("Alpha", SearchQuery("alpha"))
    (private,) = supervisor.visible()
    supervisor.share(private, "PWD")
    assert [s.name for s in dispatcher.visible()] == ["Alpha", "Potholes"]  # mine first
    assert other.visible() == []
    shared = dispatcher.visible()[1]
    for change in (
        lambda: dispatcher.rename(shared, "Mine now"),
        lambda: dispatcher.delete(shared),
    ):
        with pytest.raises(SavedSearchError, match=r"Only its owner \(sue\)"):
            change()
    supervisor.rename(supervisor.visible()[0], "Deep potholes")
    (renamed,) = supervisor.visible()
    assert (renamed.name, renamed.department_code, renamed.query) == ("Deep potholes", "PWD", QUERY)
    supervisor.delete(renamed)
    with pytest.raises(SavedSearchError, match="no longer there"):
        supervisor.delete(renamed)
