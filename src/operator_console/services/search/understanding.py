"""Reading what was typed in the search box: references, phone numbers and words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from operator_console.domain.address_text import INTERSECTION_WORDS, STREET_SUFFIXES
from operator_console.domain.caller import PhoneNumberError, normalize_phone
from operator_console.domain.reference import format_reference

_REFERENCE = re.compile(r"(?:(?P<prefix>[A-Za-z]{2,5})[\s#.:_-]*)?(?P<digits>\d[\d\s./-]*)")
_SEPARATORS = re.compile(r"[\s./-]+")
_PHONE = re.compile(r"\+?[\d\s().-]+(?:\s*(?:x|ext\.?)\s*\d+)?", re.IGNORECASE)
_PHONE_MIN_DIGITS = 7
_WORD = re.compile(r"[\w']+")
_TERM = re.compile(r"\d+(?:-\d+)+|[\w']+")
"""A word, or a house-number range kept whole ("1350-1358"), as addresses store it."""
_LIKENESS_SHORTEST = 4
_ABBREVIATIONS = frozenset(STREET_SUFFIXES.values())
_NAME_WORDS = 4
"""A person's name is at most this many words ("Juan de la Cruz")."""
_YEAR_DIGITS = 2
_CENTURY = 2000


@dataclass(frozen=True)
class UnderstoodText:
    """The readings of a search text; a text may be several at once ("6175550100" is a phone
    number and could be a reference).

    Attributes:
        references: every reference the text can be, exactly as stored ("BOS-26-025001",
            and "BOS-2625001" for a case imported with its old id).
        phones: the phone number in E.164, when the text is one.
        words: the text's words, lower case, intersection words ("&", "and", "at") and street
            suffixes left out (a suffix alone is kept, abbreviated as addresses store it:
            "street" -> "st").
        likeness: the words a look-alike address is sought by: letters only, four or more,
            no street suffix ("kingbrid" of "12 Kingbrid Rd").
        name: the text as a person's name (lower case, single spaces); "" when it cannot be
            one (a digit, more than four words).
    """

    references: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    likeness: str = ""
    name: str = ""

    @property
    def is_exact(self) -> bool:
        """A reference or a phone number: text matches only if nothing has it exactly."""
        return bool(self.references or self.phones)


def understand(text: str, reference_prefix: str, phone_region: str) -> UnderstoodText:
    """Every reading of `text` in a city whose references start with `reference_prefix`."""
    typed = unicodedata.normalize("NFKC", text).strip()
    words = _words(typed)
    return UnderstoodText(
        references=references_in(typed, reference_prefix),
        phones=_phones(typed, phone_region),
        words=words,
        likeness=" ".join(
            word
            for word in words
            if word.isalpha() and len(word) >= _LIKENESS_SHORTEST and word not in _ABBREVIATIONS
        ),
        name=_as_name(typed),
    )


def references_in(typed: str, reference_prefix: str) -> tuple[str, ...]:
    """The stored references `typed` can be: "BOS 26 25001", "26-025001", "bos2625001"."""
    found = _REFERENCE.fullmatch(typed.strip())
    if found is None:
        return ()
    prefix = (found.group("prefix") or reference_prefix).upper()
    groups = [group for group in _SEPARATORS.split(found.group("digits")) if group]
    digits = "".join(groups)
    candidates: list[str] = []
    year, sequence = _year_and_sequence(groups, digits)
    if sequence and int(sequence) > 0:
        candidates.append(format_reference(prefix, _CENTURY + int(year), int(sequence)))
    candidates.append(f"{prefix}-{digits}")
    candidates.append(f"{prefix}-{'-'.join(groups)}")
    return tuple(dict.fromkeys(candidates))


def _year_and_sequence(groups: list[str], digits: str) -> tuple[str, str]:
    first = groups[0]
    if len(groups) > 1 and len(first) == 4 and first.startswith("20"):
        return first[2:], "".join(groups[1:])
    return digits[:_YEAR_DIGITS], digits[_YEAR_DIGITS:]


def _phones(typed: str, phone_region: str) -> tuple[str, ...]:
    if not _PHONE.fullmatch(typed) or sum(ch.isdigit() for ch in typed) < _PHONE_MIN_DIGITS:
        return ()
    try:
        return (normalize_phone(typed, phone_region),)
    except PhoneNumberError:
        return ()


def _as_name(typed: str) -> str:
    words = _WORD.findall(typed.lower())
    if len(words) > _NAME_WORDS or any(ch.isdigit() for ch in typed):
        return ""
    return " ".join(words)


def _words(typed: str) -> tuple[str, ...]:
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", typed.lower()) if not unicodedata.combining(ch)
    )
    words = []
    for word in _TERM.findall(folded.replace("'", "")):
        if word in INTERSECTION_WORDS:
            continue
        words.append(STREET_SUFFIXES.get(word, word))
    distinct = tuple(dict.fromkeys(words))
    # Most addresses hold "st" or "ave": with other words they narrow nothing and slow the index.
    return tuple(word for word in distinct if word not in _ABBREVIATIONS) or distinct
