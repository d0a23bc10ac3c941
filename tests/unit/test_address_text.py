"""Address text: search keys as the gazetteer stores them, and queries as operators type them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.address_text import (
    AddressQuery,
    address_key,
    address_label,
    is_house_number,
    is_intersection,
    normalise,
    parse_query,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Washington Street", "12 washington st"),
        ("12  WASHINGTON   St.", "12 washington st"),
        ("100 O'Brien Highway", "100 obrien hwy"),
        ("100 O\u2019Brien Hwy", "100 obrien hwy"),
        ("5 Blue Hill Avenue", "5 blue hill ave"),
        ("7 Commonwealth Blvd.", "7 commonwealth blvd"),
        ("3 Louisburg Square", "3 louisburg sq"),
        ("9 Jamaicaway Parkway", "9 jamaicaway pkwy"),
        ("42-44 Raymond St", "42-44 raymond st"),
        ("12 1/2 Elm Road", "12 1/2 elm rd"),
        ("1 Caf\u00e9 Place", "1 cafe pl"),
        ("INTERSECTION of Mass Ave & Columbus Ave", "mass ave & columbus ave"),
        ("Mass Ave&Columbus Ave", "mass ave & columbus ave"),
        ("Mass Ave @ Columbus Ave", "mass ave & columbus ave"),
        ("%_;--", "--"),
        ("'; DROP TABLE addresses; --", "drop table addresses --"),
        ("", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_address_key_is_the_normalised_label() -> None:
    assert address_key("12A", "Washington Street") == "12a washington st"
    assert address_key("", "Washington St & Columbus Ave") == "washington st & columbus ave"
    assert address_label("12A", " Washington  St ") == "12A Washington St"
    assert address_label("", "Boston Common") == "Boston Common"


def test_intersection_and_house_number_shapes() -> None:
    assert is_intersection("Washington St & Columbus Ave")
    assert not is_intersection("Washington St")
    assert all(is_house_number(word) for word in ("12", "12a", "12-14", "12-", "12a-14b"))
    assert not any(is_house_number(word) for word in ("1st", "a12", "-12", "twelve"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 wash", AddressQuery("12", ("wash",))),
        ("12", AddressQuery("12", ())),
        ("12A Washington Street", AddressQuery("12a", ("washington", "st"))),
        ("washingt", AddressQuery("", ("washingt",))),
        ("1st st", AddressQuery("", ("1st", "st"))),
        ("O'Brien Hwy", AddressQuery("", ("obrien", "hwy"))),
        ("mass ave & col", AddressQuery("", ("mass", "ave"), ("col",))),
        ("col&mass ave", AddressQuery("", ("col",), ("mass", "ave"))),
        ("columbus and massachusetts", AddressQuery("", ("columbus",), ("massachusetts",))),
        ("mass ave at columbus ave", AddressQuery("", ("mass", "ave"), ("columbus", "ave"))),
        ("mass ave and", AddressQuery("", ("mass", "ave"), ())),
        ("mass ave & & col", AddressQuery("", ("mass", "ave"), ("col",))),
        ("& col", AddressQuery("", ("col",))),
        ("at", AddressQuery("", ("at",))),
        ("   ", AddressQuery()),
    ],
)
def test_parse_query(text: str, expected: AddressQuery) -> None:
    assert parse_query(text) == expected


def test_query_kinds() -> None:
    assert parse_query("mass ave &").is_intersection
    assert not parse_query("12 wash").is_intersection
    assert parse_query("%;").is_empty
    assert not parse_query("12").is_empty


_ADDRESS_PIECES = st.sampled_from(["intersection", " of ", "'", "&", " ", "Street", ".", "x"])


@given(st.text() | st.lists(_ADDRESS_PIECES).map("".join))
def test_normalised_text_holds_only_key_characters(text: str) -> None:
    key = normalise(text)
    assert re.fullmatch(r"[a-z0-9&/\- ]*", key)
    assert "  " not in key
    assert key == key.strip()
    assert normalise(key) == key


@given(st.text())
def test_any_text_parses(text: str) -> None:
    query = parse_query(text)
    words = [query.house_number, *query.street, *(query.cross_street or ())]
    assert all("%" not in word and "_" not in word and "'" not in word for word in words)
