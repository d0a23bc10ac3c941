"""A timeline entry in the console's language: who did what, and the fields it changed."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from operator_console.services.cases.history import FieldChange, HistoryEntry, recorded_instant
from operator_console.ui.common.formatting import (
    closure_label,
    local_time,
    priority_label,
    short_number,
    status_label,
)
from operator_console.ui.common.translation import QT_TRANSLATE_NOOP

_DONE = {
    "created": QT_TRANSLATE_NOOP("History", "%1 created it"),
    "routed": QT_TRANSLATE_NOOP("History", "%1 routed it"),
    "assigned": QT_TRANSLATE_NOOP("History", "%1 reassigned it"),
    "priority_changed": QT_TRANSLATE_NOOP("History", "%1 changed its priority"),
    "escalated": QT_TRANSLATE_NOOP("History", "%1 escalated it"),
    "status_changed": QT_TRANSLATE_NOOP("History", "%1 moved it along"),
    "resolved": QT_TRANSLATE_NOOP("History", "%1 resolved it"),
    "closed": QT_TRANSLATE_NOOP("History", "%1 closed it"),
    "reopened": QT_TRANSLATE_NOOP("History", "%1 reopened it"),
    "rerouted": QT_TRANSLATE_NOOP("History", "%1 re-routed it"),
    "note": QT_TRANSLATE_NOOP("History", "%1 added a note"),
    "caller_added": QT_TRANSLATE_NOOP("History", "%1 added a caller"),
    "marked_duplicate": QT_TRANSLATE_NOOP(
        "History", "%1 merged it into another case as a duplicate"
    ),
    "duplicate_linked": QT_TRANSLATE_NOOP("History", "%1 linked a duplicate to it"),
    "status_call": QT_TRANSLATE_NOOP("History", "%1 took a status call"),
}
_SLA_CLOCK = {
    "at_risk": QT_TRANSLATE_NOOP("History", "The SLA clock escalated it: it turned at risk"),
    "overdue": QT_TRANSLATE_NOOP("History", "The SLA clock escalated it: it is overdue"),
    "overdue_by": QT_TRANSLATE_NOOP(
        "History", "The SLA clock escalated it: it is %1 business hours overdue"
    ),
}
_FIELDS = {
    "status": QT_TRANSLATE_NOOP("History", "status"),
    "priority": QT_TRANSLATE_NOOP("History", "priority"),
    "queue": QT_TRANSLATE_NOOP("History", "queue"),
    "assignee": QT_TRANSLATE_NOOP("History", "assignee"),
    "service": QT_TRANSLATE_NOOP("History", "category"),
    "location": QT_TRANSLATE_NOOP("History", "location"),
    "district": QT_TRANSLATE_NOOP("History", "district"),
    "closure reason": QT_TRANSLATE_NOOP("History", "closure reason"),
    "due": QT_TRANSLATE_NOOP("History", "due"),
    "created": QT_TRANSLATE_NOOP("History", "created"),
    "routed": QT_TRANSLATE_NOOP("History", "routed"),
    "caller added": QT_TRANSLATE_NOOP("History", "caller added"),
    "resolved": QT_TRANSLATE_NOOP("History", "resolved"),
    "closed": QT_TRANSLATE_NOOP("History", "closed"),
    "reopened": QT_TRANSLATE_NOOP("History", "reopened"),
}
_STEPS = {"created", "resolved", "closed", "reopened"}
"""Steps recorded with the status before and after them, as codes."""


def describe_entry(entry: HistoryEntry, time_zone: str) -> str:
    """ "Denise Walsh reassigned it (queue: Streets -> Crew 3)", in the console's language; a
    changed due date on the city's clock (`time_zone`)."""
    done = _DONE.get(entry.kind)
    text = (
        QCoreApplication.translate("History", done).replace("%1", entry.actor_name)
        if done
        else QCoreApplication.translate("History", "%1 changed it (%2)")
        .replace("%1", entry.actor_name)
        .replace("%2", entry.kind)
    )
    if entry.kind == "sla_escalated":
        text = _sla_clock_line(entry.data or {})
    fields = "; ".join(describe_change(change, time_zone) for change in entry.field_changes)
    return f"{text} ({fields})" if fields else text


def _sla_clock_line(data: Mapping[str, object]) -> str:
    """What the escalation pass did and why: the trigger of the rule that fired."""
    line = _SLA_CLOCK.get(str(data.get("trigger")), _SLA_CLOCK["overdue"])
    hours = data.get("hours")
    shown = short_number(hours) if isinstance(hours, int | float) else "?"
    return QCoreApplication.translate("History", line).replace("%1", shown)


def describe_change(change: FieldChange, time_zone: str) -> str:
    name = (
        QCoreApplication.translate("History", _FIELDS[change.field])
        if change.field in _FIELDS
        else change.field
    )
    old, new = _shown(change, change.old, time_zone), _shown(change, change.new, time_zone)
    if change.old is None and change.new is not None:
        return f"{name}: {new}"
    return f"{name}: {old} -> {new}"


def _shown(change: FieldChange, value: str | None, time_zone: str) -> str:
    if value is None:
        return QCoreApplication.translate("History", "(none)")
    coded = {"status": status_label, "priority": priority_label, "closure reason": closure_label}
    if change.field in coded:
        return coded[change.field](value)
    if change.field in _STEPS:
        return status_label(value)
    instant = recorded_instant(value) if change.field == "due" else None
    return value if instant is None else local_time(instant, time_zone)
