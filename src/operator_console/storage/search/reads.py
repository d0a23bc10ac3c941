"""`SearchReads` over SQLAlchemy: exact lookups here, text lookups in each database's engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, Self

from sqlalchemy import ColumnElement, Connection, Engine, select, text, union

from operator_console.services.search.ports import (
    CaseRow,
    Match,
    SearchFilters,
    SearchSettings,
)
from operator_console.services.search.query import SearchError
from operator_console.storage.db.connection_scope import SqlConnectionScope
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import (
    callers,
    city,
    request_followers,
    service_requests,
    services,
)
from operator_console.storage.search import postgres, sqlite
from operator_console.storage.search.filters import kept_by
from operator_console.storage.search.likeness import LIKE_ENOUGH

_r = service_requests.c
_f = request_followers.c
_SEARCH_SETTINGS = text(
    "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
    f"set_config('pg_trgm.word_similarity_threshold', '{LIKE_ENOUGH}', true)"
)
"""For this transaction: each search planned with its own words (how common they are picks
the plan) and pg_trgm's likeness threshold. The text lookups also read indexes only, each
within its own statements (storage.search.postgres.indexes_only)."""


class TextLookups(Protocol):
    """The text lookups one database's engine answers (storage.search.postgres, .sqlite)."""

    def by_words(
        self, connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]: ...

    def by_note_words(
        self, connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]: ...

    def by_caller_name(
        self, connection: Connection, name: str, filters: SearchFilters, limit: int
    ) -> list[Match]: ...

    def by_address_likeness(
        self, connection: Connection, typed: str, filters: SearchFilters, limit: int
    ) -> list[Match]: ...


@speaks_service_errors
class SqlSearchReads(SqlConnectionScope):
    """One read-only transaction of case lookups on `engine` (PostgreSQL or SQLite)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._postgres = engine.dialect.name == "postgresql"
        self._text: TextLookups = postgres if self._postgres else sqlite

    def __enter__(self) -> Self:
        super().__enter__()
        if self._postgres:
            self.connection.execute(_SEARCH_SETTINGS)
        return self

    def settings(self) -> SearchSettings:
        row = self.connection.execute(
            select(city.c.reference_prefix, city.c.phone_region, city.c.time_zone)
        ).first()
        if row is None:
            raise SearchError("This database has no city yet: load a city bundle first.")
        return SearchSettings(row.reference_prefix, row.phone_region, row.time_zone)

    def by_references(
        self, references: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        return self._newest(_r.reference.in_(list(references)), filters, limit)

    def by_phones(self, phones: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        holders = select(callers.c.id).where(callers.c.phone.in_(list(phones)))
        reported = select(_r.id).where(_r.caller_id.in_(holders))
        followed = select(_f.request_id).where(_f.caller_id.in_(holders))
        return self._newest(_r.id.in_(union(reported, followed)), filters, limit)

    def by_caller_name(self, name: str, filters: SearchFilters, limit: int) -> list[Match]:
        return self._text.by_caller_name(self.connection, name, filters, limit)

    def by_words(self, words: Sequence[str], filters: SearchFilters, limit: int) -> list[Match]:
        return self._text.by_words(self.connection, words, filters, limit)

    def by_note_words(
        self, words: Sequence[str], filters: SearchFilters, limit: int
    ) -> list[Match]:
        return self._text.by_note_words(self.connection, words, filters, limit)

    def by_address_likeness(self, text: str, filters: SearchFilters, limit: int) -> list[Match]:
        return self._text.by_address_likeness(self.connection, text, filters, limit)

    def by_filters(self, filters: SearchFilters, limit: int) -> list[Match]:
        return self._newest(None, filters, limit)

    def cases(self, request_ids: Sequence[int]) -> list[CaseRow]:
        if not request_ids:
            return []
        rows = self.connection.execute(
            select(
                _r.id,
                _r.reference,
                services.c.name,
                _r.status,
                _r.address,
                _r.description,
                _r.created_at,
                _r.closed_at,
            )
            .join(services, services.c.id == _r.service_id)
            .where(_r.id.in_(list(request_ids)))
        ).all()
        return [CaseRow(*row) for row in rows]

    def _newest(
        self, condition: ColumnElement[bool] | None, filters: SearchFilters, limit: int
    ) -> list[Match]:
        query = select(_r.id).where(*kept_by(filters))
        if condition is not None:
            query = query.where(condition)
        found = self.connection.execute(
            query.order_by(_r.created_at.desc(), _r.id.desc()).limit(limit)
        ).scalars()
        return [Match(request_id) for request_id in found]
