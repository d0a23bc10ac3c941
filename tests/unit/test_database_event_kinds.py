"""The history event kinds each database group may write, derived from the permissions table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from operator_console.domain.permissions import Role
from operator_console.services.cases.history import HistoryEntry
from operator_console.services.duplicates.finder import (
    CALLER_ADDED,
    DUPLICATE_LINKED,
    MARKED_DUPLICATE,
    SUBMITTED_DESPITE_DUPLICATE,
)
from operator_console.storage.db.event_kinds import BY_KIND, EventScope, kinds, writers

CASE_CHANGES = {
    "assigned",
    "status_changed",
    "priority_changed",
    "escalated",
    "resolved",
    "closed",
    "reopened",
    "rerouted",
    "marked_duplicate",
}


def test_the_duplicate_actions_kinds_are_all_known() -> None:
    for kind in (CALLER_ADDED, DUPLICATE_LINKED, MARKED_DUPLICATE, SUBMITTED_DESPITE_DUPLICATE):
        assert kind in BY_KIND


@pytest.mark.parametrize("kind", sorted(set(BY_KIND) - {SUBMITTED_DESPITE_DUPLICATE}))
def test_every_kind_is_one_the_case_history_tells_in_words(kind: str) -> None:
    entry = HistoryEntry(
        1, datetime(2026, 1, 1, tzinfo=UTC), "x", "X", kind, None, None, "", False, None
    )
    assert f"({kind})" not in str(entry.describe())


def test_an_operator_writes_only_intake_callers_notes_and_status_calls() -> None:
    assert kinds(Role.OPERATOR) == {
        "created",
        "routed",
        SUBMITTED_DESPITE_DUPLICATE,
        CALLER_ADDED,
        "note",
        "status_call",
    }


def test_a_dispatcher_adds_assigning_and_field_moves_only() -> None:
    assert kinds(Role.DISPATCHER) - kinds(Role.OPERATOR) == {"assigned", "status_changed"}


@pytest.mark.parametrize("kind", ["resolved", "closed", "reopened", "priority_changed"])
def test_only_supervisors_and_admins_close_reopen_or_prioritise(kind: str) -> None:
    assert writers(kind) == (Role.SUPERVISOR, Role.ADMIN)


def test_admins_write_every_kind_and_nobody_an_unknown_one() -> None:
    assert kinds(Role.ADMIN) == set(BY_KIND)
    assert writers("imported") == ()


def test_a_case_change_goes_only_on_a_case_the_writer_may_change() -> None:
    scoped = {kind for kind, rule in BY_KIND.items() if rule.scope is EventScope.DEPARTMENT}
    assert scoped == CASE_CHANGES
    filed = {kind for kind, rule in BY_KIND.items() if rule.scope is EventScope.OWN_FILING}
    assert filed == {"created", "routed", SUBMITTED_DESPITE_DUPLICATE}
