"""Caller phone numbers: E.164 for lookup, clear errors; names split back into two fields."""

from __future__ import annotations

import pytest

from operator_console.domain.caller import (
    Caller,
    PhoneNumber,
    PhoneNumberError,
    normalize_phone,
    parse_phone,
    split_name,
)

BOSTON_311 = "+16176354500"


@pytest.mark.parametrize(
    "typed",
    [
        "617-635-4500",
        "(617) 635-4500",
        "617.635.4500",
        " 6176354500 ",
        "+1 617 635 4500",
        "1-617-635-4500",
        "011 1 617 635 4500",
    ],
)
def test_local_ways_of_writing_a_number_give_one_e164(typed: str) -> None:
    assert normalize_phone(typed, "US") == BOSTON_311


def test_international_numbers_keep_their_country() -> None:
    assert normalize_phone("+44 20 7946 0958", "US") == "+442079460958"
    assert normalize_phone("020 7946 0958", "GB") == "+442079460958"


def test_extension_is_kept_apart_from_the_e164_number() -> None:
    assert parse_phone("617-635-4500 ext. 12", "US") == PhoneNumber(BOSTON_311, "12")
    assert normalize_phone("617-635-4500 x12", "US") == BOSTON_311


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a phone number."),
        ("   ", "Enter a phone number."),
        ("not a number", "“not a number” is not a phone number."),
        ("12", "“12” is too short to be a phone number."),
        ("617635450012345678", "“617635450012345678” is too long to be a phone number."),
        ("635-4500", "“635-4500” needs its area code."),
        ("+999 1234 5678", "“+999 1234 5678” starts with a country code that does not exist."),
        ("(123) 456-7890", "“(123) 456-7890” is not a valid US number."),
    ],
)
def test_numbers_that_cannot_be_dialled_get_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(PhoneNumberError) as raised:
        normalize_phone(typed, "US")
    assert str(raised.value) == message


def test_unknown_region_is_a_configuration_error_not_a_caller_error() -> None:
    with pytest.raises(ValueError, match="region"):
        normalize_phone("617-635-4500", "Boston")


def test_region_is_case_insensitive() -> None:
    assert normalize_phone("617-635-4500", "us") == BOSTON_311


def test_caller_is_anonymous_only_when_nothing_was_given() -> None:
    assert Caller().is_anonymous
    assert Caller(first_name="  ").is_anonymous
    assert not Caller(phone="617-635-4500").is_anonymous


@pytest.mark.parametrize(
    ("stored", "first", "last"),
    [
        ("Ana Lopes", "Ana", "Lopes"),
        ("Mary Ann Smith", "Mary Ann", "Smith"),
        ("Juan de la Cruz", "Juan", "de la Cruz"),
        ("  Cher ", "Cher", ""),
        ("", "", ""),
    ],
)
def test_a_stored_name_splits_into_first_and_last_name(stored: str, first: str, last: str) -> None:
    assert split_name(stored) == (first, last)
    assert " ".join(part for part in (first, last) if part) == " ".join(stored.split())
