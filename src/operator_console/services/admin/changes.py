"""The configuration's audit trail as the Changes log shows it: the newest config_events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.permissions import Action, StaffIdentity, require


@dataclass(frozen=True)
class ConfigChangeLine:
    """One change to the configuration: when, who, what kind, about what, in words."""

    id: int
    at: datetime
    actor: str
    kind: str
    subject: str
    detail: str


class ChangeLogReads(Protocol):
    """Reads the audit trail (a read of its own, no transaction to keep)."""

    def newest(self, limit: int) -> list[ConfigChangeLine]:
        """The `limit` newest lines, newest first."""


def newest_changes(
    reads: ChangeLogReads, actor: StaffIdentity, limit: int = 200
) -> list[ConfigChangeLine]:
    """The newest configuration changes, for an administrator."""
    require(actor, Action.CONFIGURE)
    return reads.newest(limit)


class ChangeLogDesk:
    """Reads the Changes log as `actor` (call off the Qt thread)."""

    def __init__(self, reads: ChangeLogReads, actor: StaffIdentity) -> None:
        self._reads = reads
        self._actor = actor

    def newest(self) -> list[ConfigChangeLine]:
        return newest_changes(self._reads, self._actor)
