"""Import a city's past requests: map the export in batches, write each whole, count the rest."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from operator_console.services.history_import.export_file import (
    ExportFileError,
    csv_records,
    numbered_records,
    open_export,
)
from operator_console.services.history_import.mapping import ImportMapping
from operator_console.services.history_import.rejects import RejectsFile
from operator_console.services.history_import.rows import (
    CityCatalog,
    ImportedRequest,
    Rejected,
    RequestMapper,
)

DEFAULT_BATCH_SIZE = 20_000
CLASH_REASON = "reference already used by another request"


@dataclass(frozen=True)
class BatchOutcome:
    """What writing one batch did: rows added, rows whose source id was already there, and the
    lines of rows refused because another request holds their reference."""

    inserted: int
    already_present: int
    clashes: tuple[int, ...] = ()


class BatchFailedError(RuntimeError):
    """The database refused a batch: none of it was written; the other batches were."""

    def __init__(self, report: ImportReport, cause: BaseException) -> None:
        super().__init__(cause)
        self.report = report
        self.cause = (str(getattr(cause, "orig", None) or cause).strip().splitlines() or [""])[0]

    def __str__(self) -> str:
        return (
            f"a batch was refused and none of it written ({self.cause}); the "
            f"{self.report.imported:,} rows of the other batches stay, and importing again "
            "adds what is missing"
        )


class HistoryWriter(Protocol):
    """Where imported requests go; each `write` is one transaction (all of the batch or none).
    Up to `lanes` batches may be written at once, from as many threads."""

    @property
    def lanes(self) -> int: ...

    def catalog(self) -> CityCatalog: ...

    def write(self, batch: Sequence[ImportedRequest]) -> BatchOutcome: ...

    def check(self, batch: Sequence[ImportedRequest]) -> BatchOutcome:
        """What `write` would do (rows new and already present), writing nothing."""
        ...

    def record(self, report: ImportReport) -> None: ...


@dataclass
class ImportReport:
    """The counts an import prints and audits."""

    export: str
    mapping: str
    read: int = 0
    imported: int = 0
    already_present: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    dry_run: bool = False
    rejects_file: str = ""

    @property
    def rows_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def as_data(self) -> dict[str, Any]:
        return {
            "export": self.export,
            "mapping": self.mapping,
            "read": self.read,
            "imported": self.imported,
            "already_present": self.already_present,
            "rejected": dict(sorted(self.rejected.items())),
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows_per_second),
        }


def import_history(
    mapping: ImportMapping,
    export: Path,
    writer: HistoryWriter,
    rejects_path: Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read `export` with `mapping`, write it in batches of `batch_size` (mapping the next
    batches while the writer's lanes write earlier ones), and record the import. A row that
    cannot be used is counted and written to `rejects_path`; the import goes on. A batch the
    database refuses stops the import with its error once the batches in flight are settled;
    every other batch is committed whole."""
    started = time.perf_counter()
    report = ImportReport(export.name, mapping.name, dry_run=dry_run)
    catalog = writer.catalog()
    lanes = max(1, writer.lanes)
    with (
        open_export(export, mapping.encoding) as text,
        ThreadPoolExecutor(max_workers=lanes) as pool,
    ):
        reader = csv_records(text, mapping.delimiter)
        records = numbered_records(reader)
        first = next(records, None)
        if first is None:
            raise ExportFileError(f"{export} is empty")
        header = first[1]
        mapper = RequestMapper(mapping, header, catalog)
        delimiter = reader.dialect.delimiter
        with RejectsFile(rejects_path, header, delimiter, mapping.encoding) as rejects:
            in_flight: deque[_Pending] = deque()
            batch: list[ImportedRequest] = []
            rows: dict[int, list[str]] = {}
            try:
                for line, record in records:
                    report.read += 1
                    mapped = mapper.map(line, record)
                    if isinstance(mapped, Rejected):
                        report.rejected[mapped.reason] += 1
                        rejects.add(line, mapped.text, record)
                        continue
                    batch.append(mapped)
                    rows[line] = record
                    if len(batch) >= batch_size:
                        while len(in_flight) >= lanes:
                            _settle(in_flight.popleft(), report, rejects)
                        in_flight.append(_Pending(pool, writer, batch, rows, dry_run))
                        batch, rows = [], {}
                        if progress is not None:
                            progress(report.read)
                if batch:
                    in_flight.append(_Pending(pool, writer, batch, rows, dry_run))
            finally:
                _drain(in_flight, report, rejects)
            report.rejects_file = str(rejects_path) if rejects.count else ""
    if progress is not None:
        progress(report.read)
    report.seconds = time.perf_counter() - started
    if not dry_run:
        writer.record(report)
    return report


class _Pending:
    """A batch being written (or, in a dry run, checked) on the pool's thread, with its rows
    kept for the rejects file."""

    def __init__(
        self,
        pool: ThreadPoolExecutor,
        writer: HistoryWriter,
        batch: list[ImportedRequest],
        rows: dict[int, list[str]],
        dry_run: bool,
    ) -> None:
        self.rows = rows
        self.future: Future[BatchOutcome] = pool.submit(
            writer.check if dry_run else writer.write, batch
        )


def _drain(in_flight: deque[_Pending], report: ImportReport, rejects: RejectsFile) -> None:
    """Wait for every batch still in flight and count them; then raise the first failure."""
    failure: BatchFailedError | None = None
    while in_flight:
        try:
            _settle(in_flight.popleft(), report, rejects)
        except BatchFailedError as exc:
            failure = failure or exc
    if failure is not None:
        raise failure


def _settle(pending: _Pending, report: ImportReport, rejects: RejectsFile) -> None:
    """Wait for a batch in flight and count what it did."""
    try:
        outcome = pending.future.result()
    except Exception as exc:  # whatever the database said, it is reported with the counts
        raise BatchFailedError(report, exc) from exc
    report.imported += outcome.inserted
    report.already_present += outcome.already_present
    for line in outcome.clashes:
        report.rejected[CLASH_REASON] += 1
        rejects.add(line, CLASH_REASON, pending.rows[line])
