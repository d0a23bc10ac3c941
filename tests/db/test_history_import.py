"""History import on PostgreSQL: Boston's whole 2015 export, its counts, a second run, rejects."""

from __future__ import annotations

import csv
import gzip
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from operator_console.app.cli import main
from operator_console.services.history_import.shipped import mappings_dir
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import config_events, service_requests
from operator_console.storage.history_import.writer import client_uuid
from tests.support.data import BOSTON_2015, BOSTON_2015_WARD_3


def _import(url: str, export: Path, *options: str) -> int:
    command = ["import", "requests", "--mapping", "boston", "--quiet", *options, str(export)]
    return main(["--database-url", url, *command])


def _expected_counts(export: Path) -> tuple[Counter[str], Counter[str | None]]:
    """Statuses and closure reasons read from the file with the csv module and boston.toml's
    vocabulary, independently of the importer."""
    vocabulary = tomllib.loads((mappings_dir() / "boston.toml").read_text(encoding="utf-8"))
    statuses = {source.lower(): status for source, status in vocabulary["statuses"].items()}
    rules = [(re.compile(r["match"]), r["reason"]) for r in vocabulary["closure"]["rules"]]
    by_status: Counter[str] = Counter()
    by_reason: Counter[str | None] = Counter()
    with gzip.open(export, "rt", encoding="utf-8", newline="") as lines:
        for row in csv.DictReader(lines):
            status = statuses[row["CASE_STATUS"].lower()]
            by_status[status] += 1
            if status != "closed":
                by_reason[None] += 1
                continue
            closure = row["CLOSURE_REASON"].lower()
            matched = (reason for pattern, reason in rules if pattern.search(closure))
            by_reason[next(matched, vocabulary["closure"]["default"])] += 1
    return by_status, by_reason


def _counts(url: str, column: str) -> Counter[str | None]:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(service_requests.c[column], func.count())
            .where(service_requests.c.source_id.is_not(None))
            .group_by(service_requests.c[column])
        ).all()
    engine.dispose()
    return Counter({value: count for value, count in rows})


def test_boston_2015_imports_whole_and_a_second_run_adds_nothing(
    demo_pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rejects = tmp_path / "rejects.csv"
    assert _import(demo_pg_url, BOSTON_2015, "--rejects", str(rejects)) == 0
    said = capsys.readouterr().out
    assert "121,145 rows read, 121,145 imported, 0 already present, 0 rejected" in said
    assert not rejects.exists()
    by_status, by_reason = _expected_counts(BOSTON_2015)
    assert _counts(demo_pg_url, "status") == by_status
    assert _counts(demo_pg_url, "closure_reason") == by_reason
    assert by_reason["duplicate"] > 3800

    assert _import(demo_pg_url, BOSTON_2015, "--rejects", str(rejects)) == 0
    said = capsys.readouterr().out
    assert "0 imported, 121,145 already present" in said
    assert "nothing changed" in said
    assert sum(_counts(demo_pg_url, "status").values()) == 121_145

    engine = make_engine(demo_pg_url)
    with engine.connect() as connection:
        events = connection.execute(
            select(config_events.c.actor, config_events.c.subject, config_events.c.data)
            .where(config_events.c.kind == "history_imported")
            .order_by(config_events.c.id)
        ).all()
        case = connection.execute(
            select(service_requests).where(service_requests.c.source_id == "101001242404")
        ).one()
    engine.dispose()
    assert [(e.actor, e.subject) for e in events] == [("import:boston", BOSTON_2015.name)] * 2
    assert [e.data["imported"] for e in events] == [121_145, 0]
    assert case.reference == "BOS-101001242404" and case.created_by == "import:boston"
    assert case.client_uuid == client_uuid("import:boston", "101001242404")  # as on SQLite
    assert case.status == "closed" and case.closure_reason == "no_further_action"
    assert case.closure_note.startswith("Case Closed Case Noted no bicycle")
    assert case.created_at.isoformat() == "2015-01-05T17:40:41+00:00"  # 12:40:41 PM in Boston
    assert case.district_id is not None and case.queue_id is not None
    assert case.channel == "employee"


def _small_export(path: Path, rows: int, planted: list[dict[str, str]]) -> Path:
    """The first `rows` rows of ward 3's export, then the planted rows, as a plain CSV."""
    with gzip.open(BOSTON_2015_WARD_3, "rt", encoding="utf-8", newline="") as lines:
        reader = csv.DictReader(lines)
        assert reader.fieldnames is not None
        kept = [row for _, row in zip(range(rows), reader, strict=False)]
        fields = list(reader.fieldnames)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fields)
        writer.writeheader()
        writer.writerows(kept)
        writer.writerows({**kept[0], **plant} for plant in planted)
    return path


def test_a_failed_batch_leaves_nothing_of_itself(
    demo_pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _small_export(tmp_path / "ward3.csv", 250, [])
    with gzip.open(BOSTON_2015_WARD_3, "rt", encoding="utf-8", newline="") as lines:
        ids = [row["CASE_ENQUIRY_ID"] for row in csv.DictReader(lines)][:250]
    refused = ids[150]
    engine = make_engine(demo_pg_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF NEW.source_id = '{refused}' THEN RAISE EXCEPTION 'refused by the test'; "
                "END IF; RETURN NEW; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON service_requests "
                "FOR EACH ROW EXECUTE FUNCTION refuse_one()"
            )
        )
    assert _import(demo_pg_url, export, "--batch-size", "100") == 2
    assert "refused by the test" in capsys.readouterr().err
    with engine.connect() as connection:
        imported = connection.execute(
            select(service_requests.c.source_id).where(service_requests.c.source_id.is_not(None))
        ).scalars()
        imported_ids = set(imported)
        audited = connection.execute(
            select(func.count()).where(config_events.c.kind == "history_imported")
        ).scalar_one()
    engine.dispose()
    # the first and third batches whole (two are written at once), nothing of the second
    assert imported_ids == set(ids[:100] + ids[200:])
    assert _import(demo_pg_url, export, "--batch-size", "100") == 2  # refused again
    assert audited == 0
