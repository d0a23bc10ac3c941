"""Where the items of a JSON array start in a file's text, as line and column (from 1)."""

from __future__ import annotations

import json

Place = tuple[int, int]


def array_item_places(text: str, array_start: int, count: int) -> list[Place] | None:
    """The line and column of each of the first `count` items of the array whose `[` ends at
    `array_start` (the offset just after it); None when the text cannot be followed there."""
    decoder = json.JSONDecoder()
    offsets: list[int] = []
    position = array_start
    try:
        while len(offsets) < count:
            while text[position] in " \t\r\n,":
                position += 1
            offsets.append(position)
            _, position = decoder.raw_decode(text, position)
    except (json.JSONDecodeError, IndexError):
        return None
    return _line_columns(text, offsets)


def top_array_start(text: str) -> int | None:
    """The offset just after the `[` that opens a document that is an array; None otherwise."""
    stripped = text.lstrip()
    if not stripped.startswith("["):
        return None
    return len(text) - len(stripped) + 1


def _line_columns(text: str, offsets: list[int]) -> list[Place]:
    places: list[Place] = []
    line, counted_to = 1, 0
    for offset in offsets:
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        places.append((line, offset - (text.rfind("\n", 0, offset) + 1) + 1))
    return places
