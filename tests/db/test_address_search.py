"""Address autocomplete and nearest address on PostgreSQL and SQLite, over a small gazetteer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event, func, select, text

from operator_console.storage.addresses.importer import GazetteerEntry, load_addresses
from operator_console.storage.addresses.search import SqlAddressSearch
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import addresses

METRES_PER_DEGREE = 111_195.0
ROXBURY = (42.3290, -71.0840)

GAZETTEER = [
    GazetteerEntry("12", "Washington St", *ROXBURY, "02119", "12 Washington St, Roxbury"),
    GazetteerEntry("2", "Washington St", 42.3280, -71.0830, "02119", "2 Washington St, Roxbury"),
    GazetteerEntry("12", "Washington St", 42.3490, -71.1500, "02135", "12 Washington St, Brighton"),
    GazetteerEntry("12-14", "Washington St", 42.3292, -71.0842, "02119"),
    GazetteerEntry("12A", "Washington St", 42.3294, -71.0844, "02119"),
    GazetteerEntry("120", "Washington St", 42.3296, -71.0846, "02119"),
    GazetteerEntry("1201", "Washington St", 42.3400, -71.0700, "02118"),
    GazetteerEntry("12", "Washburn St", 42.3000, -71.0600, "02125"),
    GazetteerEntry("7", "Wachusett St", 42.3100, -71.1000, "02130"),
    GazetteerEntry("300", "Massachusetts Ave", 42.3430, -71.0850, "02115"),
    GazetteerEntry("5", "E Canton St", 42.3380, -71.0710, "02118"),
    GazetteerEntry("100", "O'Brien Hwy", 42.3700, -71.0700, "02141"),
    GazetteerEntry("", "Columbus Ave & Massachusetts Ave", 42.3400, -71.0810),
    GazetteerEntry("", "Massachusetts Ave & Tremont St", 42.3390, -71.0800),
    GazetteerEntry("", "Washington St & Melnea Cass Blvd", 42.3320, -71.0800),
    GazetteerEntry("", "Boston Common", 42.3550, -71.0660),
]


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    load_addresses(engine, GAZETTEER)
    yield engine
    engine.dispose()


@pytest.fixture
def search(engine: Engine) -> SqlAddressSearch:
    return SqlAddressSearch(engine)


def labels(search: SqlAddressSearch, typed: str, limit: int = 10) -> list[str]:
    return [match.label for match in search.suggest(typed, limit)]


def north_of(lat: float, lon: float, metres: float) -> tuple[float, float]:
    return lat + metres / METRES_PER_DEGREE, lon


def test_partial_street_gives_each_street_and_zip_once_lowest_number_first(
    search: SqlAddressSearch,
) -> None:
    assert labels(search, "wash") == [
        "12 Washburn St",
        "1201 Washington St",  # 02118
        "2 Washington St, Roxbury",  # 02119
        "12 Washington St, Brighton",  # 02135
        "Washington St & Melnea Cass Blvd",
    ]


def test_house_number_and_street_exact_number_first(search: SqlAddressSearch) -> None:
    assert labels(search, "12 wash") == [
        "12 Washburn St",
        "12 Washington St, Roxbury",
        "12 Washington St, Brighton",
        # then numbers starting with 12, by street, ZIP and number
        "1201 Washington St",
        "120 Washington St",
        "12A Washington St",
        "12-14 Washington St",
    ]
    assert labels(search, "12 washington street")[:2] == [
        "12 Washington St, Roxbury",
        "12 Washington St, Brighton",
    ]
    assert labels(search, "120 wash") == ["120 Washington St", "1201 Washington St"]
    assert labels(search, "12a washington") == ["12A Washington St"]


def test_number_alone(search: SqlAddressSearch) -> None:
    found = labels(search, "12")
    assert found[:3] == [
        "12 Washburn St",
        "12 Washington St, Roxbury",
        "12 Washington St, Brighton",
    ]
    # then keys starting "12" in byte order: "-" < digits < letters
    assert found[3:] == [
        "12-14 Washington St",
        "120 Washington St",
        "1201 Washington St",
        "12A Washington St",
    ]


def test_shortened_words(search: SqlAddressSearch) -> None:
    assert labels(search, "mass ave") == [
        "300 Massachusetts Ave",
        "Massachusetts Ave & Tremont St",
    ]
    assert labels(search, "300 mass av") == ["300 Massachusetts Ave"]
    assert labels(search, "e cant") == ["5 E Canton St"]


@pytest.mark.parametrize(
    "typed",
    ["mass ave & col", "col & mass ave", "columbus and massachusetts", "Mass Ave at Columbus Ave"],
)
def test_intersection_in_either_order(search: SqlAddressSearch, typed: str) -> None:
    [match] = search.suggest(typed)
    assert match.label == "Columbus Ave & Massachusetts Ave"
    assert match.kind == "intersection"


def test_street_and_separator_lists_the_intersections_named_from_it(
    search: SqlAddressSearch,
) -> None:
    # "Columbus Ave & Massachusetts Ave" needs the cross street typed: "mass ave & col".
    assert labels(search, "massachusetts ave &") == ["Massachusetts Ave & Tremont St"]


def test_named_place_without_number(search: SqlAddressSearch) -> None:
    [match] = search.suggest("boston com")
    assert (match.label, match.kind) == ("Boston Common", "address")


def test_quotes_are_text(search: SqlAddressSearch) -> None:
    assert labels(search, "O'Brien Hwy") == ["100 O'Brien Hwy"]
    assert labels(search, "100 o\u2019brien") == ["100 O'Brien Hwy"]
    assert labels(search, "100 OBRIEN HIGHWAY") == ["100 O'Brien Hwy"]


@pytest.mark.parametrize(
    "typed",
    ["%", "_", "%_;--", "w_shington", "%ington", "\\", "'; DROP TABLE addresses; --"],
)
def test_sql_metacharacters_are_text_not_wildcards(
    engine: Engine, search: SqlAddressSearch, typed: str
) -> None:
    assert search.suggest(typed) == []
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(addresses)).scalar_one() == len(
            GAZETTEER
        )


def test_punctuation_is_dropped_not_matched(search: SqlAddressSearch) -> None:
    assert labels(search, "12 %") == labels(search, "12")
    assert labels(search, "12. Washington St.,") == labels(search, "12 washington st")


@pytest.mark.parametrize("typed", ["", "   ", "&", "zzzz", "999 washington", "wash & zzz"])
def test_nothing_matches_gives_an_empty_list(search: SqlAddressSearch, typed: str) -> None:
    assert search.suggest(typed) == []


def test_limit(search: SqlAddressSearch) -> None:
    assert len(search.suggest("wash", limit=2)) == 2
    assert len(search.suggest("12", limit=1)) == 1
    assert search.suggest("wash", limit=0) == []


def test_match_carries_the_pin(search: SqlAddressSearch) -> None:
    [match] = search.suggest("300 mass")
    assert (match.lat, match.lon, match.kind, match.distance_m) == (
        42.343,
        -71.085,
        "address",
        None,
    )


@pytest.mark.parametrize("metres", [0.0, 20.0, 100.0, 149.0])
def test_nearest_within_radius(search: SqlAddressSearch, metres: float) -> None:
    match = search.nearest(*north_of(42.3000, -71.0600, metres))
    assert match is not None
    assert match.label == "12 Washburn St"
    assert match.distance_m == pytest.approx(metres, abs=0.5)


def test_nearest_picks_the_closest(search: SqlAddressSearch) -> None:
    match = search.nearest(42.3291, -71.0841)  # between 12 and 12-14 Washington St, nearer 12-14
    assert match is not None
    assert match.label == "12-14 Washington St"


def test_nothing_near_gives_none(search: SqlAddressSearch) -> None:
    far = north_of(42.3000, -71.0600, 200.0)
    assert search.nearest(*far) is None
    assert search.nearest(*far, max_distance_m=250.0) is not None
    assert search.nearest(0.0, 0.0) is None


def test_loader_computes_keys_and_labels(engine: Engine) -> None:
    load_addresses(engine, [GazetteerEntry(" 9b ", "Elm  Street", 42.30, -71.10, "")])
    with engine.connect() as connection:
        row = connection.execute(select(addresses).where(addresses.c.street == "Elm Street")).one()
    assert (row.house_number, row.full_address, row.search_key, row.zipcode) == (
        "9B",
        "9B Elm Street",
        "9b elm st",
        None,
    )


def test_loader_adds_all_or_nothing(engine: Engine) -> None:
    good = GazetteerEntry("1", "Elm St", 42.30, -71.10)
    with pytest.raises(ValueError, match="WGS84"):
        load_addresses(engine, [good, GazetteerEntry("2", "Elm St", 142.0, -71.10)])
    with pytest.raises(ValueError, match="needs a street"):
        load_addresses(engine, [good, GazetteerEntry("3", "  ", 42.30, -71.10)])
    with engine.connect() as connection:
        assert (
            connection.execute(
                select(func.count()).where(addresses.c.street == "Elm St")
            ).scalar_one()
            == 0
        )


@pytest.mark.parametrize("typed", ["12 wash", "120 wash", "1 wash", "wash", "mass ave & col", "9"])
def test_searches_read_the_indexes(engine: Engine, typed: str) -> None:
    """The key expressions in the queries must match migration 0002 exactly, or the planners
    fall back to reading the whole table."""
    search = SqlAddressSearch(engine)
    statements: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, sql: str, params: object, *_args: object) -> None:
        if sql.lstrip().upper().startswith(("SELECT ADDRESSES", "WITH")):
            statements.append((sql, params))

    event.listen(engine, "before_cursor_execute", capture)
    search.suggest(typed)
    search.nearest(*ROXBURY)
    event.remove(engine, "before_cursor_execute", capture)
    assert statements
    postgresql = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        if postgresql:
            connection.execute(text("SET LOCAL enable_seqscan = off"))
        for sql, params in statements:
            prefix = "EXPLAIN " if postgresql else "EXPLAIN QUERY PLAN "
            plan = "\n".join(
                str(row[-1]) for row in connection.exec_driver_sql(prefix + sql, params)
            )
            index, searched = _expected_index(sql, postgresql)
            if postgresql:  # the index is searched on the key, not merely read through
                conditions = [line for line in plan.splitlines() if "Index Cond:" in line]
                assert index in plan, plan
                assert any(searched in line for line in conditions), plan
            else:
                assert f"INDEX {index} (" in plan, plan


def _expected_index(sql: str, postgresql: bool) -> tuple[str, str]:
    if "ltrim(" in sql:
        return "ix_addresses_street_key", "ltrim("
    if " BETWEEN " in sql:
        return "ix_addresses_lat_lon", "lat >="
    return ("ix_addresses_search_key_c" if postgresql else "ix_addresses_search_key"), "search_key"
