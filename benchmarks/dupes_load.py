"""Bulk-load millions of requests spread like the demo city, with PostgreSQL COPY."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import Engine, text

from operator_console.storage.demo_city.load import RequestRow

METRES_PER_DEGREE = 111_320.0
JITTER_M = 60.0  # each copy lands up to this far from the demo request it was drawn from
JITTER_S = 12 * 3600  # and opens up to half a day earlier or later (never in the future)
CHUNK = 20_000  # rows generated and sent per COPY write
COLUMNS = (
    "reference, client_uuid, service_id, status, priority, lat, lon, address, description, "
    "answers, channel, callers_count, queue_id, created_by, created_at, updated_at, "
    "resolved_at, closed_at, closure_reason, version"
)
NULL = "\\N"


@dataclass(frozen=True)
class LoadReport:
    rows: int
    generate_and_copy_s: float
    index_s: float
    analyze_s: float


def _copy_text(value: str) -> str:
    """A value in COPY's text format."""
    for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
        value = value.replace(raw, escaped)
    return value


def _timestamps(now: datetime, offsets_s: np.ndarray) -> list[str]:
    """ISO 8601 UTC text for `now` plus each offset in seconds (NaN: NULL)."""
    base = np.datetime64(now.replace(tzinfo=None), "us")
    stamps = base + (np.nan_to_num(offsets_s) * 1e6).astype("timedelta64[us]")
    texts = np.char.add(np.datetime_as_string(stamps, unit="us"), "+00").astype(object)
    texts[np.isnan(offsets_s)] = NULL
    return list(texts)


def synthetic_lines(
    demo: list[RequestRow],
    count: int,
    services: dict[str, int],
    queues: dict[str, int],
    unknown: tuple[float, float],
    now: datetime,
    years: float,
    seed: int,
) -> Iterator[str]:
    """`count` copies of randomly drawn demo requests, in COPY text format, a chunk at a time.

    Each copy keeps the drawn request's service, place (jittered, except on the "location
    unknown" pile), description, status and closure, and its age within the demo's span,
    laid into one of the spans back to `years` ago. Copies in the newest span keep the drawn
    status; older ones are history and closed (an open one within a month).
    """
    rng = np.random.default_rng(seed)
    span_s = -min(row.opened_s for row in demo)
    spans = max(1, round(years * 365.25 * 86_400 / span_s))
    service = [services[row.service] for row in demo]
    rest = [
        f"{_copy_text(row.address)}\t{_copy_text(row.description)}\t{{}}\t{row.channel}\t1\t"
        f"{queues.get(row.queue, NULL)}\tbench"
        for row in demo
    ]
    closures = [row.closure or "fixed" for row in demo]
    lat0 = np.array([row.lat for row in demo])
    lon0 = np.array([row.lon for row in demo])
    pinned = np.array([(round(r.lat, 4), round(r.lon, 4)) == unknown for r in demo])
    opened0 = np.array([row.opened_s for row in demo], dtype=float)
    closed0 = np.array(
        [np.nan if row.is_open or row.closed_s is None else row.closed_s for row in demo]
    )
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        pick = rng.integers(0, len(demo), size)
        metres = np.where(pinned[pick], 0.0, JITTER_M * np.sqrt(rng.random(size)))
        bearing = rng.uniform(0, 2 * math.pi, size)
        lat = lat0[pick] + metres * np.cos(bearing) / METRES_PER_DEGREE
        east = metres * np.sin(bearing) / (METRES_PER_DEGREE * np.cos(np.radians(lat)))
        lon = lon0[pick] + east
        back = rng.integers(0, spans, size) * float(span_s)
        shift = rng.integers(-JITTER_S, JITTER_S + 1, size).astype(float)
        opened = np.minimum(0.0, opened0[pick] + shift) - back
        closed = np.minimum(0.0, np.maximum(opened, closed0[pick] + shift - back))
        history = np.isnan(closed) & (back > 0)
        later = opened + rng.integers(3600, 30 * 86_400, size)
        closed = np.where(history, later, closed)
        created, finished = _timestamps(now, opened), _timestamps(now, closed)
        lines = []
        for i, (d, la, lo, c, f) in enumerate(
            zip(pick.tolist(), lat.tolist(), lon.tolist(), created, finished, strict=True)
        ):
            number = start + i
            is_closed = f != NULL
            status = "closed" if is_closed else "in_queue"
            lines.append(
                f"BENCH-{number:010d}\tbench-{number}\t{service[d]}\t{status}\tnormal\t{la}\t"
                f"{lo}\t{rest[d]}\t{c}\t{f if is_closed else c}\t{f}\t{f}\t"
                f"{closures[d] if is_closed else NULL}\t1\n"
            )
        yield "".join(lines)


def bulk_load(engine: Engine, chunks: Iterator[str]) -> LoadReport:
    """COPY the chunks into service_requests with its secondary indexes and triggers set
    aside, then rebuild the indexes exactly as they were and VACUUM ANALYZE."""
    with engine.begin() as connection:
        definitions = connection.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = "
                "'service_requests' AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)"
            )
        ).all()
        for name, _ in definitions:
            connection.execute(text(f"DROP INDEX {name}"))
        # The rows reference services and queues that exist; no per-row checks or notices.
        connection.execute(text("ALTER TABLE service_requests DISABLE TRIGGER ALL"))
    started = time.perf_counter()
    raw = engine.raw_connection()
    count = 0
    try:
        cursor = raw.cursor()
        statement = f"COPY service_requests ({COLUMNS}) FROM STDIN"
        with cursor.copy(statement) as copy:  # type: ignore[attr-defined]
            for chunk in chunks:
                copy.write(chunk)
                count += chunk.count("\n")
        raw.commit()
    finally:
        raw.close()
    copied = time.perf_counter() - started
    started = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE service_requests ENABLE TRIGGER ALL"))
        connection.execute(text("SET maintenance_work_mem = '1GB'"))
        for _, definition in definitions:
            connection.execute(text(definition))
    indexed = time.perf_counter() - started
    started = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE) service_requests"))
    return LoadReport(count, copied, indexed, time.perf_counter() - started)
