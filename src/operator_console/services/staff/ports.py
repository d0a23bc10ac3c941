"""What staff administration reads and writes, and the unit of work port storage implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from operator_console.services.unit_of_work import UnitOfWork

StaffEventKind = Literal[
    "added", "role_changed", "disabled", "enabled", "password_set", "login_given"
]
LoginGiven = Literal["created", "adopted"]


@dataclass(frozen=True)
class StaffMember:
    """A staff member as the administration screen shows them.

    Attributes:
        queues: the codes of the queues they work in, sorted.
        departments: the names of those queues' departments, sorted.
        has_login: a database login of theirs may sign in, in a console group (always True
            where staff have no logins of their own: SQLite).
    """

    login: str
    display_name: str
    role: str
    email: str | None
    active: bool
    queues: tuple[str, ...] = ()
    has_login: bool = True
    departments: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueueChoice:
    """An active queue, team or crew a staff member can be placed in."""

    code: str
    name: str


@dataclass(frozen=True)
class ExistingLogin:
    """A database login (PostgreSQL role) that already has the name asked for.

    Attributes:
        member_of: the console's own roles it is, or belongs to (its groups, the owner...).
        superuser: it is a superuser of the database server.
        can_login: it may connect (a group role may not).
    """

    name: str
    member_of: tuple[str, ...]
    superuser: bool
    can_login: bool


@dataclass(frozen=True)
class NewStaff:
    """A person to add: their login, name, role, e-mail, queues and an optional first password.

    The password is the plain text the administrator typed; storage turns it into a verifier
    before anything leaves the console. None: the login signs in another way.
    """

    login: str
    display_name: str
    role: str
    email: str = ""
    queues: tuple[str, ...] = ()
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class StaffEvent:
    """A line of staff history, written in the same transaction as the change it records."""

    at: datetime
    actor: str
    kind: StaffEventKind
    login: str
    from_value: str | None
    to_value: str | None


class StaffUnitOfWork(UnitOfWork, Protocol):
    """One transaction's reads and writes for staff administration; rolls back unless committed."""

    @property
    def has_logins(self) -> bool:
        """True when each staff member signs in with a database login of their own."""

    def members(self) -> list[StaffMember]:
        """Every staff member, active or not, by login."""

    def member(self, login: str) -> StaffMember | None: ...

    def queue_choices(self) -> list[QueueChoice]:
        """The active queues, teams and crews, by code."""

    def existing_login(self, login: str) -> ExistingLogin | None:
        """The database login named `login`, if there is one (never on a database without
        logins)."""

    def add(self, new: NewStaff, event: StaffEvent) -> None:
        """Create the staff member (and their login, or adopt the existing one), with `event`."""

    def set_role(self, login: str, role: str, event: StaffEvent) -> None: ...

    def set_active(self, login: str, active: bool, event: StaffEvent) -> None:
        """Enable or disable the member (and whether their login may connect), with `event`."""

    def set_queues(self, login: str, codes: tuple[str, ...]) -> None:
        """Make `codes` the member's queues, replacing the ones they had."""

    def set_password(self, login: str, password: str) -> None:
        """Give the member's login a new password (sent only as a verifier), with its event."""

    def give_login(self, login: str, password: str | None) -> LoginGiven:
        """Create the login of a member who has none (or adopt a plain login of that name) in
        their role's group, with its event; say which was done."""
