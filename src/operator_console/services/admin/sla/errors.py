"""Why a change to SLA policies or calendars was refused, in words for the administrator."""

from __future__ import annotations

from operator_console.domain.wording import Words


class SlaAdminError(ValueError):
    """The change breaks a rule; nothing was changed. `field` names the input at fault
    ('target_hours', 'day', ...), or is empty when the change as a whole was refused."""

    def __init__(self, message: Words, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class ChangedMeanwhileError(SlaAdminError):
    """Another administrator changed the same thing since it was read; nothing was changed.
    The message says what it is now; reload before trying again."""
