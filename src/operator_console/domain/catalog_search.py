"""Type-to-search over the service catalog: names, keywords and groups, ranked with usage."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from operator_console.domain.permissions import Action, permits

_WORD = re.compile(r"[a-z0-9]+")

NAME_WEIGHT, KEYWORD_WEIGHT, GROUP_WEIGHT = 1.0, 0.9, 0.75
USAGE_WEIGHT = 0.1
"""The most used service gains this much on a perfect name match (1.0); others less, by the
logarithm of their use, so usage orders equally good matches and lifts a much-used service past
a slightly better match that is hardly ever used, never past a clearly better one."""
MIN_SCORE = 0.6


@dataclass(frozen=True)
class SearchableService:
    """What the search looks at for one service."""

    code: str
    name: str
    group: str
    keywords: tuple[str, ...]
    staff_only: bool = False
    uses: int = 0  # requests for it at this call center over a recent window


@dataclass(frozen=True)
class ServiceHit:
    code: str
    score: float
    matched: str


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _term_score(query_words: list[str], text: str) -> float:
    """How well every query word is found in `text`: exact words, prefixes, then fuzzy."""
    words = _words(text)
    if not words or not query_words:
        return 0.0
    total = 0.0
    for query_word in query_words:
        best = 0.0
        for word in words:
            if word == query_word:
                best = 1.0
                break
            if word.startswith(query_word) and len(query_word) >= 2:
                best = max(best, 0.9)
            elif len(query_word) >= 4:
                best = max(best, fuzz.ratio(query_word, word) / 100 * 0.8)
        total += best
    return total / len(query_words)


def offered_to(role: str, service: SearchableService) -> bool:
    """True when a person with `role` is offered `service`.

    Staff-only services are those the city's own staff file about work they found (in the demo
    city, services whose requests came from staff in 90 % of cases), not what a resident calls
    about: only the roles that may `Action.FILE_STAFF_ONLY` are offered them.
    """
    return not service.staff_only or permits(role, Action.FILE_STAFF_ONLY)


def _popularity(uses: int, most_uses: int) -> float:
    if uses <= 0 or most_uses <= 0:
        return 0.0
    return math.log1p(uses) / math.log1p(most_uses)


def search_services(
    query: str, catalog: Sequence[SearchableService], limit: int = 8
) -> list[ServiceHit]:
    """Services matching what the operator typed, best first.

    Words in the name count most, then keywords, then the group; among good matches the
    services used most at this call center come first (see `USAGE_WEIGHT`).
    """
    query_words = _words(query)
    if not query_words:
        return []
    most_uses = max((service.uses for service in catalog), default=0)
    hits = []
    for service in catalog:
        fields = [(service.name, NAME_WEIGHT), (service.group, GROUP_WEIGHT)]
        fields += [(keyword, KEYWORD_WEIGHT) for keyword in service.keywords]
        relevance, matched = max(
            ((_term_score(query_words, text) * weight, text) for text, weight in fields if text),
            default=(0.0, ""),
        )
        if relevance >= MIN_SCORE:
            score = relevance + USAGE_WEIGHT * _popularity(service.uses, most_uses)
            hits.append(ServiceHit(service.code, round(score, 4), matched))
    hits.sort(key=lambda hit: (-hit.score, hit.code))
    return hits[:limit]
