"""The rules of routing administration: which rules are accepted, and how a change is said."""

from __future__ import annotations

from collections.abc import Iterable

from operator_console.domain.lifecycle import Priority
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined
from operator_console.services.admin.routing.errors import RoutingRuleError
from operator_console.services.admin.routing.ports import (
    DistrictKey,
    RoutingChoices,
    RoutingRuleRow,
    RuleDraft,
    RuleTarget,
)

NOTE_LENGTH = 2000
RANK_RANGE = range(0, 1_000_000)
PRIORITY_NAMES = ", ".join(priority.value for priority in Priority)


def checked_target(draft: RuleDraft, choices: RoutingChoices) -> RuleTarget:
    """The rule the draft describes, if every part of it names something that exists."""
    service = draft.service_code.strip()
    group = draft.service_group.strip()
    if service and group:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems",
                "A rule names a service or a group of services, not both: choose %1 or the "
                "group %2.",
            ).with_values(repr(service), repr(group)),
            "service",
        )
    if service and service not in {s.code for s in choices.services}:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP("RoutingRuleProblems", "There is no active service %1.").with_values(
                repr(service)
            ),
            "service",
        )
    if group and group not in choices.groups:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "No active service is in a group called %1."
            ).with_values(repr(group)),
            "service",
        )
    return RuleTarget(
        service_code=service or None,
        service_group=group or None,
        district=_checked_district(draft, choices),
        queue_code=_checked_queue(draft.queue_code, choices),
        priority=_checked_priority(draft.priority),
        rank=checked_rank(draft.rank),
        note=_checked_note(draft.note),
    )


def checked_rank(text: str) -> int:
    """The rank as a whole number from 0 to 999999."""
    try:
        rank = int(text.strip())
    except ValueError:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems",
                "The rank must be a whole number (such as 10 or 100), not %1.",
            ).with_values(repr(text.strip())),
            "rank",
        ) from None
    if rank not in RANK_RANGE:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "The rank must be from 0 to %1, not %2."
            ).with_values(RANK_RANGE.stop - 1, rank),
            "rank",
        )
    return rank


def check_not_duplicate(
    target: RuleTarget, existing: Iterable[RoutingRuleRow], choices: RoutingChoices, own_id: int = 0
) -> None:
    """Refuse a second rule for the same service or group, district and rank: of two such
    rules, which one wins would depend on the order the database returns them in."""
    for row in existing:
        other = row.target
        same = (
            row.id != own_id
            and other.service_code == target.service_code
            and other.service_group == target.service_group
            and other.district == target.district
            and other.rank == target.rank
        )
        if same:
            raise RoutingRuleError(
                QT_TRANSLATE_NOOP(
                    "RoutingRuleProblems",
                    "Rule %1 already routes %2 at rank %3 (to %4): change that rule, or give "
                    "this one another rank.",
                ).with_values(
                    row.id,
                    requests_words(target, choices),
                    target.rank,
                    choices.queue_name(other.queue_code),
                ),
                "rank",
            )


def requests_words(target: RuleTarget, choices: RoutingChoices) -> Words:
    """Which requests a rule takes, as a person says it: "Pothole in Ward 3"."""
    what: Words | str
    if target.service_code is not None:
        what = choices.service_name(target.service_code)
    elif target.service_group is not None:
        what = QT_TRANSLATE_NOOP("RoutingRuleWords", "%1 requests").with_values(
            target.service_group
        )
    else:
        what = QT_TRANSLATE_NOOP("RoutingRuleWords", "every request")
    if target.district is None:
        return QT_TRANSLATE_NOOP("RoutingRuleWords", "%1 in any district").with_values(what)
    return QT_TRANSLATE_NOOP("RoutingRuleWords", "%1 in %2").with_values(
        what, choices.district_name(target.district)
    )


def rule_sentence(target: RuleTarget, choices: RoutingChoices) -> Words:
    """The rule in one sentence: "Routing: Pothole in Ward 3 goes to District 3 (rank 10)"."""
    queue = choices.queue_name(target.queue_code)
    if target.priority is None:
        return QT_TRANSLATE_NOOP(
            "RoutingRuleWords", "Routing: %1 goes to %2 (rank %3)"
        ).with_values(requests_words(target, choices), queue, target.rank)
    return QT_TRANSLATE_NOOP(
        "RoutingRuleWords", "Routing: %1 goes to %2 (rank %3, priority %4)"
    ).with_values(requests_words(target, choices), queue, target.rank, target.priority)


def rule_subject(target: RuleTarget) -> str:
    """What the audit line is about, in codes: "pothole · ward 3"."""
    what = target.service_code or (f"group {target.service_group}" if target.service_group else "")
    where = f"{target.district.layer} {target.district.code}" if target.district else ""
    return f"{what or 'any service'} · {where or 'any district'}"[:200]


def what_changed(before: RuleTarget, now: RuleTarget | None, choices: RoutingChoices) -> Words:
    """What someone else changed in a rule since it was read, in words."""
    if now is None:
        return QT_TRANSLATE_NOOP("RoutingRuleWords", "someone removed it meanwhile")
    changes: list[Words | str] = []
    taken = (before.service_code, before.service_group, before.district)
    if taken != (now.service_code, now.service_group, now.district):
        changes.append(
            QT_TRANSLATE_NOOP("RoutingRuleWords", "it now takes %1").with_values(
                requests_words(now, choices)
            )
        )
    if before.queue_code != now.queue_code:
        changes.append(
            QT_TRANSLATE_NOOP("RoutingRuleWords", "its queue is now %1").with_values(
                choices.queue_name(now.queue_code)
            )
        )
    if before.priority != now.priority:
        changes.append(
            QT_TRANSLATE_NOOP("RoutingRuleWords", "its priority is now %1").with_values(
                now.priority or QT_TRANSLATE_NOOP("RoutingRuleWords", "the service’s own")
            )
        )
    if before.rank != now.rank:
        changes.append(
            QT_TRANSLATE_NOOP("RoutingRuleWords", "its rank is now %1").with_values(now.rank)
        )
    if before.note != now.note:
        changes.append(
            QT_TRANSLATE_NOOP("RoutingRuleWords", "its note is now %1").with_values(repr(now.note))
        )
    said = (
        joined(changes) if changes else QT_TRANSLATE_NOOP("RoutingRuleWords", "it was saved again")
    )
    return QT_TRANSLATE_NOOP("RoutingRuleWords", "someone changed it meanwhile: %1").with_values(
        said
    )


def _checked_district(draft: RuleDraft, choices: RoutingChoices) -> DistrictKey | None:
    layer, code = draft.district_layer.strip(), draft.district_code.strip()
    if not layer and not code:
        return None
    key = DistrictKey(layer, code)
    if key not in {district.key for district in choices.districts}:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "There is no district %1 in the layer %2."
            ).with_values(repr(code), repr(layer)),
            "district",
        )
    return key


def _checked_queue(code: str, choices: RoutingChoices) -> str:
    code = code.strip()
    if not code:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP("RoutingRuleProblems", "Choose the queue these requests go to."),
            "queue",
        )
    if code not in {queue.code for queue in choices.queues}:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP("RoutingRuleProblems", "There is no active queue %1.").with_values(
                repr(code)
            ),
            "queue",
        )
    return code


def _checked_priority(text: str) -> str | None:
    text = text.strip().lower()
    if not text:
        return None
    try:
        return Priority(text).value
    except ValueError:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "%1 is not a priority: choose %2, or none."
            ).with_values(repr(text), PRIORITY_NAMES),
            "priority",
        ) from None


def _checked_note(text: str) -> str:
    note = text.strip()
    if len(note) > NOTE_LENGTH:
        raise RoutingRuleError(
            QT_TRANSLATE_NOOP(
                "RoutingRuleProblems", "The note is %1 characters long; keep it under %2."
            ).with_values(len(note), NOTE_LENGTH),
            "note",
        )
    return note
