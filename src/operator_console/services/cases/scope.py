"""Which cases a person may change: those of their departments' queues, and those with none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from operator_console.domain.permissions import StaffIdentity, may_change_case
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.cases.errors import OutsideDepartmentError
from operator_console.services.cases.ports import CaseState, Department, DepartmentNames

_LISTED = 5  # references named per department before "and N more"


@dataclass(frozen=True)
class ScopedCase:
    """A case as the department rule sees it.

    Attributes:
        department: the department of the case's queue, team or crew; None without one.
    """

    request_id: int
    reference: str
    department: Department | None


def scoped(case: CaseState) -> ScopedCase:
    """The case as the department rule sees it, where it is now."""
    return ScopedCase(case.id, case.reference, case.queue.department if case.queue else None)


def outside(actor: StaffIdentity, cases: Sequence[ScopedCase]) -> list[ScopedCase]:
    """The cases whose department is not one the actor may change cases of."""
    return [
        case
        for case in cases
        if not may_change_case(actor, case.department.code if case.department else None)
    ]


def refusal(
    names: DepartmentNames,
    actor: StaffIdentity,
    cases: Sequence[ScopedCase],
    selected: int | None = None,
) -> Words | None:
    """Why the actor may not change these cases, naming the departments; None when they may.

    The names of the actor's own departments are read only when something is refused.
    """
    refused = outside(actor, cases)
    if not refused:
        return None
    codes = sorted(actor.departments or ())
    found = names.department_names(codes)
    yours = sorted(found.get(code, code) for code in codes)
    return _refusal_text(refused, yours, selected or len(cases))


def refuse_outside(
    names: DepartmentNames,
    actor: StaffIdentity,
    cases: Sequence[ScopedCase],
    selected: int | None = None,
) -> None:
    """Raise `OutsideDepartmentError` unless the actor may change every one of `cases`."""
    refused = refusal(names, actor, cases, selected)
    if refused is not None:
        request_ids = [case.request_id for case in outside(actor, cases)]
        raise OutsideDepartmentError(refused, request_ids)


def _refusal_text(refused: Sequence[ScopedCase], yours: Sequence[str], selected: int) -> Words:
    you_can = (
        QT_TRANSLATE_NOOP("CaseRefusals", "you can change only cases of %1").with_values(
            _joined(yours)
        )
        if yours
        else QT_TRANSLATE_NOOP(
            "CaseRefusals", "you are in no department, so you can change only cases with no queue"
        )
    )
    if selected == 1 and len(refused) == 1:
        return QT_TRANSLATE_NOOP("CaseRefusals", "Case %1 belongs to %2; %3.").with_values(
            refused[0].reference, _department(refused[0]), you_can
        )
    by_department: dict[str, tuple[Words | str, list[str]]] = {}
    for case in refused:
        key = case.department.name if case.department else ""
        by_department.setdefault(key, (_department(case), []))[1].append(case.reference)
    listed = joined(
        [
            QT_TRANSLATE_NOOP("CaseRefusals", "%1: %2").with_values(
                department, _references(references)
            )
            for _key, (department, references) in sorted(by_department.items())
        ]
    )
    if len(refused) == 1:
        text = QT_TRANSLATE_NOOP(
            "CaseRefusals",
            "%1 of the %2 selected cases belongs to another department (%3), so none was "
            "changed: %4.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "CaseRefusals",
            "%1 of the %2 selected cases belong to another department (%3), so none was "
            "changed: %4.",
        )
    return text.with_values(len(refused), selected, listed, you_can)


def _department(case: ScopedCase) -> Words | str:
    if case.department:
        return case.department.name
    return QT_TRANSLATE_NOOP("CaseRefusals", "no department")


def _references(references: Sequence[str]) -> Words | str:
    shown = ", ".join(references[:_LISTED])
    more = len(references) - _LISTED
    if more > 0:
        return QT_TRANSLATE_NOOP("CaseRefusals", "%1 and %2 more").with_values(shown, more)
    return shown


def _joined(names: Sequence[str]) -> Words | str:
    if len(names) == 1:
        return names[0]
    return QT_TRANSLATE_NOOP("CaseRefusals", "%1 and %2").with_values(
        ", ".join(names[:-1]), names[-1]
    )
