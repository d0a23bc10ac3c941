"""Category search: words in the name, then keywords and group, ranked with usage; who sees what."""

from __future__ import annotations

import pytest

from operator_console.domain.catalog_search import (
    SearchableService,
    offered_to,
    search_services,
)

ROADS = SearchableService(
    "pothole-repair-internal",
    "Pothole Repair (Internal)",
    "Highway Maintenance",
    ("pothole", "hole in the road"),
    staff_only=True,
    uses=713,
)
WATER = SearchableService(
    "bwsc-pothole", "BWSC Pothole", "Pothole", ("pothole", "boston water & sewer commission")
)
LIGHTS = SearchableService(
    "street-light-outages", "Street Light Outages", "Street Lights", ("streetlight out",), uses=2357
)


def codes(query: str, catalog: list[SearchableService]) -> list[str]:
    return [hit.code for hit in search_services(query, catalog)]


def test_the_service_used_most_comes_first_among_equal_name_matches() -> None:
    assert codes("pothole", [WATER, ROADS, LIGHTS]) == [ROADS.code, WATER.code]


def test_staff_only_is_not_a_lower_rank_but_a_filter() -> None:
    used_alike = SearchableService(**(vars(ROADS) | {"uses": 0}))
    assert codes("pothole", [WATER, used_alike]) == [WATER.code, ROADS.code]  # name, then code


def test_words_in_the_name_count_more_than_keywords() -> None:
    by_name = SearchableService("graffiti-removal", "Graffiti Removal", "Graffiti", (), uses=5)
    by_keyword = SearchableService("pwd-cleanup", "Public Works Cleanup", "Cleanup", ("graffiti",))
    assert codes("graffiti", [by_keyword, by_name]) == [by_name.code, by_keyword.code]


def test_usage_does_not_lift_a_poor_match_over_a_good_one() -> None:
    rarely_used = SearchableService("tree-in-park", "Tree in Park", "Trees", (), uses=1)
    busiest = SearchableService(
        "street-light", "Street Lights", "Lights", ("street tree",), uses=9999
    )
    assert codes("tree park", [busiest, rarely_used])[0] == rarely_used.code


def test_usage_lifts_a_much_used_keyword_match_over_a_rarely_used_prefix_match() -> None:
    prefix = SearchableService("lighting-survey", "Lighting Survey", "Survey", (), uses=1)
    keyword = SearchableService("street-light-outages", "Outages", "Lights", ("light",), uses=2000)
    assert codes("light", [prefix, keyword]) == [keyword.code, prefix.code]


def test_nothing_typed_finds_nothing_and_unrelated_services_are_left_out() -> None:
    assert codes("  ", [WATER, ROADS, LIGHTS]) == []
    assert codes("pothole", [LIGHTS]) == []


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        ("operator", False),
        ("dispatcher", False),
        ("supervisor", True),
        ("admin", True),
        ("someone", False),
    ],
)
def test_staff_only_services_are_offered_to_supervisors_and_admins(
    role: str, offered: bool
) -> None:
    assert offered_to(role, ROADS) is offered
    assert offered_to(role, WATER)
