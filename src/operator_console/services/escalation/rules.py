"""Escalation rules: what crosses which line of the SLA clock, and what is done then."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from operator_console.domain.lifecycle import Priority
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words

Trigger = Literal["at_risk", "overdue", "overdue_by"]
EscalationAction = Literal["notify", "raise_priority", "move_queue"]
TRIGGERS: tuple[Trigger, ...] = ("at_risk", "overdue", "overdue_by")
ACTIONS: tuple[EscalationAction, ...] = ("notify", "raise_priority", "move_queue")
PRIORITY_ORDER: tuple[Priority, ...] = tuple(Priority)
"""From the lowest to the highest: raising a priority is one step along it."""
CLOCK_ACTOR = "sla_clock"
"""Who the history names for what the escalation pass did."""
EVENT_KIND = "sla_escalated"


@dataclass(frozen=True)
class EscalationRule:
    """One rule: when an open case of `sla_policy_id` (None: of every policy) crosses
    `trigger`, do `action`, once per case.

    Attributes:
        trigger: 'at_risk' (its at-risk time passed), 'overdue' (its due time passed) or
            'overdue_by' (due `hours` business hours ago, on its policy's clock).
        action: 'notify' (an alert only), 'raise_priority' (one step up, and an alert) or
            'move_queue' (to `queue_id`, and an alert).
    """

    id: int
    trigger: Trigger
    action: EscalationAction
    sla_policy_id: int | None = None
    hours: float | None = None
    queue_id: int | None = None
    active: bool = True

    def __post_init__(self) -> None:
        if self.trigger not in TRIGGERS:
            raise ValueError(f"an escalation rule fires on one of {', '.join(TRIGGERS)}")
        if self.action not in ACTIONS:
            raise ValueError(f"an escalation rule does one of {', '.join(ACTIONS)}")
        if self.trigger == "overdue_by" and (self.hours is None or self.hours <= 0):
            raise ValueError("an 'overdue_by' rule needs a positive number of hours")
        if self.action == "move_queue" and self.queue_id is None:
            raise ValueError("a 'move_queue' rule needs the queue to move the case to")


def raised(priority: Priority, steps: int = 1) -> Priority:
    """`priority` raised `steps` steps, never above the highest."""
    index = PRIORITY_ORDER.index(priority) + steps
    return PRIORITY_ORDER[min(index, len(PRIORITY_ORDER) - 1)]


def alert_words(reference: str, trigger: Trigger, hours: float | None) -> Words:
    """The sentence an alert says, for a screen to show in its language."""
    if trigger == "at_risk":
        return QT_TRANSLATE_NOOP(
            "AlertMessages", "%1 is at risk of missing its due time"
        ).with_values(reference)
    if trigger == "overdue":
        return QT_TRANSLATE_NOOP("AlertMessages", "%1 is overdue").with_values(reference)
    return QT_TRANSLATE_NOOP("AlertMessages", "%1 is overdue by %2 business hours").with_values(
        reference, _hours(hours)
    )


def alert_message(reference: str, trigger: Trigger, hours: float | None) -> str:
    """The sentence an alert carries as stored, in English (the database's pass words it the
    same way)."""
    return str(alert_words(reference, trigger, hours))


def _hours(hours: float | None) -> str:
    value = hours or 0.0
    return str(int(value)) if value == int(value) else f"{value:g}"
