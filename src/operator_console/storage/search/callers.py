"""The cases of callers found: those they reported and those they follow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select, union_all

from operator_console.services.search.ports import Match, SearchFilters
from operator_console.storage.db.tables import request_followers, service_requests
from operator_console.storage.search.filters import kept_by

_r = service_requests.c
_f = request_followers.c


@dataclass(frozen=True)
class FoundCaller:
    """A caller a lookup found, how well, and the name to show."""

    name: str
    score: float = 1.0


def cases_of_callers(
    connection: Connection,
    found: Mapping[int, FoundCaller],
    filters: SearchFilters,
    limit: int,
) -> list[Match]:
    """The newest cases reported or followed by the callers `found`, each scored by its best
    caller."""
    if not found:
        return []
    ids: Sequence[int] = sorted(found)
    links = union_all(
        select(_r.id.label("request_id"), _r.caller_id.label("caller_id")).where(
            _r.caller_id.in_(ids)
        ),
        select(_f.request_id, _f.caller_id).where(_f.caller_id.in_(ids)),
    ).subquery()
    rows = connection.execute(
        select(links.c.request_id, links.c.caller_id)
        .join(service_requests, _r.id == links.c.request_id)
        .where(*kept_by(filters))
        .order_by(_r.created_at.desc(), _r.id.desc())
        .limit(limit * 4)
    ).all()
    best: dict[int, Match] = {}
    for request_id, caller_id in rows:
        caller = found[caller_id]
        held = best.get(request_id)
        if held is None or caller.score > held.score:
            best[request_id] = Match(request_id, caller.score, caller.name)
    ranked = sorted(best.values(), key=lambda match: -match.score)
    return ranked[:limit]
