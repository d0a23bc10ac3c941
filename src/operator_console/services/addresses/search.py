"""Finding a place in the gazetteer: autocomplete on typed text and the address nearest a pin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

AddressKind = Literal["address", "intersection"]
DEFAULT_SUGGESTIONS = 10
DEFAULT_NEAREST_RADIUS_M = 150.0


@dataclass(frozen=True)
class AddressMatch:
    """One gazetteer entry offered to the operator.

    Attributes:
        id: the `addresses` row, stored on the request as `address_id`.
        label: the full address as shown and read back ("12 Washington St, Roxbury, MA 02119").
        lat, lon: where the map pin goes (WGS84).
        district_id: the district the gazetteer assigns, or None.
        kind: "address" for a house number on a street, "intersection" for "A St & B St".
        distance_m: metres from the point asked about (`nearest` only); None for suggestions.
    """

    id: int
    label: str
    lat: float
    lon: float
    district_id: int | None
    kind: AddressKind
    distance_m: float | None = None


class AddressSearch(Protocol):
    """The gazetteer, searched as the operator types and when a pin is dropped."""

    def suggest(self, text: str, limit: int = DEFAULT_SUGGESTIONS) -> list[AddressMatch]:
        """Best matches first: the exact house number on a street starting with the typed words,
        then house numbers starting with the typed number; a street alone gives one address per
        matching street; "A & B" gives intersections in either order. No match gives []."""
        ...

    def nearest(
        self, lat: float, lon: float, max_distance_m: float = DEFAULT_NEAREST_RADIUS_M
    ) -> AddressMatch | None:
        """The gazetteer entry closest to the point, or None when none is within the distance."""
        ...
