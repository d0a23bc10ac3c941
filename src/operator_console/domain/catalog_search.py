"""Type-to-search over the service catalog: names, groups and keywords, ranked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SearchableService:
    """What the search looks at for one service."""

    code: str
    name: str
    group: str
    keywords: tuple[str, ...]
    staff_only: bool = False


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


def search_services(
    query: str, catalog: Sequence[SearchableService], limit: int = 8
) -> list[ServiceHit]:
    """Services matching what the operator typed, best first; the name counts most."""
    query_words = _words(query)
    if not query_words:
        return []
    hits = []
    for service in catalog:
        fields = [(service.name, 1.0), (service.group, 0.75)]
        fields += [(keyword, 0.95) for keyword in service.keywords]
        score, matched = max(
            ((_term_score(query_words, text) * weight, text) for text, weight in fields if text),
            default=(0.0, ""),
        )
        if service.staff_only:
            score *= 0.97
        if score >= 0.6:
            hits.append(ServiceHit(service.code, round(score, 4), matched))
    hits.sort(key=lambda hit: (-hit.score, hit.code))
    return hits[:limit]
