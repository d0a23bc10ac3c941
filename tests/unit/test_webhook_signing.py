"""A webhook's signature and the checks on a hook: pure functions, no database, no Qt."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from operator_console.services.webhooks.events import WebhookError, checked_event, checked_url
from operator_console.services.webhooks.signing import new_secret, signature, verifies

BODY = b'{"event": "resolved", "request": {"service_request_id": "BOS-2026-000123"}}'


def test_the_signature_is_hmac_sha256_over_the_timestamp_and_the_body() -> None:
    expected = hmac.new(b"k3y", b"1796230800." + BODY, hashlib.sha256).hexdigest()
    assert signature("k3y", 1796230800, BODY) == f"sha256={expected}"


def test_a_changed_body_timestamp_or_secret_does_not_verify() -> None:
    header = signature("k3y", 1796230800, BODY)
    assert verifies("k3y", 1796230800, BODY, header)
    assert not verifies("k3y", 1796230801, BODY, header)
    assert not verifies("k3y", 1796230800, BODY + b" ", header)
    assert not verifies("other", 1796230800, BODY, header)


def test_each_secret_is_new_and_long() -> None:
    first, second = new_secret(), new_secret()
    assert first != second and len(first) >= 40


@pytest.mark.parametrize("event", ["created", "assigned", "resolved", "reopened"])
def test_the_four_events_are_accepted(event: str) -> None:
    assert checked_event(event) == event


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("ftp://works.example/hook", "not an http:// or https:// address"),
        ("works.example/hook", "not an http:// or https:// address"),
        ("https://works.example/" + "x" * 500, "at most 500 characters"),
    ],
)
def test_a_bad_address_is_refused_in_words(url: str, said: str) -> None:
    with pytest.raises(WebhookError, match=said):
        checked_url(url)


def test_an_unknown_event_names_the_four() -> None:
    with pytest.raises(WebhookError, match="created, assigned, resolved, reopened"):
        checked_event("closed")
