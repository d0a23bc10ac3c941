"""Reference numbers: one written form, and only possible ones can be made."""

from __future__ import annotations

import pytest

from operator_console.domain.reference import ReferenceNumber, format_reference

BOS_4711 = ReferenceNumber("BOS", 2026, 4711)


def test_format_pads_the_sequence_and_shortens_the_year() -> None:
    assert format_reference("BOS", 2026, 4711) == "BOS-26-004711"
    assert format_reference("NYC", 2030, 1) == "NYC-30-000001"
    assert str(BOS_4711) == "BOS-26-004711"


def test_long_sequences_keep_every_digit() -> None:
    assert format_reference("NYC", 2026, 35_000_000) == "NYC-26-35000000"


@pytest.mark.parametrize(
    ("prefix", "year", "sequence"),
    [("bos", 2026, 1), ("B0S", 2026, 1), ("BOSTON", 2026, 1), ("BOS", 1999, 1), ("BOS", 2026, 0)],
)
def test_impossible_references_cannot_be_made(prefix: str, year: int, sequence: int) -> None:
    with pytest.raises(ValueError):
        format_reference(prefix, year, sequence)
