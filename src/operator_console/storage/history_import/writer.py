"""Imported history into the database: each batch staged (COPY on PostgreSQL) and filed whole."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from queue import Queue
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, func, insert, select, text

from operator_console.domain.caller import Caller, PhoneNumberError, normalize_phone
from operator_console.domain.lifecycle import Status
from operator_console.services.history_import.importer import BatchOutcome, ImportReport
from operator_console.services.history_import.mapping import ImportMapping
from operator_console.services.history_import.rows import CityCatalog, ImportedRequest
from operator_console.storage.callers import upsert_caller
from operator_console.storage.db import bulk_load
from operator_console.storage.db.tables import config_events, service_requests
from operator_console.storage.history_import.city_setup import CitySetup, read_city_setup
from operator_console.storage.history_import.staging import (
    PG_FILE_BATCH,
    PG_TYPES,
    SQLITE_FILE_BATCH,
    STAGED_COLUMNS,
    STAGING,
    UNFILED_LINES,
    staging,
)

EVENT_KIND = "history_imported"
TEMP_BUFFERS = "256MB"
POSTGRES_LANES = 2
CHECKED_AT_ONCE = 5_000  # source ids per query in a dry run (SQLite limits bound values)
_NEEDS_QUEUE = frozenset({Status.ROUTED, Status.IN_QUEUE, Status.ASSIGNED, Status.IN_PROGRESS})


def client_uuid(actor: str, source_id: str) -> str:
    """The request's client UUID, the same for the same source id on every import."""
    return str(uuid.UUID(hashlib.md5(f"{actor}:{source_id}".encode()).hexdigest()))


class SqlHistoryWriter:
    """`HistoryWriter` on connections held for the import, one per lane (two on PostgreSQL, so
    that one batch is filed while the next is copied; one on SQLite); use it in a `with`
    block."""

    def __init__(self, engine: Engine, mapping: ImportMapping, lanes: int | None = None) -> None:
        self._engine = engine
        self._mapping = mapping
        self._actor = mapping.actor
        postgres = engine.dialect.name == "postgresql"
        self._lanes = lanes if lanes is not None else (POSTGRES_LANES if postgres else 1)
        self._connections: list[Connection] = []
        self._free: Queue[Connection] = Queue()
        self._setup: CitySetup | None = None
        self._explanations: dict[str, str] = {}

    @property
    def lanes(self) -> int:
        return self._lanes

    def __enter__(self) -> Self:
        try:
            for _ in range(self._lanes):
                connection = self._engine.connect()
                self._connections.append(connection)
                if connection.dialect.name == "postgresql":
                    # Before the session's first temporary table: a batch stays in memory.
                    connection.exec_driver_sql(f"SET temp_buffers = '{TEMP_BUFFERS}'")
                    connection.commit()
                with connection.begin():
                    if self._setup is None:
                        self._setup = read_city_setup(connection)
                    staging.create(connection, checkfirst=False)
                self._free.put(connection)
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        """Close the lanes' connections for good: their sessions hold the staging table and the
        memory setting, which a pooled connection must not take to its next user."""
        for connection in self._connections:
            connection.invalidate()
            connection.close()
        self._connections = []

    @property
    def setup(self) -> CitySetup:
        assert self._setup is not None, "use the writer in a with block"
        return self._setup

    def catalog(self) -> CityCatalog:
        return self.setup.catalog()

    def write(self, batch: Sequence[ImportedRequest]) -> BatchOutcome:
        """File the batch in one transaction: all of it or, on an error, nothing."""
        connection = self._free.get()
        try:
            return self._write(connection, batch)
        finally:
            self._free.put(connection)

    def check(self, batch: Sequence[ImportedRequest]) -> BatchOutcome:
        """How many of the batch are already imported (by source id); nothing is written."""
        ids = [request.source_id for request in batch]
        present = 0
        connection = self._free.get()
        try:
            with connection.begin():
                for start in range(0, len(ids), CHECKED_AT_ONCE):
                    chosen = service_requests.c.source_id.in_(ids[start : start + CHECKED_AT_ONCE])
                    present += connection.execute(select(func.count()).where(chosen)).scalar_one()
        finally:
            self._free.put(connection)
        return BatchOutcome(len(batch) - present, present)

    def _write(self, connection: Connection, batch: Sequence[ImportedRequest]) -> BatchOutcome:
        postgres = connection.dialect.name == "postgresql"
        with connection.begin():
            if postgres:
                # Its rows announce nothing one by one; the batch announces itself once, below.
                connection.exec_driver_sql(bulk_load.DECLARE)
            rows = self._staged_rows(connection, batch)
            if postgres:
                self._copy(connection, rows)
                filed = connection.exec_driver_sql(PG_FILE_BATCH, {"actor": self._actor})
            else:
                connection.execute(
                    insert(staging), [dict(zip(STAGED_COLUMNS, r, strict=True)) for r in rows]
                )
                filed = connection.execute(text(SQLITE_FILE_BATCH), {"actor": self._actor})
            inserted = filed.rowcount
            clashes: tuple[int, ...] = ()
            if inserted < len(batch):
                clashes = tuple(connection.execute(text(UNFILED_LINES)).scalars())
            if postgres and inserted:
                connection.exec_driver_sql(bulk_load.ANNOUNCE, bulk_load.announcement(inserted))
            if not postgres:
                connection.execute(staging.delete())
        return BatchOutcome(inserted, len(batch) - inserted - len(clashes), clashes)

    def _staged_rows(
        self, connection: Connection, batch: Sequence[ImportedRequest]
    ) -> list[tuple[Any, ...]]:
        setup = self.setup
        places = setup.places_at([r.lat for r in batch], [r.lon for r in batch])
        callers = self._callers(connection, batch)
        queue_ids, services = setup.queue_ids, setup.services
        # PostgreSQL derives the client UUID itself (md5, as client_uuid() does).
        postgres = connection.dialect.name == "postgresql"
        actor = self._actor
        rows = []
        for request, place, caller_id in zip(batch, places, callers, strict=True):
            service = services[request.service_code]
            queue_id: int | None
            if request.queue_code:
                queue_id = queue_ids[request.queue_code]
                priority = service.priority
                explanation = self._explanation(request.queue_code)
            else:
                routed = setup.route(request.service_code, place)
                queue_id, priority, explanation = routed.queue_id, routed.priority, routed.why
            status = request.status
            if queue_id is None and status in _NEEDS_QUEUE:
                status = Status.RECEIVED
            rows.append(
                (
                    request.line,
                    request.source_id,
                    request.reference,
                    None if postgres else client_uuid(actor, request.source_id),
                    service.id,
                    status.value,
                    priority,
                    request.created_at,
                    request.resolved_at,
                    request.closed_at,
                    request.due_at,
                    service.at_risk_share,
                    request.closure_reason,
                    request.closure_note,
                    request.lat,
                    request.lon,
                    request.address,
                    setup.recorded_district_id(place),
                    request.description,
                    request.channel,
                    caller_id,
                    queue_id,
                    explanation,
                )
            )
        return rows

    def _explanation(self, queue_code: str) -> str:
        """Why an imported case is in the queue its source system had it in."""
        explanation = self._explanations.get(queue_code)
        if explanation is None:
            queue = self.setup.queue_names[queue_code]
            explanation = (
                f"Imported from {self._mapping.name}: the city's system had it in {queue}."
            )
            self._explanations[queue_code] = explanation
        return explanation

    def _copy(self, connection: Connection, rows: list[tuple[Any, ...]]) -> None:
        """COPY the rows into the staging table (binary) on the connection's own psycopg
        connection, inside its transaction."""
        statement = f"COPY {STAGING} ({', '.join(STAGED_COLUMNS)}) FROM STDIN (FORMAT BINARY)"
        driver: Any = connection.connection.dbapi_connection
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            copy.set_types(PG_TYPES)
            for row in rows:
                copy.write_row(row)

    def _callers(
        self, connection: Connection, batch: Sequence[ImportedRequest]
    ) -> list[int | None]:
        """The caller row of each request that names one (one per phone number)."""
        found: list[int | None] = [None] * len(batch)
        region = self.setup.phone_region
        for i, request in enumerate(batch):
            if not (request.caller_name or request.caller_phone or request.caller_email):
                continue
            phone = None
            if request.caller_phone:
                try:
                    phone = normalize_phone(request.caller_phone, region)
                except PhoneNumberError:
                    phone = None
            caller = Caller(first_name=request.caller_name, email=request.caller_email)
            found[i] = upsert_caller(connection, caller, phone, request.created_at)
        return found

    def record(self, report: ImportReport) -> None:
        """One config_events row: who imported which export, and the counts."""
        connection = self._free.get()
        try:
            self._record(connection, report)
        finally:
            self._free.put(connection)

    def _record(self, connection: Connection, report: ImportReport) -> None:
        rejected = sum(report.rejected.values())
        detail = (
            f"{report.read:,} rows read, {report.imported:,} imported, "
            f"{report.already_present:,} already present, {rejected:,} rejected"
        )
        with connection.begin():
            connection.execute(
                insert(config_events).values(
                    at=datetime.now(UTC),
                    actor=self._actor,
                    kind=EVENT_KIND,
                    subject=report.export[:200],
                    detail=detail,
                    data=report.as_data(),
                )
            )
