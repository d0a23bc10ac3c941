"""A staff role named in a sentence: alone ("supervisor") or with its article ("a supervisor")."""

from __future__ import annotations

from operator_console.domain.wording import QT_TRANSLATE_NOOP, Words

_NAMES = {
    "operator": QT_TRANSLATE_NOOP("StaffAdminWords", "operator"),
    "dispatcher": QT_TRANSLATE_NOOP("StaffAdminWords", "dispatcher"),
    "supervisor": QT_TRANSLATE_NOOP("StaffAdminWords", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("StaffAdminWords", "admin"),
}
_WITH_ARTICLE = {
    "operator": QT_TRANSLATE_NOOP("StaffAdminWords", "an operator"),
    "dispatcher": QT_TRANSLATE_NOOP("StaffAdminWords", "a dispatcher"),
    "supervisor": QT_TRANSLATE_NOOP("StaffAdminWords", "a supervisor"),
    "admin": QT_TRANSLATE_NOOP("StaffAdminWords", "an admin"),
}


def role_words(role: str) -> Words | str:
    """The role's name; a role the console does not know is shown as it is stored."""
    return _NAMES.get(role, role)


def a_role(role: str) -> Words | str:
    """The role's name after "a" or "an", as "Added Ann as a supervisor" says it."""
    article = "an" if role[:1] in "aeiou" else "a"
    return _WITH_ARTICLE.get(role, f"{article} {role}")
