"""Keeping what the operator typed: the draft in progress and submissions waiting to be sent."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Protocol

from operator_console.domain.caller import Caller
from operator_console.domain.intake import Attachment, IntakeDraft, Location
from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.intake.submission import Submission


@dataclass(frozen=True)
class SavedCall:
    """The call being typed as the journal keeps it: the submission and the form's search text."""

    submission: Submission
    category_search: str = ""


class DraftJournal(Protocol):
    """A local store that survives a crash, a kill and an unreachable database."""

    def save_draft(self, call: SavedCall) -> None: ...

    def load_draft(self) -> SavedCall | None: ...

    def clear_draft(self) -> None: ...

    def enqueue(self, submission: Submission) -> None: ...

    def queued(self) -> list[Submission]: ...

    def dequeue(self, client_uuid: str) -> None: ...


class DraftFormatError(ValueError):
    """A journal entry that cannot be read back."""


def submission_to_json(submission: Submission) -> dict[str, Any]:
    """A JSON-ready form of everything typed, photos included."""
    draft = submission.draft
    return {
        "client_uuid": submission.client_uuid,
        "channel": submission.channel,
        "caller": vars(draft.caller),
        "location": vars(draft.location),
        "service_code": draft.service_code,
        "answers": dict(draft.answers),
        "description": draft.description,
        "attachments": [
            {"file_name": a.file_name, "content": base64.b64encode(content).decode("ascii")}
            for a, content in zip(draft.attachments, submission.attachment_contents, strict=True)
        ],
    }


def submission_from_json(data: dict[str, Any]) -> Submission:
    """The submission back from `submission_to_json`; raise DraftFormatError when damaged."""
    try:
        contents = tuple(base64.b64decode(a["content"]) for a in data["attachments"])
        attachments = tuple(
            Attachment(a["file_name"], len(content), content[:16])
            for a, content in zip(data["attachments"], contents, strict=True)
        )
        draft = IntakeDraft(
            caller=Caller(**data["caller"]),
            location=Location(**data["location"]),
            service_code=str(data["service_code"]),
            answers=dict(data["answers"]),
            description=str(data["description"]),
            attachments=attachments,
        )
        return Submission(str(data["client_uuid"]), draft, str(data["channel"]), contents)
    except (KeyError, TypeError, ValueError) as exc:
        raise DraftFormatError(
            QT_TRANSLATE_NOOP("IntakeProblems", "not a saved draft: %1").with_values(exc)
        ) from exc


def call_to_json(call: SavedCall) -> dict[str, Any]:
    """A JSON-ready form of the call being typed."""
    return {**submission_to_json(call.submission), "category_search": call.category_search}


def call_from_json(data: dict[str, Any]) -> SavedCall:
    """The call back from `call_to_json` (or a bare submission); DraftFormatError when damaged."""
    search = data.get("category_search", "")
    if not isinstance(search, str):
        raise DraftFormatError(
            QT_TRANSLATE_NOOP(
                "IntakeProblems", "not a saved draft: the category search is not text"
            )
        )
    return SavedCall(submission_from_json(data), search)
