"""What the operator reads back to the caller, and the acknowledgement the caller is sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Acknowledgement:
    """An e-mail to the caller, queued in the outbox with the request."""

    recipient: str
    subject: str
    body: str


def expected_date(due_at: datetime | None, time_zone: str) -> str:
    """The due date as a caller hears it, in the city's time: "Tuesday 24 November, 5:00 PM"."""
    if due_at is None:
        return "no fixed date for this kind of request"
    local = due_at.astimezone(ZoneInfo(time_zone))
    hour = local.strftime("%I:%M %p").lstrip("0")
    return f"{local:%A} {local.day} {local:%B}, {hour}"


def what_happens_next(queue_name: str, due_at: datetime | None, time_zone: str) -> str:
    """One sentence about who works the request and when it is expected."""
    who = queue_name or "The city"
    if due_at is None:
        return f"{who} will review it; you can follow it with your reference number."
    return f"{who} will work on it; we expect it done by {expected_date(due_at, time_zone)}."


def acknowledgement(
    email: str,
    reference: str,
    service_name: str,
    queue_name: str,
    due_at: datetime | None,
    time_zone: str,
) -> Acknowledgement | None:
    """The caller's e-mail confirmation, or None when no address was given."""
    recipient = email.strip()
    if not recipient:
        return None
    body = (
        f"Thank you for your report ({service_name}).\n"
        f"Your reference number is {reference}.\n"
        f"{what_happens_next(queue_name, due_at, time_zone)}\n"
    )
    return Acknowledgement(recipient, f"Your 311 report {reference}: {service_name}", body)
