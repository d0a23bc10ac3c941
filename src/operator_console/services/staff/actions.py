"""Staff administration as an admin: list, add, change role, disable, enable, set queues and
passwords."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from operator_console.domain.permissions import Action, Role, StaffIdentity, require
from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words, counted
from operator_console.services.staff.ports import (
    NewStaff,
    QueueChoice,
    StaffEvent,
    StaffEventKind,
    StaffMember,
    StaffUnitOfWork,
)
from operator_console.services.staff.role_words import a_role, role_words
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

    def summary(self) -> Words:
        """What was done, in one sentence for the administrator."""
        after = self.after
        who = f"{after.display_name} ({after.login})"
        if not self.changed:
            return QT_TRANSLATE_NOOP("StaffAdminWords", "%1: nothing to change.").with_values(who)
        if self.kind == "added" and after.queues:
            return counted(
                len(after.queues),
                QT_TRANSLATE_NOOP("StaffAdminWords", "Added %2 as %3, in 1 queue."),
                QT_TRANSLATE_NOOP("StaffAdminWords", "Added %2 as %3, in %1 queues."),
                who,
                a_role(after.role),
            )
        if self.kind == "added":
            return QT_TRANSLATE_NOOP("StaffAdminWords", "Added %1 as %2.").with_values(
                who, a_role(after.role)
            )
        if self.kind == "role_changed":
            return QT_TRANSLATE_NOOP("StaffAdminWords", "%1 is now %2.").with_values(
                who, a_role(after.role)
            )
        if self.kind == "disabled":
            return QT_TRANSLATE_NOOP(
                "StaffAdminWords", "Disabled %1: they can no longer sign in; their history stays."
            ).with_values(who)
        if self.kind == "enabled":
            return QT_TRANSLATE_NOOP(
                "StaffAdminWords", "Enabled %1: they can sign in again as %2."
            ).with_values(who, a_role(after.role))
        if self.kind == "password_set":
            return QT_TRANSLATE_NOOP("StaffAdminWords", "Set a new password for %1.").with_values(
                who
            )
        if self.kind == "login_created":
            return QT_TRANSLATE_NOOP(
                "StaffAdminWords",
                "%1 was on the staff without a login: Created database login %2 in the %3 group; "
                "their name, role and queues stay as they were.",
            ).with_values(who, repr(after.login), role_words(after.role))
        if self.kind == "login_adopted":
            return QT_TRANSLATE_NOOP(
                "StaffAdminWords",
                "%1 was on the staff without a login: Adopted the existing database login %2 in "
                "the %3 group; their name, role and queues stay as they were.",
            ).with_values(who, repr(after.login), role_words(after.role))
        if after.queues:
            return QT_TRANSLATE_NOOP("StaffAdminWords", "%1 now works in %2.").with_values(
                who, ", ".join(after.queues)
            )
        return QT_TRANSLATE_NOOP("StaffAdminWords", "%1 now works in no queue.").with_values(who)


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


def _event(
    actor: StaffIdentity,
    now: datetime,
    kind: StaffEventKind,
    login: str,
    from_value: str | None,
    to_value: str | None,
) -> StaffEvent:
    return StaffEvent(now, actor.login, kind, login, from_value, to_value)
