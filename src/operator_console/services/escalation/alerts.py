"""Alerts for the supervisors and dispatchers of a case's department, and their acknowledgement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words
from operator_console.services.escalation.rules import TRIGGERS, alert_words

ALERTED_ROLES = frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN})
"""Who sees alerts: operators take calls and see none."""


@dataclass(frozen=True)
class Alert:
    """A case that crossed a line of its SLA clock, for its department to act on."""

    id: int
    request_id: int
    reference: str
    kind: str
    message: str
    department: str | None
    created_at: datetime
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    hours: float | None = None  # the rule's business hours past due, for 'overdue_by'

    @property
    def words(self) -> Words | str:
        """What the alert says, for a screen to show in its language; the stored sentence
        for a kind this console does not know."""
        if self.kind not in TRIGGERS:
            return self.message
        return alert_words(self.reference, self.kind, self.hours)


@dataclass(frozen=True)
class OpenAlerts:
    """The newest open alerts a list shows, and how many are open in all (`total` may be more
    than the list holds)."""

    alerts: list[Alert]
    total: int


class AlertsNotShownError(Exception):
    """The person's role sees no alerts."""


class AlertStore(Protocol):
    """Alerts as rows; `departments` (codes) limits them, None: every department's."""

    def open_alerts(self, departments: frozenset[str] | None, limit: int) -> list[Alert]:
        """The alerts nobody acknowledged yet, newest first."""
        ...

    def open_count(self, departments: frozenset[str] | None) -> int:
        """How many alerts nobody acknowledged yet."""
        ...

    def acknowledge(
        self, alert_id: int, login: str, now: datetime, departments: frozenset[str] | None
    ) -> bool:
        """Mark the alert acknowledged by `login` at `now`; False when it already was (or is
        not one of `departments`')."""
        ...


def sees_alerts(staff: StaffIdentity) -> bool:
    return staff.role in {role.value for role in ALERTED_ROLES}


class AlertDesk:
    """The alerts of the person at the console: only their departments' (admins: all)."""

    def __init__(self, store: AlertStore, staff: StaffIdentity, limit: int = 200) -> None:
        self._store = store
        self._staff = staff
        self._limit = limit

    @property
    def staff(self) -> StaffIdentity:
        return self._staff

    def open_alerts(self) -> list[Alert]:
        self._check()
        return self._store.open_alerts(self._departments(), self._limit)

    def open_list(self) -> OpenAlerts:
        """The newest open alerts (as many as the list holds) and how many are open in all."""
        self._check()
        departments = self._departments()
        alerts = self._store.open_alerts(departments, self._limit)
        if len(alerts) < self._limit:
            return OpenAlerts(alerts, len(alerts))
        return OpenAlerts(alerts, max(self._store.open_count(departments), len(alerts)))

    def acknowledge(self, alert_id: int, now: datetime) -> bool:
        self._check()
        return self._store.acknowledge(alert_id, self._staff.login, now, self._departments())

    def _departments(self) -> frozenset[str] | None:
        return None if self._staff.role == Role.ADMIN.value else self._staff.departments

    def _check(self) -> None:
        if not sees_alerts(self._staff):
            raise AlertsNotShownError(
                QT_TRANSLATE_NOOP(
                    "AlertMessages",
                    "%1 is not a dispatcher, supervisor or admin, who alone see the SLA alerts",
                ).with_values(self._staff.login)
            )
