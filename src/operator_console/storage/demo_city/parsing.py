"""Pure helpers that read the fields of Boston's 311 export: dates, addresses, codes, outcomes."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from operator_console.domain.lifecycle import ClosureReason

BOSTON_ZONE = ZoneInfo("America/New_York")
_BOSTON_DATETIME = re.compile(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([AP]M)")
# Boston geocodes a request it cannot place to City Hall: "location unknown", not a place.
UNKNOWN_LOCATION = (42.3594, -71.0587)

_HOUSE_NUMBER = re.compile(
    r"^(?P<number>\d+[A-Za-z]?(?:-\d*[A-Za-z]?)?(?: 1/2)?)\s+(?P<street>\S.*)$"
)
_INTERSECTION_PREFIX = re.compile(r"^intersection(?:\s+of)?\s+", re.IGNORECASE)
_LOCATION_TAIL = re.compile(r"\s{2,}(?P<locality>\S+(?: \S+)*)\s{2,}MA(?:\s+(?P<zip>\d{5}))?\s*$")
_CASE_NUMBER = re.compile(r"(?<!\d)(1010\d{8}|1[2-9]\d{5})(?!\d)")


@dataclass(frozen=True)
class StreetAddress:
    """A house number and street, or an intersection "A St & B St" (empty house number)."""

    house_number: str
    street: str

    @property
    def is_intersection(self) -> bool:
        return " & " in self.street

    @property
    def has_house_number(self) -> bool:
        """False for intersections and for Boston's placeholder numbers 0, 00, 0-0."""
        return any(digit not in "0-" for digit in self.house_number)

    @property
    def label(self) -> str:
        return f"{self.house_number} {self.street}" if self.house_number else self.street


def parse_boston_datetime(text: str) -> datetime | None:
    """`MM/DD/YYYY hh:mm:ss AM` in Boston local time -> an aware datetime; None when blank."""
    text = text.strip()
    if not text:
        return None
    match = _BOSTON_DATETIME.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date like 01/05/2015 12:40:41 PM")
    month, day, year, hour, minute, second, half = match.groups()
    hour_of_day = int(hour) % 12 + (12 if half == "PM" else 0)
    return datetime(
        int(year), int(month), int(day), hour_of_day, int(minute), int(second), tzinfo=BOSTON_ZONE
    )


def is_unknown_location(lat: float, lon: float) -> bool:
    return (round(lat, 4), round(lon, 4)) == UNKNOWN_LOCATION


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def parse_street_address(text: str) -> StreetAddress | None:
    """Split "42-44 Raymond St" or "INTERSECTION of A St & B St" into number and street.

    Returns None for blank text and for a street without a house number (not a findable place).
    """
    text = collapse_spaces(text)
    text = re.sub(r"^(\d+) ([A-Za-z])-", r"\1\2-", text)  # "190 A-192 Sydney St"
    text = re.sub(r"^(\d+[A-Za-z]?) -", r"\1-", text)  # "537 -551 Tremont St"
    if not text:
        return None
    if _INTERSECTION_PREFIX.match(text) or " & " in text:
        streets = [collapse_spaces(part) for part in _INTERSECTION_PREFIX.sub("", text).split("&")]
        if len(streets) < 2 or not all(streets):
            return None
        return StreetAddress("", " & ".join(streets))
    match = _HOUSE_NUMBER.match(text)
    if match is None:
        return None
    return StreetAddress(match["number"].upper(), match["street"])


def parse_locality_and_zip(location: str) -> tuple[str, str]:
    """The neighbourhood and ZIP code at the end of "29 Hereford St  Boston  MA  02115"."""
    match = _LOCATION_TAIL.search(location)
    if match is None:
        return "", ""
    return match["locality"].strip(), match["zip"] or ""


def normalise_zipcode(text: str) -> str:
    """Boston's float-formatted ZIP codes ("2115.0") -> "02115"; "" when absent."""
    text = text.strip()
    if not text:
        return ""
    digits = text.split(".")[0]
    return digits.zfill(5) if digits.isdigit() else ""


def format_full_address(address: StreetAddress, locality: str, zipcode: str) -> str:
    """ "29 Hereford St, Boston, MA 02115" (intersections have no ZIP)."""
    parts = [address.label]
    if locality:
        parts.append(locality)
    parts.append(f"MA {zipcode}" if zipcode else "MA")
    return ", ".join(parts)


def slugify(text: str) -> str:
    """ "Heat - Excessive  Insufficient" -> "heat-excessive-insufficient"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ward_code(text: str) -> str:
    """Boston's "Ward 5" or "05" -> "5"; "" when absent."""
    digits = re.sub(r"\D", "", text)
    return str(int(digits)) if digits else ""


_CHANNELS = {
    "Constituent Call": "phone",
    "Citizens Connect App": "app",
    "Self Service": "self_service",
    "Employee Generated": "employee",
    "City Worker App": "employee",
    "Maximo Integration": "integration",
    "Twitter": "social",
}
EMPLOYEE_SOURCES = frozenset({"Employee Generated", "City Worker App", "Maximo Integration"})


def channel_for(source: str) -> str:
    """The console's intake channel for Boston's `Source` column."""
    return _CHANNELS.get(source.strip(), "other")


_REFERRED = re.compile(
    r"\broa:|case referred|refer to other|referred to (?:an? )?(?:other|external)"
)
_NOT_CITY = re.compile(
    r"private property|not (?:a |the )?city|not under city|jurisdiction|\bdcr\b|mass ?dot"
)
_NO_ACTION = re.compile(
    r"case invalid|case noted|nobase:|novio:|adclsd:|noacc:|closed/no permit|no violation|"
    r"not at location|unable to locate|could not (?:find|locate)|nothing found|gone on arrival"
)


def closure_reason_for(text: str) -> ClosureReason:
    """Map Boston's free-text CLOSURE_REASON onto the console's closure reasons."""
    lowered = text.lower()
    if "duplicate" in lowered:
        return ClosureReason.DUPLICATE
    if "cancel" in lowered:
        return ClosureReason.CANCELLED
    if _REFERRED.search(lowered):
        return ClosureReason.REFERRED
    if _NOT_CITY.search(lowered):
        return ClosureReason.NOT_CITY_RESPONSIBILITY
    if _NO_ACTION.search(lowered):
        return ClosureReason.NO_FURTHER_ACTION
    return ClosureReason.FIXED


def closure_note(text: str) -> str:
    """The closure text without Boston's "Case Closed. Closed date : ..." boilerplate."""
    text = re.sub(r"^Case Closed\.?\s*(?:Closed date : [\d\-:. ]+)?", "", text.strip())
    return collapse_spaces(text)


def referenced_case_ids(text: str) -> list[str]:
    """Case ids a duplicate's closure text points at ("1586627" is short for 101001586627)."""
    found = []
    for number in _CASE_NUMBER.findall(text):
        found.append(number if len(number) == 12 else f"10100{number}")
    return found


def median_hours(hours: Iterable[float]) -> float | None:
    """The median of the positive durations; None when there are none."""
    positive = [value for value in hours if value > 0]
    return statistics.median(positive) if positive else None
