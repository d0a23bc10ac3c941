"""What a city load wrote, and what it kept that the bundle no longer lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CityLoadSummary:
    """Counts by kind (districts, queues, services...) of what the bundle set, the things
    missing from it that were kept because cases still use them (deactivated where they have
    an `active` flag), the staff added, and the load's duration."""

    counts: Mapping[str, int]
    kept: Mapping[str, int] = field(default_factory=dict)
    staff_added: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        said = ", ".join(_counted(count, kind) for kind, count in self.counts.items())
        text = f"the city was loaded in {self.seconds:.1f} s: {said}"
        if self.staff_added:
            text += f"; {_counted(self.staff_added, 'staff')} added"
        kept = {kind: count for kind, count in self.kept.items() if count}
        if kept:
            listed = ", ".join(_counted(count, kind) for kind, count in kept.items())
            text += f"; kept for the cases that use them, though the bundle omits them: {listed}"
        return text


_NAMES = {
    "districts": ("district", "districts"),
    "departments": ("department", "departments"),
    "queues": ("queue", "queues"),
    "services": ("service", "services"),
    "sla_policies": ("SLA policy", "SLA policies"),
    "calendars": ("calendar", "calendars"),
    "closures": ("closure day", "closure days"),
    "routing_rules": ("routing rule", "routing rules"),
    "staff": ("staff member", "staff members"),
    "addresses": ("address point", "address points"),
}


def _counted(count: int, kind: str) -> str:
    one, many = _NAMES.get(kind, (kind, kind))
    return f"{count:,} {one if count == 1 else many}"
