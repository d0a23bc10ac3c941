"""A POSTed GeoReport v2 form read into intake's draft, the public statuses, and API keys."""

from __future__ import annotations

import pytest

from operator_console.services.open311.errors import Open311Error
from operator_console.services.open311.keys import (
    KeyHolder,
    key_hash,
    key_prefix,
    matches,
    new_key,
)
from operator_console.services.open311.posting import read_posted
from operator_console.services.open311.record import detailed_status, spec_status


def test_a_form_becomes_the_draft_intake_files() -> None:
    posted = read_posted(
        {
            "service_code": ["pothole"],
            "lat": ["42.35"],
            "long": ["-71.06"],
            "description": ["  Deep hole \r\n by the curb "],
            "attribute[depth]": ["12"],
            "attribute[sides][]": ["north", "south"],
            "first_name": ["Ana"],
            "email": ["ana@example.org"],
            "media_url": ["https://example.org/hole.jpg"],
            "device_id": ["phone-1"],
        }
    )
    draft = posted.draft
    assert (draft.location.latitude, draft.location.longitude) == (42.35, -71.06)
    assert draft.description == "  Deep hole \r\n by the curb "  # checked, never changed
    assert draft.answers == {"depth": "12", "sides": ["north", "south"]}
    assert (draft.caller.first_name, draft.caller.email) == ("Ana", "ana@example.org")
    assert (posted.media_url, posted.device_id, posted.account_id) == (
        "https://example.org/hole.jpg",
        "phone-1",
        None,
    )


def test_an_address_alone_is_a_location() -> None:
    posted = read_posted({"service_code": ["pothole"], "address_string": ["1 City Hall Sq"]})
    assert posted.draft.location.address == "1 City Hall Sq"
    assert not posted.draft.location.has_pin


@pytest.mark.parametrize(
    ("form", "said"),
    [
        ({"lat": ["42"]}, "send both"),
        ({"lat": ["x"], "long": ["y"]}, "decimal degrees"),
        ({"lat": ["nan"], "long": ["1"]}, "finite"),
        ({"lat": ["91"], "long": ["0"]}, "off the globe"),
        ({}, "send lat and long, or an address_string"),
        ({"address_id": ["17"]}, "address_id: not known"),
        ({"device_id": ["d" * 201], "address_string": ["x"]}, "device_id"),
    ],
)
def test_a_form_that_is_not_a_request_is_a_400(form: dict[str, list[str]], said: str) -> None:
    with pytest.raises(Open311Error, match=said) as raised:
        read_posted({"service_code": ["pothole"]} | form)
    assert raised.value.status == 400


def test_a_form_without_a_service_is_a_400() -> None:
    with pytest.raises(Open311Error, match="service_code: required"):
        read_posted({"lat": ["1"], "long": ["1"]})


@pytest.mark.parametrize(
    ("status", "reason", "spec", "detailed"),
    [
        ("received", None, "open", "FOR_TRIAGE"),
        ("in_queue", None, "open", "OPEN"),
        ("assigned", None, "open", "ACTION_SCHEDULED"),
        ("in_progress", None, "open", "IN_PROGRESS"),
        ("resolved", "fixed", "closed", "FIXED"),
        ("resolved", "duplicate", "closed", "DUPLICATE"),
        ("resolved", "not_city_responsibility", "closed", "NOT_COUNCILS_RESPONSIBILITY"),
        ("resolved", "referred", "closed", "INTERNAL_REFERRAL"),
        ("closed", None, "closed", "CLOSED"),
    ],
)
def test_statuses_as_residents_read_them(
    status: str, reason: str | None, spec: str, detailed: str
) -> None:
    assert spec_status(status) == spec
    assert detailed_status(status, reason) == detailed


def test_a_key_is_kept_only_as_its_hash_and_found_by_its_prefix() -> None:
    key = new_key()
    assert len(key) == 64 and key != new_key()
    holder = KeyHolder(1, "app", key_hash(key), "app", 60)
    assert matches(holder, key)
    assert not matches(holder, key[:-1] + ("0" if key[-1] != "0" else "1"))
    assert key.startswith(key_prefix(key)) and key_hash(key) != key
