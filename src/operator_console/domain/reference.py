"""Public reference numbers read back to callers, such as BOS-26-004711."""

from __future__ import annotations

import re
from dataclasses import dataclass

SEQUENCE_DIGITS = 6
_PREFIX = re.compile(r"[A-Z]{2,5}")
_SEPARATORS = r"[\s\-.–—/]*"
_SHAPE = re.compile(
    rf"([A-Z]{{2,5}}){_SEPARATORS}([0-9OIL]{{2}}){_SEPARATORS}([0-9OIL][0-9OIL\s\-.]*)"
)
# Said or typed over the phone, letters that look like digits in a digit position are digits.
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class ReferenceNumberError(ValueError):
    """Text that is not a reference number; the message is meant for the operator."""


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


def parse_reference(text: str, expected_prefix: str | None = None) -> ReferenceNumber:
    """Read a reference as typed: any case, spaces or dashes, O for 0, short sequences.

    "bos 26 4711" and "BOS-26-OO4711" both give BOS-26-004711. With `expected_prefix`,
    another city's reference is refused.
    """
    typed = text.strip()
    match = _SHAPE.fullmatch(typed.upper())
    if match is None:
        example = format_reference((expected_prefix or "BOS").upper(), 2026, 4711)
        raise ReferenceNumberError(
            f"“{typed}” is not a reference number; they look like {example}."
        )
    prefix, year_digits, sequence_text = match.groups()
    if expected_prefix is not None and prefix != expected_prefix.upper():
        raise ReferenceNumberError(
            f"“{typed}” is not one of our reference numbers; ours start with {expected_prefix}."
        )
    sequence_digits = re.sub(r"[\s\-.]", "", sequence_text).translate(_LOOKALIKE_DIGITS)
    sequence = int(sequence_digits)
    if sequence < 1:
        raise ReferenceNumberError(f"“{typed}” has no sequence number after the year.")
    return ReferenceNumber(prefix, 2000 + int(year_digits.translate(_LOOKALIKE_DIGITS)), sequence)
