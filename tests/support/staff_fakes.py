"""An in-memory `StaffUnitOfWork` for the staff administration use cases."""

from __future__ import annotations

from dataclasses import replace
from types import TracebackType
from typing import Self

from operator_console.domain.permissions import StaffIdentity
from operator_console.services.staff.ports import (
    ExistingLogin,
    LoginGiven,
    NewStaff,
    QueueChoice,
    StaffEvent,
    StaffMember,
)

ADMIN = StaffIdentity("admin1", "Sam Okafor", "admin")
DISPATCHER = StaffIdentity("dispatcher1", "Denise Walsh", "dispatcher")
QUEUES = (QueueChoice("PWD_LIGHTS", "Street Lights"), QueueChoice("PWD_STREETS", "Streets"))


def demo_members() -> dict[str, StaffMember]:
    return {
        "admin1": StaffMember("admin1", "Sam Okafor", "admin", "sam@city.example", True),
        "dispatcher1": StaffMember(
            "dispatcher1", "Denise Walsh", "dispatcher", None, True, ("PWD_STREETS",)
        ),
        "operator1": StaffMember("operator1", "Maria Alvarez", "operator", None, True),
    }


class FakeStaffUnitOfWork:
    """Staff rows, logins and history in memory; writes are kept only when committed."""

    def __init__(self, has_logins: bool = True) -> None:
        self.has_logins = has_logins
        self.saved = demo_members()
        self.logins: dict[str, ExistingLogin] = {}
        self.passwords: dict[str, str] = {}
        self.events: list[StaffEvent] = []
        self.commits = 0
        self._pending: dict[str, StaffMember] = {}
        self._pending_events: list[StaffEvent] = []
        self._pending_passwords: dict[str, str] = {}

    def __enter__(self) -> Self:
        self._pending = dict(self.saved)
        self._pending_events = []
        self._pending_passwords = {}
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._pending = {}

    def commit(self) -> None:
        self.saved = dict(self._pending)
        self.events += self._pending_events
        self.passwords.update(self._pending_passwords)
        self.commits += 1

    def members(self) -> list[StaffMember]:
        return [self._pending[login] for login in sorted(self._pending)]

    def member(self, login: str) -> StaffMember | None:
        return self._pending.get(login)

    def queue_choices(self) -> list[QueueChoice]:
        return list(QUEUES)

    def existing_login(self, login: str) -> ExistingLogin | None:
        return self.logins.get(login)

    def add(self, new: NewStaff, event: StaffEvent) -> None:
        email = new.email or None
        self._pending[new.login] = StaffMember(new.login, new.display_name, new.role, email, True)
        if new.password is not None:
            self._pending_passwords[new.login] = new.password
        self._pending_events.append(event)

    def set_role(self, login: str, role: str, event: StaffEvent) -> None:
        self._pending[login] = replace(self._pending[login], role=role)
        self._pending_events.append(event)

    def set_active(self, login: str, active: bool, event: StaffEvent) -> None:
        self._pending[login] = replace(self._pending[login], active=active)
        self._pending_events.append(event)

    def set_queues(self, login: str, codes: tuple[str, ...]) -> None:
        self._pending[login] = replace(self._pending[login], queues=codes)

    def set_password(self, login: str, password: str) -> None:
        self._pending_passwords[login] = password

    def give_login(self, login: str, password: str | None) -> LoginGiven:
        self._pending[login] = replace(self._pending[login], has_login=True)
        if password is not None:
            self._pending_passwords[login] = password
        return "adopted" if login in self.logins else "created"
