"""The work lists of the person at the console: their cases, their saved searches."""

from __future__ import annotations

from dataclasses import dataclass

from operator_console.services.worklists.my_cases import StaffDirectory
from operator_console.services.worklists.saved_searches import SavedSearchDesk


@dataclass(frozen=True)
class WorklistDesk:
    """Saved searches, and who the person is among the staff (call off the Qt thread)."""

    saved: SavedSearchDesk
    directory: StaffDirectory

    def my_staff_id(self) -> int | None:
        """The signed-in person's staff id; None when they are not on the staff list (the
        database's owner acting as nobody in particular)."""
        return self.directory.staff_id(self.saved.staff.login)
