"""Finding any case from the search box: exact references and phones first, then text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from operator_console.domain.permissions import StaffIdentity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.search.ports import CaseRow, Match, SearchFilters, SearchReads
from operator_console.services.search.query import SearchError, SearchHit, SearchQuery
from operator_console.services.search.ranking import (
    FILTERS_TIER,
    PHONE_TIER,
    REFERENCE_TIER,
    Ranking,
)
from operator_console.services.search.reasons import holds_all, snippet
from operator_console.services.search.understanding import UnderstoodText, understand

MAX_LIMIT = 500


class CaseSearch:
    """Searches every case, open and closed, for `staff` (every staff role may), each search
    in a fresh read-only unit of work (call off the Qt thread)."""

    def __init__(self, new_reads: Callable[[], SearchReads], staff: StaffIdentity) -> None:
        self._new_reads = new_reads
        self.staff = staff

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """The cases `query` finds, best first: an exact reference, then the caller's phone,
        then text matches by how well they match (ties: the newest first). A text that is a
        reference or a phone number found exactly is not searched as words; notes are searched
        when the cases' own words fill less than the page; an address that
        only looks alike is tried when nothing else matched a text of words. Raises
        SearchError for a limit or a date range that cannot be."""
        _check(query)
        with self._new_reads() as reads:
            settings = reads.settings()
            filters = _filters(query, ZoneInfo(settings.time_zone))
            understood = understand(query.text, settings.reference_prefix, settings.phone_region)
            ranking = _rank(reads, query, understood, filters)
            rows = reads.cases(ranking.request_ids) if ranking else []
        hits = [_hit(row, ranking) for row in rows]
        hits.sort(key=lambda hit: (-hit.score, -hit.opened_at.timestamp(), -hit.request_id))
        return hits[: query.limit]


def _rank(
    reads: SearchReads, query: SearchQuery, understood: UnderstoodText, filters: SearchFilters
) -> Ranking:
    ranking = Ranking()
    limit = query.limit
    if not query.text.strip():
        if query.has_filters:
            ranking.add_exact(
                reads.by_filters(filters, limit),
                FILTERS_TIER,
                QT_TRANSLATE_NOOP("SearchReasons", "filters"),
            )
        return ranking
    if understood.references:
        found = reads.by_references(understood.references, filters, limit)
        ranking.add_exact(found, REFERENCE_TIER, QT_TRANSLATE_NOOP("SearchReasons", "reference"))
    if understood.phones:
        ranking.add_exact(
            reads.by_phones(understood.phones, filters, limit),
            PHONE_TIER,
            QT_TRANSLATE_NOOP("SearchReasons", "caller's phone"),
        )
    if ranking:
        return ranking
    words = understood.words
    if understood.name:
        ranking.add_text(reads.by_caller_name(understood.name, filters, limit), "name", _named)
    if words:
        worded = reads.by_words(words, filters, limit)
        ranking.add_text(worded, "words", _worded(words))
        if len(worded) < limit:
            ranking.add_text(reads.by_note_words(words, filters, limit), "note", _noted(words))
    if not ranking and understood.likeness and not understood.is_exact:
        found = reads.by_address_likeness(understood.likeness, filters, limit)
        ranking.add_text(found, "address", lambda _match: _address)
    return ranking


def _named(match: Match) -> Callable[[str, str], Words]:
    name = QT_TRANSLATE_NOOP("SearchReasons", "caller's name: %1").with_values(match.matched)
    return lambda _address, _description: name


def _worded(words: Sequence[str]) -> Callable[[Match], Callable[[str, str], Words]]:
    def why(address: str, description: str) -> Words:
        if holds_all(address, words):
            return _address(address, description)
        return QT_TRANSLATE_NOOP("SearchReasons", "description: %1").with_values(
            snippet(description, words)
        )

    return lambda _match: why


def _noted(words: Sequence[str]) -> Callable[[Match], Callable[[str, str], Words]]:
    def noted(match: Match) -> Callable[[str, str], Words]:
        note = QT_TRANSLATE_NOOP("SearchReasons", "note: %1").with_values(
            snippet(match.matched, words)
        )
        return lambda _address, _description: note

    return noted


def _address(address: str, _description: str) -> Words:
    return QT_TRANSLATE_NOOP("SearchReasons", "address: %1").with_values(address)


def _hit(row: CaseRow, ranking: Ranking) -> SearchHit:
    ranked = ranking.best(row.request_id)
    return SearchHit(
        request_id=row.request_id,
        reference=row.reference,
        service_name=row.service_name,
        status=row.status,
        address=row.address,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        score=ranked.score,
        why=ranked.why(row.address, row.description),
    )


def _check(query: SearchQuery) -> None:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "SearchProblems", "A search shows 1 to %1 cases, not %2."
            ).with_values(MAX_LIMIT, query.limit)
        )
    if query.opened_from and query.opened_to and query.opened_from > query.opened_to:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "SearchProblems", "The first day (%1) comes after the last day (%2)."
            ).with_values(query.opened_from.isoformat(), query.opened_to.isoformat())
        )


def _filters(query: SearchQuery, zone: ZoneInfo) -> SearchFilters:
    return SearchFilters(
        statuses=query.statuses,
        service_codes=query.service_codes,
        district_codes=query.district_codes,
        opened_after=_start_of(query.opened_from, zone),
        opened_before=_start_of(query.opened_to + timedelta(days=1), zone)
        if query.opened_to
        else None,
    )


def _start_of(day: date | None, zone: ZoneInfo) -> datetime | None:
    if day is None:
        return None
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
