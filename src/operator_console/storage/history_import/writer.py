"""Imported history into the database: each batch staged (COPY on PostgreSQL) and filed whole."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, insert, text

from operator_console.domain.caller import Caller, PhoneNumberError, normalize_phone
from operator_console.domain.lifecycle import Status
from operator_console.services.history_import.importer import BatchOutcome, ImportReport
from operator_console.services.history_import.mapping import ImportMapping
from operator_console.services.history_import.rows import CityCatalog, ImportedRequest
from operator_console.storage.callers import upsert_caller
from operator_console.storage.db.tables import config_events
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
_NEEDS_QUEUE = frozenset({Status.ROUTED, Status.IN_QUEUE, Status.ASSIGNED, Status.IN_PROGRESS})


def client_uuid(actor: str, source_id: str) -> str:
    """The request's client UUID, the same for the same source id on every import (PostgreSQL
    computes it as md5(...)::uuid too)."""
    return str(uuid.UUID(hashlib.md5(f"{actor}:{source_id}".encode()).hexdigest()))


class SqlHistoryWriter:
    """`HistoryWriter` on one connection held for the import; use it in a `with` block."""

    def __init__(self, engine: Engine, mapping: ImportMapping) -> None:
        self._engine = engine
        self._mapping = mapping
        self._actor = mapping.actor
        self._connection: Connection | None = None
        self._setup: CitySetup | None = None

    def __enter__(self) -> Self:
        self._connection = self._engine.connect()
        if self._connection.dialect.name == "postgresql":
            # Before the session's first temporary table: a batch stays in memory.
            self._connection.exec_driver_sql(f"SET temp_buffers = '{TEMP_BUFFERS}'")
            self._connection.commit()
        with self._connection.begin():
            self._setup = read_city_setup(self._connection)
            staging.create(self._connection, checkfirst=False)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def connection(self) -> Connection:
        assert self._connection is not None, "use the writer in a with block"
        return self._connection

    @property
    def setup(self) -> CitySetup:
        assert self._setup is not None, "use the writer in a with block"
        return self._setup

    def catalog(self) -> CityCatalog:
        return self.setup.catalog()

    def write(self, batch: Sequence[ImportedRequest]) -> BatchOutcome:
        """File the batch in one transaction: all of it or, on an error, nothing."""
        connection = self.connection
        postgres = connection.dialect.name == "postgresql"
        with connection.begin():
            rows = self._staged_rows(batch, postgres)
            if postgres:
                self._copy(rows)
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
            if not postgres:
                connection.execute(staging.delete())
        return BatchOutcome(inserted, len(batch) - inserted - len(clashes), clashes)

    def _staged_rows(
        self, batch: Sequence[ImportedRequest], postgres: bool
    ) -> list[tuple[Any, ...]]:
        setup = self.setup
        positions = setup.district_positions([r.lat for r in batch], [r.lon for r in batch])
        callers = self._callers(batch)
        queue_ids, queue_names = setup.queue_ids, setup.queue_names
        district_ids = setup.district_ids
        services = setup.services
        name = self._mapping.name
        rows = []
        for request, position, caller_id in zip(batch, positions, callers, strict=True):
            service = services[request.service_code]
            queue_id: int | None
            if request.queue_code:
                queue_id = queue_ids[request.queue_code]
                priority = service.priority
                explanation = (
                    f"Imported from {name}: the city's system had it in "
                    f"{queue_names[request.queue_code]}."
                )
            else:
                routed = setup.route(request.service_code, position)
                queue_id, priority, explanation = (
                    routed.queue_id,
                    routed.priority,
                    routed.explanation,
                )
            status = request.status
            if queue_id is None and status in _NEEDS_QUEUE:
                status = Status.RECEIVED
            rows.append(
                (
                    request.line,
                    request.source_id,
                    request.reference,
                    client_uuid(self._actor, request.source_id),
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
                    None if position is None else district_ids[position],
                    request.description,
                    request.channel,
                    caller_id,
                    queue_id,
                    explanation,
                )
            )
        return rows

    def _copy(self, rows: list[tuple[Any, ...]]) -> None:
        """COPY the rows into the staging table (binary) on the connection's own psycopg
        connection, inside its transaction."""
        statement = f"COPY {STAGING} ({', '.join(STAGED_COLUMNS)}) FROM STDIN (FORMAT BINARY)"
        driver: Any = self.connection.connection.dbapi_connection
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            copy.set_types(PG_TYPES)
            for row in rows:
                copy.write_row(row)

    def _callers(self, batch: Sequence[ImportedRequest]) -> list[int | None]:
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
            found[i] = upsert_caller(self.connection, caller, phone, request.created_at)
        return found

    def record(self, report: ImportReport) -> None:
        """One config_events row: who imported which export, and the counts."""
        rejected = sum(report.rejected.values())
        detail = (
            f"{report.read:,} rows read, {report.imported:,} imported, "
            f"{report.already_present:,} already present, {rejected:,} rejected"
        )
        with self.connection.begin():
            self.connection.execute(
                insert(config_events).values(
                    at=datetime.now(UTC),
                    actor=self._actor,
                    kind=EVENT_KIND,
                    subject=report.export[:200],
                    detail=detail,
                    data=report.as_data(),
                )
            )
