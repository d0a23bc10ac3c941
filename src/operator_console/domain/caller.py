"""Callers and their phone numbers: normalised to E.164 for lookup, formatted for reading."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult


class PhoneNumberError(ValueError):
    """A phone number that cannot be dialled; the message is meant for the operator."""


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


_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "starts with a country code that does not exist",
    NumberParseException.NOT_A_NUMBER: "is not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "is too short after the international prefix",
    NumberParseException.TOO_SHORT_NSN: "is too short to be a phone number",
    NumberParseException.TOO_LONG: "is too long to be a phone number",
}
_IMPOSSIBLE_REASONS = {
    ValidationResult.INVALID_COUNTRY_CODE: "starts with a country code that does not exist",
    ValidationResult.TOO_SHORT: "is too short to be a phone number",
    ValidationResult.TOO_LONG: "is too long to be a phone number",
    ValidationResult.INVALID_LENGTH: "does not have the right number of digits",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "needs its area code",
}


def parse_phone(raw: str, default_region: str) -> PhoneNumber:
    """Parse what the operator typed, in the city's region (e.g. "US"); raise PhoneNumberError.

    Numbers written with "+" or an international prefix may be from any country.
    """
    region = _checked_region(default_region)
    typed = raw.strip()
    if not typed:
        raise PhoneNumberError("Enter a phone number.")
    try:
        number = phonenumbers.parse(typed, region)
    except NumberParseException as error:
        reason = _PARSE_ERRORS.get(error.error_type, "is not a phone number")
        raise PhoneNumberError(f"“{typed}” {reason}.") from None
    possibility = phonenumbers.is_possible_number_with_reason(number)
    if possibility != ValidationResult.IS_POSSIBLE:
        reason = _IMPOSSIBLE_REASONS.get(possibility, "is not a phone number")
        raise PhoneNumberError(f"“{typed}” {reason}.")
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_number(number) or region
        raise PhoneNumberError(f"“{typed}” is not a valid {where} number.")
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
