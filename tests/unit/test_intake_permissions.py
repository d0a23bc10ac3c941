"""Submitting a call takes the acting staff member: who may submit, who may file staff-only."""

from __future__ import annotations

import uuid

import pytest

from operator_console.domain.intake import IntakeDraft, Location
from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.intake.submission import Submission, submit_intake
from tests.support.case_fakes import NOW, OPERATOR, SUPERVISOR
from tests.support.intake_fakes import INTERNAL, FakeIntakeUnitOfWork

VISITOR = StaffIdentity("v1", "Someone Else", "visitor")


def _call(service_code: str) -> Submission:
    draft = IntakeDraft(location=Location(42.35, -71.06, "1 Main St"), service_code=service_code)
    return Submission(str(uuid.uuid4()), draft)


def test_an_operator_files_a_public_service_as_themself() -> None:
    uow = FakeIntakeUnitOfWork()
    receipt = submit_intake(uow, _call("pothole"), OPERATOR, NOW)
    (stored,) = uow.added
    assert receipt.created and stored.created_by == OPERATOR.login


def test_a_staff_only_service_is_refused_to_an_operator_with_nothing_stored() -> None:
    uow = FakeIntakeUnitOfWork()
    with pytest.raises(NotPermittedError) as refused:
        submit_intake(uow, _call(INTERNAL.code), OPERATOR, NOW)
    assert str(refused.value) == (
        "Maria Alvarez (o1) is an operator: only supervisors and admins can file requests in "
        "staff-only services."
    )
    assert uow.added == [] and uow.counter == 0


def test_a_supervisor_files_a_staff_only_service() -> None:
    uow = FakeIntakeUnitOfWork()
    submit_intake(uow, _call(INTERNAL.code), SUPERVISOR, NOW)
    assert [request.service_code for request in uow.added] == [INTERNAL.code]


def test_a_role_the_table_does_not_know_submits_nothing_and_reads_nothing() -> None:
    uow = FakeIntakeUnitOfWork()
    with pytest.raises(NotPermittedError, match="no known role"):
        submit_intake(uow, _call("pothole"), VISITOR, NOW)
    assert not uow.entered and uow.added == []
