"""Finding cases on PostgreSQL and SQLite: every way a case is asked for, open and closed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, create_engine, text

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.search.case_search import CaseSearch
from operator_console.services.search.query import SearchError, SearchHit, SearchQuery
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine
from operator_console.storage.search.reads import SqlSearchReads
from tests.support.pg_cluster import PgCluster
from tests.support.search_city import load_search_city

OPERATOR = StaffIdentity("operator1", "Olga Operator", "operator")
DEEP_POTHOLES = "BOS-26-025001"
GRAFFITI = "BOS-26-025002"
SINKHOLE = "BOS-25-000017"
IMPORTED = "BOS-10004567"
BAKERY = "BOS-26-025003"


@pytest.fixture(
    scope="module", params=[pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]
)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "postgresql":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        name = f"oc_search_{id(request)}"
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE oc_template"))
        admin.dispose()
        url = cluster.url(name)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'console.sqlite3'}"
    built = make_engine(url)
    if request.param == "sqlite":
        schema.upgrade(built)
    with built.begin() as connection:
        load_search_city(connection)
    yield built
    built.dispose()


def _search(engine: Engine, typed: str, **filters: object) -> list[SearchHit]:
    desk = CaseSearch(lambda: SqlSearchReads(engine), OPERATOR)
    return desk.search(SearchQuery(typed, **filters))  # type: ignore[arg-type]


def _references(hits: list[SearchHit]) -> list[str]:
    return [hit.reference for hit in hits]


@pytest.mark.parametrize(
    "typed", ["BOS 26 25001", "26-025001", "bos2625001", "26 025001", "BOS-26-025001", "2026 25001"]
)
def test_a_closed_case_is_found_by_its_reference_as_read_aloud(engine: Engine, typed: str) -> None:
    hits = _search(engine, typed)
    assert _references(hits) == [DEEP_POTHOLES]
    assert str(hits[0].why) == "reference"
    assert hits[0].status == "closed"
    assert hits[0].closed_at is not None


def test_an_imported_case_is_found_by_its_old_id(engine: Engine) -> None:
    assert _references(_search(engine, "10004567")) == [IMPORTED]


@pytest.mark.parametrize(
    "typed", ["(617) 555-0123", "617.555.0123", "+1 617 555 0123", "6175550123", "617 5550123"]
)
def test_a_case_is_found_by_its_callers_phone_in_any_format(engine: Engine, typed: str) -> None:
    hits = _search(engine, typed)
    assert _references(hits) == [DEEP_POTHOLES]
    assert str(hits[0].why) == "caller's phone"


def test_a_followers_phone_finds_the_case_they_follow(engine: Engine) -> None:
    assert _references(_search(engine, "617-555-0142")) == [GRAFFITI]


@pytest.mark.parametrize("typed", ["Maria Alvarez", "Maria Alvares", "alvarez", "Mria Alvarez"])
def test_a_callers_name_finds_their_case_even_with_a_typo(engine: Engine, typed: str) -> None:
    hits = _search(engine, typed)
    assert _references(hits)[:1] == [DEEP_POTHOLES]
    assert str(hits[0].why) == "caller's name: Maria Alvarez"


def test_an_address_finds_the_case_there_first(engine: Engine) -> None:
    hits = _search(engine, "12 Kingbird Rd")
    assert _references(hits)[0] == DEEP_POTHOLES
    assert str(hits[0].why) == "address: 12 Kingbird Rd"


def test_a_street_with_its_suffix_spelt_out_finds_every_case_on_it(engine: Engine) -> None:
    hits = _search(engine, "Kingbird Road")
    assert set(_references(hits)) == {DEEP_POTHOLES, IMPORTED}


@pytest.mark.parametrize("typed", ["Main St & 1st Ave", "main street and 1st avenue"])
def test_an_intersection_finds_the_case_there(engine: Engine, typed: str) -> None:
    hits = _search(engine, typed)
    assert _references(hits) == [GRAFFITI]
    assert str(hits[0].why) == "address: Main St & 1st Ave"


def test_words_of_the_description_find_the_case_and_say_where(engine: Engine) -> None:
    hits = _search(engine, "pothole school")
    assert _references(hits) == [DEEP_POTHOLES]
    assert str(hits[0].why).startswith("description: ")
    assert "potholes" in str(hits[0].why) and "school" in str(hits[0].why)


def test_words_of_a_note_find_the_case(engine: Engine) -> None:
    hits = _search(engine, "orange cones")
    assert _references(hits) == [SINKHOLE]
    assert str(hits[0].why).startswith("note: ")
    assert "cones" in str(hits[0].why)


def test_a_misspelt_address_is_found_when_nothing_else_is(engine: Engine) -> None:
    hits = _search(engine, "Kingbrid Rd")
    assert set(_references(hits)) == {DEEP_POTHOLES, IMPORTED}
    assert str(hits[0].why).startswith("address: ")


def test_filters_keep_only_the_cases_asked_for(engine: Engine) -> None:
    closed = _search(engine, "kingbird", statuses=frozenset({"closed"}))
    assert set(_references(closed)) == {DEEP_POTHOLES, IMPORTED}
    assert _references(_search(engine, "kingbird", district_codes=frozenset({"D5"}))) == [IMPORTED]
    assert _references(_search(engine, "pothole", service_codes=frozenset({"graffiti"}))) == []
    opened_2016 = _search(
        engine, "kingbird", opened_from=date(2016, 5, 2), opened_to=date(2016, 5, 2)
    )
    assert _references(opened_2016) == [IMPORTED]
    assert _references(_search(engine, "617 555 0123", statuses=frozenset({"in_queue"}))) == []


def test_filters_alone_list_the_newest_cases_they_keep(engine: Engine) -> None:
    hits = _search(engine, "", service_codes=frozenset({"pothole"}))
    assert _references(hits) == [BAKERY, DEEP_POTHOLES, SINKHOLE, IMPORTED]
    assert {str(hit.why) for hit in hits} == {"filters"}
    assert _search(engine, "  ") == []


def test_a_callers_name_ranks_before_the_same_word_in_another_cases_description(
    engine: Engine,
) -> None:
    hits = _search(engine, "Alvarez")
    assert _references(hits) == [DEEP_POTHOLES, BAKERY]
    assert [str(hit.why) for hit in hits] == [
        "caller's name: Maria Alvarez",
        "description: Pothole outside the Alvarez bakery",
    ]
    assert 1 <= hits[1].score < hits[0].score < 2


def test_an_exact_reference_outranks_any_text(engine: Engine) -> None:
    (hit,) = _search(engine, SINKHOLE)
    assert str(hit.why) == "reference" and hit.score >= 3


def test_a_day_range_backwards_is_refused_with_its_days(engine: Engine) -> None:
    with pytest.raises(SearchError, match=r"2026-03-10.*comes after the last day.*2026-03-01"):
        _search(engine, "pothole", opened_from=date(2026, 3, 10), opened_to=date(2026, 3, 1))


def test_a_case_written_later_by_plain_sql_is_found_at_once(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE service_requests SET description = 'Streetlight flickering all night' "
                "WHERE reference = :reference"
            ),
            {"reference": GRAFFITI},
        )
        connection.execute(
            text("UPDATE callers SET name = 'Johnny Smithers' WHERE phone = '+16175550188'")
        )
    try:
        assert _references(_search(engine, "flickering streetlight")) == [GRAFFITI]
        assert str(_search(engine, "Johnny Smithers")[0].why) == "caller's name: Johnny Smithers"
    finally:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE service_requests SET description = 'Tags sprayed on the mailbox' "
                    "WHERE reference = :reference"
                ),
                {"reference": GRAFFITI},
            )
            connection.execute(
                text("UPDATE callers SET name = 'John Smith' WHERE phone = '+16175550188'")
            )
