"""The public record of a request as GeoReport v2 gives it: fields, statuses, updates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.lifecycle import ClosureReason, Status

DETAILED_STATUS_OF_CLOSURE: Mapping[str, str] = {
    ClosureReason.FIXED: "FIXED",
    ClosureReason.DUPLICATE: "DUPLICATE",
    ClosureReason.NOT_CITY_RESPONSIBILITY: "NOT_COUNCILS_RESPONSIBILITY",
    ClosureReason.NO_FURTHER_ACTION: "NO_FURTHER_ACTION",
    ClosureReason.REFERRED: "INTERNAL_REFERRAL",
    ClosureReason.CANCELLED: "CANCELLED",
}
"""A closure reason -> the extended status of mySociety's servicerequestupdates."""
DETAILED_STATUS_OF_OPEN: Mapping[str, str] = {
    Status.RECEIVED: "FOR_TRIAGE",
    Status.ROUTED: "OPEN",
    Status.IN_QUEUE: "OPEN",
    Status.ASSIGNED: "ACTION_SCHEDULED",
    Status.IN_PROGRESS: "IN_PROGRESS",
}


def spec_status(status: str) -> str:
    """GeoReport v2's two statuses: resolved and closed cases are 'closed'."""
    return "open" if Status(status).is_open else "closed"


def detailed_status(status: str, closure_reason: str | None) -> str:
    """The extended status: where an open case stands, or why a finished one was closed."""
    if Status(status).is_open:
        return DETAILED_STATUS_OF_OPEN[status]
    return DETAILED_STATUS_OF_CLOSURE.get(closure_reason or "", "CLOSED")


@dataclass(frozen=True)
class PublicRequest:
    """A request as the public may read it: no caller, no staff, no internal note."""

    reference: str
    status: str
    closure_reason: str | None
    status_notes: str | None
    service_name: str
    service_code: str
    description: str
    agency_responsible: str | None
    service_notice: str | None
    requested_at: datetime
    updated_at: datetime
    expected_at: datetime | None
    address: str
    zipcode: str | None
    lat: float | None
    lon: float | None
    media_url: str | None
    parent_reference: str | None
    token: str | None = None

    def to_json(self) -> dict[str, object]:
        """The GeoReport v2 request, with the detailed status and the merged-into reference."""
        return {
            "service_request_id": self.reference,
            "status": spec_status(self.status),
            "status_notes": self.status_notes,
            "service_name": self.service_name,
            "service_code": self.service_code,
            "description": self.description,
            "agency_responsible": self.agency_responsible,
            "service_notice": self.service_notice or None,
            "requested_datetime": iso(self.requested_at),
            "updated_datetime": iso(self.updated_at),
            "expected_datetime": iso(self.expected_at),
            "address": self.address or None,
            "address_id": None,
            "zipcode": self.zipcode,
            "lat": self.lat,
            "long": self.lon,
            "media_url": self.media_url,
            "detailed_status": detailed_status(self.status, self.closure_reason),
            "duplicate_of": self.parent_reference,
        }


@dataclass(frozen=True)
class PublicEvent:
    """A public history event of a request, as an entry of servicerequestupdates."""

    id: int
    reference: str
    at: datetime
    kind: str
    to_value: str | None
    reason: str
    request_status: str
    closure_reason: str | None
    media_url: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "update_id": str(self.id),
            "service_request_id": self.reference,
            "status": self.status(),
            "updated_datetime": iso(self.at),
            "description": self.reason,
            "media_url": self.media_url,
        }

    def status(self) -> str:
        """The extended status the event left the request in."""
        if self.kind == "reopened":
            return "REOPEN"
        if self.kind in ("resolved", "marked_duplicate"):
            return DETAILED_STATUS_OF_CLOSURE.get(self.closure_reason or "", "FIXED")
        if self.kind == "closed":
            return "CLOSED"
        moved_to = self.to_value or ""
        if self.kind == "status_changed" and moved_to in DETAILED_STATUS_OF_OPEN:
            return DETAILED_STATUS_OF_OPEN[moved_to]
        return detailed_status(self.request_status, self.closure_reason)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with its offset (UTC), as the spec asks."""
    return None if moment is None else moment.isoformat(timespec="seconds")
