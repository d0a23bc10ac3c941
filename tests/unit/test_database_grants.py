"""The grants each database group gets, derived from the permissions table."""

from __future__ import annotations

import pytest

from operator_console.domain.permissions import Action, Role
from operator_console.storage.db import grants

WRITES = ("INSERT", "UPDATE", "DELETE")


def test_every_action_says_what_it_writes() -> None:
    assert set(grants.BY_ACTION) == set(Action)


@pytest.mark.parametrize("role", list(Role))
def test_no_group_rewrites_history_or_deletes_a_request(role: Role) -> None:
    held = grants.privileges(role)
    for table in grants.HISTORY_TABLES:
        assert not {"UPDATE", "DELETE"} & set(held.get(table, {}))
    assert "DELETE" not in held["service_requests"]


@pytest.mark.parametrize("role", list(Role))
def test_only_admins_change_the_configuration(role: Role) -> None:
    held = grants.privileges(role)
    for table in grants.CONFIGURATION_TABLES:
        writes = set(WRITES) & set(held[table])
        assert writes == (set(WRITES) if role is Role.ADMIN else set())


@pytest.mark.parametrize("role", list(Role))
def test_a_case_is_updated_only_in_the_columns_a_case_action_writes(role: Role) -> None:
    columns = grants.privileges(role)["service_requests"]["UPDATE"]
    assert columns is not None
    assert not columns & {"id", "reference", "client_uuid", "created_by", "created_at"}
    assert not columns & {"description", "answers", "caller_id", "channel"}


def test_staff_rows_change_role_and_state_only_through_the_staff_functions() -> None:
    held = grants.privileges(Role.ADMIN)["staff"]
    assert "INSERT" not in held and "DELETE" not in held
    assert held["UPDATE"] == frozenset({"display_name", "email"})
    for role in (Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR):
        assert "staff_events" not in grants.privileges(role)


def test_grant_statements_name_the_group_and_the_columns() -> None:
    statements = grants.grant_statements(Role.OPERATOR)
    assert "GRANT INSERT ON service_requests TO console_operator" in statements
    assert (
        "GRANT UPDATE (email, language, name, no_messages, preferred_channel) ON callers "
        "TO console_operator" in statements
    )
    assert "service_requests" in grants.inserted_tables(Role.OPERATOR)
    assert "city" not in grants.inserted_tables(Role.OPERATOR)
