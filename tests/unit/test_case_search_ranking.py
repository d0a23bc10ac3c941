"""How the case search ranks what each lookup found and says why, against reads in memory."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.search.ports import CaseRow, Match
from operator_console.services.search.query import SearchError, SearchQuery
from tests.support.search_fakes import FakeSearchReads

OPERATOR = StaffIdentity("operator1", "Olga Operator", "operator")


def _row(request_id: int, day: int, address: str = "", description: str = "") -> CaseRow:
    return CaseRow(
        request_id=request_id,
        reference=f"BOS-26-{request_id:06d}",
        service_name="Pothole",
        status="closed",
        address=address,
        description=description,
        opened_at=datetime(2026, 3, day, 12, tzinfo=UTC),
        closed_at=datetime(2026, 3, day + 1, 12, tzinfo=UTC),
    )


ROWS = {
    1: _row(1, 1, "12 Kingbird Rd", "Deep potholes in front of the school"),
    2: _row(2, 2, "40 Elm St", "Sinkhole near the hydrant"),
    3: _row(3, 3, "Main St & 1st Ave", "Tags on the mailbox"),
    4: _row(4, 4, "7 Kingbird Rd", "Pothole by the driveway"),
}


def _search(reads: FakeSearchReads, typed: str, **options: object) -> list[tuple[int, str]]:
    hits = CaseSearch(lambda: reads, OPERATOR).search(SearchQuery(typed, **options))  # type: ignore[arg-type]
    return [(hit.request_id, str(hit.why)) for hit in hits]


def test_an_exact_reference_comes_before_a_phone_and_skips_the_text_lookups() -> None:
    reads = FakeSearchReads(
        ROWS, {"references": [Match(3)], "phones": [Match(1), Match(3)], "words": [Match(2)]}
    )
    assert _search(reads, "6175550123") == [(3, "reference"), (1, "caller's phone")]
    assert reads.lookups == ["references", "phones"]


def test_text_is_searched_when_no_reference_or_phone_matches_exactly() -> None:
    reads = FakeSearchReads(ROWS, {"words": [Match(4, 0.5)]})
    assert _search(reads, "26 7") == [(4, "description: Pothole by the driveway")]
    assert reads.lookups == ["references", "words", "notes"]


def test_text_matches_rank_a_name_then_the_cases_words_then_notes() -> None:
    reads = FakeSearchReads(
        ROWS,
        {
            "name": [Match(2, 0.7, "Maria Alvarez")],
            "words": [Match(1, 0.09), Match(4, 0.03)],
            "notes": [Match(3, 0.2, "Resident says the crew left cones at the corner")],
        },
    )
    found = _search(reads, "maria pothole cones")
    assert [request_id for request_id, _ in found] == [2, 1, 3, 4]
    assert found[0][1] == "caller's name: Maria Alvarez"
    assert found[1][1].startswith("description: ") and "potholes" in found[1][1]
    assert found[2][1].startswith("note: ") and "cones" in found[2][1]


def test_notes_are_searched_only_when_the_cases_words_fill_less_than_the_page() -> None:
    reads = FakeSearchReads(ROWS, {"words": [Match(1, 0.1), Match(4, 0.1)]})
    _search(reads, "kingbird", limit=2)
    assert "notes" not in reads.lookups


def test_a_case_found_twice_keeps_its_best_reason() -> None:
    reads = FakeSearchReads(
        ROWS, {"words": [Match(1, 0.1)], "notes": [Match(1, 0.3, "Kingbird again")]}
    )
    assert _search(reads, "kingbird") == [(1, "address: 12 Kingbird Rd")]


def test_equal_matches_list_the_newest_case_first() -> None:
    reads = FakeSearchReads(ROWS, {"words": [Match(1, 0.1), Match(4, 0.1)]})
    assert [request_id for request_id, _ in _search(reads, "kingbird")] == [4, 1]


def test_a_number_is_not_looked_for_as_a_name_nor_as_a_look_alike_address() -> None:
    reads = FakeSearchReads(ROWS)
    assert _search(reads, "617 555 0199") == []
    assert reads.lookups == ["references", "phones", "words", "notes"]


def test_a_look_alike_address_is_tried_only_when_nothing_else_matched() -> None:
    reads = FakeSearchReads(ROWS, {"address": [Match(1, 0.6)]})
    assert _search(reads, "kingbrid rd") == [(1, "address: 12 Kingbird Rd")]
    assert reads.lookups[-1] == "address"
    found_by_words = FakeSearchReads(ROWS, {"words": [Match(4, 0.1)], "address": [Match(1, 0.6)]})
    _search(found_by_words, "kingbird")
    assert "address" not in found_by_words.lookups


def test_filters_alone_list_cases_and_an_empty_search_finds_nothing() -> None:
    reads = FakeSearchReads(ROWS, {"filters": [Match(2), Match(3)]})
    assert _search(reads, "", statuses=frozenset({"closed"})) == [(3, "filters"), (2, "filters")]
    empty = FakeSearchReads(ROWS)
    assert _search(empty, "   ") == []
    assert empty.lookups == []


def test_opened_days_are_the_citys_calendar_days() -> None:
    reads = FakeSearchReads(ROWS)
    _search(reads, "pothole", opened_from=date(2026, 3, 8), opened_to=date(2026, 3, 8))
    filters = reads.asked[0][2]
    assert filters.opened_after == datetime(2026, 3, 8, 5, tzinfo=UTC)  # EST
    assert filters.opened_before == datetime(2026, 3, 9, 4, tzinfo=UTC)  # EDT from 8 March


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"limit": 0}, "1 to 500 cases, not 0"),
        ({"opened_from": date(2026, 3, 9), "opened_to": date(2026, 3, 1)}, "comes after"),
    ],
)
def test_a_search_that_cannot_be_is_refused_before_reading(
    options: dict[str, object], said: str
) -> None:
    reads = FakeSearchReads(ROWS)
    with pytest.raises(SearchError, match=said):
        _search(reads, "pothole", **options)
    assert reads.lookups == []
