"""A POSTed request's form fields, read into the draft that intake files."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from operator_console.domain.caller import Caller
from operator_console.domain.intake import IntakeDraft, Location
from operator_console.services.open311.errors import bad_request

MAX_FIELD_CHARS = 200
_ATTRIBUTE = re.compile(r"^attribute\[([^\]]+)\](\[\])?$")


@dataclass(frozen=True)
class PostedRequest:
    """What a client application POSTed to requests.json, ready for intake."""

    draft: IntakeDraft
    media_url: str | None
    device_id: str | None
    account_id: str | None


def read_posted(form: Mapping[str, Sequence[str]]) -> PostedRequest:
    """The request a form describes. Raises `Open311Error` (400) for a missing service code, a
    location that is not one (lat without long, a non-number, off the globe, none at all), or
    an over-long identifier; the rest is checked by intake."""
    code = _one(form, "service_code")
    if not code:
        raise bad_request("service_code: required, the code of a service in services.json.")
    location = _location(form)
    caller = Caller(
        first_name=_one(form, "first_name"),
        last_name=_one(form, "last_name"),
        phone=_one(form, "phone"),
        email=_one(form, "email"),
    )
    draft = IntakeDraft(
        caller=caller,
        location=location,
        service_code=code,
        answers=_answers(form),
        description=_raw(form, "description"),
    )
    return PostedRequest(
        draft,
        _one(form, "media_url") or None,
        _identifier(form, "device_id"),
        _identifier(form, "account_id"),
    )


def _one(form: Mapping[str, Sequence[str]], name: str) -> str:
    values = form.get(name) or ()
    return values[-1].strip() if values else ""


def _raw(form: Mapping[str, Sequence[str]], name: str) -> str:
    """The value as sent: descriptions and answers are checked, never changed."""
    values = form.get(name) or ()
    return values[-1] if values else ""


def _identifier(form: Mapping[str, Sequence[str]], name: str) -> str | None:
    value = _one(form, name)
    if len(value) > MAX_FIELD_CHARS:
        raise bad_request(f"{name}: at most {MAX_FIELD_CHARS} characters.")
    return value or None


def _location(form: Mapping[str, Sequence[str]]) -> Location:
    lat_text, long_text = _one(form, "lat"), _one(form, "long")
    address = _raw(form, "address_string") if _one(form, "address_string") else ""
    if bool(lat_text) != bool(long_text):
        raise bad_request("lat and long: send both, or neither and an address_string.")
    if lat_text:
        try:
            lat, lon = float(lat_text), float(long_text)
        except ValueError:
            raise bad_request(
                f"lat and long: decimal degrees (WGS84), not {lat_text!r} and {long_text!r}."
            ) from None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            raise bad_request("lat and long: finite decimal degrees.")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise bad_request(
                f"lat and long: {lat}, {lon} is off the globe (lat -90 to 90, long -180 to 180)."
            )
        return Location(lat, lon, address)
    if address:
        return Location(address=address)
    if _one(form, "address_id"):
        raise bad_request(
            "address_id: not known to this server; send lat and long, or an address_string."
        )
    raise bad_request("location: send lat and long, or an address_string.")


def _answers(form: Mapping[str, Sequence[str]]) -> dict[str, object]:
    answers: dict[str, object] = {}
    for name, values in form.items():
        found = _ATTRIBUTE.match(name)
        if found is None:
            continue
        code, many = found.group(1), found.group(2)
        if many or len(values) > 1:
            answers[code] = list(values)
        elif values:
            answers[code] = values[-1]
    return answers
