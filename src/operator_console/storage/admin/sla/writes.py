"""What SLA administration writes: moved due dates with their history, and the audit line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, insert, text, update

from operator_console.services.admin.sla.ports import ConfigEvent, DueMove
from operator_console.services.cases.history import INSTANT_FORMAT, FieldChange, event_data
from operator_console.storage.db.tables import config_events, request_events, service_requests

DUE_CHANGED = "due_changed"

_PG_MOVE = text(
    """
    UPDATE service_requests AS r
    SET due_at = v.due, at_risk_at = v.risk, version = r.version + 1, updated_at = :at
    FROM unnest(CAST(:ids AS integer[]), CAST(:dues AS timestamptz[]),
                CAST(:risks AS timestamptz[])) AS v(id, due, risk)
    WHERE r.id = v.id
    """
)
# An update of due_at that leaves at_risk_at as it was lets the trigger of migration 0006
# put the wall-clock rule there; the at-risk times that did not move are written back.
_PG_KEEP_AT_RISK = text(
    """
    UPDATE service_requests AS r SET at_risk_at = v.risk
    FROM unnest(CAST(:ids AS integer[]), CAST(:risks AS timestamptz[])) AS v(id, risk)
    WHERE r.id = v.id
    """
)
_PG_EVENTS = text(
    """
    INSERT INTO request_events
        (request_id, at, actor, kind, from_value, to_value, reason, public, data)
    SELECT v.id, :at, :actor, :kind, v.old, v.new, :reason, true, jsonb_build_object(
        'version', v.version, 'changes', jsonb_build_object('due', jsonb_build_array(v.old, v.new)))
    FROM unnest(CAST(:ids AS integer[]), CAST(:versions AS integer[]), CAST(:olds AS text[]),
                CAST(:news AS text[])) AS v(id, version, old, new)
    """
)


def move_due_dates(
    connection: Connection, moves: Sequence[DueMove], at: datetime, actor: str, reason: str
) -> int:
    if not moves:
        return 0
    kept = [move for move in moves if move.at_risk_at == move.case.at_risk_at]
    if connection.dialect.name == "postgresql":
        _move_on_postgresql(connection, moves, kept, at, actor, reason)
    else:
        _move_on_sqlite(connection, moves, kept, at, actor, reason)
    return len(moves)


def _move_on_postgresql(
    connection: Connection,
    moves: Sequence[DueMove],
    kept: Sequence[DueMove],
    at: datetime,
    actor: str,
    reason: str,
) -> None:
    ids = [move.case.id for move in moves]
    connection.execute(
        _PG_MOVE,
        {
            "ids": ids,
            "dues": [move.due_at for move in moves],
            "risks": [move.at_risk_at for move in moves],
            "at": at,
        },
    )
    if kept:
        connection.execute(
            _PG_KEEP_AT_RISK,
            {"ids": [move.case.id for move in kept], "risks": [m.at_risk_at for m in kept]},
        )
    connection.execute(
        _PG_EVENTS,
        {
            "ids": ids,
            "versions": [move.case.version + 1 for move in moves],
            "olds": [_when(move.case.due_at) for move in moves],
            "news": [_when(move.due_at) for move in moves],
            "at": at,
            "actor": actor,
            "kind": DUE_CHANGED,
            "reason": reason,
        },
    )


def _move_on_sqlite(
    connection: Connection,
    moves: Sequence[DueMove],
    kept: Sequence[DueMove],
    at: datetime,
    actor: str,
    reason: str,
) -> None:
    r = service_requests.c
    connection.execute(
        update(service_requests)
        .where(r.id == bindparam("case_id"))
        .values(
            due_at=bindparam("new_due"),
            at_risk_at=bindparam("new_risk"),
            version=r.version + 1,
            updated_at=at,
        ),
        [{"case_id": m.case.id, "new_due": m.due_at, "new_risk": m.at_risk_at} for m in moves],
    )
    if kept:
        connection.execute(
            update(service_requests)
            .where(r.id == bindparam("case_id"))
            .values(at_risk_at=bindparam("new_risk")),
            [{"case_id": m.case.id, "new_risk": m.at_risk_at} for m in kept],
        )
    connection.execute(
        insert(request_events),
        [
            {
                "request_id": m.case.id,
                "at": at,
                "actor": actor,
                "kind": DUE_CHANGED,
                "from_value": _when(m.case.due_at),
                "to_value": _when(m.due_at),
                "reason": reason,
                "public": True,
                "data": _event_data(m),
            }
            for m in moves
        ],
    )


def record_config_event(connection: Connection, event: ConfigEvent) -> None:
    connection.execute(
        insert(config_events).values(
            at=event.at,
            actor=event.actor,
            kind=event.kind,
            subject=event.subject,
            detail=event.detail,
            data=event.data,
        )
    )


def _event_data(move: DueMove) -> dict[str, object]:
    """As a case action records it: the version the move made and the due date's change."""
    return event_data(
        move.case.version + 1, [FieldChange("due", _when(move.case.due_at), _when(move.due_at))]
    )


def _when(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime(INSTANT_FORMAT)
