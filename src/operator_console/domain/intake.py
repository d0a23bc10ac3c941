"""The intake draft a call-taker fills in, and the problems that stand between it and submission."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from operator_console.domain.caller import Caller, PhoneNumberError, parse_phone
from operator_console.domain.open311 import ServiceAttribute, validate_answers
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words

Severity = Literal["error", "warning"]

MAX_DESCRIPTION_CHARS = 4000  # the Open311 GeoReport v2 limit
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
IMAGE_SNIFF_BYTES = 16  # leading bytes detect_image_type needs
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
ACCEPTED_IMAGE_KINDS = "PNG, JPEG, GIF, WebP or HEIC"


@dataclass(frozen=True)
class Location:
    """Where the problem is: a map pin, an address, or both, and the district the pin falls in.

    `district_code` None with a pin means the pin is outside every district.
    """

    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    district_code: str | None = None

    @property
    def has_pin(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Attachment:
    """A photo the caller sent: what is needed to check it without reading the whole file."""

    file_name: str
    size_bytes: int
    leading_bytes: bytes  # at least the first IMAGE_SNIFF_BYTES bytes of the file


@dataclass(frozen=True)
class IntakeDraft:
    """Everything typed for one report so far; answers are keyed by Open311 attribute code."""

    caller: Caller = field(default_factory=Caller)
    location: Location = field(default_factory=Location)
    service_code: str = ""
    answers: Mapping[str, object] = field(default_factory=dict)
    description: str = ""
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class DraftProblem:
    """A message to show next to one form field; errors block submission, warnings do not.

    `field` is one of "caller.phone", "caller.email", "location", "service",
    "answers.<attribute code>", "description", "attachments.<index>".
    """

    field: str
    message: Words
    severity: Severity = "error"


def validate_draft(
    draft: IntakeDraft,
    service_questions: Mapping[str, Sequence[ServiceAttribute]],
    phone_region: str,
    *,
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES,
) -> list[DraftProblem]:
    """Problems with the draft in form order (caller, location, service, answers, description,
    attachments), so the form can focus the first one.

    `service_questions` maps every service code in the catalog to its questions (possibly none);
    `phone_region` is the city's region for phone numbers, e.g. "US".
    """
    return [
        *_caller_problems(draft.caller, phone_region),
        *_location_problems(draft.location),
        *_service_problems(draft, service_questions),
        *_description_problems(draft.description),
        *_attachment_problems(draft.attachments, max_attachment_bytes),
    ]


def has_errors(problems: Sequence[DraftProblem]) -> bool:
    """True when at least one problem blocks submission."""
    return any(problem.severity == "error" for problem in problems)


def detect_image_type(leading_bytes: bytes) -> str | None:
    """The MIME type of a PNG, JPEG, GIF, WebP or HEIC/HEIF file from its first bytes, else None."""
    head = leading_bytes[:IMAGE_SNIFF_BYTES]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "image/heic"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heif"
    return None


def _caller_problems(caller: Caller, phone_region: str) -> list[DraftProblem]:
    problems = []
    if caller.phone.strip():
        try:
            parse_phone(caller.phone, phone_region)
        except PhoneNumberError as error:
            problems.append(DraftProblem("caller.phone", error.message))
    email = caller.email.strip()
    if email and not _looks_like_email(email):
        problems.append(
            DraftProblem(
                "caller.email",
                QT_TRANSLATE_NOOP("IntakeProblems", "“%1” is not an email address.").with_values(
                    email
                ),
            )
        )
    if caller.preferred_channel == "sms" and not caller.no_messages and not caller.phone.strip():
        problems.append(
            DraftProblem(
                "caller.reply_by",
                QT_TRANSLATE_NOOP(
                    "IntakeProblems",
                    "A text message needs the caller's phone number: enter it, or reply by e-mail.",
                ),
            )
        )
    return problems


def _location_problems(location: Location) -> list[DraftProblem]:
    latitude, longitude = location.latitude, location.longitude
    if (latitude is None) != (longitude is None):
        return [
            DraftProblem(
                "location",
                QT_TRANSLATE_NOOP(
                    "IntakeProblems", "The pin needs both a latitude and a longitude."
                ),
            )
        ]
    if latitude is None or longitude is None:
        if location.address.strip():
            return []
        return [
            DraftProblem(
                "location",
                QT_TRANSLATE_NOOP("IntakeProblems", "Place a pin on the map or enter an address."),
            )
        ]
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return [
            DraftProblem(
                "location",
                QT_TRANSLATE_NOOP("IntakeProblems", "The pin is not on the map; place it again."),
            )
        ]
    if location.district_code is None:
        message = QT_TRANSLATE_NOOP(
            "IntakeProblems",
            "The pin is outside every district; if it is right, the default queue gets it.",
        )
        return [DraftProblem("location", message, "warning")]
    return []


def _service_problems(
    draft: IntakeDraft, service_questions: Mapping[str, Sequence[ServiceAttribute]]
) -> list[DraftProblem]:
    code = draft.service_code.strip()
    if not code:
        return [DraftProblem("service", QT_TRANSLATE_NOOP("IntakeProblems", "Choose a service."))]
    questions = service_questions.get(code)
    if questions is None:
        return [
            DraftProblem(
                "service",
                QT_TRANSLATE_NOOP(
                    "IntakeProblems", "“%1” is not a service in the catalog."
                ).with_values(code),
            )
        ]
    return [
        DraftProblem(f"answers.{attribute_code}", message)
        for attribute_code, message in validate_answers(questions, draft.answers).items()
    ]


def _description_problems(description: str) -> list[DraftProblem]:
    if len(description) <= MAX_DESCRIPTION_CHARS:
        return []
    message = QT_TRANSLATE_NOOP(
        "IntakeProblems", "The description is %1 characters; the limit is %2."
    ).with_values(f"{len(description):,}", f"{MAX_DESCRIPTION_CHARS:,}")
    return [DraftProblem("description", message)]


def _attachment_problems(attachments: Sequence[Attachment], max_bytes: int) -> list[DraftProblem]:
    problems = []
    for index, attachment in enumerate(attachments):
        name: Words | str = attachment.file_name or QT_TRANSLATE_NOOP(
            "IntakeProblems", "Attachment %1"
        ).with_values(index + 1)
        if attachment.size_bytes <= 0:
            message = QT_TRANSLATE_NOOP("IntakeProblems", "%1 is empty.").with_values(name)
        elif attachment.size_bytes > max_bytes:
            size, limit = _megabytes(attachment.size_bytes), _megabytes(max_bytes)
            message = QT_TRANSLATE_NOOP("IntakeProblems", "%1 is %2; the limit is %3.").with_values(
                name, size, limit
            )
        elif detect_image_type(attachment.leading_bytes) is None:
            message = QT_TRANSLATE_NOOP("IntakeProblems", "%1 is not a photo (%2).").with_values(
                name, ACCEPTED_IMAGE_KINDS
            )
        else:
            continue
        problems.append(DraftProblem(f"attachments.{index}", message))
    return problems


def _megabytes(size_bytes: int) -> str:
    # Rounded up, so a file just over the limit never reads as equal to it.
    return f"{math.ceil(size_bytes * 10 / (1024 * 1024)) / 10:g} MB"


def _looks_like_email(email: str) -> bool:
    local, at, domain = email.rpartition("@")
    return bool(at and local and "." in domain.strip(".") and not any(c.isspace() for c in email))
