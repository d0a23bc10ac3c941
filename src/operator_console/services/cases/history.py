"""A case's history: its events, what each changed, and the version each one produced."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

# Fields whose values are codes ("in_queue", "not_city_responsibility") rather than names.
CODED_FIELDS = frozenset({"status", "priority", "closure reason"})
# How a change records an instant (the "due" field): UTC to the minute, "2026-12-08 22:00 UTC".
INSTANT_FORMAT = "%Y-%m-%d %H:%M UTC"
# What an action did, in words for the timeline and for "someone else changed it" messages.
_DONE = {
    "created": "created it",
    "routed": "routed it",
    "assigned": "reassigned it",
    "priority_changed": "changed its priority",
    "escalated": "escalated it",
    "status_changed": "moved it along",
    "resolved": "resolved it",
    "closed": "closed it",
    "reopened": "reopened it",
    "rerouted": "re-routed it",
    "note": "added a note",
    "caller_added": "added a caller",
    "marked_duplicate": "merged it into another case as a duplicate",
    "duplicate_linked": "linked a duplicate to it",
    "due_changed": "moved its due date",
    "status_call": "took a status call",
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

    def describe(self) -> str:
        if self.old is None and self.new is not None:
            return f"{self.field}: {self._shown(self.new)}"
        return f"{self.field}: {self._shown(self.old)} -> {self._shown(self.new)}"

    def _shown(self, value: str | None) -> str:
        if value is None:
            return "(none)"
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

    def describe(self) -> str:
        """ "Denise Walsh reassigned it (queue: Streets -> Crew 3)"."""
        done = _DONE.get(self.kind, f"changed it ({self.kind})")
        fields = "; ".join(change.describe() for change in self.field_changes)
        return f"{self.actor_name} {done}" + (f" ({fields})" if fields else "")


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
