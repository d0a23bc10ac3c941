"""Why a queue or team change was refused, in words for the administrator."""

from __future__ import annotations

from operator_console.domain.wording import Words


class QueueAdminError(ValueError):
    """The change breaks a rule of queue administration; nothing was changed.

    `field` names the input the message is about ("code", "name", "department", "parent"),
    or is empty when it is about the change as a whole.
    """

    def __init__(self, message: Words, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class QueueChangedMeanwhileError(QueueAdminError):
    """Another administrator changed the queue after it was read; nothing was changed."""
