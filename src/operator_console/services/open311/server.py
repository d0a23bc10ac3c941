"""The Open311 use cases: the catalog, the public record, and filing a client's request."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from operator_console.domain.open311 import service_definition_to_json, services_to_json
from operator_console.domain.permissions import NotPermittedError, Role, StaffIdentity
from operator_console.services.duplicates.actions import RecordSubmitAsNew, record_submit_as_new
from operator_console.services.duplicates.search import CallBeingTaken, find_candidates
from operator_console.services.intake.submission import (
    IntakeRejectedError,
    IntakeUnitOfWork,
    Submission,
    submit,
)
from operator_console.services.open311.errors import Open311Error, bad_request, not_found
from operator_console.services.open311.keys import KeyHolder, key_prefix, matches
from operator_console.services.open311.ports import (
    Filing,
    FilingPorts,
    KeyGate,
    PublicReads,
    RequestQuery,
)
from operator_console.services.open311.posting import read_posted

ACTOR_PREFIX = "open311:"
MAX_REQUESTS = 1000
"""The most requests one GET returns (the spec's servers cap it; 1,000 is common)."""
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class FiledRequest:
    """What a POST answers: the new request's reference and token, and the service notice."""

    reference: str
    token: str
    account_id: str | None
    duplicates_shown: int

    def to_json(self) -> dict[str, object]:
        return {
            "service_request_id": self.reference,
            "token": self.token,
            "service_notice": None,
            "account_id": self.account_id,
        }


def client_actor(holder: KeyHolder) -> StaffIdentity:
    """The client application as intake's actor: it files as an operator would, and the
    database checks that it does nothing else."""
    return StaffIdentity(ACTOR_PREFIX + holder.name, holder.name, Role.OPERATOR.value)


def services_document(reads: PublicReads) -> list[dict[str, object]]:
    return services_to_json(reads.services())


def definition_document(reads: PublicReads, service_code: str) -> dict[str, object]:
    definition = reads.definition(service_code)
    if definition is None:
        raise not_found(f"service_code {service_code!r} is not a service of this city.")
    return service_definition_to_json(definition)


def requests_document(reads: PublicReads, query: RequestQuery) -> list[dict[str, object]]:
    return [request.to_json() for request in reads.requests(query)]


def request_document(reads: PublicReads, reference: str) -> list[dict[str, object]]:
    found = reads.requests(RequestQuery(references=(reference,)))
    if not found:
        raise not_found(f"service_request_id {reference!r} is not a request of this city.")
    return [found[0].to_json()]


def token_document(reads: PublicReads, token: str) -> list[dict[str, object]]:
    reference = reads.reference_of_token(token)
    if reference is None:
        raise not_found(f"token {token!r} is not a request's token.")
    return [{"service_request_id": reference, "token": token}]


def updates_document(
    reads: PublicReads, start: datetime | None, end: datetime | None, limit: int
) -> list[dict[str, object]]:
    return [event.to_json() for event in reads.updates(start, end, limit)]


def authorise(gate: KeyGate, api_key: str, now: datetime) -> KeyHolder:
    """The client application whose key this is, counted once more this minute.

    Raises `Open311Error` 403 for a missing, unknown or revoked key, 429 past its limit."""
    holder = gate.holder(key_prefix(api_key)) if api_key else None
    if holder is None or not matches(holder, api_key):
        raise Open311Error(403, ["api_key: missing, unknown or revoked."])
    minute = now.replace(second=0, microsecond=0)
    if gate.count(holder.id, minute) > holder.per_minute:
        raise Open311Error(
            429,
            [
                f"api_key: more than {holder.per_minute} requests this minute; "
                f"try again after {minute.replace(second=59).isoformat(timespec='seconds')}."
            ],
        )
    return holder


def file_request(
    ports: FilingPorts,
    holder: KeyHolder,
    form: Mapping[str, Sequence[str]],
    now: datetime,
) -> FiledRequest:
    """File a POSTed request through intake as its client, on the client's channel, with the
    duplicate candidates intake would have shown noted on it.

    Raises `Open311Error` 400 with every problem intake found, or for a form that names no
    service or no location."""
    posted = read_posted(form)
    draft = posted.draft
    actor = client_actor(holder)
    shown = []
    if draft.location.has_pin:
        assert draft.location.latitude is not None and draft.location.longitude is not None
        call = CallBeingTaken(
            draft.service_code,
            draft.location.latitude,
            draft.location.longitude,
            draft.description,
            draft.location.address,
        )
        shown = find_candidates(ports.candidate_reads(), call, now)
    token = str(uuid.uuid4())
    filing = Filing(holder.id, token, posted.media_url, posted.device_id, posted.account_id)

    def new_uow() -> IntakeUnitOfWork:
        return ports.intake(holder.name, filing)

    try:
        receipt = submit(new_uow, Submission(token, draft, holder.channel), actor, now)
    except IntakeRejectedError as rejected:
        raise bad_request(
            *(_spec_field(problem.field) + str(problem.message) for problem in rejected.problems)
        ) from None
    except NotPermittedError:  # a staff-only service: not one the public may use
        raise bad_request(
            f"service_code: {draft.service_code!r} is not a service in services.json."
        ) from None
    if shown and receipt.created:
        ids = tuple(candidate.request_id for candidate in shown)
        record_submit_as_new(
            ports.duplicates(holder.name), RecordSubmitAsNew(receipt.request_id, ids), actor, now
        )
    return FiledRequest(receipt.reference, token, posted.account_id, len(shown))


def _spec_field(field: str) -> str:
    """The form field a problem is about, as the client named it."""
    if field == "service":
        return "service_code: "
    if field.startswith("answers."):
        return f"attribute[{field.removeprefix('answers.')}]: "
    if field.startswith("caller."):
        return f"{field.removeprefix('caller.')}: "
    if field == "location":
        return "lat and long: "
    return f"{field}: "
