"""History import of small files: rejects, dry runs, callers, NYC's export, an engine used twice."""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from operator_console.app.cli import main
from operator_console.services.history_import.importer import import_history
from operator_console.services.history_import.mapping import read_mapping
from operator_console.services.history_import.rows import slug
from operator_console.services.history_import.shipped import find_mapping, mappings_dir
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import callers, city, service_requests, services
from operator_console.storage.history_import.writer import SqlHistoryWriter
from tests.support.chicago import CHICAGO_MAPPING
from tests.support.data import BOSTON_2015_WARD_3, NYC_SODA_2024

PLANTED = [
    ({"CASE_ENQUIRY_ID": "101009999991", "TYPE": "Alien Landing"}, "service not in the mapping"),
    ({"CASE_ENQUIRY_ID": "101009999992", "OPEN_DT": "31/31/2015 99:00:00 PM"}, "unreadable date"),
    ({"CASE_ENQUIRY_ID": ""}, "no id"),
    ({"CASE_ENQUIRY_ID": "101009999993", "CASE_STATUS": "Lost"}, "unknown status"),
]


def _ward3_with_planted_rows(path: Path, rows: int) -> tuple[Path, list[str]]:
    with gzip.open(BOSTON_2015_WARD_3, "rt", encoding="utf-8", newline="") as lines:
        reader = csv.DictReader(lines)
        kept = [row for _, row in zip(range(rows), reader, strict=False)]
        fields = list(reader.fieldnames or [])
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fields)
        writer.writeheader()
        writer.writerows(kept)
        writer.writerows({**kept[0], **plant} for plant, _ in PLANTED)
        writer.writerow(kept[1])  # the same case twice in one file
    return path, [row["CASE_ENQUIRY_ID"] for row in kept]


def test_sqlite_import_lists_every_skipped_row_with_its_line_and_reason(
    demo_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export, ids = _ward3_with_planted_rows(tmp_path / "ward3.csv", 300)
    command = ["import", "requests", "--mapping", "boston", "--quiet", str(export)]
    assert main(["--database-url", demo_sqlite_url, "--staff", "operator1", *command]) == 2
    assert "operator1 is an operator; only an admin imports" in capsys.readouterr().err
    dry = ["--database-url", demo_sqlite_url, "--staff", "admin1", *command, "--dry-run"]
    assert main(dry) == 0
    assert "305 rows read, 300 would import, 0 already present" in capsys.readouterr().out
    assert _imported_ids(demo_sqlite_url) == []
    assert main(["--database-url", demo_sqlite_url, "--staff", "admin1", *command]) == 0
    said = capsys.readouterr().out
    assert "305 rows read, 300 imported, 0 already present, 5 rejected" in said
    rejects = export.with_name("ward3.csv.rejects.csv")
    with rejects.open(encoding="utf-8", newline="") as lines:
        listed = list(csv.DictReader(lines))
    expected = [reason for _, reason in PLANTED] + ["id repeated in the file"]
    assert [row["reason"].split(":")[0] for row in listed] == expected
    assert [row["line"] for row in listed] == [str(n) for n in range(302, 307)]
    assert listed[0]["TYPE"] == "Alien Landing" and listed[0]["reason"].endswith("Alien Landing")
    assert listed[4]["CASE_ENQUIRY_ID"] == ids[1]

    assert main(["--database-url", demo_sqlite_url, "--staff", "admin1", *command]) == 0
    assert "0 imported, 300 already present, 5 rejected" in capsys.readouterr().out
    assert main(dry) == 0
    assert "0 would import, 300 already present" in capsys.readouterr().out
    assert _imported_ids(demo_sqlite_url) == ids


def _imported_ids(url: str) -> list[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        imported = connection.execute(
            select(service_requests.c.source_id)
            .where(service_requests.c.source_id.is_not(None))
            .order_by(service_requests.c.id)
        ).scalars()
        ids = list(imported)
    engine.dispose()
    return ids


def test_callers_in_the_export_become_callers_one_per_phone_number(
    demo_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    boston = (mappings_dir() / "boston.toml").read_text(encoding="utf-8")
    mapping = tmp_path / "boston_callers.toml"
    mapping.write_text(
        boston.replace(
            "[columns]\n", '[columns]\ncaller_name = ["Caller"]\ncaller_phone = ["Phone"]\n'
        ),
        encoding="utf-8",
    )
    export = tmp_path / "with_callers.csv"
    header = ["CASE_ENQUIRY_ID", "OPEN_DT", "CASE_STATUS", "TYPE", "Caller", "Phone"]
    rows = [
        ["201", "01/05/2015 12:40:41 PM", "Open", "Sign Repair", "Ann Lee", "(617) 635-4500"],
        ["202", "01/06/2015 09:00:00 AM", "Open", "Graffiti Removal", "", "617-635-4500"],
        ["203", "01/07/2015 09:00:00 AM", "Open", "Graffiti Removal", "", ""],
    ]
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])
    command = ["import", "requests", "--mapping", str(mapping), "--quiet", str(export)]
    assert main(["--database-url", demo_sqlite_url, "--staff", "admin1", *command]) == 0
    assert "3 imported" in capsys.readouterr().out
    engine = make_engine(demo_sqlite_url)
    with engine.connect() as connection:
        found = connection.execute(
            select(service_requests.c.source_id, callers.c.phone, callers.c.name)
            .outerjoin(callers, callers.c.id == service_requests.c.caller_id)
            .where(service_requests.c.source_id.in_(["201", "202", "203"]))
            .order_by(service_requests.c.source_id)
        ).all()
    engine.dispose()
    assert [tuple(row) for row in found] == [
        ("201", "+16176354500", "Ann Lee"),
        ("202", "+16176354500", "Ann Lee"),
        ("203", None, None),
    ]


def _nyc_city(url: str) -> set[str]:
    """A city whose catalog holds NYC's complaint types, coded by their names."""
    with gzip.open(NYC_SODA_2024, "rt", encoding="utf-8", newline="") as lines:
        names = {row["complaint_type"] for row in csv.DictReader(lines)}
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            insert(city).values(
                name="New York",
                time_zone="America/New_York",
                phone_region="US",
                reference_prefix="NYC",
                map_lat=40.7,
                map_lon=-73.9,
            )
        )
        connection.execute(insert(services), [{"code": slug(n), "name": n} for n in names])
    engine.dispose()
    return names


def test_nyc_soda_export_imports_with_its_complaint_types_as_services(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _nyc_city(pg_url)
    export = tmp_path / NYC_SODA_2024.name
    export.write_bytes(NYC_SODA_2024.read_bytes())
    command = ["import", "requests", "--mapping", "nyc", "--quiet", str(export)]
    assert main(["--database-url", pg_url, *command]) == 0
    assert "1,000 rows read, 1,000 imported" in capsys.readouterr().out
    with gzip.open(NYC_SODA_2024, "rt", encoding="utf-8", newline="") as lines:
        rows = list(csv.DictReader(lines))
    duplicates = sum(
        row["status"] == "Closed"
        and re.search("is a duplicate|duplicate of", row["resolution_description"].lower())
        is not None
        for row in rows
    )
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        by_status = dict(
            connection.execute(
                select(service_requests.c.status, func.count()).group_by(service_requests.c.status)
            ).all()
        )
        marked = connection.execute(
            select(func.count()).where(service_requests.c.closure_reason == "duplicate")
        ).scalar_one()
        reference = connection.execute(
            select(service_requests.c.reference).where(
                service_requests.c.source_id == rows[0]["unique_key"]
            )
        ).scalar_one()
    engine.dispose()
    # open, assigned and in progress, with no queue of the city's to be in: received
    assert by_status == {"closed": 293, "received": 707}
    assert marked == duplicates > 0
    assert reference == f"NYC-{rows[0]['unique_key']}"


def test_what_cannot_be_imported_at_all_is_one_line_and_exit_code_2(
    demo_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = [
        "--database-url",
        demo_sqlite_url,
        "--staff",
        "admin1",
        "import",
        "requests",
        "--quiet",
    ]
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\ntime_zone = "UTC"\n[columns]\nid = "Ticket"\n', encoding="utf-8")
    export = tmp_path / "tickets.csv"
    export.write_text("Ticket,When\n1,2020-01-01\n", encoding="utf-8")
    cases = [
        (["--mapping", str(bad), str(export)], "bad.toml: columns.opened: is missing"),
        (["--mapping", "paris", str(export)], "no mapping 'paris'"),
        (["--mapping", "boston", str(tmp_path / "none.csv")], "none.csv: no such export file"),
        (
            ["--mapping", "boston", str(export)],
            "finds no column for id (CASE_ENQUIRY_ID, case_id); opened",
        ),
    ]
    for options, message in cases:
        assert main([*start, *options]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, err


def test_an_export_whose_every_row_is_rejected_exits_2_after_its_counts(
    demo_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "aliens.csv"
    export.write_text(
        "CASE_ENQUIRY_ID,OPEN_DT,CASE_STATUS,TYPE\n"
        "301,01/05/2015 12:40:41 PM,Open,Alien Landing\n"
        "302,01/06/2015 09:00:00 AM,Open,Alien Landing\n",
        encoding="utf-8",
    )
    command = ["--database-url", demo_sqlite_url, "--staff", "admin1", "import", "requests"]
    command += ["--mapping", "boston", "--quiet", str(export)]
    for dry_run in (["--dry-run"], []):
        assert main([*command, *dry_run]) == 2
        said = capsys.readouterr()
        assert "2 rows read, 0 " in said.out and "2 rejected" in said.out
        assert said.err.strip().splitlines() == [
            "import requests: aliens.csv: every one of the 2 rows was rejected "
            f"(their reasons are in {export}.rejects.csv)"
        ]
        assert export.with_name("aliens.csv.rejects.csv").is_file()
        export.with_name("aliens.csv.rejects.csv").unlink()
    assert _imported_ids(demo_sqlite_url) == []


def test_one_engine_imports_twice_its_connections_left_clean(
    demo_db_url: str, tmp_path: Path
) -> None:
    export, _ = _ward3_with_planted_rows(tmp_path / "ward3.csv", 40)
    engine = make_engine(demo_db_url)
    mapping = find_mapping("boston")
    reports = []
    for _ in range(2):
        with SqlHistoryWriter(engine, mapping) as writer:
            reports.append(import_history(mapping, export, writer, tmp_path / "rejects.csv"))
    engine.dispose()
    assert [(r.imported, r.already_present) for r in reports] == [(40, 0), (0, 40)]


CHICAGO = (
    CHICAGO_MAPPING
    + """
[services.names]
"Graffiti Removal Request" = "graffiti-removal"
"Street Light Out Complaint" = "street-light-outages"
"""
)


def test_a_chicago_export_closes_its_cases_by_status_and_duplicate_flag(
    demo_sqlite_url: str, tmp_path: Path
) -> None:
    mapping_file = tmp_path / "chicago.toml"
    mapping_file.write_text(CHICAGO, encoding="utf-8")
    export = tmp_path / "chicago.csv"
    header = [
        "SR_NUMBER",
        "SR_TYPE",
        "STATUS",
        "CREATED_DATE",
        "CLOSED_DATE",
        "DUPLICATE",
        "PARENT_SR_NUMBER",
    ]
    graffiti, light = "Graffiti Removal Request", "Street Light Out Complaint"
    opened, closed = "12/06/2026 10:15:00 AM", "12/08/2026 02:30:00 PM"
    rows = [
        ["SR26-00001234", graffiti, "Completed", opened, closed, "false", ""],
        ["SR26-00001235", graffiti, "Completed", opened, closed, "true", "SR26-00001234"],
        ["SR26-00001236", light, "Canceled", opened, closed, "false", ""],
        ["SR26-00001237", light, "Canceled", opened, closed, "true", "SR26-00001236"],
        ["SR26-00001238", light, "Open", opened, "", "false", ""],
        ["SR26-00001234", graffiti, "Canceled", opened, closed, "false", ""],  # re-exported
    ]
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])
    engine = make_engine(demo_sqlite_url)
    mapping = read_mapping(mapping_file)
    with SqlHistoryWriter(engine, mapping) as writer:
        report = import_history(mapping, export, writer, tmp_path / "rejects.csv")
    with engine.connect() as connection:
        stored = connection.execute(
            select(
                service_requests.c.source_id,
                service_requests.c.status,
                service_requests.c.closure_reason,
                service_requests.c.closure_note,
            )
            .where(service_requests.c.source_id.is_not(None))
            .order_by(service_requests.c.source_id)
        ).all()
    engine.dispose()
    assert (report.imported, dict(report.rejected)) == (5, {"id repeated in the file": 1})
    assert [tuple(row) for row in stored] == [
        ("SR26-00001234", "closed", "fixed", ""),  # the first row of a repeated id is kept
        ("SR26-00001235", "closed", "duplicate", "Duplicate of SR26-00001234"),
        ("SR26-00001236", "closed", "cancelled", ""),
        ("SR26-00001237", "closed", "duplicate", "Duplicate of SR26-00001236"),
        ("SR26-00001238", "in_queue", None, None),
    ]
