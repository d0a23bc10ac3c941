"""The search filters as SQL conditions on service_requests."""

from __future__ import annotations

from sqlalchemy import ColumnElement, select

from operator_console.services.search.ports import SearchFilters
from operator_console.storage.db.tables import districts, service_requests, services

_r = service_requests.c


def kept_by(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """The conditions a case meets when `filters` keep it (none: every case)."""
    conditions: list[ColumnElement[bool]] = []
    if filters.statuses:
        conditions.append(_r.status.in_(sorted(filters.statuses)))
    if filters.service_codes:
        chosen = select(services.c.id).where(services.c.code.in_(sorted(filters.service_codes)))
        conditions.append(_r.service_id.in_(chosen))
    if filters.district_codes:
        within = select(districts.c.id).where(districts.c.code.in_(sorted(filters.district_codes)))
        conditions.append(_r.district_id.in_(within))
    if filters.opened_after is not None:
        conditions.append(_r.created_at >= filters.opened_after)
    if filters.opened_before is not None:
        conditions.append(_r.created_at < filters.opened_before)
    return conditions
