"""A case's history: its events, what each changed, and the version each one produced."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from operator_console.domain.lifecycle import (
    ClosureReason,
    Priority,
    Status,
    closure_name,
    priority_name,
    status_name,
)
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, joined

# Fields whose values are codes ("in_queue", "not_city_responsibility") rather than names.
CODED_FIELDS = frozenset({"status", "priority", "closure reason"})
# How a change records an instant (the "due" field): UTC to the minute, "2026-12-08 22:00 UTC".
INSTANT_FORMAT = "%Y-%m-%d %H:%M UTC"
# What an action did, in words for "someone else changed it" messages (the timeline's own
# words are the same texts, under the same context).
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
    "due_changed": QT_TRANSLATE_NOOP("History", "%1 moved its due date"),
    "status_call": QT_TRANSLATE_NOOP("History", "%1 took a status call"),
}
_CODES: dict[type, frozenset[str]] = {
    kind: frozenset(member.value for member in kind) for kind in (Status, Priority, ClosureReason)
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
}


@dataclass(frozen=True)
class FieldChange:
    """One field of a case before and after a change, as people read it.

    Attributes:
        field: "status", "priority", "queue", "assignee", "service", "location", "district",
            "closure reason" or "due" (other writers' events: their kind).
        old, new: display values; None when the field was (or became) empty.
    """

    field: str
    old: str | None
    new: str | None

    def describe(self) -> Words:
        name = _FIELDS.get(self.field, self.field)
        if self.old is None and self.new is not None:
            return QT_TRANSLATE_NOOP("History", "%1: %2").with_values(name, self._shown(self.new))
        return QT_TRANSLATE_NOOP("History", "%1: %2 -> %3").with_values(
            name, self._shown(self.old), self._shown(self.new)
        )

    def _shown(self, value: str | None) -> Words | str:
        if value is None:
            return QT_TRANSLATE_NOOP("History", "(none)")
        if self.field == "status" and value in _CODES[Status]:
            return status_name(Status(value))
        if self.field == "priority" and value in _CODES[Priority]:
            return priority_name(Priority(value))
        if self.field == "closure reason" and value in _CODES[ClosureReason]:
            return closure_name(ClosureReason(value))
        return value.replace("_", " ") if self.field in CODED_FIELDS else value


@dataclass(frozen=True)
class HistoryEntry:
    """One event of a case's shared history.

    Attributes:
        event_id: orders events of the same instant.
        at: when (UTC).
        actor: the staff login (or "import") that made the change.
        actor_name: the staff member's display name; the login when not staff.
        kind: "created", "routed", "assigned", "priority_changed", "escalated",
            "status_changed", "resolved", "closed", "reopened", "rerouted" or "note".
        from_value, to_value: the main value before and after (queue, priority, status).
        reason: why, in the actor's words (for a note: the note itself).
        public: True when residents may see it (Open311 notes); False for internal events.
        data: the event's stored details (see `event_data`); None for events without any.
    """

    event_id: int
    at: datetime
    actor: str
    actor_name: str
    kind: str
    from_value: str | None
    to_value: str | None
    reason: str
    public: bool
    data: Mapping[str, object] | None

    @property
    def version(self) -> int | None:
        """The case version this event produced; None for events that did not record it."""
        version = (self.data or {}).get("version")
        return version if isinstance(version, int) else None

    @property
    def field_changes(self) -> tuple[FieldChange, ...]:
        """Every field the event changed; for events that did not record them, its main value."""
        recorded = (self.data or {}).get("changes")
        if isinstance(recorded, Mapping):
            return tuple(
                FieldChange(str(name), *_pair(values)) for name, values in recorded.items()
            )
        if self.from_value is None and self.to_value is None:
            return ()
        return (FieldChange(self.kind.replace("_", " "), self.from_value, self.to_value),)

    def describe(self) -> Words:
        """ "Denise Walsh reassigned it (queue: Streets -> Crew 3)"."""
        done = _DONE.get(self.kind)
        did = (
            done.with_values(self.actor_name)
            if done is not None
            else QT_TRANSLATE_NOOP("History", "%1 changed it (%2)").with_values(
                self.actor_name, self.kind
            )
        )
        if not self.field_changes:
            return did
        fields = joined([change.describe() for change in self.field_changes])
        return QT_TRANSLATE_NOOP("History", "%1 (%2)").with_values(did, fields)


def one_after_another(events: Sequence[Words]) -> Words:
    """Events in the order they happened: "A; then B; then C"."""
    told: Words | None = None
    for event in events:
        told = (
            event
            if told is None
            else QT_TRANSLATE_NOOP("History", "%1; then %2").with_values(told, event)
        )
    return told if told is not None else Words("", "")


def recorded_instant(value: str) -> datetime | None:
    """The instant a change recorded in `INSTANT_FORMAT`; None when `value` is not one."""
    try:
        return datetime.strptime(value, INSTANT_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def event_data(
    version: int, changes: Sequence[FieldChange], **details: object
) -> dict[str, object]:
    """What an action stores with its event: the version it produced, the fields it changed
    (name -> [old, new]) and any further details (e.g. the closure reason)."""
    return {
        "version": version,
        "changes": {change.field: [change.old, change.new] for change in changes},
        **details,
    }


def entries_since(
    entries: Sequence[HistoryEntry], seen_version: int, current_version: int
) -> tuple[HistoryEntry, ...]:
    """The entries that made the versions after `seen_version`, oldest first.

    Entries that recorded the version they produced are exact. When they do not account for
    every version since (a writer that records no version), the entries without one that come
    after the last entry known to be seen are included too: better shown twice than missed.
    """
    newer = [entry for entry in entries if (entry.version or 0) > seen_version]
    if len(newer) >= current_version - seen_version or not entries:
        return tuple(newer)
    # The last entry surely seen: one that recorded an older version, or else the last of the
    # entries made the instant the case was created.
    created = [n for n, entry in enumerate(entries) if entry.at == entries[0].at]
    recorded = [
        n for n, e in enumerate(entries) if e.version is not None and e.version <= seen_version
    ]
    last_seen = (recorded or created)[-1]
    return tuple(
        entry
        for entry in entries[last_seen + 1 :]
        if entry.version is None or entry.version > seen_version
    )


def _pair(values: object) -> tuple[str | None, str | None]:
    if isinstance(values, Sequence) and not isinstance(values, str) and len(values) == 2:
        old, new = values
        return (None if old is None else str(old)), (None if new is None else str(new))
    return None, str(values)
