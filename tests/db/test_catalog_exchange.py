"""`catalog import-open311` / `export-open311` on PostgreSQL and SQLite, with Bloomington's list."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text, update

from operator_console.app.catalog_cli import register, run
from operator_console.domain.open311 import service_definition_from_json, services_from_json
from operator_console.services.catalog.exchange import (
    UnknownServiceError,
    definition_file_names,
)
from operator_console.storage.catalog.store import SqlCatalogStore
from operator_console.storage.db.engine import make_engine
from operator_console.storage.db.tables import service_attributes, services, staff
from tests.support.data import BLOOMINGTON_SERVICES

GRAFFITI = "4e090d24992b941e78000027"
DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")

Cli = Callable[..., tuple[int, str, str]]


def definition(code: str, datatype: str = "singlevaluelist") -> dict[str, object]:
    """A GeoReport v2 definition, written the way the console writes them."""
    listed = datatype.endswith("valuelist")
    return {
        "service_code": code,
        "attributes": [
            {
                "code": "WHERE",
                "variable": True,
                "datatype": datatype,
                "required": True,
                "datatype_description": None if listed else "Answer in a few words",
                "order": 1,
                "description": "Where exactly is it?",
                "values": [
                    {"key": "wall", "name": "On a wall"},
                    {"key": "sign", "name": "On a sign"},
                ]
                if listed
                else [],
            },
            {
                "code": "PHOTO_NOTE",
                "variable": False,
                "datatype": "text",
                "required": False,
                "datatype_description": None,
                "order": 2,
                "description": "A photo helps the crew find it.",
                "values": [],
            },
        ],
    }


def write_json(path: Path, document: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def add_admin(db_url: str) -> str:
    """An admin staff member at the console: the database login on PostgreSQL; its login."""
    engine = make_engine(db_url)
    with engine.begin() as connection:
        login = "admin1"
        if engine.dialect.name == "postgresql":
            login = connection.execute(text("SELECT current_user")).scalar_one()
        connection.execute(
            insert(staff).values(login=login, display_name="Sam Okafor", role="admin")
        )
    engine.dispose()
    return str(login)


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run `operator-console catalog ...` on the test database as an admin (`--staff` on
    SQLite); (exit code, stdout, stderr)."""
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    login = add_admin(db_url)

    def invoke(*argv: object) -> tuple[int, str, str]:
        args = parser.parse_args(["catalog", *map(str, argv)])
        code = run(args, db_url, login)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def engine(db_url: str) -> Engine:
    return make_engine(db_url)


def catalog_rows(engine: Engine) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with engine.connect() as connection:
        service_rows = connection.execute(select(services).order_by(services.c.id)).all()
        attribute_rows = connection.execute(
            select(service_attributes).order_by(service_attributes.c.id)
        ).all()
    return [tuple(row) for row in service_rows], [tuple(row) for row in attribute_rows]


def test_import_bloomington(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    graffiti = write_json(tmp_path / "graffiti.json", definition(GRAFFITI))
    code, out, err = cli("import-open311", BLOOMINGTON_SERVICES, graffiti)
    assert (code, err) == (0, "")
    assert "46 services read; 46 added, 0 updated; questions replaced for 1" in out
    assert "10 services say they have questions but none were given" in out
    service_rows, attribute_rows = catalog_rows(engine)
    assert len(service_rows) == 46
    assert [row[2:6] for row in attribute_rows] == [
        ("WHERE", True, "singlevaluelist", True),
        ("PHOTO_NOTE", False, "text", False),
    ]
    store = SqlCatalogStore(engine)
    [potholes] = [s for s in store.list_services() if s.service_name.startswith("Potholes")]
    assert (potholes.group, potholes.type, potholes.metadata) == (
        "Most Popular",
        "realtime",
        False,
    )


def test_reimport_is_idempotent(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    graffiti = write_json(tmp_path / "graffiti.json", definition(GRAFFITI))
    assert cli("import-open311", BLOOMINGTON_SERVICES, graffiti)[0] == 0
    before = catalog_rows(engine)
    code, out, _ = cli("import-open311", BLOOMINGTON_SERVICES, graffiti)
    assert code == 0
    assert "0 added, 0 updated; questions replaced for 0" in out
    assert catalog_rows(engine) == before


def test_reimport_updates_what_changed(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    graffiti = write_json(tmp_path / "graffiti.json", definition(GRAFFITI))
    assert cli("import-open311", BLOOMINGTON_SERVICES, graffiti)[0] == 0
    listed = json.loads(BLOOMINGTON_SERVICES.read_text(encoding="utf-8"))
    listed[1]["service_name"] = "Graffiti removal"
    listed[1]["keywords"] = "tag, paint"
    changed = write_json(tmp_path / "services.json", listed)
    write_json(graffiti, definition(GRAFFITI, datatype="string"))
    code, out, _ = cli("import-open311", changed, graffiti)
    assert code == 0
    assert "0 added, 1 updated; questions replaced for 1" in out
    [service] = [s for s in SqlCatalogStore(engine).list_services() if s.service_code == GRAFFITI]
    assert (service.service_name, service.keywords) == ("Graffiti removal", ("tag", "paint"))
    [questions] = SqlCatalogStore(engine).service_definitions()
    assert questions.attributes[0].datatype == "string"


def test_export_round_trips_to_equal_json(cli: Cli, tmp_path: Path) -> None:
    listed = json.loads(BLOOMINGTON_SERVICES.read_text(encoding="utf-8"))
    promised = [entry["service_code"] for entry in listed if entry["metadata"]]
    written = {
        code: definition(code, DATATYPES[index % len(DATATYPES)])
        for index, code in enumerate(promised)
    }
    files = [write_json(tmp_path / "in" / f"def-{code}.json", doc) for code, doc in written.items()]
    assert cli("import-open311", BLOOMINGTON_SERVICES, *files)[0] == 0

    out_dir = tmp_path / "out"
    code, out, err = cli("export-open311", out_dir)
    assert (code, err) == (0, "")
    assert f"wrote {out_dir / 'services.json'} and {len(promised)} service definitions" in out
    assert json.loads((out_dir / "services.json").read_text(encoding="utf-8")) == listed
    for service_code, document in written.items():
        exported = out_dir / "services" / f"{service_code}.json"
        assert json.loads(exported.read_text(encoding="utf-8")) == document

    exported_files = sorted((out_dir / "services").glob("*.json"))
    code, out, _ = cli("import-open311", out_dir / "services.json", *exported_files)
    assert "0 added, 0 updated; questions replaced for 0" in out


def _bad_cases(tmp_path: Path) -> dict[str, tuple[list[Path], str]]:
    services_file = BLOOMINGTON_SERVICES
    good = write_json(tmp_path / "good.json", definition(GRAFFITI))
    broken_attribute = definition(GRAFFITI)
    broken_attribute["attributes"][0]["datatype"] = "colour"  # type: ignore[index]
    unlisted_values = definition(GRAFFITI)
    unlisted_values["attributes"][0]["values"] = "wall, sign"  # type: ignore[index]
    not_json = tmp_path / "notes.json"
    not_json.write_text("service_code: graffiti\n", encoding="utf-8")
    long_code = [{"service_code": "x" * 81, "service_name": "Too long"}]
    return {
        "services file is not JSON": ([not_json], "notes.json: not JSON"),
        "services file is missing": ([tmp_path / "missing.json"], "missing.json: cannot read"),
        "services file is not a list": (
            [write_json(tmp_path / "object.json", {"services": []})],
            "object.json: services: expected a list of services",
        ),
        "services code too long": (
            [write_json(tmp_path / "long.json", long_code)],
            "long.json: services[0].service_code: longer than 80 characters",
        ),
        "definition is not JSON": ([services_file, good, not_json], "notes.json: not JSON"),
        "not a definition": (
            [services_file, write_json(tmp_path / "list.json", [1, 2])],
            'list.json: not a service definition (needs "service_code" and "attributes")',
        ),
        "unknown service code": (
            [services_file, good, write_json(tmp_path / "ghost.json", definition("ghost"))],
            "ghost.json: service code 'ghost' is in neither",
        ),
        "malformed attribute": (
            [services_file, write_json(tmp_path / "colour.json", broken_attribute)],
            "colour.json: definition.attributes[0].datatype: 'colour' is unknown",
        ),
        "values not a list": (
            [services_file, write_json(tmp_path / "values.json", unlisted_values)],
            "values.json: definition.attributes[0].values: expected a list",
        ),
        "two definitions of one service": (
            [services_file, good, write_json(tmp_path / "again.json", definition(GRAFFITI))],
            f"again.json: a second definition of '{GRAFFITI}' (see {good})",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "services file is not JSON",
        "services file is missing",
        "services file is not a list",
        "services code too long",
        "definition is not JSON",
        "not a definition",
        "unknown service code",
        "malformed attribute",
        "values not a list",
        "two definitions of one service",
    ],
)
def test_bad_file_is_named_and_nothing_is_written(
    cli: Cli, engine: Engine, tmp_path: Path, case: str
) -> None:
    files, message = _bad_cases(tmp_path)[case]
    code, out, err = cli("import-open311", *files)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert catalog_rows(engine) == ([], [])


def test_failed_import_keeps_the_catalog_as_it_was(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    graffiti = write_json(tmp_path / "graffiti.json", definition(GRAFFITI))
    assert cli("import-open311", BLOOMINGTON_SERVICES, graffiti)[0] == 0
    before = catalog_rows(engine)
    listed = json.loads(BLOOMINGTON_SERVICES.read_text(encoding="utf-8"))
    listed[0]["service_name"] = "Renamed"
    listed.append({"service_code": "new", "service_name": "New service"})
    changed = write_json(tmp_path / "services.json", listed)
    write_json(graffiti, definition(GRAFFITI, datatype="number"))
    ghost = write_json(tmp_path / "ghost.json", definition("ghost"))
    code, _, err = cli("import-open311", changed, graffiti, ghost)
    assert code == 2
    assert "ghost.json" in err
    assert catalog_rows(engine) == before


def test_only_an_admin_imports_and_anyone_else_changes_nothing(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    graffiti = write_json(tmp_path / "graffiti.json", definition(GRAFFITI))
    with engine.begin() as connection:
        connection.execute(update(staff).values(role="supervisor", display_name="Patricia Chen"))
    code, out, err = cli("import-open311", BLOOMINGTON_SERVICES, graffiti)
    assert (code, out) == (2, "")
    assert "nothing was changed" in err and "is a supervisor: only admins can change" in err
    assert catalog_rows(engine) == ([], [])


def test_an_import_on_sqlite_names_who_imports(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["catalog", "import-open311", str(BLOOMINGTON_SERVICES)])
    assert run(args, sqlite_url) == 2
    assert (
        "choose who is at the console; an admin imports (--staff LOGIN)" in capsys.readouterr().err
    )
    assert run(args, sqlite_url, "nobody") == 2
    assert "No active staff member has the login 'nobody'" in capsys.readouterr().err
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        retired = {"display_name": "Former Admin", "role": "admin", "active": False}
        connection.execute(insert(staff).values(login="retired", **retired))
    engine.dispose()
    assert run(args, sqlite_url, "retired") == 2
    assert "No active staff member has the login 'retired'" in capsys.readouterr().err


def test_store_rolls_back_services_when_a_definition_fails(engine: Engine) -> None:
    store = SqlCatalogStore(engine)
    listed = services_from_json(json.loads(BLOOMINGTON_SERVICES.read_text(encoding="utf-8")))
    with pytest.raises(UnknownServiceError, match="ghost"):
        store.upsert_services(
            listed, [service_definition_from_json(definition(code)) for code in (GRAFFITI, "ghost")]
        )
    assert catalog_rows(engine) == ([], [])
    assert store.list_services() == ()


def test_unreachable_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["catalog", "export-open311", str(tmp_path)])
    assert run(args, f"postgresql://nobody@/x?host={tmp_path}") == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "Cannot use the database" in err


def test_definition_file_names_are_safe_and_distinct() -> None:
    names = definition_file_names(["pot/hole", "pot_hole", "..", "POT_HOLE", "ok-1.2"])
    assert list(names.values()) == [
        "services/pot_hole.json",
        "services/pot_hole-2.json",
        "services/service.json",
        "services/POT_HOLE-3.json",
        "services/ok-1.2.json",
    ]
