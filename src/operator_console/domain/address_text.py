"""Address text as typed and as stored: normalised search keys and parsed autocomplete queries."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The same abbreviations as the demo city's search keys: a key written with either spelling of a
# suffix finds the other.
STREET_SUFFIXES = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "place": "pl",
    "square": "sq",
    "terrace": "ter",
    "court": "ct",
    "drive": "dr",
    "lane": "ln",
    "parkway": "pkwy",
    "highway": "hwy",
    "circle": "cir",
}
INTERSECTION_WORDS = frozenset({"&", "and", "at"})

_APOSTROPHES = re.compile(r"['\u2018\u2019`]")
_NOT_KEY_CHARACTERS = re.compile(r"[^a-z0-9&/\- ]")
_HOUSE_NUMBER = re.compile(r"\d+[a-z]?(?:-\d*[a-z]?)?")


@dataclass(frozen=True)
class AddressQuery:
    """What an operator typed, normalised.

    Attributes:
        house_number: the number typed first ("12", "12a", "12-14"); "" when none.
        street: the words of the street, each possibly unfinished ("wash",) or ("mass", "ave").
        cross_street: for an intersection "A & B", the words of B (empty while B is not yet
            typed); None when the query is not an intersection.
    """

    house_number: str = ""
    street: tuple[str, ...] = ()
    cross_street: tuple[str, ...] | None = None

    @property
    def is_intersection(self) -> bool:
        return self.cross_street is not None

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: no number and no street."""
        return not self.house_number and not self.street


def normalise(text: str) -> str:
    """Lowercase, accent-free, punctuation-free text with standard street-suffix abbreviations.

    "12 O'Brien Highway." -> "12 obrien hwy"; "INTERSECTION of Mass Ave&Columbus Ave" ->
    "mass ave & columbus ave".
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = _APOSTROPHES.sub("", folded.lower()).replace(".", " ")
    folded = folded.replace("@", " & ").replace("&", " & ")
    words = _NOT_KEY_CHARACTERS.sub(" ", folded).split()
    while len(words) > 1 and words[0] == "intersection":  # Boston's "INTERSECTION of A & B"
        words = words[2:] if words[1] == "of" and len(words) > 2 else words[1:]
    return " ".join(STREET_SUFFIXES.get(word, word) for word in words)


def address_key(house_number: str, street: str) -> str:
    """The search key of a gazetteer entry: "12 washington st", or "a st & b st" (no number)."""
    return normalise(f"{house_number} {street}")


def address_label(house_number: str, street: str) -> str:
    """ "12 Washington St", or the street (or intersection) alone when there is no number."""
    house_number, street = house_number.strip(), " ".join(street.split())
    return f"{house_number} {street}" if house_number else street


def is_intersection(street: str) -> bool:
    """True for a gazetteer street like "Washington St & Columbus Ave"."""
    return "&" in street


def is_house_number(word: str) -> bool:
    """ "12", "12a", "12-14" and "12-" (a range being typed) are house numbers; "1st" is not."""
    return _HOUSE_NUMBER.fullmatch(word) is not None


def parse_query(text: str) -> AddressQuery:
    """Read "12 wash", "washingt", "mass ave & col" or "mass ave and" into an `AddressQuery`.

    "&", "and" and "at" after the first word separate the two streets of an intersection.
    """
    words = normalise(text).split()
    separator = next(
        (index for index, word in enumerate(words) if index > 0 and word in INTERSECTION_WORDS),
        None,
    )
    if separator is not None:
        cross = tuple(word for word in words[separator + 1 :] if word not in INTERSECTION_WORDS)
        return AddressQuery(street=tuple(words[:separator]), cross_street=cross)
    words = [word for word in words if word != "&"]
    if words and is_house_number(words[0]):
        return AddressQuery(house_number=words[0], street=tuple(words[1:]))
    return AddressQuery(street=tuple(words))
