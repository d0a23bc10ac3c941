"""The case events a webhook can be registered for, and the checks on a hook's URL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

EVENTS = ("created", "assigned", "resolved", "reopened")
"""History event kinds that queue a delivery to every hook registered for them."""


class WebhookError(ValueError):
    """A hook that cannot be registered as asked; the message says what to change."""


@dataclass(frozen=True)
class Webhook:
    """A registered hook, as admins list it (the secret is never listed)."""

    id: int
    event: str
    url: str
    created_at: datetime
    created_by: str


def checked_event(event: str) -> str:
    """`event` when it is one a hook may be registered for, else a WebhookError."""
    if event not in EVENTS:
        raise WebhookError(f"{event!r} is no webhook event: one of {', '.join(EVENTS)}")
    return event


def checked_url(url: str) -> str:
    """`url` when it is an absolute http(s) address of at most 500 characters."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise WebhookError(f"{url!r} is not an http:// or https:// address")
    if len(url.strip()) > 500:
        raise WebhookError("a webhook's address has at most 500 characters")
    return url.strip()
