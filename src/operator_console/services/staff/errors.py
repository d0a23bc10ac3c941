"""Why a staff change was refused, in words for the administrator."""

from __future__ import annotations


class StaffAdminError(ValueError):
    """The change breaks a rule of staff administration; nothing was changed."""
