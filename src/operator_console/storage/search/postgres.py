"""Text lookups on PostgreSQL: tsvector and websearch_to_tsquery, pg_trgm for likeness."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    String,
    Subquery,
    bindparam,
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
NEWEST_WALKED = 2_000
"""Cases the first reading tests, newest first: a word one case in ten holds fills the pool
there; rarer words are read through the GIN index."""
NEWEST_NOTES_WALKED = 1_000
"""The same for notes, whose words are computed as they are tested."""
RANK_NORMALISATION = 32
"""ts_rank's rank / (rank + 1): scores between 0 and 1."""
CALLERS_CONSIDERED = 50

_r = service_requests.c
_e = request_events.c
_REQUEST_WORDS: ColumnElement[Any] = literal_column(f"service_requests.{REQUEST_WORDS}")
_NOTE_TEXT: ColumnElement[Any] = literal_column(NOTE_TEXT)
_SEQSCAN_OFF = text(
    "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
)
_SEQSCAN_BACK = text("SELECT set_config('enable_seqscan', :was, true)").bindparams(
    bindparam("was", type_=String)
)


@contextmanager
def indexes_only(connection: Connection) -> Iterator[None]:
    """Within the block, the planner reads indexes rather than whole tables: a text lookup that
    stops at its pool's size must not scan two million rows for words that are each common but
    rare together. The exact lookups around it keep the planner's own choice. A block that
    fails leaves the setting to its transaction's rollback."""
    was = connection.execute(_SEQSCAN_OFF).scalar_one()
    yield
    connection.execute(_SEQSCAN_BACK, {"was": was})


def by_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """The newest cases whose address and description hold every word, by rank.

    First among the newest cases the filters keep (a common word fills the pool there), then,
    when they hold too few, through the GIN index in the table's order, stopping at the pool's
    size: how many cases hold the words, not the planner's guess at it, decides how much is
    read."""
    query = _tsquery(words)
    size = max(POOL, 4 * limit)
    newest = (
        select(_r.id, _REQUEST_WORDS.label("words"), literal("").label("matched"))
        .where(*kept_by(filters))
        .order_by(_r.created_at.desc(), _r.id.desc())
        .limit(NEWEST_WALKED)
        .subquery()
    )
    indexed = (
        select(_r.id, _REQUEST_WORDS.label("words"), literal("").label("matched"))
        .where(_REQUEST_WORDS.op("@@")(query), *kept_by(filters))
        .limit(size)
        .subquery()
    )
    with indexes_only(connection):
        found = _ranked(connection, newest, query, size)
        if len(found) < size:
            found = _ranked(connection, indexed, query, size)
    return _best(found, limit)


def by_note_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """The cases with the newest notes holding every word, by rank; the note as matched.
    Read as the cases' words are: among the newest notes first, then through the GIN index."""
    query = _tsquery(words)
    size = max(POOL, 4 * limit)
    newest = (
        select(_e.request_id.label("id"), _NOTE_TEXT.label("words"), _e.reason.label("matched"))
        .join(service_requests, _r.id == _e.request_id)
        .where(text(NOTE_KIND), *kept_by(filters))
        .order_by(_e.at.desc(), _e.id.desc())
        .limit(NEWEST_NOTES_WALKED)
        .subquery()
    )
    indexed = (
        select(_e.request_id.label("id"), _NOTE_TEXT.label("words"), _e.reason.label("matched"))
        .join(service_requests, _r.id == _e.request_id)
        .where(text(NOTE_KIND), _NOTE_TEXT.op("@@")(query), *kept_by(filters))
        .limit(size)
        .subquery()
    )
    with indexes_only(connection):
        found = _ranked(connection, newest, query, size)
        if len(found) < size:
            found = _ranked(connection, indexed, query, size)
    return _best(found, limit)


def _ranked(
    connection: Connection, rows: Subquery, query: ColumnElement[Any], size: int
) -> list[Match]:
    """The first `size` of `rows` (id, words, matched) whose words match, with their rank."""
    rank = func.ts_rank(rows.c.words, query, RANK_NORMALISATION, type_=Float)
    found = connection.execute(
        select(rows.c.id, rank, rows.c.matched).where(rows.c.words.op("@@")(query)).limit(size)
    ).all()
    return [Match(request_id, float(score), matched) for request_id, score, matched in found]


def _best(found: Sequence[Match], limit: int) -> list[Match]:
    best: dict[int, Match] = {}
    for match in found:
        held = best.get(match.request_id)
        if held is None or match.score > held.score:
            best[match.request_id] = match
    return sorted(best.values(), key=lambda match: -match.score)[:limit]


def by_caller_name(
    connection: Connection, name: str, filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases of the callers whose name holds words like `name` (pg_trgm's word similarity)."""
    typed = name.lower()
    likeness = func.word_similarity(typed, func.lower(callers.c.name), type_=Float)
    with indexes_only(connection):
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
    with indexes_only(connection):
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
