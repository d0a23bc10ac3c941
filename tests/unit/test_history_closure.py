"""Closure outcomes in a mapping: a reason by status, duplicates marked by a flag or a parent id."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from operator_console.domain.lifecycle import ClosureReason, Status
from operator_console.services.history_import.mapping import (
    MappingFileError,
    parse_mapping,
)
from operator_console.services.history_import.rows import ImportedRequest, RequestMapper
from operator_console.services.history_import.shipped import find_mapping
from tests.support.chicago import CHICAGO_MAPPING
from tests.unit.test_history_mapping import CITY, HEADER, SPRINGFIELD, mapper, row

CHICAGO = (
    CHICAGO_MAPPING
    + """
[services]
fallback = "other"
"""
)
CHICAGO_HEADER = [
    "SR_NUMBER",
    "CREATED_DATE",
    "CLOSED_DATE",
    "STATUS",
    "SR_TYPE",
    "DUPLICATE",
    "PARENT_SR_NUMBER",
]


def chicago() -> RequestMapper:
    return RequestMapper(parse_mapping(CHICAGO, "chicago.toml"), CHICAGO_HEADER, CITY)


def chicago_row(
    status: str, duplicate: str = "false", parent: str = "", number: str = "SR26-00001300"
) -> list[str]:
    closed = "" if status == "Open" else "12/07/2026 09:00:00 AM"
    return [
        number,
        "12/06/2026 10:15:00 AM",
        closed,
        status,
        "Pot Hole in Street",
        duplicate,
        parent,
    ]


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("Canceled", ClosureReason.CANCELLED),
        ("CANCELED", ClosureReason.CANCELLED),
        ("Completed", ClosureReason.FIXED),
    ],
)
def test_a_closing_status_listed_in_closure_statuses_gives_its_reason(
    status: str, reason: ClosureReason
) -> None:
    request = chicago().map(2, chicago_row(status))
    assert isinstance(request, ImportedRequest)
    assert request.status is Status.CLOSED and request.closure_reason == reason.value
    assert request.closure_note == ""
    assert request.closed_at == datetime(2026, 12, 7, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("flag", "parent", "note"),
    [
        ("true", "SR26-00001234", "Duplicate of SR26-00001234"),
        ("Y", "", ""),
        (" x ", "", ""),
    ],
)
def test_a_closed_row_marked_as_a_duplicate_is_one_and_its_note_names_the_parent(
    flag: str, parent: str, note: str
) -> None:
    request = chicago().map(2, chicago_row("Completed", flag, parent))
    assert isinstance(request, ImportedRequest)
    assert request.closure_reason == ClosureReason.DUPLICATE.value
    assert request.closure_note == note


def test_an_open_duplicate_or_a_closed_row_not_flagged_is_no_duplicate() -> None:
    rows = chicago()
    still_open = rows.map(2, chicago_row("Open", "true", "SR26-00001234"))
    assert isinstance(still_open, ImportedRequest) and still_open.status is Status.IN_QUEUE
    assert (still_open.closure_reason, still_open.closure_note) == (None, None)
    for line, flag in enumerate(["false", "no", "0", ""], start=3):
        request = rows.map(line, chicago_row("Completed", flag, number=f"SR26-0000140{line}"))
        assert isinstance(request, ImportedRequest)
        assert request.closure_reason == ClosureReason.FIXED.value


def test_with_a_flag_column_a_parent_id_alone_does_not_make_a_duplicate() -> None:
    request = chicago().map(2, chicago_row("Completed", "false", "SR26-00001234"))
    assert isinstance(request, ImportedRequest)
    assert (request.closure_reason, request.closure_note) == (ClosureReason.FIXED.value, "")


def test_duplicate_marking_comes_first_then_closure_statuses_then_the_text_rules() -> None:
    springfield = SPRINGFIELD.replace('"Done" = "closed"', '"Done" = "closed"\n"Void" = "closed"')
    springfield = springfield.replace(
        "[services]\n", '[closure.statuses]\n"void" = "cancelled"\n\n[services]\n', 1
    )
    springfield = springfield.replace(
        'queue = ["Team"]', 'queue = ["Team"]\nduplicate_of = ["Parent"]'
    )
    rows = mapper(springfield, [*HEADER, "Parent"])
    cases = [
        ("Void", "no action needed", "6990", ClosureReason.DUPLICATE, "no action needed"),
        ("Void", "no action needed", "", ClosureReason.CANCELLED, "no action needed"),
        ("Done", "no action needed", "", ClosureReason.NO_FURTHER_ACTION, "no action needed"),
        ("Done", "Filled", "", ClosureReason.FIXED, "Filled"),
    ]
    for line, (state, outcome, parent, reason, note) in enumerate(cases, start=2):
        cells = row(Ticket=str(line), State=state, Closed="06.01.2020 09:00", Outcome=outcome)
        request = rows.map(line, [*cells, parent])
        assert isinstance(request, ImportedRequest)
        assert (request.closure_reason, request.closure_note) == (reason.value, note)


@pytest.mark.parametrize(
    ("closure_statuses", "message"),
    [
        ('"Done" = "finished"', r"closure.statuses.'Done': 'finished' is not a closure reason"),
        ('"Done" = 3', r"closure.statuses.'Done': 3 is not a closure reason"),
        (
            '"Working" = "cancelled"',
            r"closure.statuses.'Working': 'Working' is 'in_progress' in \[statuses\], not a "
            r"closing status \(resolved or closed\)",
        ),
        ('"Lost" = "cancelled"', r"closure.statuses.'Lost': 'Lost' is not in \[statuses\]"),
    ],
)
def test_closure_statuses_refuse_a_bad_reason_or_a_status_that_does_not_close(
    closure_statuses: str, message: str
) -> None:
    text = SPRINGFIELD.replace(
        "[services]\n", f"[closure.statuses]\n{closure_statuses}\n\n[services]\n", 1
    )
    with pytest.raises(MappingFileError, match=message):
        parse_mapping(text, "springfield.toml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("[closure]", '[closure]\nstatuses = "Done"'),
            r"closure.statuses: must be a table \(\[closure.statuses\]\), not str",
        ),
        (
            ("[closure]", "[closure]\nduplicate = true"),
            r"closure.duplicate: unknown key \(known here: default, rules, statuses\)",
        ),
        (
            ('queue = ["Team"]', "duplicate_flag = 1"),
            "columns.duplicate_flag: must be a list of header names",
        ),
        (
            ('queue = ["Team"]', 'duplicate_of = [""]'),
            "columns.duplicate_of: must be a list of header names",
        ),
    ],
)
def test_the_duplicate_columns_and_closure_statuses_refuse_a_bad_type_or_key(
    change: tuple[str, str], message: str
) -> None:
    assert change[0] in SPRINGFIELD
    with pytest.raises(MappingFileError, match=message):
        parse_mapping(SPRINGFIELD.replace(change[0], change[1], 1), "springfield.toml")


def test_the_shipped_mappings_set_no_closure_statuses_or_duplicate_columns() -> None:
    for name in ("boston", "nyc"):
        mapping = find_mapping(name)
        assert mapping.closure_statuses == {}
        assert mapping.columns["duplicate_flag"] == mapping.columns["duplicate_of"] == ()
