"""My cases: the requests assigned to the signed-in person, open ones first, then closed ones."""

from __future__ import annotations

from typing import Protocol

from operator_console.domain.lifecycle import Status
from operator_console.services.queues.request_list import ListQuery

CLOSED_STATUSES = (Status.RESOLVED.value, Status.CLOSED.value)


class StaffDirectory(Protocol):
    """Who a login is among the staff."""

    def staff_id(self, login: str) -> int | None:
        """The staff id of an active staff member's login; None for anyone else."""
        ...


def my_open_cases(staff_id: int) -> ListQuery:
    """My open cases, the one due first at the top (those without a due time last)."""
    return ListQuery(sort_key="due_at", descending=False, assignee_ids=(staff_id,))


def my_closed_cases(staff_id: int) -> ListQuery:
    """My resolved and closed cases, the newest first."""
    return ListQuery(
        sort_key="created_at",
        descending=True,
        open_only=False,
        statuses=CLOSED_STATUSES,
        assignee_ids=(staff_id,),
    )
