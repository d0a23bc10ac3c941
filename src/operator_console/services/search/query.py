"""What an operator searches for, and each case found with why it matched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from operator_console.domain.wording import Words

DEFAULT_LIMIT = 50


class SearchError(ValueError):
    """A search that cannot run as asked; the message is meant for the operator."""


@dataclass(frozen=True)
class SearchQuery:
    """The typed text and the filters; an empty text lists the newest cases the filters keep.

    Attributes:
        text: a reference as read ("BOS 26 25001", "26-025001"), a phone number in any format,
            a caller's name, an address or intersection, words of the description or notes.
        statuses: keep cases in these statuses only (none: any status, closed included).
        service_codes: keep cases of these services (categories) only.
        district_codes: keep cases in these districts only.
        opened_from, opened_to: keep cases opened on these days (the city's calendar days,
            both included).
        limit: the most cases returned, best first.
    """

    text: str
    statuses: frozenset[str] = frozenset()
    service_codes: frozenset[str] = frozenset()
    district_codes: frozenset[str] = frozenset()
    opened_from: date | None = None
    opened_to: date | None = None
    limit: int = DEFAULT_LIMIT

    @property
    def has_filters(self) -> bool:
        return bool(
            self.statuses
            or self.service_codes
            or self.district_codes
            or self.opened_from
            or self.opened_to
        )


@dataclass(frozen=True)
class SearchHit:
    """One case found.

    Attributes:
        score: higher ranks first: 3 and up an exact reference, 2 and up the caller's phone,
            1 to 2 a text match by how well it matched, 0 the filters alone.
        why: what matched, to show beside the case: "reference", "caller's phone",
            "caller's name: Maria Alvarez", "address: 12 Kingbird Rd",
            "description: ...deep pothole...", "note: ...", "filters".
    """

    request_id: int
    reference: str
    service_name: str
    status: str
    address: str
    opened_at: datetime
    closed_at: datetime | None
    score: float
    why: Words
