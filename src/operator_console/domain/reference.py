"""Public reference numbers read back to callers, such as BOS-26-004711."""

from __future__ import annotations

import re
from dataclasses import dataclass

SEQUENCE_DIGITS = 6
_PREFIX = re.compile(r"[A-Z]{2,5}")


@dataclass(frozen=True)
class ReferenceNumber:
    """A city prefix, the year the request was opened and its sequence within that year.

    Attributes:
        prefix: 2 to 5 capital letters, e.g. "BOS".
        year: the full year, e.g. 2026 (written as its last two digits).
        sequence: 1 and up, unique per prefix and year.
    """

    prefix: str
    year: int
    sequence: int

    def __post_init__(self) -> None:
        if not _PREFIX.fullmatch(self.prefix):
            raise ValueError(
                f"reference prefix must be 2 to 5 capital letters, not {self.prefix!r}"
            )
        if not 2000 <= self.year <= 2099:
            raise ValueError(f"reference year must be in 2000..2099, not {self.year}")
        if self.sequence < 1:
            raise ValueError("reference sequence starts at 1")

    def __str__(self) -> str:
        return format_reference(self.prefix, self.year, self.sequence)


def format_reference(prefix: str, year: int, sequence: int) -> str:
    """E.g. ("BOS", 2026, 4711) -> "BOS-26-004711"; sequences past 999,999 keep every digit."""
    ReferenceNumber(prefix, year, sequence)  # validates
    return f"{prefix}-{year % 100:02d}-{sequence:0{SEQUENCE_DIGITS}d}"
