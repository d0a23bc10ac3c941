"""What the case search asks of the database: exact lookups, text matches and the cases' rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.services.unit_of_work import Transaction


@dataclass(frozen=True)
class SearchSettings:
    """The city's rules a search reads: its reference prefix, phone region and time zone."""

    reference_prefix: str
    phone_region: str
    time_zone: str


@dataclass(frozen=True)
class SearchFilters:
    """What every lookup keeps; opened times are UTC, `opened_before` excluded."""

    statuses: frozenset[str] = frozenset()
    service_codes: frozenset[str] = frozenset()
    district_codes: frozenset[str] = frozenset()
    opened_after: datetime | None = None
    opened_before: datetime | None = None


@dataclass(frozen=True)
class Match:
    """A case a lookup found: `score` is higher for a better match (comparable within one
    lookup only); `matched` is the text that matched where it is not on the case (the caller's
    name, the note)."""

    request_id: int
    score: float = 0.0
    matched: str = ""


@dataclass(frozen=True)
class CaseRow:
    """What a hit shows, and the text its reason is taken from."""

    request_id: int
    reference: str
    service_name: str
    status: str
    address: str
    description: str
    opened_at: datetime
    closed_at: datetime | None


class SearchReads(Transaction, Protocol):
    """Read-only lookups; each keeps only the cases `filters` allow and returns at most
    `limit` matches, best first (text lookups rank the newest matches they find)."""

    def settings(self) -> SearchSettings: ...

    def by_references(
        self, references: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        """Cases whose reference is one of `references` exactly."""
        ...

    def by_phones(self, phones: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        """Cases whose caller, or a follower, has one of the E.164 `phones`."""
        ...

    def by_caller_name(self, name: str, filters: SearchFilters, limit: int) -> list[Match]:
        """Cases whose caller or a follower has a name like `name` (a typo allowed); `matched`
        is the name found."""
        ...

    def by_words(self, words: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        """Cases whose address and description hold every word."""
        ...

    def by_note_words(
        self, words: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        """Cases with a note holding every word; `matched` is the note."""
        ...

    def by_address_likeness(self, text: str, filters: SearchFilters, limit: int) -> list[Match]:
        """Cases whose address looks like `text` (typos allowed)."""
        ...

    def by_filters(self, filters: SearchFilters, limit: int) -> list[Match]:
        """The newest cases the filters keep."""
        ...

    def cases(self, request_ids: Sequence[int]) -> list[CaseRow]:
        """The rows of these cases (in any order)."""
        ...
