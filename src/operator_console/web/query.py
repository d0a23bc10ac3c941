"""The query parameters of the GET endpoints, read as the spec describes them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from operator_console.services.open311.errors import bad_request
from operator_console.services.open311.ports import RequestQuery
from operator_console.services.open311.server import DEFAULT_DAYS, MAX_REQUESTS

_STATUSES = {"open": True, "closed": False}


def request_query(params: Mapping[str, str]) -> RequestQuery:
    """GET requests.json's filters: service_request_id (then the others are ignored, as the
    spec says), service_code, start_date and end_date (at most 90 days back by default),
    status (open, closed). Raises `Open311Error` (400) naming the parameter that is not one."""
    references = _listed(params.get("service_request_id", ""))
    if references:
        return RequestQuery(references=references, limit=MAX_REQUESTS)
    codes = _listed(params.get("service_code", ""))
    start = _moment(params, "start_date")
    end = _moment(params, "end_date")
    if start is None and end is None:
        start = datetime.now(UTC) - timedelta(days=DEFAULT_DAYS)
    statuses = {status.lower() for status in _listed(params.get("status", ""))}
    unknown = statuses - _STATUSES.keys()
    if unknown:
        raise bad_request(f"status: open or closed, not {', '.join(sorted(unknown))}.")
    is_open = _STATUSES[statuses.pop()] if len(statuses) == 1 else None
    return RequestQuery(
        service_codes=codes or None, start=start, end=end, open=is_open, limit=MAX_REQUESTS
    )


def updates_range(params: Mapping[str, str]) -> tuple[datetime | None, datetime | None, int]:
    """servicerequestupdates' start_date, end_date and limit (default and most: 1,000)."""
    limit_text = params.get("limit", "").strip()
    limit = MAX_REQUESTS
    if limit_text:
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_REQUESTS:
            raise bad_request(
                f"limit: a whole number from 1 to {MAX_REQUESTS}, not {limit_text!r}."
            )
        limit = int(limit_text)
    return _moment(params, "start_date"), _moment(params, "end_date"), limit


def _listed(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _moment(params: Mapping[str, str], name: str) -> datetime | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise bad_request(f"{name}: an ISO 8601 date and time, not {text!r}.") from None
    if moment.tzinfo is None:
        raise bad_request(f"{name}: give the time zone, as in 2026-03-01T00:00:00Z.")
    return moment
