"""The PostgreSQL roles of a console database: a group per staff role, an owner, a reader."""

from __future__ import annotations

from collections.abc import Mapping

from operator_console.domain.permissions import Role

GROUP_ROLE: Mapping[Role, str] = {
    Role.OPERATOR: "console_operator",
    Role.DISPATCHER: "console_dispatcher",
    Role.SUPERVISOR: "console_supervisor",
    Role.ADMIN: "console_admin",
}
"""Staff role -> the group role (NOLOGIN) a staff member's database login belongs to."""

OWNER_ROLE = "console_owner"
"""Owns every object of the schema and alone runs migrations."""

NOTIFIER_ROLE = "console_notifier"
"""Delivers the notification outbox (`operator-console notify run`), from migration 0014."""

OPEN311_ROLE = "console_open311"
"""Files requests and reads the public views for the Open311 server (`operator-console open311
serve`), from migration 0016: each request's actor is the client application that sent it."""

PUBLIC_ROLE = "console_public"
"""Reads the public views only (public exports, the Open311 service)."""

ALL_GROUPS: tuple[str, ...] = tuple(GROUP_ROLE.values())


def role_for_group(name: str) -> Role | None:
    """The staff role whose group role is `name`; None for any other role name."""
    for role, group in GROUP_ROLE.items():
        if group == name:
            return role
    return None
