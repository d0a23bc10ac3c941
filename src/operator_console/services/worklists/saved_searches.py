"""Searches saved by name: private to their owner, or shared by a supervisor with a department."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.search.query import SearchQuery
from operator_console.services.worklists.query_document import to_document

SHARING_ROLES = frozenset({"supervisor", "admin"})
NAME_LENGTH = 120


class SavedSearchError(ValueError):
    """A saved search that cannot be saved, changed or removed as asked; nothing was changed.
    The message is meant for the person at the console."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)


def no_longer_there(name: str) -> Words:
    """The refusal for a saved search someone removed meanwhile."""
    return QT_TRANSLATE_NOOP(
        "SavedSearchRefusals", "The saved search %1 is no longer there."
    ).with_values(repr(name))


_ONLY_THE_OWNER = {
    "rename": QT_TRANSLATE_NOOP(
        "SavedSearchRefusals", "Only its owner (%1) may rename the saved search %2."
    ),
    "share": QT_TRANSLATE_NOOP(
        "SavedSearchRefusals", "Only its owner (%1) may share the saved search %2."
    ),
    "delete": QT_TRANSLATE_NOOP(
        "SavedSearchRefusals", "Only its owner (%1) may delete the saved search %2."
    ),
}


@dataclass(frozen=True)
class SavedSearch:
    """A named search.

    Attributes:
        department_code, department_name: the department it is shared with; None: private.
    """

    id: int
    name: str
    owner_login: str
    query: SearchQuery
    created_at: datetime
    department_code: str | None = None
    department_name: str | None = None

    @property
    def shared(self) -> bool:
        return self.department_code is not None


class SavedSearchStore(Protocol):
    """The saved_searches rows; each call is one transaction."""

    def visible_to(self, login: str) -> list[SavedSearch]:
        """The login's own searches and those shared with the departments of its queues."""
        ...

    def name_taken(self, login: str, name: str, except_id: int | None = None) -> bool: ...

    def add(
        self,
        login: str,
        name: str,
        department_code: str | None,
        document: Mapping[str, object],
        created_at: datetime,
    ) -> int:
        """Saves a search as the login's; raises SavedSearchError for an unknown department."""
        ...

    def replace(self, old: SavedSearch, name: str, department_code: str | None) -> int:
        """Removes `old` and saves it again with this name and department, in one
        transaction (the new id is returned)."""
        ...

    def remove(self, search_id: int, login: str) -> bool:
        """Removes the login's own search; False when there is none of that id."""
        ...


class SavedSearchDesk:
    """Saved searches for `staff`: call off the Qt thread."""

    def __init__(
        self,
        store: SavedSearchStore,
        staff: StaffIdentity,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self.staff = staff
        self._clock = clock

    @property
    def may_share(self) -> bool:
        return self.staff.role in SHARING_ROLES

    def share_choices(self) -> list[str]:
        """The department codes this person may share with (none for those who may not)."""
        if not self.may_share:
            return []
        return sorted(self.staff.departments or ())

    def visible(self) -> list[SavedSearch]:
        """Mine and those shared with my departments, mine first, each by name."""
        found = self._store.visible_to(self.staff.login)
        return sorted(
            found, key=lambda s: (s.owner_login != self.staff.login, s.name.casefold(), s.id)
        )

    def save(self, name: str, query: SearchQuery, department_code: str | None = None) -> int:
        """Saves `query` as `name` (private unless a department is given); returns its id."""
        name = self._checked_name(name)
        self._check_sharing(department_code)
        document = to_document(query)
        return self._store.add(self.staff.login, name, department_code, document, self._clock())

    def rename(self, saved: SavedSearch, name: str) -> int:
        """Gives my search another name; returns its id (a new one)."""
        self._check_mine(saved, "rename")
        name = self._checked_name(name, except_id=saved.id)
        return self._store.replace(saved, name, saved.department_code)

    def share(self, saved: SavedSearch, department_code: str | None) -> int:
        """Shares my search with a department of mine, or makes it private (None)."""
        self._check_mine(saved, "share")
        self._check_sharing(department_code)
        return self._store.replace(saved, saved.name, department_code)

    def delete(self, saved: SavedSearch) -> None:
        self._check_mine(saved, "delete")
        if not self._store.remove(saved.id, self.staff.login):
            raise SavedSearchError(no_longer_there(saved.name))

    def _checked_name(self, name: str, except_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise SavedSearchError(
                QT_TRANSLATE_NOOP("SavedSearchRefusals", "A saved search needs a name.")
            )
        if len(name) > NAME_LENGTH:
            raise SavedSearchError(
                QT_TRANSLATE_NOOP(
                    "SavedSearchRefusals",
                    "A saved search's name has at most %1 characters, not %2.",
                ).with_values(NAME_LENGTH, len(name))
            )
        if self._store.name_taken(self.staff.login, name, except_id):
            raise SavedSearchError(
                QT_TRANSLATE_NOOP(
                    "SavedSearchRefusals", "You already have a saved search named %1."
                ).with_values(repr(name))
            )
        return name

    def _check_sharing(self, department_code: str | None) -> None:
        if department_code is None:
            return
        if not self.may_share:
            raise SavedSearchError(
                QT_TRANSLATE_NOOP(
                    "SavedSearchRefusals",
                    "Only supervisors and administrators may share a saved search with a "
                    "department. It can be saved as private.",
                )
            )
        mine = self.staff.departments
        if mine is not None and department_code not in mine:
            raise SavedSearchError(
                QT_TRANSLATE_NOOP(
                    "SavedSearchRefusals",
                    "You may share a search only with a department of your queues, not with %1.",
                ).with_values(repr(department_code))
            )

    def _check_mine(self, saved: SavedSearch, doing: str) -> None:
        if saved.owner_login != self.staff.login:
            refusal = _ONLY_THE_OWNER.get(doing, _ONLY_THE_OWNER["rename"])
            raise SavedSearchError(refusal.with_values(saved.owner_login, repr(saved.name)))
