"""Reference numbers: one written form, read back however the caller says it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.reference import (
    ReferenceNumber,
    ReferenceNumberError,
    format_reference,
    parse_reference,
)

BOS_4711 = ReferenceNumber("BOS", 2026, 4711)


def test_format_pads_the_sequence_and_shortens_the_year() -> None:
    assert format_reference("BOS", 2026, 4711) == "BOS-26-004711"
    assert format_reference("NYC", 2030, 1) == "NYC-30-000001"
    assert str(BOS_4711) == "BOS-26-004711"


def test_long_sequences_keep_every_digit() -> None:
    assert format_reference("NYC", 2026, 35_000_000) == "NYC-26-35000000"


@pytest.mark.parametrize(
    "typed",
    [
        "BOS-26-004711",
        "bos-26-004711",
        "  BOS 26 4711 ",
        "BOS26004711",
        "BOS-26-OO4711",  # letter O read out as zero
        "BOS – 26 – 004 711",
        "BOS/26/4711",
    ],
)
def test_parse_reads_what_callers_type(typed: str) -> None:
    assert parse_reference(typed) == BOS_4711


def test_lookalike_letters_in_the_year_are_digits_too() -> None:
    assert parse_reference("BOS-2I-000010") == ReferenceNumber("BOS", 2021, 10)


@pytest.mark.parametrize(
    "typed",
    ["", "4711", "BOS", "BOS-26", "BOS-26-", "B-26-1", "BOSTON-26-1", "BOS-26-12A4", "26-BOS-1"],
)
def test_parse_refuses_what_is_not_a_reference(typed: str) -> None:
    with pytest.raises(ReferenceNumberError, match="is not a reference number"):
        parse_reference(typed)


def test_sequence_zero_is_refused() -> None:
    with pytest.raises(ReferenceNumberError, match="no sequence number"):
        parse_reference("BOS-26-000000")


def test_expected_prefix_refuses_another_citys_reference() -> None:
    assert parse_reference("bos-26-4711", expected_prefix="bos") == BOS_4711
    with pytest.raises(ReferenceNumberError, match="ours start with BOS"):
        parse_reference("NYC-26-004711", expected_prefix="BOS")


def test_error_example_uses_the_expected_prefix() -> None:
    with pytest.raises(ReferenceNumberError, match="like CHI-26-004711"):
        parse_reference("nonsense", expected_prefix="CHI")


@pytest.mark.parametrize(
    ("prefix", "year", "sequence"),
    [("bos", 2026, 1), ("B0S", 2026, 1), ("BOSTON", 2026, 1), ("BOS", 1999, 1), ("BOS", 2026, 0)],
)
def test_impossible_references_cannot_be_made(prefix: str, year: int, sequence: int) -> None:
    with pytest.raises(ValueError):
        format_reference(prefix, year, sequence)


@given(
    prefix=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=5),
    year=st.integers(min_value=2000, max_value=2099),
    sequence=st.integers(min_value=1, max_value=10**9),
)
def test_every_formatted_reference_parses_back(prefix: str, year: int, sequence: int) -> None:
    reference = ReferenceNumber(prefix, year, sequence)
    written = str(reference)
    assert parse_reference(written) == reference
    assert parse_reference(written.lower().replace("-", " ")) == reference
