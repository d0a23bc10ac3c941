"""The WHERE clauses of request lists: filters, SLA states and triage buckets, both dialects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.services.queues.request_list import UNASSIGNED, ListQuery
from operator_console.storage.db.tables import request_events, service_requests
from operator_console.storage.db.types import UtcDateTime

r = service_requests
REOPEN_KINDS = ("reopen", "reopened")
_NEVER = datetime(9999, 1, 1, tzinfo=UTC)
Day = tuple[datetime, datetime]
"""A calendar day as the UTC instants of its midnight and the next one."""


def due_or_never(dialect: str) -> ColumnElement[Any]:
    """The due date, or a far future without one (what the due sort and SLA states compare).

    On PostgreSQL the text matches migration 0005's index expression exactly, so the planner
    walks that index for the due sort and for a range of due dates.
    """
    if dialect == "postgresql":
        never = literal_column("TIMESTAMPTZ '9999-01-01 00:00:00+00'", UtcDateTime)
        return func.coalesce(r.c.due_at, never, type_=UtcDateTime)
    return func.coalesce(r.c.due_at, literal(_NEVER, UtcDateTime))


def _due(dialect: str) -> ColumnElement[Any]:
    # Same rows either way (no due date is never before, and never at risk); PostgreSQL has
    # the expression indexed, SQLite the column.
    return due_or_never(dialect) if dialect == "postgresql" else r.c.due_at


def _running(dialect: str, now: datetime) -> ColumnElement[bool]:
    """Has a due date, not yet passed at `now`. On PostgreSQL both bounds are on the indexed
    expression (the far future stands for no due date), so the index answers."""
    if dialect == "postgresql":
        due = due_or_never(dialect)
        return and_(due >= now, due < literal(_NEVER, UtcDateTime))
    return r.c.due_at >= now


def sla_clause(dialect: str, state: str, now: datetime) -> ColumnElement[bool]:
    """Requests in SLA `state` at `now`: `domain.sla.sla_state_at` asked of every row in SQL.

    At risk: not yet due, and the stored `at_risk_at` (opened + the policy's share of the
    target, kept by triggers) reached; `RequestRow.at_risk_at` is the same column, so a filter
    and the colour on screen always agree.
    """
    if state == "no_target":
        return r.c.due_at.is_(None)
    if state == "breached":
        return _due(dialect) < now
    if state == "at_risk":
        return and_(_running(dialect, now), r.c.at_risk_at <= now)
    return and_(_running(dialect, now), or_(r.c.at_risk_at.is_(None), r.c.at_risk_at > now))


def bucket_clause(
    dialect: str, bucket: str, now: datetime, today: Day | None = None
) -> ColumnElement[bool]:
    """Requests in a supervisor's triage `bucket` at `now`.

    At risk today: not yet overdue, and the at-risk time falls within `today` (the city's
    calendar day holding `now`, `domain.sla.local_day`), from its midnight inclusive to the
    next one exclusive.
    """
    if bucket == "overdue":
        return sla_clause(dialect, "breached", now)
    if bucket == "at_risk_today":
        if today is None:
            raise ValueError("the at-risk-today bucket needs the city's day")
        starts, ends = today
        return and_(_running(dialect, now), r.c.at_risk_at >= starts, r.c.at_risk_at < ends)
    if bucket == "unassigned":
        return r.c.assignee_id.is_(None)
    if bucket == "reopened":
        reopen = or_(
            request_events.c.kind.in_(REOPEN_KINDS),
            and_(
                request_events.c.kind == "status",
                request_events.c.from_value.in_(("resolved", "closed")),
            ),
        )
        return exists(
            select(request_events.c.id).where(request_events.c.request_id == r.c.id, reopen)
        )
    raise ValueError(f"unknown triage bucket {bucket!r}")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def apply_filters(
    statement: Select[Any], query: ListQuery, dialect: str, now: datetime, today: Day | None = None
) -> Select[Any]:
    """`statement` narrowed to what `query` asks for (`today`: see `bucket_clause`)."""
    if query.statuses:
        statement = statement.where(r.c.status.in_(query.statuses))
    elif query.open_only:
        statement = statement.where(r.c.status.in_([s.value for s in OPEN_STATUSES]))
    if query.queue_ids:
        statement = statement.where(r.c.queue_id.in_(query.queue_ids))
    if query.priorities:
        statement = statement.where(r.c.priority.in_(query.priorities))
    if query.district_ids:
        statement = statement.where(r.c.district_id.in_(query.district_ids))
    if query.service_ids:
        statement = statement.where(r.c.service_id.in_(query.service_ids))
    if query.channels:
        statement = statement.where(r.c.channel.in_(query.channels))
    if query.assignee_ids:
        people = [i for i in query.assignee_ids if i != UNASSIGNED]
        clauses: list[ColumnElement[bool]] = [r.c.assignee_id.in_(people)] if people else []
        if UNASSIGNED in query.assignee_ids:
            clauses.append(r.c.assignee_id.is_(None))
        statement = statement.where(or_(*clauses))
    if query.sla_states:
        statement = statement.where(or_(*(sla_clause(dialect, s, now) for s in query.sla_states)))
    if query.text.strip():
        pattern = _like(query.text.strip())
        statement = statement.where(
            or_(
                func.lower(r.c.reference).like(pattern, escape="\\"),
                func.lower(r.c.address).like(pattern, escape="\\"),
                func.lower(r.c.description).like(pattern, escape="\\"),
            )
        )
    if query.created_from is not None:
        statement = statement.where(r.c.created_at >= query.created_from)
    if query.created_to is not None:
        statement = statement.where(r.c.created_at < query.created_to)
    if query.bucket is not None:
        statement = statement.where(bucket_clause(dialect, query.bucket, now, today))
    return statement
