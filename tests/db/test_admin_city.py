"""City settings administration: one transaction with its audit line, refusals at their field,
no lost update between two admins, and the database's own refusal of a supervisor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, insert, select, text
from sqlalchemy.exc import DBAPIError

from operator_console.domain.permissions import NotPermittedError, StaffIdentity
from operator_console.services.admin.city.desk import CityDesk
from operator_console.services.admin.city.ports import CityDraft
from operator_console.services.admin.city.rules import CitySettingsError
from operator_console.storage.admin.city.store import SqlCityAdminUnitOfWork
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import city, config_events
from tests.support.staff_logins import make_staff_login

ADMIN = StaffIdentity("admin1", "Ada Admin", "admin")
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
DRAFT = CityDraft(
    name="Springfield 311",
    time_zone="America/Chicago",
    phone_region="us",
    reference_prefix="spr",
    languages="en, es",
    map_lat="39.7817",
    map_lon="-89.6501",
    map_zoom="13",
    unknown_lat="39.8017",
    unknown_lon="-89.6436",
)


def add_city(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(city).values(
                id=1,
                name="Springfield",
                time_zone="America/Chicago",
                phone_region="US",
                reference_prefix="SPF",
                map_lat=39.78,
                map_lon=-89.65,
                map_zoom=12,
            )
        )


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    add_city(engine)
    yield engine
    engine.dispose()


def desk_on(engine: Engine, actor: StaffIdentity = ADMIN) -> CityDesk:
    return CityDesk(lambda: SqlCityAdminUnitOfWork(engine), actor, lambda: NOW)


def events(engine: Engine) -> list[tuple[str, str, str]]:
    e = config_events.c
    with engine.connect() as connection:
        rows = connection.execute(select(e.kind, e.subject, e.detail).order_by(e.id)).all()
    return [(row.kind, row.subject, row.detail) for row in rows]


def test_an_admin_saves_every_setting_in_one_change_with_its_audit_line(engine: Engine) -> None:
    desk = desk_on(engine)
    change = desk.save(desk.settings(), DRAFT)
    saved = desk.settings()
    assert saved == change.after
    assert (saved.name, saved.phone_region, saved.reference_prefix) == (
        "Springfield 311",
        "US",
        "SPR",
    )
    assert saved.languages == ("en", "es")
    assert (saved.map_center, saved.map_zoom) == ((39.7817, -89.6501), 13)
    assert saved.unknown_location == (39.8017, -89.6436)
    [(kind, subject, detail)] = events(engine)
    assert (kind, subject) == ("city_settings_changed", "Springfield 311")
    assert detail.startswith("City settings: name Springfield → Springfield 311;")
    assert "reference prefix SPF → SPR" in detail
    assert str(change.summary()).endswith(
        "New requests get references starting SPR-; existing references keep SPF-."
    )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"time_zone": "America/Springfield"}, "time_zone", "is not a time zone"),
        ({"name": "  "}, "name", "Give the city a name"),
        ({"phone_region": "XX"}, "phone_region", "is not a telephone region"),
        ({"reference_prefix": "S-1"}, "reference_prefix", "2 to 5 letters"),
        ({"map_lat": "north"}, "map_lat", "latitude and a longitude"),
        ({"map_zoom": "-3"}, "map_zoom", "from 1 to 20"),
        ({"unknown_lon": "200", "unknown_lat": "1"}, "unknown_lon", "between -180 and 180"),
        ({"languages": "en, english"}, "languages", "english is not a language code"),
    ],
)
def test_a_bad_setting_is_refused_at_its_field_and_nothing_is_written(
    engine: Engine, changes: dict[str, str], field: str, words: str
) -> None:
    desk = desk_on(engine)
    before = desk.settings()
    with pytest.raises(CitySettingsError) as refused:
        desk.save(before, replace(DRAFT, **changes))
    assert (refused.value.field, words in str(refused.value)) == (field, True)
    assert desk.settings() == before
    assert events(engine) == []


def test_a_second_admin_saving_over_the_first_is_told_what_changed(engine: Engine) -> None:
    first, second = desk_on(engine), desk_on(engine, StaffIdentity("admin2", "Bo", "admin"))
    seen_by_first, seen_by_second = first.settings(), second.settings()
    first.save(seen_by_first, DRAFT)
    with pytest.raises(CitySettingsError, match="name Springfield → Springfield 311"):
        second.save(seen_by_second, replace(DRAFT, name="Shelbyville"))
    assert first.settings().name == "Springfield 311"
    assert len(events(engine)) == 1


def test_a_supervisor_is_refused_in_words(engine: Engine) -> None:
    desk = desk_on(engine, StaffIdentity("supervisor1", "Sam", "supervisor"))
    with pytest.raises(NotPermittedError, match="change the configuration"):
        desk.save(desk_on(engine).settings(), DRAFT)
    assert events(engine) == []


def test_postgresql_refuses_a_supervisor_s_own_update_of_the_city(pg_url: str) -> None:
    setup = make_engine(pg_url)
    add_city(setup)
    setup.dispose()
    supervisor = create_engine(make_staff_login(pg_url, "supervisor"))
    try:
        with pytest.raises(DBAPIError, match="permission denied"), supervisor.begin() as c:
            c.execute(text("UPDATE city SET name = 'Shelbyville'"))
    finally:
        supervisor.dispose()
