"""The demo city's staff as the services see them: who acts, with which role."""

from __future__ import annotations

from operator_console.domain.permissions import StaffIdentity

OPERATOR1 = StaffIdentity("operator1", "Maria Alvarez", "operator")
OPERATOR2 = StaffIdentity("operator2", "Kevin O'Brien", "operator")
OPERATOR3 = StaffIdentity("operator3", "Thanh Nguyen", "operator")
DISPATCHER1 = StaffIdentity("dispatcher1", "Denise Walsh", "dispatcher")
DISPATCHER2 = StaffIdentity("dispatcher2", "Marcus Johnson", "dispatcher")
SUPERVISOR1 = StaffIdentity("supervisor1", "Patricia Chen", "supervisor")
ADMIN1 = StaffIdentity("admin1", "Sam Okafor", "admin")
DEMO_STAFF = {
    s.login: s
    for s in (OPERATOR1, OPERATOR2, OPERATOR3, DISPATCHER1, DISPATCHER2, SUPERVISOR1, ADMIN1)
}
