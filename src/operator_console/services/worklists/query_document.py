"""A search query as the JSON document a saved search keeps, and back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.search.query import DEFAULT_LIMIT, SearchQuery


class SavedQueryError(ValueError):
    """A saved search whose document this console cannot read; the message says which part."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)


def to_document(query: SearchQuery) -> dict[str, object]:
    """The query as plain JSON values (sets become sorted lists, days ISO dates)."""
    return {
        "text": query.text,
        "statuses": sorted(query.statuses),
        "service_codes": sorted(query.service_codes),
        "district_codes": sorted(query.district_codes),
        "opened_from": query.opened_from.isoformat() if query.opened_from else None,
        "opened_to": query.opened_to.isoformat() if query.opened_to else None,
        "limit": query.limit,
    }


def from_document(document: Mapping[str, object]) -> SearchQuery:
    """The query a document holds; raises SavedQueryError naming a part that is not right."""
    text = document.get("text", "")
    if not isinstance(text, str):
        raise SavedQueryError(
            QT_TRANSLATE_NOOP("SavedSearchProblems", "The saved search's text is not text.")
        )
    limit = document.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise SavedQueryError(
            QT_TRANSLATE_NOOP(
                "SavedSearchProblems", "The saved search's limit is not a number: %1."
            ).with_values(repr(limit))
        )
    return SearchQuery(
        text=text,
        statuses=_codes(document, "statuses"),
        service_codes=_codes(document, "service_codes"),
        district_codes=_codes(document, "district_codes"),
        opened_from=_day(document, "opened_from"),
        opened_to=_day(document, "opened_to"),
        limit=limit,
    )


def _codes(document: Mapping[str, object], key: str) -> frozenset[str]:
    value = document.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SavedQueryError(
            QT_TRANSLATE_NOOP(
                "SavedSearchProblems", "The saved search's %1 are not a list of codes: %2."
            ).with_values(key, repr(value))
        )
    return frozenset(value)


def _day(document: Mapping[str, object], key: str) -> date | None:
    value = document.get(key)
    if value is None:
        return None
    not_a_day = QT_TRANSLATE_NOOP(
        "SavedSearchProblems", "The saved search's %1 is not a day: %2."
    ).with_values(key, repr(value))
    if not isinstance(value, str):
        raise SavedQueryError(not_a_day)
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise SavedQueryError(not_a_day) from error
