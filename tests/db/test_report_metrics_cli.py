"""`report metrics` on the demo city: bad input in one line, every grouping and filter, a
layer cases do not record, assignments and reopened cases, the backlog, CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, or_, select, update

from operator_console.app.cli import main
from operator_console.domain.geo import DistrictOutlines
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    departments,
    districts,
    queues,
    request_events,
    service_requests,
    services,
)

WIDE = ["--from", "2000-01-01", "--to", "2100-01-01"]


def _run(url: str, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, "report", "metrics", *options])
    said = capsys.readouterr()
    return code, said.out, said.err


def _json(url: str, capsys: pytest.CaptureFixture[str], *options: str) -> dict[str, Any]:
    code, out, err = _run(url, capsys, *WIDE, *options, "--json")
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--from", "2015-13-01", "--to", "2016-01-01", "--by", "ward"], "--from '2015-13-01'"),
        (["--from", "2015-01-01", "--to", "soon", "--by", "ward"], "--to 'soon' is not a date"),
        (["--from", "2016-01-01", "--to", "2015-01-01", "--by", "ward"], "must come after"),
        (
            ["--from", "2015-01-01", "--to", "2016-01-01", "--by", "neighborhood"],
            "no district layer 'neighborhood'; group by one of: ward, queue, department, category",
        ),
    ],
)
def test_bad_dates_and_an_unknown_layer_are_one_line_and_exit_code_2(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    code, out, err = _run(demo_sqlite_url, capsys, *options)
    assert code == 2 and out == ""
    assert said in err and len(err.strip().splitlines()) == 1, err


def _count(url: str, *conditions: Any) -> int:
    engine = make_engine(url)
    statement = (
        select(func.count())
        .select_from(
            service_requests.join(services, services.c.id == service_requests.c.service_id)
            .outerjoin(queues, queues.c.id == service_requests.c.queue_id)
            .outerjoin(departments, departments.c.id == queues.c.department_id)
            .outerjoin(districts, districts.c.id == service_requests.c.district_id)
        )
        .where(*conditions)
    )
    with engine.connect() as connection:
        counted = int(connection.execute(statement).scalar_one())
    engine.dispose()
    return counted


def test_groupings_and_filters_count_what_the_database_holds(
    demo_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    by_queue = _json(demo_db_url, capsys, "--by", "queue")
    total = _count(demo_db_url)
    assert by_queue["city"]["cases"] == total == 25_000
    queue_counts = {g["key"]: g["figures"]["cases"] for g in by_queue["groups"]}
    busiest = max(queue_counts, key=lambda key: queue_counts[key] if key else 0)
    assert queue_counts[busiest] == _count(demo_db_url, queues.c.code == busiest)
    by_department = _json(demo_db_url, capsys, "--by", "department")
    assert sum(g["figures"]["cases"] for g in by_department["groups"]) == total
    by_category = _json(demo_db_url, capsys, "--by", "category")
    assert sum(g["figures"]["cases"] for g in by_category["groups"]) == total
    assert by_category["volume"]["by_category"] == {
        g["key"]: g["figures"]["cases"]
        for g in sorted(by_category["groups"], key=lambda g: -g["figures"]["cases"])
        if g["figures"]["cases"]
    }
    category = next(iter(by_category["volume"]["by_category"]))
    engine = make_engine(demo_db_url)
    with engine.connect() as connection:
        department = connection.execute(
            select(departments.c.code)
            .join(queues, queues.c.department_id == departments.c.id)
            .where(queues.c.code == busiest)
        ).scalar_one()
    engine.dispose()
    chosen: list[tuple[list[str], Any]] = [
        (["--channel", "phone"], service_requests.c.channel == "phone"),
        (["--category", category], services.c.code == category),
        (["--queue", busiest], queues.c.code == busiest),
        (["--department", department], departments.c.code == department),
        (["--district", "3"], districts.c.code == "3"),
    ]
    for options, condition in chosen:
        document = _json(demo_db_url, capsys, "--by", "ward", *options)
        assert document["city"]["cases"] == _count(demo_db_url, condition) > 0, options
        assert document["filters"] == {options[0][2:]: options[1]}
    ward3 = _json(demo_db_url, capsys, "--by", "ward", "--district", "3")
    assert [g["key"] for g in ward3["groups"] if g["figures"]["cases"]] == ["3"]


def test_a_layer_cases_do_not_record_is_found_from_their_points(
    demo_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(demo_db_url)
    with engine.begin() as connection:
        wards = connection.execute(
            select(districts).where(districts.c.layer == "ward").order_by(districts.c.id)
        ).all()
        connection.execute(
            insert(districts),
            [
                {
                    **{k: v for k, v in ward._mapping.items() if k != "id"},
                    "layer": "council",
                    "code": f"c{ward.code}",
                    "name": f"Council {ward.name}",
                }
                for ward in wards
            ],
        )
        points = connection.execute(select(service_requests.c.lat, service_requests.c.lon)).all()
    engine.dispose()
    by_council = _json(demo_db_url, capsys, "--by", "council")
    # Where each point lies among the wards' outlines, the unknown-location point (City Hall,
    # where the city files what it cannot place) in none: not the ward a case records.
    placed = [p for p in points if p.lat is not None and (p.lat, p.lon) != (42.3594, -71.0587)]
    outlines = DistrictOutlines(ward.geometry for ward in wards)
    found = outlines.districts_at([p.lat for p in placed], [p.lon for p in placed])
    expected = Counter(f"c{wards[i].code}" if i is not None else "" for i in found)
    expected[""] += len(points) - len(placed)
    council_counts = {(g["key"] or ""): g["figures"]["cases"] for g in by_council["groups"]}
    assert council_counts == dict(expected)
    assert len(points) - len(placed) > 1000  # the unknown point is no place
    assert by_council["groups"][0]["name"] == "Council Ward 1"


def test_assignments_reopened_cases_backlog_and_csv(
    demo_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(demo_db_url)
    with engine.begin() as connection:
        resolved = connection.execute(
            select(service_requests.c.id, service_requests.c.created_at)
            .where(
                service_requests.c.resolved_at.is_not(None),
                or_(
                    service_requests.c.closure_reason.is_(None),
                    service_requests.c.closure_reason != "duplicate",
                ),
            )
            .order_by(service_requests.c.id)
            .limit(11)
        ).all()
        for n, row in enumerate(resolved):
            connection.execute(
                update(service_requests)
                .where(service_requests.c.id == row.id)
                .values(assigned_at=row.created_at + timedelta(minutes=10 * (n + 1)))
            )
        connection.execute(
            insert(request_events),
            [
                {"request_id": row.id, "at": datetime.now(UTC), "actor": "admin1", "kind": k}
                for row, k in zip(resolved[:2], ["reopened", "reopened"], strict=True)
            ],
        )
        open_now = connection.execute(
            select(func.count()).where(service_requests.c.resolved_at.is_(None))
        ).scalar_one()
    engine.dispose()
    document = _json(demo_db_url, capsys, "--by", "ward")
    city = document["city"]
    assert city["intake_to_assign"]["cases"] == 11
    assert city["intake_to_assign"]["median_minutes"] == pytest.approx(60.0, abs=0.01)
    assert city["intake_to_assign"]["p90_minutes"] == pytest.approx(100.0, abs=0.01)
    assert city["assign_to_resolve"]["cases"] == 11
    assert city["reopen_rate"]["count"] == 2
    assert city["reopen_rate"]["out_of"] == city["resolved"]
    assert document["backlog"]["at_end"] == open_now

    code, out, err = _run(demo_db_url, capsys, *WIDE, "--by", "ward", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["group"] == "city" and int(rows[0]["cases"]) == city["cases"]
    assert float(rows[0]["intake_to_resolve_median_minutes"]) == pytest.approx(
        city["intake_to_resolve"]["median_minutes"]
    )
    assert [row["group"] for row in rows[1:]] == [g["key"] or "" for g in document["groups"]]
    code, out, err = _run(demo_db_url, capsys, *WIDE, "--by", "ward")
    assert code == 0 and out.splitlines()[3].startswith("city") and "Ward 22" in out


def test_the_text_table_shows_every_group_code_whole(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = [g["key"] for g in _json(demo_sqlite_url, capsys, "--by", "queue")["groups"]]
    longest = max(codes, key=len)
    assert len(longest) > 12
    code, out, err = _run(demo_sqlite_url, capsys, *WIDE, "--by", "queue")
    assert code == 0, err
    lines = out.splitlines()[4:]
    assert [line[: len(longest) + 1].rstrip() for line in lines] == [c or "" for c in codes]


def test_a_reader_that_stops_early_ends_the_command_without_a_traceback(
    demo_sqlite_url: str,
) -> None:
    command = [sys.executable, "-m", "operator_console.app.cli", "--database-url"]
    command += [demo_sqlite_url, "report", "metrics", *WIDE, "--by", "category", "--csv"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head` does once it has its lines
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in errors and "BrokenPipeError" not in errors
