"""A search query as the JSON document a saved search keeps, and back."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from operator_console.services.search.query import DEFAULT_LIMIT, SearchQuery


class SavedQueryError(ValueError):
    """A saved search whose document this console cannot read; the message says which part."""


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
        raise SavedQueryError("The saved search's text is not text.")
    limit = document.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise SavedQueryError(f"The saved search's limit is not a number: {limit!r}.")
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
        raise SavedQueryError(f"The saved search's {key} are not a list of codes: {value!r}.")
    return frozenset(value)


def _day(document: Mapping[str, object], key: str) -> date | None:
    value = document.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SavedQueryError(f"The saved search's {key} is not a day: {value!r}.")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise SavedQueryError(f"The saved search's {key} is not a day: {value!r}.") from error
