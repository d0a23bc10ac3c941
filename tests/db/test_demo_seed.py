"""The demo city seeds into an empty PostgreSQL or SQLite database, whole and consistent."""

from __future__ import annotations

import gzip
import shutil
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, Connection, FromClause, func, insert, select, text

from operator_console.domain.address_text import address_key
from operator_console.domain.lifecycle import OPEN_STATUSES, ClosureReason
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    addresses,
    districts,
    queues,
    reference_counters,
    request_events,
    routing_rules,
    service_requests,
    services,
    sla_policies,
    staff,
    staff_queues,
)
from operator_console.storage.demo_city import files
from operator_console.storage.demo_city.seed import (
    DemoDataError,
    SeedRefusedError,
    default_data_dir,
    seed_demo,
)
from operator_console.storage.intake.request_writes import next_reference

NOW = datetime(2026, 3, 16, 14, 30, tzinfo=UTC)
OPEN = [status.value for status in OPEN_STATUSES]


def _count(connection: Connection, table: FromClause, *where: ColumnElement[bool]) -> int:
    statement = select(func.count()).select_from(table).where(*where)
    return int(connection.execute(statement).scalar_one())


def test_demo_city_seeds_whole_and_consistent(db_url: str) -> None:
    engine = make_engine(db_url)
    summary = seed_demo(engine, now=NOW)
    demo = tomllib.loads((default_data_dir() / files.MANIFEST).read_text())["demo"]
    r = service_requests.c
    with engine.connect() as connection:
        assert _count(connection, districts, districts.c.layer == "ward") == 22
        assert _count(connection, service_requests) == summary.requests == demo["requests"]
        assert _count(connection, addresses) == summary.addresses > 40_000
        a = addresses.c
        sample = connection.execute(select(a.house_number, a.street, a.search_key).limit(50)).all()
        assert all(key == address_key(number, street) for number, street, key in sample)
        hereford = select(a.full_address).where(a.search_key == "29 hereford st")
        assert "29 Hereford St, Boston, MA 02115" in connection.execute(hereford).scalars().all()
        with_sla = _count(connection, services, services.c.sla_policy_id.is_not(None))
        assert with_sla >= 100
        assert _count(connection, sla_policies) == summary.sla_policies

        # Every routing rule lands on an existing queue; every service has a default rule.
        rules = routing_rules.join(queues, routing_rules.c.queue_id == queues.c.id)
        assert (
            _count(connection, rules) == _count(connection, routing_rules) == summary.routing_rules
        )
        defaults = select(func.count(func.distinct(routing_rules.c.service_id))).where(
            routing_rules.c.district_id.is_(None)
        )
        assert connection.execute(defaults).scalar_one() == summary.services
        assert _count(connection, routing_rules, routing_rules.c.district_id.is_not(None)) > 50

        # Open requests exist, are in the past, and the newest request was opened "now".
        open_count = _count(connection, service_requests, r.status.in_(OPEN))
        assert open_count == summary.open_requests > 1000
        newest, oldest = connection.execute(
            select(func.max(r.created_at), func.min(r.created_at))
        ).one()
        assert abs(newest - NOW) < timedelta(seconds=1)
        assert NOW - oldest > timedelta(days=60)
        assert (
            _count(connection, service_requests, r.status.in_(OPEN), r.closed_at.is_not(None)) == 0
        )

        # Closed requests carry a closure reason, a note and a closing event with the reason.
        closed = _count(connection, service_requests, r.status == "closed")
        assert closed == summary.requests - open_count
        reasons = {row[0] for row in connection.execute(select(r.closure_reason).distinct())}
        assert {ClosureReason.FIXED.value, ClosureReason.DUPLICATE.value} <= reasons
        e = request_events.c
        assert _count(connection, request_events, e.kind == "created") == summary.requests
        assert _count(connection, request_events, e.kind == "closed") == closed
        assert _count(connection, request_events) == summary.events
        assert _count(connection, request_events, e.actor != "import") == 0
        closing = connection.execute(select(e.data).where(e.kind == "closed").limit(1)).scalar_one()
        assert ClosureReason(closing["closure_reason"])
        answers = connection.execute(select(r.answers).limit(1)).scalar_one()
        assert answers == {}

        # Duplicates point at an earlier parent.
        parent = service_requests.alias("parent")
        pairs = service_requests.join(parent, r.parent_id == parent.c.id)
        assert (
            _count(connection, pairs, parent.c.created_at <= r.created_at)
            == _count(connection, service_requests, r.parent_id.is_not(None))
            > 10
        )

        # References are unique, and the counter continues the sequence of the current year.
        assert (
            connection.execute(select(func.count(func.distinct(r.reference)))).scalar_one()
            == summary.requests
        )
        year, last = connection.execute(
            select(reference_counters.c.year, reference_counters.c.last_value).order_by(
                reference_counters.c.year.desc()
            )
        ).first() or (0, 0)
        assert year == 2026
        prefix = f"BOS-{year % 100:02d}-"
        assert _count(connection, service_requests, r.reference.startswith(prefix)) == last
        assert _count(connection, service_requests, r.reference == f"{prefix}{last:06d}") == 1
        assert _count(connection, service_requests, r.client_uuid.is_(None)) == 0

        assert _count(connection, staff) == summary.staff == 7
        assert _count(connection, staff_queues) > 7
    with engine.begin() as connection:
        assert next_reference(connection, "BOS", 2026) == f"BOS-26-{last + 1:06d}"
        # Ids were chosen by the seeder; the database's own numbering carries on after them.
        new_address = insert(addresses).values(
            street="Test St", full_address="Test St", search_key="test st", lat=0.0, lon=0.0
        )
        inserted = connection.execute(new_address).inserted_primary_key
        assert inserted is not None and inserted[0] == summary.addresses + 1
    with pytest.raises(SeedRefusedError, match="already holds"):
        seed_demo(engine, now=NOW)
    engine.dispose()


def test_database_with_a_request_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO services (code, name) VALUES ('pothole', 'Pothole')"))
    with pytest.raises(SeedRefusedError, match="empty database"):
        seed_demo(engine, now=NOW)
    with engine.connect() as connection:
        assert _count(connection, service_requests) == 0
        assert _count(connection, districts) == 0
    engine.dispose()


def _truncate_gzip(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _unknown_queue_in_routing(path: Path) -> None:
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace("BTDT_Abandoned Bicycle", "No Such Queue")
    path.write_text("".join(lines))


def _unknown_service_in_history(path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
        lines = stream.readlines()
    lines[1] = lines[1].replace(lines[1].split(",")[1], "no-such-service", 1)
    with gzip.open(path, "wt", encoding="utf-8", newline="") as stream:
        stream.writelines(lines)


def _remove(path: Path) -> None:
    path.unlink()


def _break_toml(path: Path) -> None:
    path.write_text("[city")


DAMAGE: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "missing services": ("services.json", _remove, "is missing"),
    "broken manifest": (files.MANIFEST, _break_toml, "city.toml"),
    "truncated requests": (files.REQUESTS, _truncate_gzip, "damaged gzipped CSV"),
    "unknown service in the history": (
        files.REQUESTS,
        _unknown_service_in_history,
        "unknown service 'no-such-service'",
    ),
    "unknown queue": ("routing.csv", _unknown_queue_in_routing, "No Such Queue"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_demo_file_is_named(sqlite_url: str, tmp_path: Path, damage: str) -> None:
    name, spoil, problem = DAMAGE[damage]
    data_dir = tmp_path / "demo_city"
    shutil.copytree(default_data_dir(), data_dir)
    spoil(data_dir / name)
    engine = make_engine(sqlite_url)
    with pytest.raises(DemoDataError) as raised:
        seed_demo(engine, now=NOW, data_dir=data_dir)
    assert str(data_dir / name) in str(raised.value)
    assert problem in str(raised.value)
    with engine.connect() as connection:
        assert _count(connection, services) == 0
    engine.dispose()


def test_naive_now_is_refused(sqlite_url: str) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        seed_demo(make_engine(sqlite_url), now=datetime(2026, 3, 16, 14, 30))
