"""Text lookups on SQLite: FTS5 trigram tables, MATCH and bm25, likeness by shared trigrams."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)

from operator_console.services.search.ports import Match, SearchFilters
from operator_console.storage.db.search_sql import CALLER_FTS, REQUEST_FTS
from operator_console.storage.db.tables import service_requests
from operator_console.storage.search.callers import FoundCaller, cases_of_callers
from operator_console.storage.search.filters import kept_by
from operator_console.storage.search.likeness import LIKE_ENOUGH, search_trigrams, word_likeness

SHORTEST_INDEXED = 3
"""The trigram index finds words of three letters or more; shorter ones are checked by LIKE."""
LIKENESS_CONSIDERED = 100
PLURAL_STEM = 5
"""Words this long or longer lose a final "s": "potholes" also finds "pothole"."""

_r = service_requests.c
_requests = table(
    REQUEST_FTS, column("rowid"), column("description"), column("address"), column("notes")
)
_callers = table(CALLER_FTS, column("rowid"), column("name"))


def by_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases whose address and description hold every word, best bm25 first."""
    case_text = _r.address.concat(" ").concat(_r.description)
    short = [case_text.like(f"%{word}%") for word in words if len(word) < SHORTEST_INDEXED]
    return _matching(connection, "{description address}", words, short, filters, limit)


def by_note_words(
    connection: Connection, words: Sequence[str], filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases whose notes hold every word, best bm25 first; their notes as matched."""
    matches = _matching(connection, "{notes}", words, [], filters, limit)
    short = [word for word in words if len(word) < SHORTEST_INDEXED]
    return [match for match in matches if all(word in match.matched.lower() for word in short)]


def by_caller_name(
    connection: Connection, name: str, filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases of the callers whose name holds words like `name`."""
    alike = _alike(connection, _callers, _callers.c.name, "{name}", name)
    found = {caller_id: FoundCaller(shown, score) for caller_id, shown, score in alike}
    return cases_of_callers(connection, found, filters, limit)


def by_address_likeness(
    connection: Connection, typed: str, filters: SearchFilters, limit: int
) -> list[Match]:
    """Cases whose address holds words like `typed`, most alike first."""
    alike = {
        request_id: score
        for request_id, _, score in _alike(
            connection, _requests, _requests.c.address, "{address}", typed
        )
    }
    kept = connection.execute(select(_r.id).where(_r.id.in_(alike), *kept_by(filters))).scalars()
    matches = [Match(request_id, alike[request_id]) for request_id in kept]
    return sorted(matches, key=lambda match: -match.score)[:limit]


def _matching(
    connection: Connection,
    columns: str,
    words: Sequence[str],
    conditions: Sequence[ColumnElement[bool]],
    filters: SearchFilters,
    limit: int,
) -> list[Match]:
    # No LIKE on the trigram table's own columns: SQLite 3.40 crashes on a pattern shorter
    # than a trigram there when the query also MATCHes.
    indexed = [_stem(word) for word in words if len(word) >= SHORTEST_INDEXED]
    rank = func.bm25(literal_column(REQUEST_FTS), type_=Float) if indexed else literal(0.0)
    query = (
        select(_requests.c.rowid, _requests.c.notes, rank)
        .join(service_requests, _r.id == _requests.c.rowid)
        .where(*conditions, *kept_by(filters))
        .order_by(rank, _r.created_at.desc())
        .limit(limit)
    )
    if indexed:
        phrases = " AND ".join(f'"{word}"' for word in indexed)
        query = query.where(literal_column(REQUEST_FTS).op("MATCH")(f"{columns} : ({phrases})"))
    elif columns == "{notes}":
        query = query.where(_requests.c.notes != "")
    rows = connection.execute(query).all()
    return [Match(request_id, 1.0 - float(score), notes) for request_id, notes, score in rows]


def _alike(
    connection: Connection,
    fts: Any,
    shown: ColumnElement[Any],
    columns: str,
    typed: str,
) -> list[tuple[int, str, float]]:
    """(rowid, text, likeness) of the rows sharing most trigrams with `typed`, alike enough."""
    grams = search_trigrams(typed)
    if not grams:
        return []
    either = " OR ".join(f'"{gram}"' for gram in grams)
    rows = connection.execute(
        select(fts.c.rowid, shown)
        .where(literal_column(fts.name).op("MATCH")(f"{columns} : ({either})"))
        .order_by(literal_column("rank"))
        .limit(LIKENESS_CONSIDERED)
    ).all()
    scored = [(rowid, text, word_likeness(typed, text)) for rowid, text in rows]
    return [row for row in scored if row[2] >= LIKE_ENOUGH]


def _stem(word: str) -> str:
    return word[:-1] if len(word) >= PLURAL_STEM and word.endswith("s") else word
