"""`city validate`, `city load` and `city export` on the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operator_console.app.cli import main
from operator_console.services.city_bundle.reader import read_bundle
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import (
    addresses,
    city,
    config_events,
    districts,
    routing_rules,
    services,
    staff,
)
from operator_console.storage.demo_city.files import default_data_dir
from tests.support.city_bundles import (
    csv_text,
    feature_collection,
    small_files,
    write_nyc_bundle,
    write_small_bundle,
)
from tests.support.staff_logins import login_of, make_staff_login, unique_login


def _planted_mistakes(folder: Path) -> Path:
    return write_small_bundle(
        folder,
        departments_csv=csv_text(("code", "email"), [("PWD", ""), ("ANML", "")]),
        routing_csv=small_files()["routing.csv"] + "pothole,,,,PWD_NOWHERE,,,\n",
        staff_csv=small_files()["staff.csv"] + "tchen,Tim Chen,operator,,\n",
    )


def _rows(url: str, table: object) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(table)).scalar_one()  # type: ignore[arg-type]
    engine.dispose()
    return int(count)


def test_validate_says_what_a_valid_bundle_holds(capsys: pytest.CaptureFixture[str]) -> None:
    demo = default_data_dir()
    assert main(["city", "validate", str(demo)]) == 0
    said = capsys.readouterr().out
    assert f"{demo}: valid (1 district layer, 22 districts, 16 departments, 149 queues, " in said
    assert "158 services" in said and "7 staff members" in said


def test_validate_and_load_name_every_planted_mistake_and_write_nothing(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _planted_mistakes(tmp_path / "planted")
    assert main(["city", "validate", str(folder)]) == 2
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "departments.csv:1: the required column 'name' is missing from the header",
        "routing.csv:5:5: queue 'PWD_NOWHERE': no such queue in queues.csv",
        "staff.csv:5:1: login 'tchen' is already on line 3",
    ]
    assert main(["--database-url", sqlite_url, "city", "load", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == listed
    assert "nothing was loaded" in captured.err
    for table in (city, services, staff, config_events):
        assert _rows(sqlite_url, table) == 0


def test_validate_lists_the_warnings_of_a_bundle_it_refuses_after_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_small_bundle(
        tmp_path / "b",
        services_pothole_json=None,
        routing_csv=small_files()["routing.csv"] + "pothole,,,,PWD_NOWHERE,,,\n",
    )

    assert main(["city", "validate", str(folder)]) == 2

    assert capsys.readouterr().out.splitlines() == [
        "routing.csv:5:5: queue 'PWD_NOWHERE': no such queue in queues.csv",
        "warning: services.json:2:3: 'Pothole' (pothole) has metadata: true but no definition "
        "file in services/: it is loaded without questions",
    ]


def test_load_then_export_on_sqlite(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_small_bundle(tmp_path / "small")
    assert main(["--database-url", sqlite_url, "city", "load", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "the city was loaded in" in said and "3 services" in said
    assert _rows(sqlite_url, config_events) == 1
    out = tmp_path / "exported"
    assert main(["--database-url", sqlite_url, "city", "export", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    again = read_bundle(out)
    assert [s.service_code for s in again.services] == ["pothole", "streetlight", "loose-dog"]
    # Once the city has staff, only one of its admins loads it again.
    assert main(["--database-url", sqlite_url, "city", "load", str(out)]) == 2
    assert "an admin loads (--staff LOGIN)" in capsys.readouterr().err
    loaded = ["--database-url", sqlite_url, "--staff", "admin1", "city", "load", str(out)]
    assert main(loaded) == 0, capsys.readouterr().err


def test_load_is_refused_to_anyone_but_an_admin(
    demo_sqlite_url: str, demo_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = str(default_data_dir())
    as_operator = ["--database-url", demo_sqlite_url, "--staff", "operator1", "city", "load", demo]
    assert main(as_operator) == 2
    assert "nothing was loaded" in capsys.readouterr().err
    supervisor_url = make_staff_login(demo_pg_url, "supervisor")
    assert main(["--database-url", supervisor_url, "city", "load", demo]) == 2
    assert "nothing was loaded" in capsys.readouterr().err
    for url in (demo_sqlite_url, demo_pg_url):
        assert _rows(url, config_events) == 1  # the demo's own load only


def test_build_basemap_draws_the_bundles_streets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    streets = feature_collection(
        {
            "type": "Feature",
            "properties": {"name": name, "highway": "residential"},
            "geometry": {"type": "LineString", "coordinates": line},
        }
        for name, line in (
            ("Main St", [[-89.690, 39.770], [-89.680, 39.770]]),
            ("Oak Ave", [[-89.685, 39.765], [-89.685, 39.775]]),
        )
    )
    folder = write_small_bundle(tmp_path / "small", streets_geojson=streets)
    assert main(["city", "build-basemap", str(folder)]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert f"{folder / 'streets.mbtiles'}: " in said and "street names" in said
    assert 'add tiles = "streets.mbtiles" to the [basemap] table' in said
    with sqlite3.connect(folder / "streets.mbtiles") as tiles:
        assert tiles.execute("SELECT count(*) FROM tiles").fetchone()[0] > 0


def test_a_bundle_with_built_street_tiles_gives_the_city_its_base_map(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    street = {
        "type": "Feature",
        "properties": {"name": "Main St", "highway": "residential"},
        "geometry": {"type": "LineString", "coordinates": [[-89.69, 39.77], [-89.68, 39.77]]},
    }
    streets = feature_collection([street])
    folder = write_small_bundle(tmp_path / "small", streets_geojson=streets)
    assert main(["city", "build-basemap", str(folder)]) == 0, capsys.readouterr().err
    manifest = folder / "city.toml"
    manifest.write_text(
        manifest.read_text("utf-8").replace(
            'streets = "streets.geojson"', 'streets = "streets.geojson"\ntiles = "streets.mbtiles"'
        ),
        "utf-8",
    )
    assert main(["--database-url", sqlite_url, "city", "load", str(folder)]) == 0
    engine = make_engine(sqlite_url)
    with engine.connect() as connection:
        row = connection.execute(select(city.c.tile_url, city.c.attribution)).one()
    engine.dispose()
    assert row.tile_url == str((folder / "streets.mbtiles").resolve())
    assert row.attribution == "© OpenStreetMap contributors"

    out = tmp_path / "exported"
    assert main(["--database-url", sqlite_url, "city", "export", str(out)]) == 0
    exported = read_bundle(out).basemap
    assert exported is not None and exported.tiles == "streets.mbtiles"
    assert exported.attribution == "© OpenStreetMap contributors"
    assert (out / "streets.mbtiles").read_bytes() == (folder / "streets.mbtiles").read_bytes()
    loaded = ["--database-url", sqlite_url, "--staff", "admin1", "city", "load", str(out)]
    assert main(loaded) == 0, capsys.readouterr().err
    again = tmp_path / "again"
    assert main(["--database-url", sqlite_url, "city", "export", str(again)]) == 0
    for name in ("city.toml", "streets.mbtiles"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_an_export_names_no_tiles_a_console_cannot_read(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["--database-url", sqlite_url, "city", "load", str(write_small_bundle(tmp_path / "s"))]
        )
        == 0
    )
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(city.update().values(tile_url=str(tmp_path / "gone.mbtiles")))
    engine.dispose()
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "city", "export", str(tmp_path / "out")]) == 2
    assert (
        "street tiles were loaded from a file this machine cannot read" in capsys.readouterr().err
    )


def test_an_admins_own_login_loads_a_city_on_postgresql_and_loads_it_again(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin_url = make_staff_login(pg_url, "admin")
    people = [unique_login("operator"), unique_login("dispatcher")]
    folder = write_small_bundle(
        tmp_path / "small",
        staff_csv=csv_text(
            ("login", "name", "role", "email", "queues"),
            [
                (people[0], "Maria Garcia", "operator", "", ""),
                (people[1], "Tom Chen", "dispatcher", "", "PWD_STREETS;PWD_NIGHT"),
            ],
        ),
    )
    load = ["--database-url", admin_url, "city", "load", str(folder)]
    assert main(load) == 0, capsys.readouterr().err
    assert "2 staff members added" in capsys.readouterr().out
    assert main(load) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert "20 address points" in said and "added" not in said
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        events = connection.execute(
            select(config_events.c.actor, config_events.c.kind).order_by(config_events.c.id)
        ).all()
        ids = connection.execute(select(addresses.c.id).order_by(addresses.c.id)).scalars().all()
    engine.dispose()
    assert events == [(login_of(admin_url), "city_loaded")] * 2
    assert ids == list(range(1, 21))  # the second load kept every point's id


def test_the_nyc_bundle_validates_and_loads_into_postgresql(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_nyc_bundle(tmp_path / "nyc")
    assert main(["city", "validate", str(folder)]) == 0
    assert "71 districts" in capsys.readouterr().out
    assert main(["--database-url", pg_url, "city", "load", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "71 districts" in said
    engine = make_engine(pg_url)
    with engine.connect() as connection:
        noise = connection.execute(
            select(func.count())
            .select_from(routing_rules.join(districts))
            .where(districts.c.layer == "community_district")
        ).scalar_one()
        (name, languages) = connection.execute(select(city.c.name, city.c.languages)).one()
    engine.dispose()
    assert noise == 71
    assert (name, languages) == ("New York City 311", "en,es,zh,ru")
