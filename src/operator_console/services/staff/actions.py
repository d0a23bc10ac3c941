"""Staff administration as an admin: list, add, change role, disable, enable, set queues and
passwords."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from operator_console.domain.permissions import Action, Role, StaffIdentity, require
from operator_console.services.staff.ports import (
    NewStaff,
    QueueChoice,
    StaffEvent,
    StaffEventKind,
    StaffMember,
    StaffUnitOfWork,
)
from operator_console.services.staff.rules import (
    check_has_login,
    check_keeps_an_admin,
    check_login_to_give,
    check_new_login,
    checked_email,
    checked_login,
    checked_name,
    checked_new_password,
    checked_password,
    checked_queues,
    checked_role,
    known_member,
)

ChangeKind = Literal[
    "added",
    "role_changed",
    "disabled",
    "enabled",
    "queues_set",
    "password_set",
    "login_created",
    "login_adopted",
]


@dataclass(frozen=True)
class StaffDirectory:
    """Everyone on the staff, the queues they can be placed in, and whether they sign in with
    a database login of their own (PostgreSQL) or are picked at start (SQLite)."""

    members: tuple[StaffMember, ...]
    queues: tuple[QueueChoice, ...]
    has_logins: bool


@dataclass(frozen=True)
class StaffChange:
    """What an administration step did: the member before (None when added) and after."""

    kind: ChangeKind
    before: StaffMember | None
    after: StaffMember

    @property
    def changed(self) -> bool:
        return self.kind == "password_set" or self.before != self.after

    def summary(self) -> str:
        """What was done, in one sentence for the administrator."""
        after = self.after
        who = f"{after.display_name} ({after.login})"
        if not self.changed:
            return f"{who}: nothing to change."
        if self.kind == "added":
            queues = f", in {len(after.queues)} queue(s)" if after.queues else ""
            return f"Added {who} as {_article(after.role)} {after.role}{queues}."
        if self.kind == "role_changed":
            return f"{who} is now {_article(after.role)} {after.role}."
        if self.kind == "disabled":
            return f"Disabled {who}: they can no longer sign in; their history stays."
        if self.kind == "enabled":
            return f"Enabled {who}: they can sign in again as {_article(after.role)} {after.role}."
        if self.kind == "password_set":
            return f"Set a new password for {who}."
        if self.kind in ("login_created", "login_adopted"):
            how = "Created" if self.kind == "login_created" else "Adopted the existing"
            return (
                f"{who} was on the staff without a login: {how} database login {after.login!r} "
                f"in the {after.role} group; their name, role and queues stay as they were."
            )
        return f"{who} now works in {', '.join(after.queues) or 'no queue'}."


def list_staff(uow: StaffUnitOfWork, actor: StaffIdentity) -> StaffDirectory:
    require(actor, Action.MANAGE_STAFF)
    with uow:
        return StaffDirectory(tuple(uow.members()), tuple(uow.queue_choices()), uow.has_logins)


def add_staff(
    uow: StaffUnitOfWork, command: NewStaff, actor: StaffIdentity, now: datetime
) -> StaffChange:
    """Add a person with their login, group and staff row, and place them in their queues."""
    require(actor, Action.MANAGE_STAFF)
    login = checked_login(command.login)
    name = checked_name(command.display_name)
    role = checked_role(command.role)
    email = checked_email(command.email)
    with uow:
        checked_password(command.password, uow.has_logins)
        queues = checked_queues(command.queues, uow.queue_choices())
        member = uow.member(login)
        if member is not None and not member.has_login:
            return _give_login(uow, member, role, command.password)
        check_new_login(login, member, uow.existing_login(login))
        new = NewStaff(login, name, role.value, email or "", queues, command.password)
        uow.add(new, _event(actor, now, "added", login, None, role.value))
        if queues:
            uow.set_queues(login, queues)
        uow.commit()
    return StaffChange("added", None, StaffMember(login, name, role.value, email, True, queues))


def change_role(
    uow: StaffUnitOfWork, login: str, role_name: str, actor: StaffIdentity, now: datetime
) -> StaffChange:
    """Move a person to another role (and its database group)."""
    require(actor, Action.MANAGE_STAFF)
    role = checked_role(role_name)
    with uow:
        member = known_member(login, uow.member(login))
        if member.role == role:
            return StaffChange("role_changed", member, member)
        check_keeps_an_admin(actor.login, member, role is not Role.ADMIN, uow.members())
        uow.set_role(
            login, role.value, _event(actor, now, "role_changed", login, member.role, role)
        )
        uow.commit()
    return StaffChange("role_changed", member, replace(member, role=role.value))


def disable_staff(
    uow: StaffUnitOfWork, login: str, actor: StaffIdentity, now: datetime
) -> StaffChange:
    """Stop a person signing in; their history stays."""
    return _set_active(uow, login, False, actor, now)


def enable_staff(
    uow: StaffUnitOfWork, login: str, actor: StaffIdentity, now: datetime
) -> StaffChange:
    """Let a disabled person sign in again, in the role they had."""
    return _set_active(uow, login, True, actor, now)


def set_queues(
    uow: StaffUnitOfWork, login: str, codes: tuple[str, ...], actor: StaffIdentity
) -> StaffChange:
    """Make `codes` the queues a person works in (their departments follow from them)."""
    require(actor, Action.MANAGE_STAFF)
    with uow:
        member = known_member(login, uow.member(login))
        queues = checked_queues(codes, uow.queue_choices())
        after = replace(member, queues=queues)
        if after != member:
            uow.set_queues(login, queues)
            uow.commit()
    return StaffChange("queues_set", member, after)


def set_password(
    uow: StaffUnitOfWork, login: str, password: str, actor: StaffIdentity
) -> StaffChange:
    """Give a staff member's login a new password (a forgotten one, say)."""
    require(actor, Action.MANAGE_STAFF)
    with uow:
        checked_new_password(password, uow.has_logins)
        member = known_member(login, uow.member(login))
        check_has_login(member)
        uow.set_password(login, password)
        uow.commit()
    return StaffChange("password_set", member, member)


def _give_login(
    uow: StaffUnitOfWork, member: StaffMember, role: Role, password: str | None
) -> StaffChange:
    """Inside `uow`: the login of a staff member who has none, in their role's group."""
    check_login_to_give(member, role, password, uow.existing_login(member.login))
    outcome = uow.give_login(member.login, password)
    uow.commit()
    kind: ChangeKind = "login_created" if outcome == "created" else "login_adopted"
    return StaffChange(kind, member, replace(member, has_login=True))


def _set_active(
    uow: StaffUnitOfWork, login: str, active: bool, actor: StaffIdentity, now: datetime
) -> StaffChange:
    require(actor, Action.MANAGE_STAFF)
    kind: Literal["enabled", "disabled"] = "enabled" if active else "disabled"
    with uow:
        member = known_member(login, uow.member(login))
        if member.active == active:
            return StaffChange(kind, member, member)
        check_keeps_an_admin(actor.login, member, not active, uow.members())
        before, after = ("disabled", "active") if active else ("active", "disabled")
        uow.set_active(login, active, _event(actor, now, kind, login, before, after))
        uow.commit()
    return StaffChange(kind, member, replace(member, active=active))


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _event(
    actor: StaffIdentity,
    now: datetime,
    kind: StaffEventKind,
    login: str,
    from_value: str | None,
    to_value: str | None,
) -> StaffEvent:
    return StaffEvent(now, actor.login, kind, login, from_value, to_value)
