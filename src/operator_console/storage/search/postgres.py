"""Text lookups on PostgreSQL: tsvector and websearch_to_tsquery, pg_trgm for likeness."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    String,
    func,
    literal,
    literal_column,
    select,
    text,
)

from operator_console.services.search.ports import Match, SearchFilters
from operator_console.storage.db.search_sql import NOTE_KIND, NOTE_TEXT, REQUEST_WORDS, TEXT_CONFIG
from operator_console.storage.db.tables import callers, request_events, service_requests
from operator_console.storage.search.callers import FoundCaller, cases_of_callers
from operator_console.storage.search.filters import kept_by

POOL = 200
"""Text lookups rank the newest this many matches (more for a bigger page): a word found in
a hundred thousand cases still answers at once."""
RANK_NORMALISATION = 32
"""ts_rank's rank / (rank + 1): scores between 0 and 1."""
CALLERS_CONSIDERED = 50

_r = service_requests.c
_e = request_events.c
_REQUEST_WORDS: ColumnElement[Any] = literal_column(f"service_requests.{REQUEST_WORDS}")
_NOTE_TEXT: ColumnElement[Any] = literal_column(NOTE_TEXT)


def by_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """The newest cases whose address and description hold every word, by rank."""
    query = _tsquery(words)
    pool = (
        select(_r.id, _REQUEST_WORDS.label("words"))
        .where(_REQUEST_WORDS.op("@@")(query), *kept_by(filters))
        .order_by(_r.created_at.desc(), _r.id.desc())
        .limit(max(POOL, 4 * limit))
        .subquery()
    )
    rank = func.ts_rank(pool.c.words, query, RANK_NORMALISATION, type_=Float)
    rows = connection.execute(
        select(pool.c.id, rank.label("rank")).order_by(rank.desc()).limit(limit)
    ).all()
    return [Match(request_id, float(score)) for request_id, score in rows]


def by_note_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """The cases with the newest notes holding every word, by rank; the note as matched."""
    query = _tsquery(words)
    pool = (
        select(_e.request_id, _e.reason, _NOTE_TEXT.label("words"))
        .join(service_requests, _r.id == _e.request_id)
        .where(text(NOTE_KIND), _NOTE_TEXT.op("@@")(query))
        .where(*kept_by(filters))
        .order_by(_e.at.desc(), _e.id.desc())
        .limit(max(POOL, 4 * limit))
        .subquery()
    )
    rank = func.ts_rank(pool.c.words, query, RANK_NORMALISATION, type_=Float)
    rows = connection.execute(select(pool.c.request_id, pool.c.reason, rank.label("rank"))).all()
    best: dict[int, Match] = {}
    for request_id, reason, score in rows:
        held = best.get(request_id)
        if held is None or score > held.score:
            best[request_id] = Match(request_id, float(score), reason)
    return sorted(best.values(), key=lambda match: -match.score)[:limit]


def by_caller_name(
    connection: Connection, name: str, filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases of the callers whose name holds words like `name` (pg_trgm's word similarity)."""
    typed = name.lower()
    likeness = func.word_similarity(typed, func.lower(callers.c.name), type_=Float)
    rows = connection.execute(
        select(callers.c.id, callers.c.name, likeness)
        .where(literal(typed, String).op("<%")(func.lower(callers.c.name)))
        .order_by(likeness.desc(), callers.c.id)
        .limit(CALLERS_CONSIDERED)
    ).all()
    found = {caller_id: FoundCaller(shown, float(score)) for caller_id, shown, score in rows}
    return cases_of_callers(connection, found, filters, limit)


def by_address_likeness(
    connection: Connection, typed: str, filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases whose address holds words like `typed` (typos allowed), by likeness."""
    typed = typed.lower()
    likeness = func.word_similarity(typed, func.lower(_r.address), type_=Float)
    rows = connection.execute(
        select(_r.id, likeness)
        .where(literal(typed, String).op("<%")(func.lower(_r.address)))
        .where(*kept_by(filters))
        .order_by(likeness.desc(), _r.created_at.desc())
        .limit(limit)
    ).all()
    return [Match(request_id, float(score)) for request_id, score in rows]


def _tsquery(words: Sequence[str]) -> ColumnElement[Any]:
    config: ColumnElement[Any] = literal_column(f"'{TEXT_CONFIG}'::regconfig")
    return func.websearch_to_tsquery(config, " ".join(words))
