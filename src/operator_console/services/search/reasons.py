"""Why a case matched, in words an operator reads beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

SNIPPET_CONTEXT = 30
"""Characters shown on each side of the first matched word."""
_TOKEN = re.compile(r"\w+")
_ENDINGS = ("ing", "es", "ed", "s")


def stem(word: str) -> str:
    """A rough English stem, enough to tell "potholes" matched "pothole"."""
    lowered = word.lower()
    for ending in _ENDINGS:
        if len(lowered) > len(ending) + 2 and lowered.endswith(ending):
            return lowered[: -len(ending)]
    return lowered


def holds_all(text: str, words: Sequence[str]) -> bool:
    """Whether every word is, or starts, a word of `text` (stems compared)."""
    tokens = _TOKEN.findall(text)
    parts = [part for word in words for part in _TOKEN.findall(word)]
    return all(any(_same(part, token) for token in tokens) for part in parts)


def snippet(text: str, words: Sequence[str]) -> str:
    """The part of `text` around its first matched word, e.g. "...deep pothole by the...";
    the start of the text when no word is found."""
    for token in _TOKEN.finditer(text):
        if any(_same(word, token.group()) for word in words):
            start = max(0, token.start() - SNIPPET_CONTEXT)
            end = min(len(text), token.end() + SNIPPET_CONTEXT)
            before = "..." if start else ""
            after = "..." if end < len(text) else ""
            return f"{before}{text[start:end].strip()}{after}"
    cut = text[: 2 * SNIPPET_CONTEXT].strip()
    return cut + ("..." if len(text) > len(cut) else "")


def _same(word: str, token: str) -> bool:
    """Whether `token` is `word`, starts with it, or shares its stem."""
    lowered = token.lower()
    return lowered.startswith(word.lower()) or lowered.startswith(stem(word))
