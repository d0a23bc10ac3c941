"""The WHERE clauses of request lists: filters, SLA states and triage buckets, both dialects."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from operator_console.domain.lifecycle import OPEN_STATUSES
from operator_console.services.request_list import UNASSIGNED, ListQuery
from operator_console.storage.tables import request_events, service_requests, sla_policies

r = service_requests
DEFAULT_AT_RISK_FRACTION = 0.75
REOPEN_KINDS = ("reopen", "reopened")


def fraction() -> ColumnElement[Any]:
    """The share of the target after which a request is at risk (its policy's, or 0.75)."""
    return func.coalesce(sla_policies.c.at_risk_fraction, DEFAULT_AT_RISK_FRACTION)


def _epoch(dialect: str, column: ColumnElement[Any]) -> ColumnElement[Any]:
    if dialect == "sqlite":
        return (func.julianday(column) - 2440587.5) * 86400.0
    return func.extract("epoch", column)


def at_risk_before(dialect: str, instant: datetime) -> ColumnElement[Any]:
    """True when the request turned at risk at or before `instant` (wall-clock share of target).

    The threshold is opened + (due - opened) * fraction, the same rule the row carries in
    `RequestRow.at_risk_at`, so a filter and the colour on screen always agree.
    """
    created, due = _epoch(dialect, r.c.created_at), _epoch(dialect, r.c.due_at)
    threshold = created + (due - created) * fraction()
    return threshold <= literal(instant.timestamp())


def sla_clause(dialect: str, state: str, now: datetime) -> ColumnElement[bool]:
    """Requests in SLA `state` at `now`."""
    if state == "no_target":
        return r.c.due_at.is_(None)
    if state == "breached":
        return r.c.due_at < now
    risky = at_risk_before(dialect, now)
    running = r.c.due_at >= now
    return and_(running, risky) if state == "at_risk" else and_(running, ~risky)


def end_of_local_day(now: datetime) -> datetime:
    """Midnight after `now` in the console's local time zone."""
    local = now.astimezone()
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)


def bucket_clause(dialect: str, bucket: str, now: datetime) -> ColumnElement[bool]:
    """Requests in a supervisor's triage `bucket` at `now`."""
    if bucket == "overdue":
        return r.c.due_at < now
    if bucket == "at_risk_today":
        return and_(r.c.due_at >= now, at_risk_before(dialect, end_of_local_day(now)))
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
    statement: Select[Any], query: ListQuery, dialect: str, now: datetime
) -> Select[Any]:
    """`statement` narrowed to what `query` asks for."""
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
        statement = statement.where(bucket_clause(dialect, query.bucket, now))
    return statement
