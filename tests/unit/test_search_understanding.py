"""What the search box reads in typed text: references in every spoken form, phones, words."""

from __future__ import annotations

import pytest

from operator_console.services.search.reasons import holds_all, snippet
from operator_console.services.search.understanding import references_in, understand


@pytest.mark.parametrize(
    "typed",
    [
        "BOS-26-025001",
        "BOS 26 25001",
        "bos 26 025001",
        "BOS2625001",
        "bos-26-25001",
        "26-025001",
        "26 025001",
        "2625001",
        "26 25 001",
        "2026 25001",
        "BOS #26-025001",
        " BOS 26 25001 ",
    ],
)
def test_every_spoken_form_of_a_reference_reads_as_it(typed: str) -> None:
    assert "BOS-26-025001" in references_in(typed, "BOS")


def test_a_typed_prefix_is_kept_and_the_citys_is_used_without_one() -> None:
    assert references_in("NYC 26 7", "BOS")[0] == "NYC-26-000007"
    assert references_in("26 7", "BOS")[0] == "BOS-26-000007"


def test_a_sequence_past_a_million_keeps_every_digit() -> None:
    assert references_in("26 1234567", "BOS")[0] == "BOS-26-1234567"


def test_an_imported_cases_old_id_is_read_as_its_reference_too() -> None:
    assert "BOS-10004567" in references_in("10004567", "BOS")
    assert "BOS-2016-0042" in references_in("2016-0042", "BOS")


@pytest.mark.parametrize("typed", ["Maria Alvarez", "12 Kingbird Rd", "pothole", "", "BOS"])
def test_names_addresses_and_words_are_not_references(typed: str) -> None:
    assert references_in(typed, "BOS") == ()


@pytest.mark.parametrize(
    "typed",
    [
        "617-555-0123",
        "(617) 555-0123",
        "617.555.0123",
        "6175550123",
        "+1 617 555 0123",
        "1-617-555-0123",
        "+16175550123",
        "617 555 0123 ext 12",
    ],
)
def test_a_phone_number_in_any_format_reads_as_e164(typed: str) -> None:
    assert understand(typed, "BOS", "US").phones == ("+16175550123",)


def test_a_phone_number_of_another_country_needs_its_prefix() -> None:
    assert understand("+44 20 7946 0958", "BOS", "US").phones == ("+442079460958",)


@pytest.mark.parametrize("typed", ["555-0123", "12 Kingbird Rd", "BOS 26 25001", "Maria"])
def test_short_numbers_and_words_are_not_phone_numbers(typed: str) -> None:
    assert understand(typed, "BOS", "US").phones == ()


def test_words_leave_out_street_suffixes_and_intersection_words() -> None:
    read = understand("Main Street & 1st Avenue", "BOS", "US")
    assert read.words == ("main", "1st")
    assert understand("Dorchester Ave and Adams St", "BOS", "US").words == ("dorchester", "adams")
    assert understand("Street", "BOS", "US").words == ("st",)


@pytest.mark.parametrize("typed", ["12 Kingbird Rd", "12 Washington St, Roxbury, MA 02119"])
def test_text_with_numbers_or_many_words_is_not_a_name(typed: str) -> None:
    assert understand(typed, "BOS", "US").name == ""


def test_words_lose_accents_and_case_and_the_name_keeps_the_words() -> None:
    read = understand("José  O'Brien", "BOS", "US")
    assert read.words == ("jose", "obrien")
    assert read.name == "josé o'brien"
    assert not read.is_exact


def test_why_a_description_matched_shows_the_word_in_its_place() -> None:
    description = "Large and deep potholes in front of the elementary school on the corner"
    assert holds_all(description, ["pothole", "school"])
    assert not holds_all(description, ["pothole", "hydrant"])
    shown = snippet(description, ["pothole"])
    assert "deep potholes in front" in shown
    assert shown.endswith("...")


def test_a_house_number_range_stays_whole_and_a_look_alike_seeks_the_street_name() -> None:
    read = understand("1350-1358 Dorchester Ave", "BOS", "US")
    assert read.words == ("1350-1358", "dorchester")
    assert read.likeness == "dorchester"
    assert holds_all("1350-1358 Dorchester Ave, Dorchester, MA 02122", read.words)
    assert understand("12 Kingbrid Rd", "BOS", "US").likeness == "kingbrid"
