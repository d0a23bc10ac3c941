"""Trigram likeness of two texts, as PostgreSQL's pg_trgm measures it, for SQLite."""

from __future__ import annotations

import re

LIKE_ENOUGH = 0.5
"""The word likeness from which a name or address counts as typed with a typo (one letter
swapped in an eight-letter street name scores 0.53); PostgreSQL's pg_trgm is set to it."""
_WORD = re.compile(r"[^\W_]+")


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: each lower-case word padded with two spaces before, one after."""
    found: set[str] = set()
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def similarity(left: str, right: str) -> float:
    """Shared trigrams over all trigrams of the two texts: 1.0 for the same words."""
    ours, theirs = trigrams(left), trigrams(right)
    if not ours or not theirs:
        return 0.0
    return len(ours & theirs) / len(ours | theirs)


def word_likeness(typed: str, text: str) -> float:
    """The share of `typed`'s trigrams found in the best run of as many words of `text`, as
    pg_trgm's word_similarity nearly measures it: "alvarez" in "Maria Alvarez" is 1.0,
    "kingbrid" in "12 Kingbird Rd" 0.56."""
    ours = trigrams(typed)
    wanted = len(_WORD.findall(typed))
    words = _WORD.findall(text)
    if not ours or not words:
        return 0.0
    span = min(wanted, len(words))
    runs = (" ".join(words[start : start + span]) for start in range(len(words) - span + 1))
    return max(len(ours & trigrams(run)) / len(ours) for run in runs)


def search_trigrams(text: str) -> list[str]:
    """The trigrams of the words of `text` an FTS5 trigram index holds (no padding)."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        for start in range(len(word) - 2):
            found[word[start : start + 3]] = None
    return list(found)
