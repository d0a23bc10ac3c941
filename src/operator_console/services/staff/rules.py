"""The rules of staff administration: which logins, roles, names and passwords are accepted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from operator_console.domain.permissions import Role
from operator_console.domain.wording import QT_TRANSLATE_NOOP
from operator_console.services.staff.errors import StaffAdminError
from operator_console.services.staff.ports import ExistingLogin, QueueChoice, StaffMember
from operator_console.services.staff.role_words import a_role, role_words

LOGIN_PATTERN = re.compile(r"[a-z0-9_.-]{2,63}")
RESERVED_PREFIXES = ("pg_", "console_")
NAME_LENGTH = 200
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PASSWORD_LENGTH = 8
ROLE_NAMES = ", ".join(role.value for role in Role)


def checked_login(login: str) -> str:
    """The login, if it is one the console accepts as a database role name."""
    if not LOGIN_PATTERN.fullmatch(login):
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "%1 is not a login the console accepts: use 2 to 63 lower-case letters, "
                "digits, '_', '.' or '-'.",
            ).with_values(repr(login))
        )
    for prefix in RESERVED_PREFIXES:
        if login.startswith(prefix):
            raise StaffAdminError(
                QT_TRANSLATE_NOOP(
                    "StaffAdminProblems",
                    "%1 is not a login the console accepts: logins that start with %2 are kept "
                    "for the database's own roles.",
                ).with_values(repr(login), repr(prefix))
            )
    return login


def checked_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP("StaffAdminProblems", "%1 is not a role: choose %2.").with_values(
                repr(text), ROLE_NAMES
            )
        ) from None


def checked_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "Give the person's name, as colleagues will read it."
            )
        )
    if len(cleaned) > NAME_LENGTH:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "The name is longer than %1 characters."
            ).with_values(NAME_LENGTH)
        )
    return cleaned


def checked_email(email: str) -> str | None:
    """The e-mail address, or None when none was given."""
    cleaned = email.strip()
    if not cleaned:
        return None
    if len(cleaned) > NAME_LENGTH or not EMAIL_PATTERN.fullmatch(cleaned):
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "%1 is not an e-mail address (like name@city.gov)."
            ).with_values(repr(cleaned))
        )
    return cleaned


def check_passwords_possible(has_logins: bool) -> None:
    """A password can be set only where staff sign in with a database login of their own."""
    if not has_logins:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "This database has no sign-in (the SQLite demo picks a person at start): no "
                "password can be set.",
            )
        )


def checked_password(password: str | None, has_logins: bool) -> None:
    if password is None:
        return
    check_passwords_possible(has_logins)
    if len(password) < PASSWORD_LENGTH:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "The first password must have at least %1 characters."
            ).with_values(PASSWORD_LENGTH)
        )


def checked_queues(codes: Iterable[str], choices: Sequence[QueueChoice]) -> tuple[str, ...]:
    """The queue codes, once each and sorted, if every one is an active queue."""
    wanted = sorted({code.strip() for code in codes if code.strip()})
    known = {choice.code for choice in choices}
    unknown = [code for code in wanted if code not in known]
    if unknown:
        listed = ", ".join(repr(code) for code in unknown)
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "No active queue, team or crew has the code %1."
            ).with_values(listed)
        )
    return tuple(wanted)


def check_new_login(login: str, member: StaffMember | None, existing: ExistingLogin | None) -> None:
    """A new staff member needs a login no staff member has, and that is either free or a
    plain database login in none of the console's roles (which is then adopted)."""
    if member is not None:
        exists = (
            QT_TRANSLATE_NOOP("StaffAdminProblems", "The login %1 exists already: %2, %3.")
            if member.active
            else QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "The login %1 exists already: %2, %3 (disabled; enable them instead).",
            )
        )
        raise StaffAdminError(
            exists.with_values(repr(login), member.display_name, role_words(member.role))
        )
    check_login_free_or_plain(login, existing)


def check_login_free_or_plain(login: str, existing: ExistingLogin | None) -> None:
    """No database login has the name, or a plain one in none of the console's roles does."""
    if existing is None:
        return
    if existing.superuser:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "The login %1 exists already as a superuser of the database server; choose "
                "another login.",
            ).with_values(repr(login))
        )
    if existing.member_of:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "The login %1 exists already in %2; choose another login."
            ).with_values(repr(login), ", ".join(existing.member_of))
        )
    if not existing.can_login:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "%1 is a database role that cannot sign in; choose another login.",
            ).with_values(repr(login))
        )


def check_login_to_give(
    member: StaffMember, role: Role, password: str | None, existing: ExistingLogin | None
) -> None:
    """A staff member without a login gets one in the role their staff row has; a plain login
    that exists already keeps the password its database administrator set."""
    if member.role != role:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "%1 (%2) is on the staff already as %3, without a login: add them as %3 to "
                "give them their login, then change the role.",
            ).with_values(member.display_name, member.login, a_role(member.role))
        )
    check_login_free_or_plain(member.login, existing)
    if existing is not None and password is not None:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "The database login %1 exists already: it is adopted with the password its "
                "database administrator set; add them without a password.",
            ).with_values(repr(member.login))
        )


def checked_new_password(password: str, has_logins: bool) -> str:
    """A password an administrator sets for a login: where logins exist, and long enough."""
    check_passwords_possible(has_logins)
    if len(password) < PASSWORD_LENGTH:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "A password must have at least %1 characters."
            ).with_values(PASSWORD_LENGTH)
        )
    return password


def check_has_login(member: StaffMember) -> None:
    if not member.has_login:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "%1 (%2) has no database login: add them again with their login to give them one.",
            ).with_values(member.display_name, member.login)
        )


def check_keeps_an_admin(
    actor_login: str, member: StaffMember, losing_admin: bool, members: Sequence[StaffMember]
) -> None:
    """An admin may not lock themselves out, and the last active admin may not go."""
    if not losing_admin or member.role != Role.ADMIN or not member.active:
        return
    if member.login == actor_login:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "You cannot disable yourself or take away your own admin role; another admin can.",
            )
        )
    others = [
        person
        for person in members
        if person.role == Role.ADMIN and person.active and person.login != member.login
    ]
    if not others:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems",
                "%1 (%2) is the last active admin: make someone else an admin first.",
            ).with_values(member.display_name, member.login)
        )


def known_member(login: str, member: StaffMember | None) -> StaffMember:
    if member is None:
        raise StaffAdminError(
            QT_TRANSLATE_NOOP(
                "StaffAdminProblems", "No staff member has the login %1."
            ).with_values(repr(login))
        )
    return member
