"""The address gazetteer and the time-shifted request history, from the cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.address_text import address_key
from operator_console.domain.lifecycle import ClosureReason
from operator_console.storage.demo_city.parsing import (
    StreetAddress,
    channel_for,
    closure_note,
    closure_reason_for,
    format_full_address,
    parse_locality_and_zip,
    parse_street_address,
    referenced_case_ids,
    slugify,
)
from operator_console.tools.demo_city.boston_export import BostonCase
from operator_console.tools.demo_city.wards import WardLocator

HISTORY_SIZE = 25_000
DESCRIPTION_LIMIT = 4000


@dataclass(frozen=True)
class PlacedAddress:
    """Where a case was reported, as the gazetteer and the request both show it."""

    street: StreetAddress
    locality: str
    zipcode: str

    @property
    def full_address(self) -> str:
        return format_full_address(self.street, self.locality, self.zipcode)


def place_of(case: BostonCase) -> PlacedAddress | None:
    street = parse_street_address(case.street_name)
    if street is None:
        street = parse_street_address(case.location.split("  ")[0])
    if street is None:
        return None
    locality, zip_in_text = parse_locality_and_zip(case.location)
    zipcode = "" if street.is_intersection else case.zipcode or zip_in_text
    return PlacedAddress(street, locality, zipcode)


def _number_and_street(place: PlacedAddress) -> tuple[str, str]:
    return place.street.house_number, place.street.street


def _place_identity(place: PlacedAddress) -> str:
    return place.full_address.lower()


def build_addresses(cases: Sequence[BostonCase], locator: WardLocator) -> list[list[object]]:
    """Gazetteer rows (ADDRESS_COLUMNS order), one per distinct address with a known location.

    An address reported at slightly different points gets its most frequent coordinate.
    """
    places: dict[str, PlacedAddress] = {}
    points: dict[str, Counter[tuple[float, float]]] = {}
    for case in cases:
        if case.location_unknown:
            continue
        place = place_of(case)
        if place is None or not (place.street.is_intersection or place.street.has_house_number):
            continue
        key = _place_identity(place)
        places.setdefault(key, place)
        points.setdefault(key, Counter())[(case.lat, case.lon)] += 1
    keys = sorted(places, key=lambda key: (address_key(*_number_and_street(places[key])), key))
    coordinates = [
        min(points[key].items(), key=lambda item: (-item[1], item[0]))[0] for key in keys
    ]
    wards = locator.wards_at([lat for lat, _ in coordinates], [lon for _, lon in coordinates])
    rows: list[list[object]] = []
    for key, (lat, lon), ward in zip(keys, coordinates, wards, strict=True):
        place = places[key]
        rows.append(
            [
                place.street.house_number,
                place.street.street,
                place.locality,
                place.zipcode,
                lat,
                lon,
                ward,
            ]
        )
    return rows


def newest_cases(cases: Sequence[BostonCase], size: int = HISTORY_SIZE) -> list[BostonCase]:
    """The `size` most recently opened cases, oldest first (ties broken by case id)."""
    ordered = sorted(cases, key=lambda case: (case.opened, case.case_id))
    return ordered[-size:]


def _seconds_after(instant: datetime, newest: BostonCase) -> int:
    # Timestamps, not `-`: aware datetimes sharing a zone subtract as wall-clock times.
    return round(instant.timestamp() - newest.opened.timestamp())


def build_requests(
    history: Sequence[BostonCase], addresses: Sequence[Sequence[object]], locator: WardLocator
) -> list[list[object]]:
    """Request rows (REQUEST_COLUMNS order); times are seconds relative to the newest opening.

    The address text is left out when the request points at a gazetteer row (address_ref).

    A case the city closed after the newest opening was still open at that moment, so it
    stays open here: "now" is the moment of the newest case.
    """
    newest = history[-1]
    address_refs = {
        _place_identity(
            PlacedAddress(StreetAddress(str(row[0]), str(row[1])), str(row[2]), str(row[3]))
        ): index
        for index, row in enumerate(addresses)
    }
    opened_at = {case.case_id: _seconds_after(case.opened, newest) for case in history}
    located = locator.wards_at([case.lat for case in history], [case.lon for case in history])
    rows: list[list[object]] = []
    for case, point_ward in zip(history, located, strict=True):
        opened = opened_at[case.case_id]
        closed = None if case.closed is None else _seconds_after(case.closed, newest)
        is_closed = not case.is_open and closed is not None and closed <= 0
        reason = closure_reason_for(case.closure_text) if is_closed else None
        place = place_of(case)
        address_ref: int | str = ""
        if place is not None and not case.location_unknown:
            address_ref = address_refs.get(_place_identity(place), "")
        rows.append(
            [
                case.case_id,
                slugify(case.type_name),
                case.queue,
                "closed" if is_closed else "open",
                opened,
                "" if case.target is None else _seconds_after(case.target, newest),
                max(closed, opened) if is_closed and closed is not None else "",
                reason.value if reason else "",
                closure_note(case.closure_text) if is_closed else "",
                _parent_case(case, reason, opened_at),
                channel_for(case.source),
                case.lat,
                case.lon,
                case.source_ward if case.location_unknown else point_ward,
                place.full_address if place and address_ref == "" else "",
                address_ref,
                case.title[:DESCRIPTION_LIMIT],
            ]
        )
    return rows


def _parent_case(case: BostonCase, reason: ClosureReason | None, opened_at: dict[str, int]) -> str:
    """The earlier case a duplicate points at, when that case is in the history too."""
    if reason is not ClosureReason.DUPLICATE:
        return ""
    for parent in referenced_case_ids(case.closure_text):
        if parent != case.case_id and opened_at.get(parent, 1) <= opened_at[case.case_id]:
            return parent
    return ""
