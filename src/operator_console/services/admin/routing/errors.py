"""Why a routing rule change was refused, in words for the administrator."""

from __future__ import annotations

from operator_console.domain.wording import Words


class RoutingRuleError(ValueError):
    """The rule breaks a rule of routing administration; nothing was changed.

    Attributes:
        field: the input the problem is about ("service", "district", "queue", "priority",
            "rank", "note", "point"), or "" when it is about the whole rule.
    """

    def __init__(self, message: Words, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class RuleChangedMeanwhileError(RoutingRuleError):
    """Someone else changed or removed the rule after it was read; nothing was changed."""
