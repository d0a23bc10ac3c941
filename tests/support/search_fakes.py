"""A search's reads in memory: canned matches per lookup, and what each lookup was asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from operator_console.services.search.ports import CaseRow, Match, SearchFilters, SearchSettings

SETTINGS = SearchSettings("BOS", "US", "America/New_York")


@dataclass
class FakeSearchReads:
    """`SearchReads` answering each lookup with `answers[lookup]` (none: no match)."""

    rows: dict[int, CaseRow]
    answers: dict[str, list[Match]] = field(default_factory=dict)
    asked: list[tuple[str, object, SearchFilters]] = field(default_factory=list)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def settings(self) -> SearchSettings:
        return SETTINGS

    def by_references(
        self, references: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        return self._answer("references", tuple(references), filters)

    def by_phones(self, phones: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        return self._answer("phones", tuple(phones), filters)

    def by_caller_name(self, name: str, filters: SearchFilters, limit: int) -> list[Match]:
        return self._answer("name", name, filters)

    def by_words(self, words: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        return self._answer("words", tuple(words), filters)

    def by_note_words(
        self, words: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        return self._answer("notes", tuple(words), filters)

    def by_address_likeness(self, text: str, filters: SearchFilters, limit: int) -> list[Match]:
        return self._answer("address", text, filters)

    def by_filters(self, filters: SearchFilters, limit: int) -> list[Match]:
        return self._answer("filters", None, filters)

    def cases(self, request_ids: Sequence[int]) -> list[CaseRow]:
        return [self.rows[request_id] for request_id in request_ids]

    @property
    def lookups(self) -> list[str]:
        return [lookup for lookup, _, _ in self.asked]

    def _answer(self, lookup: str, probe: object, filters: SearchFilters) -> list[Match]:
        self.asked.append((lookup, probe, filters))
        return list(self.answers.get(lookup, []))
