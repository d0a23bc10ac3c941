"""Which history events each console group may write, and on which cases, from the permissions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from operator_console.domain.permissions import ALLOWED, Action, Role, roles_permitted


class EventScope(StrEnum):
    """The cases an event of a kind may go on."""

    ANY_CASE = "any_case"
    """Notes, status calls, callers, a duplicate linked to it: any case of the city."""
    OWN_FILING = "own_filing"
    """What intake writes: only a request the writer's login filed."""
    DEPARTMENT = "department"
    """A change of the case: only a case the writer may change (that of one of their
    departments, or with no queue; admins any), as the case row's guard decides."""


@dataclass(frozen=True)
class EventRule:
    """The action that writes events of a kind, and the cases they may go on."""

    action: Action
    scope: EventScope


BY_KIND: Mapping[str, EventRule] = {
    "created": EventRule(Action.SUBMIT_INTAKE, EventScope.OWN_FILING),
    "routed": EventRule(Action.SUBMIT_INTAKE, EventScope.OWN_FILING),
    "submitted_despite_duplicate": EventRule(Action.SUBMIT_INTAKE, EventScope.OWN_FILING),
    "caller_added": EventRule(Action.ADD_CALLER, EventScope.ANY_CASE),
    "note": EventRule(Action.ADD_NOTE, EventScope.ANY_CASE),
    "status_call": EventRule(Action.ADD_NOTE, EventScope.ANY_CASE),
    "assigned": EventRule(Action.ASSIGN, EventScope.DEPARTMENT),
    "status_changed": EventRule(Action.MOVE, EventScope.DEPARTMENT),
    "priority_changed": EventRule(Action.CHANGE_PRIORITY, EventScope.DEPARTMENT),
    "escalated": EventRule(Action.ESCALATE, EventScope.DEPARTMENT),
    "resolved": EventRule(Action.RESOLVE, EventScope.DEPARTMENT),
    "closed": EventRule(Action.CLOSE, EventScope.DEPARTMENT),
    "reopened": EventRule(Action.REOPEN, EventScope.DEPARTMENT),
    "rerouted": EventRule(Action.REROUTE, EventScope.DEPARTMENT),
    "marked_duplicate": EventRule(Action.MARK_DUPLICATE, EventScope.DEPARTMENT),
    "duplicate_linked": EventRule(Action.MARK_DUPLICATE, EventScope.ANY_CASE),
    "due_changed": EventRule(Action.CONFIGURE, EventScope.ANY_CASE),
}
"""History event kind -> the action that writes it (intake files a staff-only request with the
same events as any other) and where it may go; a kind not listed is written by imports only."""

BY_THE_DATABASE: Mapping[str, str] = {
    "sla_escalated": "the SLA escalation pass (console_run_escalations)",
}
"""Kinds no group writes: the database's own functions do, as the owner (the event's from and
to say what changed, its data the rule that fired)."""


def kinds(role: Role) -> frozenset[str]:
    """The event kinds the group of `role` may write."""
    return frozenset(kind for kind, rule in BY_KIND.items() if rule.action in ALLOWED[role])


def writers(kind: str) -> tuple[Role, ...]:
    """The roles that may write events of `kind`, from the least to the most powerful."""
    rule = BY_KIND.get(kind)
    return () if rule is None else roles_permitted(rule.action)
