"""What the residents following a case are told: public notes and resolutions, by e-mail."""

from __future__ import annotations

from operator_console.domain.lifecycle import ClosureReason
from operator_console.services.cases.ports import ResidentNotice
from operator_console.services.cases.rules import Outcome

_RESOLVED_BECAUSE = {
    ClosureReason.FIXED: "the problem was fixed",
    ClosureReason.DUPLICATE: "it was already reported, and the earlier report is being worked",
    ClosureReason.NOT_CITY_RESPONSIBILITY: "it is not the city's responsibility",
    ClosureReason.NO_FURTHER_ACTION: "no further action is needed",
    ClosureReason.REFERRED: "it was referred to the organisation responsible",
    ClosureReason.CANCELLED: "it was cancelled",
}


def resident_notice(outcome: Outcome) -> ResidentNotice | None:
    """The notice an action's outcome sends; only public notes and resolutions send one."""
    case = outcome.after
    about = f"your report {case.reference} ({case.service.name})"
    if outcome.kind == "note" and outcome.public:
        body = f"An update on {about}:\n\n{outcome.reason}\n"
    elif outcome.kind == "resolved" and case.closure_reason is not None:
        body = f"We resolved {about}: {_RESOLVED_BECAUSE[case.closure_reason]}.\n"
        if case.closure_note:
            body += f"\n{case.closure_note}\n"
    else:
        return None
    subject = f"Your 311 report {case.reference}: {case.service.name}"
    return ResidentNotice(case.id, subject, body)
