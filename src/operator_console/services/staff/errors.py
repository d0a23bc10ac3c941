"""Why a staff change was refused, in words for the administrator."""

from __future__ import annotations

from operator_console.domain.wording import Words


class StaffAdminError(ValueError):
    """The change breaks a rule of staff administration; nothing was changed."""

    def __init__(self, message: Words) -> None:
        super().__init__(message)
