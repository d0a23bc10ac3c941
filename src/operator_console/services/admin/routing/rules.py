"""The rules of routing administration: which rules are accepted, and how a change is said."""

from __future__ import annotations

from collections.abc import Iterable

from operator_console.domain.lifecycle import Priority
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
            f"A rule names a service or a group of services, not both: choose {service!r} "
            f"or the group {group!r}.",
            "service",
        )
    if service and service not in {s.code for s in choices.services}:
        raise RoutingRuleError(f"There is no active service {service!r}.", "service")
    if group and group not in choices.groups:
        raise RoutingRuleError(f"No active service is in a group called {group!r}.", "service")
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
            f"The rank must be a whole number (such as 10 or 100), not {text.strip()!r}.", "rank"
        ) from None
    if rank not in RANK_RANGE:
        raise RoutingRuleError(
            f"The rank must be from 0 to {RANK_RANGE.stop - 1}, not {rank}.", "rank"
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
                f"Rule {row.id} already routes {requests_words(target, choices)} at rank "
                f"{target.rank} (to {choices.queue_name(other.queue_code)}): change that rule, "
                "or give this one another rank.",
                "rank",
            )


def requests_words(target: RuleTarget, choices: RoutingChoices) -> str:
    """Which requests a rule takes, as a person says it: "Pothole in Ward 3"."""
    if target.service_code is not None:
        what = choices.service_name(target.service_code)
    elif target.service_group is not None:
        what = f"{target.service_group} requests"
    else:
        what = "every request"
    if target.district is None:
        return f"{what} in any district"
    return f"{what} in {choices.district_name(target.district)}"


def rule_sentence(target: RuleTarget, choices: RoutingChoices) -> str:
    """The rule in one sentence: "Routing: Pothole in Ward 3 goes to District 3 (rank 10)"."""
    notes = [f"rank {target.rank}"]
    if target.priority is not None:
        notes.append(f"priority {target.priority}")
    return (
        f"Routing: {requests_words(target, choices)} goes to "
        f"{choices.queue_name(target.queue_code)} ({', '.join(notes)})"
    )


def rule_subject(target: RuleTarget) -> str:
    """What the audit line is about, in codes: "pothole · ward 3"."""
    what = target.service_code or (f"group {target.service_group}" if target.service_group else "")
    where = f"{target.district.layer} {target.district.code}" if target.district else ""
    return f"{what or 'any service'} · {where or 'any district'}"[:200]


def what_changed(before: RuleTarget, now: RuleTarget | None, choices: RoutingChoices) -> str:
    """What someone else changed in a rule since it was read, in words."""
    if now is None:
        return "someone removed it meanwhile"
    changes = []
    taken = (before.service_code, before.service_group, before.district)
    if taken != (now.service_code, now.service_group, now.district):
        changes.append(f"it now takes {requests_words(now, choices)}")
    if before.queue_code != now.queue_code:
        changes.append(f"its queue is now {choices.queue_name(now.queue_code)}")
    if before.priority != now.priority:
        changes.append(f"its priority is now {now.priority or 'the service’s own'}")
    if before.rank != now.rank:
        changes.append(f"its rank is now {now.rank}")
    if before.note != now.note:
        changes.append(f"its note is now {now.note!r}")
    return "someone changed it meanwhile: " + ("; ".join(changes) or "it was saved again")


def _checked_district(draft: RuleDraft, choices: RoutingChoices) -> DistrictKey | None:
    layer, code = draft.district_layer.strip(), draft.district_code.strip()
    if not layer and not code:
        return None
    key = DistrictKey(layer, code)
    if key not in {district.key for district in choices.districts}:
        raise RoutingRuleError(f"There is no district {code!r} in the layer {layer!r}.", "district")
    return key


def _checked_queue(code: str, choices: RoutingChoices) -> str:
    code = code.strip()
    if not code:
        raise RoutingRuleError("Choose the queue these requests go to.", "queue")
    if code not in {queue.code for queue in choices.queues}:
        raise RoutingRuleError(f"There is no active queue {code!r}.", "queue")
    return code


def _checked_priority(text: str) -> str | None:
    text = text.strip().lower()
    if not text:
        return None
    try:
        return Priority(text).value
    except ValueError:
        raise RoutingRuleError(
            f"{text!r} is not a priority: choose {PRIORITY_NAMES}, or none.", "priority"
        ) from None


def _checked_note(text: str) -> str:
    note = text.strip()
    if len(note) > NOTE_LENGTH:
        raise RoutingRuleError(
            f"The note is {len(note)} characters long; keep it under {NOTE_LENGTH}.", "note"
        )
    return note
