"""A city bundle loads in one transaction, updates a city in place, and exports back stably."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select, text

from operator_console.domain.permissions import Role, StaffIdentity
from operator_console.services.city_bundle.model import CityBundle
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.services.city_bundle.writer import bundle_files
from operator_console.services.errors import DatabaseRefusedError
from operator_console.storage.city_bundle.export import export_city, write_city_export
from operator_console.storage.city_bundle.load import load_city
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    addresses,
    calendar_closures,
    config_events,
    departments,
    districts,
    queues,
    service_requests,
    services,
    sla_policies,
    staff,
    staff_events,
)
from operator_console.storage.demo_city.files import default_data_dir
from tests.support.city_bundles import write_small_bundle
from tests.support.staff_logins import unique_login

NOW = datetime(2026, 3, 16, 14, 30, tzinfo=UTC)
OWNER = StaffIdentity("owner", "Database owner", Role.ADMIN.value)


@pytest.fixture(scope="module")
def demo_bundle() -> CityBundle:
    """The demo city's bundle, its staff with logins no other test uses (roles are shared by
    every database of the server)."""
    bundle = read_bundle(default_data_dir())
    staff_rows = tuple(
        dataclasses.replace(member, login=unique_login(member.login)) for member in bundle.staff
    )
    return dataclasses.replace(bundle, staff=staff_rows)


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_the_demo_bundle_loads_into_an_empty_postgresql_database(
    pg_engine: Engine, demo_bundle: CityBundle
) -> None:
    summary = load_city(pg_engine, demo_bundle, OWNER, NOW)
    assert summary.counts["districts"] == 22
    assert summary.counts["services"] == len(demo_bundle.services) == 158
    assert summary.counts["addresses"] == len(demo_bundle.addresses) > 40_000
    assert summary.staff_added == len(demo_bundle.staff)
    assert _count(pg_engine, addresses) == summary.counts["addresses"]
    a = addresses.c
    with pg_engine.connect() as connection:
        placed = connection.execute(
            select(func.count()).select_from(addresses).where(a.district_id.is_not(None))
        ).scalar_one()
        assert placed > 0.99 * summary.counts["addresses"]
        hereford = select(a.full_address).where(a.search_key == "29 hereford st")
        assert "29 Hereford St, Boston, MA 02115" in connection.execute(hereford).scalars().all()
        # Each person has a login in their role's group, added through staff_add.
        added = connection.execute(
            select(staff_events.c.login).where(staff_events.c.kind == "added")
        ).scalars()
        assert sorted(added) == sorted(member.login for member in demo_bundle.staff)
        admin = next(m.login for m in demo_bundle.staff if m.role is Role.ADMIN)
        in_group = connection.execute(
            text(
                "SELECT pg_has_role(:login, 'console_admin', 'MEMBER') AND "
                "NOT pg_has_role(:login, 'console_operator', 'MEMBER')"
            ),
            {"login": admin},
        ).scalar_one()
        assert in_group
        event = connection.execute(select(config_events)).one()
        assert (event.kind, event.subject) == ("city_loaded", "Boston (demo)")
        assert event.data["counts"] == summary.counts
    assert "the city was loaded in" in str(summary)


def test_load_export_load_is_stable_and_the_databases_agree(
    pg_engine: Engine, sqlite_url: str, demo_bundle: CityBundle, tmp_path: Path
) -> None:
    load_city(pg_engine, demo_bundle, OWNER, NOW)
    first = tmp_path / "first"
    write_city_export(pg_engine, first)
    again = read_bundle(first)
    sqlite_engine = make_engine(sqlite_url)
    load_city(sqlite_engine, again, OWNER, NOW)
    second = tmp_path / "second"
    write_city_export(sqlite_engine, second)

    first_files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    second_files = sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert first_files == second_files
    for name in first_files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # The export says what the demo bundle says (the order of the files' rows included).
    exported = bundle_files(again)
    assert exported["routing.csv"] == bundle_files(demo_bundle)["routing.csv"]
    assert exported["addresses.csv.gz"] == bundle_files(demo_bundle)["addresses.csv.gz"]

    def gazetteer(engine: Engine) -> list[tuple[object, ...]]:
        a, d = addresses.c, districts.c
        statement = (
            select(a.full_address, a.search_key, a.zipcode, d.code)
            .outerjoin(districts, a.district_id == d.id)
            .order_by(a.id)
        )
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(statement)]

    assert gazetteer(pg_engine) == gazetteer(sqlite_engine)
    sqlite_engine.dispose()


def test_a_login_taken_by_a_role_the_console_does_not_manage_leaves_the_database_as_it_was(
    pg_engine: Engine, demo_bundle: CityBundle
) -> None:
    taken = unique_login("dba")
    with pg_engine.begin() as connection:
        connection.execute(text(f'CREATE ROLE "{taken}" LOGIN CREATEROLE'))
    fresh = tuple(
        dataclasses.replace(member, login=unique_login(member.role.value))
        for member in demo_bundle.staff
    )
    member = dataclasses.replace(fresh[-1], login=taken)
    spoiled = dataclasses.replace(demo_bundle, staff=(*fresh, member))
    with pytest.raises(DatabaseRefusedError, match="not a plain login"):
        load_city(pg_engine, spoiled, OWNER, NOW)
    for table in (services, districts, addresses, staff, config_events):
        assert _count(pg_engine, table) == 0, table
    with pg_engine.connect() as connection:
        roles = connection.execute(
            text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:logins)"),
            {"logins": [m.login for m in fresh]},
        ).scalar_one()
    assert roles == 0  # the logins staff_add created went with the transaction


def test_a_failure_at_the_addresses_step_leaves_a_loaded_city_as_it_was(
    pg_engine: Engine, demo_bundle: CityBundle, tmp_path: Path
) -> None:
    load_city(pg_engine, demo_bundle, OWNER, NOW)
    before = bundle_files(export_city(pg_engine))
    with pg_engine.begin() as connection:
        connection.execute(
            text(
                "CREATE FUNCTION refuse_addresses() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN RAISE EXCEPTION 'the disk is full'; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER refuse_addresses BEFORE INSERT ON addresses "
                "FOR EACH ROW EXECUTE FUNCTION refuse_addresses()"
            )
        )
    renamed = dataclasses.replace(
        demo_bundle,
        settings=dataclasses.replace(demo_bundle.settings, name="Renamed"),
        addresses=(*demo_bundle.addresses[1:], demo_bundle.addresses[0]._replace(unit="B")),
    )
    with pytest.raises(DatabaseRefusedError, match="the disk is full"):
        load_city(pg_engine, renamed, OWNER, NOW)
    assert bundle_files(export_city(pg_engine)) == before
    assert _count(pg_engine, config_events) == 1


def test_loading_over_a_city_keeps_ids_and_what_cases_still_use(demo_sqlite_url: str) -> None:
    engine = make_engine(demo_sqlite_url)
    bundle = read_bundle(default_data_dir())
    s, r = services.c, service_requests.c
    with engine.connect() as connection:
        ids_before = dict(connection.execute(select(s.code, s.id)).all())
        used = set(connection.execute(select(s.code).join(service_requests)).scalars())
    used_code = sorted(used)[0]
    unused_code = sorted(set(ids_before) - used)[0]
    dropped = {used_code, unused_code}
    smaller = dataclasses.replace(
        bundle,
        services=tuple(x for x in bundle.services if x.service_code not in dropped),
        definitions=tuple(x for x in bundle.definitions if x.service_code not in dropped),
        service_settings=tuple(x for x in bundle.service_settings if x.service not in dropped),
        routing=tuple(rule for rule in bundle.routing if rule.service not in dropped),
    )
    summary = load_city(engine, smaller, OWNER, NOW)
    assert summary.kept["services"] == 1
    assert summary.kept["addresses"] == 0  # every point a case refers to is still listed
    assert summary.staff_added == 0
    with engine.connect() as connection:
        ids_after = dict(connection.execute(select(s.code, s.id)).all())
        assert ids_after == {code: i for code, i in ids_before.items() if code != unused_code}
        active = connection.execute(select(s.active).where(s.code == used_code)).scalar_one()
        assert active is False
        cases = connection.execute(
            select(func.count()).select_from(service_requests).where(r.service_id.is_(None))
        ).scalar_one()
        assert cases == 0
    engine.dispose()


def test_what_a_bundle_no_longer_lists_goes_unless_a_case_still_uses_it(
    sqlite_url: str, tmp_path: Path
) -> None:
    engine = make_engine(sqlite_url)
    bundle = read_bundle(write_small_bundle(tmp_path / "small"))
    load_city(engine, bundle, OWNER, NOW)
    with engine.begin() as connection:
        ids = {
            table.name: dict(connection.execute(select(table.c.code, table.c.id)).all())
            for table in (services, queues, departments, sla_policies)
        }
        ward_two = connection.execute(
            select(districts.c.id).where(districts.c.code == "2")
        ).scalar_one()
        first_point = connection.execute(select(func.min(addresses.c.id))).scalar_one()
        connection.execute(
            insert(service_requests).values(
                reference="SPR-26-000001",
                client_uuid="a-loose-dog",
                service_id=ids["services"]["loose-dog"],
                status="in_queue",
                priority="high",
                answers={},
                queue_id=ids["queues"]["ANML_FIELD"],
                district_id=ward_two,
                address_id=first_point,
                created_by="mgarcia",
                created_at=NOW,
                updated_at=NOW,
            )
        )
    (ward_layer,) = bundle.layers
    smaller = dataclasses.replace(
        bundle,
        layers=(dataclasses.replace(ward_layer, districts=ward_layer.districts[:1]),),
        departments=bundle.departments[:1],
        queues=bundle.queues[:1],
        services=bundle.services[:1],
        service_settings=bundle.service_settings[:1],
        sla_policies=bundle.sla_policies[:1],
        closures=(),
        routing=bundle.routing[:1],
        staff=tuple(
            dataclasses.replace(member, queues=member.queues[:1]) for member in bundle.staff
        ),
        addresses=bundle.addresses[1:],
    )
    summary = load_city(engine, smaller, OWNER, NOW)
    assert summary.kept == {
        "services": 1,
        "queues": 1,
        "departments": 1,
        "districts": 1,
        "sla_policies": 1,
        "calendars": 0,
        "addresses": 1,
    }
    assert "kept for the cases that use them" in str(summary)
    with engine.connect() as connection:
        s, q = services.c, queues.c
        assert connection.execute(select(s.code, s.active, s.id).order_by(s.id)).all() == [
            ("pothole", True, ids["services"]["pothole"]),
            ("loose-dog", False, ids["services"]["loose-dog"]),
        ]
        assert connection.execute(select(q.code, q.active).order_by(q.id)).all() == [
            ("PWD_STREETS", True),
            ("ANML_FIELD", False),
        ]
        assert _count(engine, calendar_closures) == 0
        assert connection.execute(select(func.count()).select_from(addresses)).scalar_one() == 20
    engine.dispose()
