"""Address autocomplete and the nearest address, over the gazetteer on PostgreSQL and SQLite."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    FromClause,
    Row,
    Select,
    func,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.address_text import (
    AddressQuery,
    address_label,
    is_intersection,
    parse_query,
)
from operator_console.domain.duplicates import bounding_box, haversine_m
from operator_console.services.addresses.search import (
    DEFAULT_NEAREST_RADIUS_M,
    DEFAULT_SUGGESTIONS,
    AddressMatch,
)
from operator_console.storage.db.errors import speaks_service_errors
from operator_console.storage.db.tables import addresses

MAX_SUGGESTIONS = 50
NEAREST_CANDIDATES = 8
FIRST_NEAREST_RADIUS_M = 30.0
KEY_RANGE_MIN_DIGITS = 3  # from three digits up, "longer numbers" are few enough to range over
WHOLE_WORD_MAX_LETTERS = 2  # "e", "w", "st", "mt" before another word are whole words
_ESCAPE = "\\"

_Rows = Sequence[Row[Any]]
_Tier = Callable[[Connection, int], _Rows]


@dataclass(frozen=True)
class _KeyMatch:
    """Keys that match typed words: an index range on `prefix`, then the LIKE filter `rest`
    ("% ave"), empty when the prefix says it all (a LIKE the range implies misleads planners)."""

    prefix: str
    rest: str = ""

    @property
    def pattern(self) -> str:
        return f"{_escape(self.prefix)}{self.rest}%"

    @property
    def upper_bound(self) -> str:
        return _upper_bound(self.prefix)


def _upper_bound(prefix: str) -> str:
    """The smallest text above every text starting with `prefix` (keys are ASCII)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _escape(text: str) -> str:
    """Text matched literally by LIKE (search keys never hold these, typed text might)."""
    for special in (_ESCAPE, "%", "_"):
        text = text.replace(special, _ESCAPE + special)
    return text


def _words_match(words: Sequence[str], lead: str = "") -> _KeyMatch:
    """Each typed word starts a word of the key, in order: "mass ave" finds "massachusetts ave".

    Short words before another word are taken whole ("e cant" finds "e canton st", not every
    street starting with "e"), which keeps the index range narrow. `lead` is matched literally.
    """
    whole = 0
    while whole < len(words) - 1 and len(words[whole]) <= WHOLE_WORD_MAX_LETTERS:
        whole += 1
    rest = "".join(f"% {_escape(word)}" for word in words[whole + 1 :])
    return _KeyMatch(lead + " ".join(words[: whole + 1]), rest)


def _intersection_match(first: Sequence[str], second: Sequence[str]) -> _KeyMatch:
    """ "mass ave" & "col" -> keys like "massachusetts ave & columbus ave"."""
    named_first = _words_match(first)
    cross = _words_match(second).pattern[:-1] if second else ""
    return _KeyMatch(named_first.prefix, f"{named_first.rest}% & {cross}")


class _IndexedKeys:
    """The expressions migration 0002 indexes, written identically so both planners use them.

    Attributes:
        search_key: the whole key, "12 washington st" (byte order).
        street_key: the key without the house number, "washington st" (byte order).
        zip_key: the ZIP code, "" when absent.
        number_length, house_number: house numbers in natural order ("9" before "10").
    """

    def __init__(self, table: FromClause, postgresql: bool) -> None:
        def in_byte_order(expression: ColumnElement[Any]) -> ColumnElement[Any]:
            return expression.collate("C") if postgresql else expression

        c = table.c
        self.table = table
        self.id = c.id
        self.search_key = in_byte_order(c.search_key)
        self.street_key = in_byte_order(
            func.ltrim(func.substr(c.search_key, func.length(c.house_number) + literal_column("1")))
        )
        self.zip_key = func.coalesce(c.zipcode, literal_column("''"))
        self.number_length = func.length(c.house_number)
        self.house_number = in_byte_order(c.house_number)
        self.street_order = (self.street_key, self.zip_key, self.number_length, self.house_number)

    def matching(self, key: ColumnElement[Any], match: _KeyMatch) -> list[ColumnElement[bool]]:
        """An index range on the prefix (LIKE alone skips expression indexes on SQLite)."""
        conditions = [key >= match.prefix, key < match.upper_bound]
        if match.rest:
            conditions.append(key.like(match.pattern, _ESCAPE))
        return conditions


@speaks_service_errors
class SqlAddressSearch:
    """`AddressSearch` over the `addresses` table; the same SQL on PostgreSQL and SQLite."""

    def __init__(self, engine: Engine) -> None:
        # Single reads: no BEGIN/ROLLBACK round trips around them.
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        postgresql = engine.dialect.name == "postgresql"
        self._keys = _IndexedKeys(addresses, postgresql)
        self._previous = _IndexedKeys(addresses.alias("previous"), postgresql)

    def suggest(self, text: str, limit: int = DEFAULT_SUGGESTIONS) -> list[AddressMatch]:
        query = parse_query(text)
        limit = min(limit, MAX_SUGGESTIONS)
        if query.is_empty or limit <= 0:
            return []
        found: dict[int, AddressMatch] = {}
        with self._engine.connect() as connection:
            for tier in self._tiers(query):
                for row in tier(connection, limit - len(found)):
                    found.setdefault(row.id, _match(row))
                if len(found) >= limit:
                    break
        return list(found.values())[:limit]

    def nearest(
        self, lat: float, lon: float, max_distance_m: float = DEFAULT_NEAREST_RADIUS_M
    ) -> AddressMatch | None:
        # Most pins land on a building: a small box first keeps the rows read few downtown.
        radii = sorted({min(FIRST_NEAREST_RADIUS_M, max_distance_m), max_distance_m})
        with self._engine.connect() as connection:
            for radius in radii:
                found = _nearest_within(connection, lat, lon, radius)
                if found is not None:
                    return found
        return None

    def _tiers(self, query: AddressQuery) -> list[_Tier]:
        """The searches for this query, best matches first."""
        if query.cross_street is not None:
            orders = [(query.street, query.cross_street), (query.cross_street, query.street)]
            return [
                partial(self._unnumbered, match=_intersection_match(first, second))
                for first, second in orders
                if first
            ]
        if query.house_number:
            return [
                partial(self._exact_number, query=query),
                partial(self._number_prefix, query=query),
            ]
        match = _words_match(query.street)
        return [partial(self._streets, match=match), partial(self._unnumbered, match=match)]

    def _exact_number(self, connection: Connection, limit: int, query: AddressQuery) -> _Rows:
        """ "12 wash" -> 12 Washington St, 12 Washburn St: the number exactly, then the street."""
        key = self._keys.search_key
        match = _words_match(query.street, lead=f"{query.house_number} ")
        statement = _columns().where(*self._keys.matching(key, match))
        return connection.execute(statement.order_by(key, addresses.c.id).limit(limit)).all()

    def _number_prefix(self, connection: Connection, limit: int, query: AddressQuery) -> _Rows:
        """ "12 wash" -> 12-14, 12A, 120 Washington St: numbers that start with the one typed.

        Short numbers start many keys, so the street's range is read instead (in the index).
        """
        keys, number = self._keys, query.house_number
        if not query.street or len(number) >= KEY_RANGE_MIN_DIGITS:
            # "!" follows the space: every key "12<anything but a space>...".
            statement = _columns().where(
                keys.search_key >= f"{number}!", keys.search_key < _upper_bound(number)
            )
            if query.street:
                street_pattern = _words_match(query.street).pattern
                statement = statement.where(
                    keys.search_key.like(f"{_escape(number)}% {street_pattern}", _ESCAPE)
                )
            statement = statement.order_by(keys.search_key, addresses.c.id)
        else:
            statement = (
                _columns()
                .where(*keys.matching(keys.street_key, _words_match(query.street)))
                .where(keys.house_number.like(f"{_escape(number.upper())}%", _ESCAPE))
                .where(keys.house_number != number.upper())
                .order_by(*keys.street_order)
            )
        return connection.execute(statement.limit(limit)).all()

    def _streets(self, connection: Connection, limit: int, match: _KeyMatch) -> _Rows:
        """ "wash" -> the lowest-numbered address on each street (and ZIP) starting so.

        A skip scan: each step jumps the index to the next street and ZIP, so a long street
        costs one probe, not a read of all its numbers.
        """
        keys, previous = self._keys, self._previous

        def first_address_after(bound: ColumnElement[Any] | None) -> ColumnElement[Any]:
            statement = select(keys.id).where(
                *keys.matching(keys.street_key, match), keys.number_length > 0
            )
            if bound is not None:
                statement = statement.where(tuple_(keys.street_key, keys.zip_key) > bound)
            return statement.order_by(*keys.street_order).limit(1).scalar_subquery()

        firsts = select(
            first_address_after(None).label("id"), literal_column("1").label("step")
        ).cte("first_on_each_street", recursive=True)
        firsts = firsts.union_all(
            select(
                first_address_after(tuple_(previous.street_key, previous.zip_key)),
                firsts.c.step + literal_column("1"),
            )
            .select_from(firsts.join(previous.table, previous.id == firsts.c.id))
            .where(firsts.c.step < limit)
        )
        statement = _columns().join(firsts, addresses.c.id == firsts.c.id).order_by(firsts.c.step)
        return connection.execute(statement).all()

    def _unnumbered(self, connection: Connection, limit: int, match: _KeyMatch) -> _Rows:
        """Intersections and named places: "mass ave & col" -> Massachusetts Ave & Columbus
        Ave (the reverse order is a second search); "wash" -> Washington St & Melnea Cass Blvd."""
        key = self._keys.search_key
        statement = (
            _columns()
            .where(*self._keys.matching(key, match), addresses.c.house_number == "")
            .order_by(key, addresses.c.id)
            .limit(limit)
        )
        return connection.execute(statement).all()


def _columns() -> Select[Any]:
    a = addresses.c
    return select(a.id, a.full_address, a.house_number, a.street, a.lat, a.lon, a.district_id)


def _nearest_within(
    connection: Connection, lat: float, lon: float, radius_m: float
) -> AddressMatch | None:
    """The closest entry within `radius_m`: a bounding box on the lat/lon index, then haversine."""
    box = bounding_box(lat, lon, radius_m)
    a = addresses.c
    lon_scale = math.cos(math.radians(lat)) ** 2
    planar = (a.lat - lat) * (a.lat - lat) + (a.lon - lon) * (a.lon - lon) * lon_scale
    statement = (
        _columns()
        .where(a.lat.between(box.min_lat, box.max_lat), a.lon.between(box.min_lon, box.max_lon))
        .order_by(planar, a.id)
        .limit(NEAREST_CANDIDATES)
    )
    measured = [
        (haversine_m(lat, lon, row.lat, row.lon), row.id, row)
        for row in connection.execute(statement)
    ]
    within = [candidate for candidate in measured if candidate[0] <= radius_m]
    if not within:
        return None
    distance, _, row = min(within, key=lambda candidate: candidate[:2])
    return _match(row, distance)


def _match(row: Any, distance_m: float | None = None) -> AddressMatch:
    return AddressMatch(
        id=row.id,
        label=row.full_address or address_label(row.house_number, row.street),
        lat=row.lat,
        lon=row.lon,
        district_id=row.district_id,
        kind="intersection" if is_intersection(row.street) else "address",
        distance_m=distance_m,
    )
