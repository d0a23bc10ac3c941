"""Sorting by a joined name on PostgreSQL: a keyset walk per category, district or assignee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Select,
    String,
    Table,
    case,
    func,
    literal,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from operator_console.services.queues.request_list import Cursor, ListQuery
from operator_console.storage.db.tables import districts, service_requests, services, staff
from operator_console.storage.queues.filters import Day, apply_filters

r = service_requests
_NO_ID = 0  # ids start at 1
_PAST_ANY_ID = 2**63 - 1


@dataclass(frozen=True)
class _Grouping:
    """A sort by `name` of the row `key` points at in `table` (`nullable`: "" when none)."""

    table: Table
    key: Column[Any]
    name: ColumnElement[Any]
    nullable: bool


GROUPED_SORTS = {
    "service": _Grouping(services, r.c.service_id, services.c.name, False),
    "district": _Grouping(districts, r.c.district_id, func.coalesce(districts.c.name, ""), True),
    "assignee": _Grouping(staff, r.c.assignee_id, func.coalesce(staff.c.display_name, ""), True),
}


def grouped_narrow(
    query: ListQuery,
    dialect: str,
    now: datetime,
    after: Cursor | None,
    limit: int,
    today: Day | None = None,
) -> Select[Any]:
    """Ids and sort values of the `limit` rows after `after`, by (name, id).

    The same rows in the same order as sorting the whole set by the joined name, but each
    group (a category, district or assignee, and "none") is walked in id order on the
    `(queue_id, <key>, id)` index of migration 0005 and stops after `limit` rows; only those
    few are merged and sorted. There are few groups, so a page reads a few thousand index
    entries at most instead of every open request of the queue.
    """
    grouping = GROUPED_SORTS[query.sort_key]
    groups: Any = select(grouping.table.c.id.label("gid"), grouping.name.label("name"))
    if after is not None:
        groups = groups.where(_group_reached(grouping.name, query, after))
    groups = groups.subquery("groups")
    members = _members(query, dialect, now, after, limit, grouping.key, today)
    walked = members(grouping.key == groups.c.gid, groups.c.name).lateral("members")
    parts = [
        select(walked.c.id, groups.c.name.label("sort_value")).select_from(
            groups.join(walked, true())
        )
    ]
    if grouping.nullable:
        nothing = literal_column("''", String)
        part = members(grouping.key.is_(None), nothing).add_columns(nothing.label("sort_value"))
        if after is not None:
            part = part.where(_group_reached(nothing, query, after))
        parts.append(select(part.subquery("unset")))
    merged = union_all(*parts).subquery("merged")
    if query.descending:
        order = (merged.c.sort_value.desc(), merged.c.id.desc())
    else:
        order = (merged.c.sort_value.asc(), merged.c.id.asc())
    return select(merged.c.id, merged.c.sort_value).order_by(*order).limit(limit)


def _group_reached(name: ColumnElement[Any], query: ListQuery, after: Cursor) -> Any:
    bound = literal(after.sort_value, String)
    return name <= bound if query.descending else name >= bound


def _members(
    query: ListQuery,
    dialect: str,
    now: datetime,
    after: Cursor | None,
    limit: int,
    key: Column[Any],
    today: Day | None = None,
) -> Any:
    """A builder: the first `limit` ids `in_group` (named `name`), in the page's id order.

    Ordered by (key, id), which is id order inside a group: only the group's index gives that
    order, so the planner cannot walk the primary key instead, hoping to meet the group's rows
    early (it guesses they are spread evenly; the open ones may all be at one end).
    """

    def build(in_group: ColumnElement[bool], name: ColumnElement[Any]) -> Select[Any]:
        statement = apply_filters(select(r.c.id), query, dialect, now, today).where(in_group)
        if after is not None:
            # Past the cursor's id in the cursor's own group, from the start in later ones;
            # written as one bound on id so that it stays an index condition.
            start = _PAST_ANY_ID if query.descending else _NO_ID
            bound = case(
                (name == literal(after.sort_value, String), literal(after.id, BigInteger)),
                else_=literal(start, BigInteger),
            )
            statement = statement.where(r.c.id < bound if query.descending else r.c.id > bound)
        if query.descending:
            return statement.order_by(key.desc(), r.c.id.desc()).limit(limit)
        return statement.order_by(key.asc(), r.c.id.asc()).limit(limit)

    return build
