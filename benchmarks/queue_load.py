"""Bulk-loads a big city for the queue benchmark: demo-city requests sampled with jitter, COPY."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
from sqlalchemy import Engine, func, select, text

from operator_console.storage.db.tables import service_requests as r
from operator_console.storage.db.tables import services, sla_policies
from operator_console.storage.feeds.postgres import conninfo_for

COLUMNS = [
    *("reference", "client_uuid", "service_id", "status", "priority", "lat", "lon", "address"),
    *("district_id", "description", "answers", "channel", "callers_count", "queue_id"),
    *("created_by", "created_at", "routed_at", "due_at", "updated_at", "resolved_at"),
    *("closed_at", "closure_reason", "version", "at_risk_at"),
]
OPEN = ("in_queue", "assigned", "in_progress")


@dataclass(frozen=True)
class Loaded:
    queue_id: int
    total: int
    open_in_queue: int


def at_risk_shares(engine: Engine) -> dict[int, float]:
    """Each service's at-risk share of the target (what the database's trigger applies)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(services.c.id, func.coalesce(sla_policies.c.at_risk_fraction, 0.75)).outerjoin(
                sla_policies, sla_policies.c.id == services.c.sla_policy_id
            )
        ).all()
    return {int(service): float(share) for service, share in rows}


def _sample_rows(engine: Engine) -> tuple[list[tuple[object, ...]], int]:
    with engine.connect() as connection:
        queue_id = connection.execute(
            select(r.c.queue_id)
            .where(r.c.status.in_(OPEN))
            .group_by(r.c.queue_id)
            .order_by(func.count().desc())
            .limit(1)
        ).scalar_one()
        rows = connection.execute(
            select(
                r.c.service_id,
                r.c.priority,
                r.c.lat,
                r.c.lon,
                r.c.address,
                r.c.district_id,
                r.c.description,
                r.c.queue_id,
                r.c.created_at,
                r.c.due_at,
            )
        ).all()
    return [tuple(row) for row in rows], int(queue_id)


def bulk_load(engine: Engine, url: str, total: int, open_in_queue: int, seed: int = 7) -> Loaded:
    """Add requests until there are `total`, `open_in_queue` of them open in the busiest queue."""
    rng = random.Random(seed)
    sample, queue_id = _sample_rows(engine)
    shares = at_risk_shares(engine)
    in_queue = [row for row in sample if row[7] == queue_id]
    with engine.connect() as connection:
        existing = connection.execute(select(func.count()).select_from(r)).scalar_one()
        already_open = connection.execute(
            select(func.count()).where(r.c.queue_id == queue_id, r.c.status.in_(OPEN))
        ).scalar_one()
    now = datetime.now(UTC)
    to_add = total - existing
    open_to_add = open_in_queue - already_open
    with psycopg.connect(conninfo_for(url)) as connection:
        connection.execute("ALTER TABLE service_requests DISABLE TRIGGER USER")
        with connection.cursor().copy(
            f"COPY service_requests ({', '.join(COLUMNS)}) FROM STDIN"
        ) as copy:
            for number in range(to_add):
                is_open = number < open_to_add
                base = rng.choice(in_queue if is_open else sample)
                service_id, priority, lat, lon, address, district, description, queue, c, d = base
                age = timedelta(
                    seconds=rng.uniform(0, 120 * 86400)
                    if is_open
                    else rng.uniform(0, 3 * 365 * 86400)
                )
                created = now - age
                target = (d - c) if (d is not None and c is not None) else None
                due = created + target if target is not None else None
                # The triggers are off during the load: at_risk_at as they would set it.
                at_risk = created + target * shares[service_id] if target is not None else None
                jitter = (rng.uniform(-0.003, 0.003), rng.uniform(-0.003, 0.003))
                closed = None if is_open else created + timedelta(days=rng.uniform(0.1, 20))
                copy.write_row(
                    (
                        f"BIG-{number:08d}",
                        str(uuid.UUID(int=rng.getrandbits(128))),
                        service_id,
                        rng.choice(OPEN) if is_open else "closed",
                        priority,
                        None if lat is None else lat + jitter[0],
                        None if lon is None else lon + jitter[1],
                        address,
                        district,
                        description,
                        "{}",
                        "phone",
                        1,
                        queue_id if is_open else queue,
                        "import",
                        created,
                        created,
                        due,
                        closed or created,
                        closed,
                        closed,
                        None if is_open else "fixed",
                        1,
                        at_risk,
                    )
                )
        connection.execute("ALTER TABLE service_requests ENABLE TRIGGER USER")
        connection.commit()
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    return Loaded(queue_id, total, open_in_queue)
