"""How an address point of a bundle reads in full, and how its locality is read back from that."""

from __future__ import annotations

from operator_console.services.city_bundle.model import AddressPoint


def point_label(number: str, street: str, unit: str) -> str:
    """ "29 Hereford St", "29 Hereford St Apt 2", or a street alone (an intersection)."""
    return " ".join(part for part in (number, street, unit) if part)


def full_address(point: AddressPoint) -> str:
    """ "29 Hereford St, Boston, MA 02115": the label, then the locality and ZIP when given."""
    label = point_label(point.number, point.street, point.unit)
    place = " ".join(part for part in (point.locality, point.zip) if part)
    return f"{label}, {place}" if place else label


def locality_of(full: str, number: str, street: str, unit: str, zipcode: str) -> str:
    """The locality that `full_address` put between the label and the ZIP; "" when the full
    address was not written that way."""
    label = point_label(number, street, unit)
    if not full.startswith(f"{label}, "):
        return ""
    place = full[len(label) + 2 :]
    if zipcode:
        if place == zipcode:
            return ""
        if not place.endswith(f" {zipcode}"):
            return ""
        place = place[: -len(zipcode) - 1]
    return place
