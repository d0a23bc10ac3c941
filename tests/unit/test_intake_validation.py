"""Intake draft validation: one message per field, in form order, errors apart from warnings."""

from __future__ import annotations

import dataclasses

import pytest

from operator_console.domain.caller import Caller
from operator_console.domain.intake import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    DraftProblem,
    IntakeDraft,
    Location,
    detect_image_type,
    has_errors,
    validate_draft,
)
from operator_console.domain.open311 import AttributeValue, Datatype, ServiceAttribute

STREETLIGHT_QUESTIONS = (
    ServiceAttribute("POLE", True, Datatype.STRING, True, None, 1, "Pole number on the tag", ()),
    ServiceAttribute(
        "STATE",
        True,
        Datatype.SINGLE_VALUE_LIST,
        True,
        None,
        2,
        "Is the light out or flickering?",
        (AttributeValue("out", "Out"), AttributeValue("flicker", "Flickering")),
    ),
)
CATALOG = {"STRLGHT": STREETLIGHT_QUESTIONS, "GRAFFITI": ()}
CITY_HALL_PLAZA = Location(42.3603, -71.0580, "1 City Hall Sq", district_code="3")
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PHOTO = Attachment("pothole.png", 2_000_000, PNG_HEAD)
GOOD_DRAFT = IntakeDraft(
    caller=Caller("Ana", "Silva", "617-635-4500", "ana@example.org"),
    location=CITY_HALL_PLAZA,
    service_code="STRLGHT",
    answers={"POLE": "A-1234", "STATE": "out"},
    description="Light out in front of the plaza since Monday.",
    attachments=(PHOTO,),
)


def problems_of(draft: IntakeDraft) -> list[DraftProblem]:
    """The draft's problems, their messages in English as `str()` gives them."""
    return [
        dataclasses.replace(problem, message=str(problem.message))  # type: ignore[arg-type]
        for problem in validate_draft(draft, CATALOG, "US")
    ]


def fields_of(draft: IntakeDraft) -> list[str]:
    return [problem.field for problem in problems_of(draft)]


def test_a_complete_draft_has_no_problems() -> None:
    assert problems_of(GOOD_DRAFT) == []


def test_an_empty_draft_lists_its_problems_in_form_order() -> None:
    assert problems_of(IntakeDraft()) == [
        DraftProblem("location", "Place a pin on the map or enter an address."),
        DraftProblem("service", "Choose a service."),
    ]


def test_every_kind_of_problem_comes_in_form_order() -> None:
    draft = IntakeDraft(
        caller=Caller(phone="12", email="ana at example"),
        location=Location(latitude=42.36),
        service_code="STRLGHT",
        answers={"STATE": "broken"},
        description="x" * 4001,
        attachments=(PHOTO, Attachment("notes.pdf", 1000, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3")),
    )
    assert fields_of(draft) == [
        "caller.phone",
        "caller.email",
        "location",
        "answers.POLE",
        "answers.STATE",
        "description",
        "attachments.1",
    ]


def test_an_address_without_a_pin_is_a_location() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, location=Location(address="1 City Hall Sq"))
    assert problems_of(draft) == []


def test_a_pin_off_the_map_is_an_error() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, location=Location(91.0, -71.0, district_code="3"))
    assert fields_of(draft) == ["location"]
    assert has_errors(problems_of(draft))


def test_a_pin_outside_every_district_is_only_a_warning() -> None:
    lost_at_sea = Location(42.30, -70.80)
    problems = problems_of(dataclasses.replace(GOOD_DRAFT, location=lost_at_sea))
    assert [(problem.field, problem.severity) for problem in problems] == [("location", "warning")]
    assert "outside every district" in problems[0].message
    assert not has_errors(problems)


def test_anonymous_callers_are_allowed() -> None:
    assert problems_of(dataclasses.replace(GOOD_DRAFT, caller=Caller())) == []


def test_phone_problem_carries_the_phone_message() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, caller=Caller(phone="not a number"))
    assert problems_of(draft) == [
        DraftProblem("caller.phone", "“not a number” is not a phone number.")
    ]


def test_unknown_service_is_named_and_its_answers_are_not_checked() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, service_code="NOPE", answers={})
    assert problems_of(draft) == [
        DraftProblem("service", "“NOPE” is not a service in the catalog.")
    ]


def test_a_service_without_questions_needs_no_answers() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, service_code="GRAFFITI", answers={"POLE": "stale"})
    assert problems_of(draft) == []


def test_required_answers_are_enforced() -> None:
    draft = dataclasses.replace(GOOD_DRAFT, answers={"STATE": "out"})
    assert problems_of(draft) == [DraftProblem("answers.POLE", "This question needs an answer.")]


def test_description_limit_is_4000_characters() -> None:
    at_limit = dataclasses.replace(GOOD_DRAFT, description="é" * 4000)
    over = dataclasses.replace(GOOD_DRAFT, description="é" * 4001)
    assert problems_of(at_limit) == []
    assert problems_of(over) == [
        DraftProblem("description", "The description is 4,001 characters; the limit is 4,000.")
    ]


def test_description_text_is_never_altered() -> None:
    hostile = 'Robert\'); DROP TABLE requests;-- "quoted" <script>alert(1)</script>'
    draft = dataclasses.replace(GOOD_DRAFT, description=hostile)
    assert problems_of(draft) == []
    assert draft.description == hostile


def test_attachment_over_the_limit_reports_both_sizes() -> None:
    big = Attachment("roof.jpg", MAX_ATTACHMENT_BYTES + 1, b"\xff\xd8\xff\xe0\x00\x10JFIF")
    problems = problems_of(dataclasses.replace(GOOD_DRAFT, attachments=(PHOTO, big)))
    assert problems == [DraftProblem("attachments.1", "roof.jpg is 10.1 MB; the limit is 10 MB.")]


def test_attachment_limit_can_be_set_per_city() -> None:
    problems = validate_draft(GOOD_DRAFT, CATALOG, "US", max_attachment_bytes=1_000_000)
    assert [problem.field for problem in problems] == ["attachments.0"]


def test_empty_and_disguised_files_are_refused() -> None:
    empty = Attachment("blank.png", 0, b"")
    disguised = Attachment("virus.jpg", 5000, b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00")
    problems = problems_of(dataclasses.replace(GOOD_DRAFT, attachments=(empty, disguised)))
    assert problems == [
        DraftProblem("attachments.0", "blank.png is empty."),
        DraftProblem("attachments.1", "virus.jpg is not a photo (PNG, JPEG, GIF, WebP or HEIC)."),
    ]


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (PNG_HEAD, "image/png"),
        (b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00", "image/gif"),
        (b"GIF87a\x01\x00\x01\x00\x80\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
        (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00", "image/heif"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),  # audio in the same container as WebP
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", None),  # an MP4 video
        (b"%PDF-1.7", None),
        (b"\x89PN", None),
        (b"", None),
    ],
)
def test_image_type_comes_from_magic_bytes(head: bytes, mime: str | None) -> None:
    assert detect_image_type(head) == mime
