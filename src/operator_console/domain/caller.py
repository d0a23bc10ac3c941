"""Callers and their phone numbers: normalised to E.164 for lookup, formatted for reading."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words


class PhoneNumberError(ValueError):
    """A phone number that cannot be dialled; the message is meant for the operator."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PhoneNumber:
    """A valid phone number: E.164 (e.g. "+16176354500") plus any extension the caller gave."""

    e164: str
    extension: str = ""


@dataclass(frozen=True)
class Caller:
    """Who reported the problem, as typed; every field may stay empty (an anonymous report)."""

    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    email: str = ""
    language: str = ""  # preferred language code for call-backs, e.g. "es"; not an identity
    preferred_channel: str | None = None  # "email" or "sms" to hear back by; None: not said
    no_messages: bool = False  # the caller asked to be sent no messages

    @property
    def is_anonymous(self) -> bool:
        return not any(
            field.strip() for field in (self.first_name, self.last_name, self.phone, self.email)
        )


def split_name(name: str) -> tuple[str, str]:
    """A stored name ("Ana Lopes", "Juan de la Cruz") as (first name, last name).

    Intake stores the first and the last name joined by a space, so any split gives the same
    name back when submitted again; the last word, with the lower-case particles before it
    ("de la", "van"), is taken as the last name.
    """
    words = name.split()
    if len(words) < 2:
        return " ".join(words), ""
    start = len(words) - 1
    while start > 1 and words[start - 1].islower():
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


_NO_COUNTRY = QT_TRANSLATE_NOOP(
    "IntakeProblems", "“%1” starts with a country code that does not exist."
)
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("IntakeProblems", "“%1” is not a phone number.")
_TOO_SHORT = QT_TRANSLATE_NOOP("IntakeProblems", "“%1” is too short to be a phone number.")
_TOO_LONG = QT_TRANSLATE_NOOP("IntakeProblems", "“%1” is too long to be a phone number.")
_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: _NO_COUNTRY,
    NumberParseException.NOT_A_NUMBER: _NOT_A_NUMBER,
    NumberParseException.TOO_SHORT_AFTER_IDD: QT_TRANSLATE_NOOP(
        "IntakeProblems", "“%1” is too short after the international prefix."
    ),
    NumberParseException.TOO_SHORT_NSN: _TOO_SHORT,
    NumberParseException.TOO_LONG: _TOO_LONG,
}
_IMPOSSIBLE_REASONS = {
    ValidationResult.INVALID_COUNTRY_CODE: _NO_COUNTRY,
    ValidationResult.TOO_SHORT: _TOO_SHORT,
    ValidationResult.TOO_LONG: _TOO_LONG,
    ValidationResult.INVALID_LENGTH: QT_TRANSLATE_NOOP(
        "IntakeProblems", "“%1” does not have the right number of digits."
    ),
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: QT_TRANSLATE_NOOP(
        "IntakeProblems", "“%1” needs its area code."
    ),
}


def parse_phone(raw: str, default_region: str) -> PhoneNumber:
    """Parse what the operator typed, in the city's region (e.g. "US"); raise PhoneNumberError.

    Numbers written with "+" or an international prefix may be from any country.
    """
    region = _checked_region(default_region)
    typed = raw.strip()
    if not typed:
        raise PhoneNumberError(QT_TRANSLATE_NOOP("IntakeProblems", "Enter a phone number."))
    try:
        number = phonenumbers.parse(typed, region)
    except NumberParseException as error:
        reason = _PARSE_ERRORS.get(error.error_type, _NOT_A_NUMBER)
        raise PhoneNumberError(reason.with_values(typed)) from None
    possibility = phonenumbers.is_possible_number_with_reason(number)
    if possibility != ValidationResult.IS_POSSIBLE:
        reason = _IMPOSSIBLE_REASONS.get(possibility, _NOT_A_NUMBER)
        raise PhoneNumberError(reason.with_values(typed))
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_number(number) or region
        raise PhoneNumberError(
            QT_TRANSLATE_NOOP("IntakeProblems", "“%1” is not a valid %2 number.").with_values(
                typed, where
            )
        )
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return PhoneNumber(e164=e164, extension=number.extension or "")


def normalize_phone(raw: str, default_region: str) -> str:
    """The E.164 form of what the operator typed (extension dropped); raise PhoneNumberError."""
    return parse_phone(raw, default_region).e164


def _checked_region(region: str) -> str:
    upper = region.upper()
    if upper not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"{region!r} is not a region phonenumbers knows (e.g. 'US')")
    return upper
