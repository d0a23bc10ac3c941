"""`report metrics` on Boston's imported 2015 history agrees, ward by ward, with the same
figures computed here from the CSV file with the csv module alone."""

from __future__ import annotations

import csv
import gzip
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Float, func, literal_column, select

from operator_console.app.cli import main
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import districts, service_requests
from tests.support.data import BOSTON_2015, BOSTON_2015_WARD_3

BOSTON = ZoneInfo("America/New_York")
UNKNOWN = (42.3594, -71.0587)  # boston.toml's unknown_location: no place
NOW = datetime.now(UTC)
NO_WARD = "(none)"
WARD_OUTLINES = Path(__file__).parents[2] / "resources" / "demo_city" / "districts" / "ward.geojson"


@dataclass
class Ward:
    """What the test counts for one ward from the file."""

    cases: int = 0
    resolved: int = 0
    on_time: int = 0
    late: int = 0
    open_overdue: int = 0
    no_sla: int = 0
    duplicates: int = 0
    to_resolve: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    """One row of the file, as the mapping reads it: UTC times, and a duplicate closure."""

    source_id: str
    opened: datetime
    resolved: datetime | None
    due: datetime | None
    duplicate: bool


def _when(text: str) -> datetime | None:
    """An export date (Boston's local time) as UTC."""
    if not text.strip():
        return None
    local = datetime.strptime(text.strip(), "%m/%d/%Y %I:%M:%S %p").replace(tzinfo=BOSTON)
    return local.astimezone(UTC)


Ring = list[list[float]]
Edge = tuple[float, float, float, float]


def _inside(ring: Ring, x: float, y: float) -> bool:
    """Even-odd ray casting: does the ring enclose (x, y)?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _near(edge: Edge, x: float, y: float) -> bool:
    """Is (x, y) on the edge, to within a ten-millionth of a degree (about a centimetre)?"""
    x1, y1, x2, y2 = edge
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy) < 1e-7


class WardMap:
    """The demo city's ward outlines, in the file's order, and a grid of their edges."""

    CELL = 0.002

    def __init__(self) -> None:
        document = json.loads(WARD_OUTLINES.read_text(encoding="utf-8"))
        self.wards: list[tuple[str, list[list[Ring]]]] = []
        self.grid: dict[tuple[int, int], list[tuple[str, Edge]]] = defaultdict(list)
        for feature in document["features"]:
            geometry = feature["geometry"]
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            code = str(feature["properties"]["code"])
            self.wards.append((code, polygons))
            for rings in polygons:
                for ring in rings:
                    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                        for cell in self._cells(min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)):
                            self.grid[cell].append((code, (x1, y1, x2, y2)))

    def _cells(self, x1: float, y1: float, x2: float, y2: float) -> list[tuple[int, int]]:
        size = self.CELL
        return [
            (i, j)
            for i in range(math.floor(x1 / size) - 1, math.floor(x2 / size) + 2)
            for j in range(math.floor(y1 / size) - 1, math.floor(y2 / size) + 2)
        ]

    def candidates(self, lat: float, lon: float) -> list[str]:
        """The ward that holds the point; for a point on a shared boundary, every ward whose
        outline it lies on (which one floating point puts it in is not a rule to test)."""
        inside = [
            next(
                (
                    code
                    for code, polygons in self.wards
                    if any(
                        _inside(rings[0], lon, lat)
                        and not any(_inside(h, lon, lat) for h in rings[1:])
                        for rings in polygons
                    )
                ),
                NO_WARD,
            )
        ]
        cell = (math.floor(lon / self.CELL), math.floor(lat / self.CELL))
        on_line = {code for code, edge in self.grid.get(cell, []) if _near(edge, lon, lat)}
        return [*inside, *sorted(on_line - set(inside))] if on_line else inside


def _rows(export: Path) -> list[tuple[list[str], Case]]:
    """Each row's case and the wards it may lie in (one, but for points on a boundary)."""
    wards = WardMap()
    rows = []
    with gzip.open(export, "rt", encoding="utf-8", newline="") as lines:
        for row in csv.DictReader(lines):
            opened = _when(row["OPEN_DT"])
            assert opened is not None
            resolved = None
            if row["CASE_STATUS"] == "Closed":
                resolved = max(_when(row["CLOSED_DT"]) or opened, opened)
            duplicate = resolved is not None and "duplicate" in row["CLOSURE_REASON"].lower()
            case = Case(
                row["CASE_ENQUIRY_ID"], opened, resolved, _when(row["TARGET_DT"]), duplicate
            )
            rows.append((_place(row, wards), case))
    return rows


def _place(row: dict[str, str], wards: WardMap) -> list[str]:
    try:
        lat, lon = float(row["LATITUDE"]), float(row["LONGITUDE"])
    except ValueError:
        return [NO_WARD]
    if abs(lat - UNKNOWN[0]) < 5e-5 and abs(lon - UNKNOWN[1]) < 5e-5:  # that point exactly
        return [NO_WARD]
    return wards.candidates(lat, lon)


def _by_ward(placed: list[tuple[str, Case]]) -> dict[str, Ward]:
    """Each ward's figures by docs/metrics.md."""
    found: dict[str, Ward] = defaultdict(Ward)
    for key, case in placed:
        ward = found[key]
        ward.cases += 1
        if case.resolved is not None:
            ward.resolved += 1
            if case.duplicate:
                ward.duplicates += 1
                continue  # out of the clocks and the SLA
            ward.to_resolve.append((case.resolved - case.opened).total_seconds() / 60)
        if case.due is None:
            ward.no_sla += 1
        elif case.resolved is not None:
            ward.on_time += case.resolved <= case.due
            ward.late += case.resolved > case.due
        elif case.due < NOW:
            ward.open_overdue += 1
    return found


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _report(url: str, capsys: pytest.CaptureFixture[str], *options: str) -> dict[str, Any]:
    command = ["report", "metrics", "--from", "2015-01-01", "--to", "2016-01-01", *options]
    assert main(["--database-url", url, *command, "--json"]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def _import(url: str, export: Path, capsys: pytest.CaptureFixture[str], *staff: str) -> None:
    command = ["import", "requests", "--mapping", "boston", "--quiet", str(export)]
    assert main(["--database-url", url, *staff, *command]) == 0
    capsys.readouterr()


def _differences(document: dict[str, Any], expected: dict[str, Ward]) -> list[str]:
    """Where the report's counts, medians, 90th percentiles (to the minute) and on-time shares
    (to 0.1 %) differ from the file's, ward by ward."""
    reported = {group["key"] or NO_WARD: group for group in document["groups"]}
    with_cases = {key for key, group in reported.items() if group["figures"]["cases"]}
    found = [] if with_cases == set(expected) else [f"wards {with_cases} != {set(expected)}"]
    for key, ward in expected.items():
        figures = reported[key]["figures"]
        sla = figures["sla"]
        clock = figures["intake_to_resolve"]
        decided = ward.on_time + ward.late + ward.open_overdue
        pairs: list[tuple[str, Any, Any, float]] = [
            ("cases", figures["cases"], ward.cases, 0),
            ("resolved", figures["resolved"], ward.resolved, 0),
            ("on time", sla["on_time"], ward.on_time, 0),
            ("late", sla["late"], ward.late, 0),
            ("open and overdue", sla["open_overdue"], ward.open_overdue, 0),
            ("no SLA", sla["no_sla"], ward.no_sla, 0),
            (
                "on-time share",
                sla["on_time_share"]["share"],
                decided and ward.on_time / decided,
                0.001,
            ),
            ("duplicates", figures["duplicate_share"]["count"], ward.duplicates, 0),
            ("resolution times", clock["cases"], len(ward.to_resolve), 0),
            ("intake to assign", figures["intake_to_assign"]["cases"], 0, 0),  # none recorded
            ("assign to resolve", figures["assign_to_resolve"]["cases"], 0, 0),
        ]
        if ward.to_resolve:
            pairs.append(("median", clock["median_minutes"], _percentile(ward.to_resolve, 0.5), 1))
            pairs.append(("p90", clock["p90_minutes"], _percentile(ward.to_resolve, 0.9), 1))
        for name, got, want, tolerance in pairs:
            if decided == 0 and name == "on-time share":
                continue
            if got is None or abs(got - want) > tolerance:
                found.append(f"ward {key}: {name} {got} != {want}")
    return found


def _agree(url: str, document: dict[str, Any], rows: list[tuple[list[str], Case]]) -> None:
    """The report agrees with the file. A point on the line between two wards (to a
    centimetre) lies in whichever floating point says: the test takes the ward the console
    recorded for it, once it has checked that it is one of the two."""
    undecided = {case.source_id: wards for wards, case in rows if len(wards) > 1}
    assert len(undecided) < 20, "more points on boundaries than a city's export should have"
    engine = make_engine(url)
    with engine.connect() as connection:
        recorded = dict(
            connection.execute(
                select(service_requests.c.source_id, districts.c.code)
                .join(districts, districts.c.id == service_requests.c.district_id)
                .where(service_requests.c.source_id.in_(list(undecided)))
            ).all()
        )
    engine.dispose()
    for source_id, wards in undecided.items():
        assert recorded[source_id] in wards, (source_id, wards, recorded[source_id])
    placed = [(recorded.get(case.source_id, wards[0]), case) for wards, case in rows]
    differences = _differences(document, _by_ward(placed))
    assert not differences, "\n".join(differences[:20])


def test_report_metrics_agrees_with_the_file_ward_by_ward_on_postgresql(
    demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(demo_pg_url, BOSTON_2015, capsys)
    rows = _rows(BOSTON_2015)
    assert {wards[0] for wards, _ in rows} == {*(str(n) for n in range(1, 23)), NO_WARD}
    document = _report(demo_pg_url, capsys, "--by", "ward")
    _agree(demo_pg_url, document, rows)
    assert document["city"]["cases"] == 121_145
    assert sum(document["volume"]["by_day"].values()) == 121_145
    assert len(document["volume"]["by_day"]) == 365
    _agree_with_percentile_cont(demo_pg_url, document)


def _agree_with_percentile_cont(url: str, document: dict[str, Any]) -> None:
    """The medians and 90th percentiles are PostgreSQL's percentile_cont of the same times."""
    minutes = literal_column("extract(epoch FROM resolved_at - created_at) / 60", Float)
    engine = make_engine(url)
    with engine.connect() as connection:
        by_ward = connection.execute(
            select(
                districts.c.code,
                func.percentile_cont(0.5).within_group(minutes),
                func.percentile_cont(0.9).within_group(minutes),
            )
            .select_from(
                service_requests.outerjoin(
                    districts, districts.c.id == service_requests.c.district_id
                )
            )
            .where(
                service_requests.c.source_id.is_not(None),
                service_requests.c.resolved_at.is_not(None),
                func.coalesce(service_requests.c.closure_reason, "") != "duplicate",
            )
            .group_by(districts.c.code)
        ).all()
    engine.dispose()
    reported = {group["key"]: group["figures"]["intake_to_resolve"] for group in document["groups"]}
    assert len(by_ward) == 23
    for code, median, p90 in by_ward:
        assert reported[code]["median_minutes"] == pytest.approx(median, rel=1e-9), code
        assert reported[code]["p90_minutes"] == pytest.approx(p90, rel=1e-9), code


def test_report_metrics_agrees_with_the_file_on_sqlite(
    demo_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(demo_sqlite_url, BOSTON_2015_WARD_3, capsys, "--staff", "admin1")
    document = _report(demo_sqlite_url, capsys, "--by", "ward")
    _agree(demo_sqlite_url, document, _rows(BOSTON_2015_WARD_3))
