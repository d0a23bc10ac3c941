"""The command line: one readable line and exit code 2 when the database cannot be used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from operator_console.app.cli import main
from operator_console.storage.db import schema
from operator_console.storage.db.engine import make_engine


def test_unreachable_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database-url", f"postgresql://nobody@/x?host={tmp_path}", "db", "upgrade"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("operator-console: Cannot use the database PostgreSQL nobody@")


def test_not_a_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", "db.city.example", "db", "status"]) == 2
    assert "Not a database URL: 'db.city.example'" in capsys.readouterr().err


def test_a_sqlite_path_that_is_not_there_is_named_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = tmp_path / "city.sqlite3"
    assert main(["--database-url", f"sqlite:///{absent}", "db", "status"]) == 2
    assert "there is no database file there" in capsys.readouterr().err
    assert not absent.exists()
    no_folder = tmp_path / "missing" / "city.sqlite3"
    assert main(["--database-url", f"sqlite:///{no_folder}", "db", "upgrade"]) == 2
    assert f"the folder {no_folder.parent} does not exist" in capsys.readouterr().err
    assert main(["--database-url", f"sqlite:///{absent}", "db", "upgrade"]) == 0
    assert absent.exists()


def test_upgrade_on_the_embedded_default_of_a_new_machine_makes_its_folder(
    tmp_path: Path,
) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    environment |= {"HOME": str(tmp_path), "APPDATA": str(tmp_path), "LOCALAPPDATA": str(tmp_path)}
    command = [sys.executable, "-m", "operator_console.app.cli", "db", "upgrade"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.rglob("operator-console.sqlite3"))


def test_upgrade_migrates_an_empty_postgresql_database(
    pg_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = make_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")  # type: ignore[attr-defined]
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE cli_upgrade"))
    admin.dispose()
    url = pg_cluster.url("cli_upgrade")  # type: ignore[attr-defined]
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    assert schema.is_current(make_engine(url))
    assert main(["--database-url", url, "db", "status"]) == 0
    assert schema.head_revision() in capsys.readouterr().out


def test_newer_schema_is_refused_on_the_command_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with make_engine(sqlite_url).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    assert main(["--database-url", sqlite_url, "db", "upgrade"]) == 2
    assert "newer than this console knows" in capsys.readouterr().err


def test_seed_demo_says_in_words_what_it_wrote(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "db", "seed-demo"]) == 0
    said = capsys.readouterr().out.strip()
    assert "the demo city was seeded in" in said
    assert "25,000 requests (" in said and " open) with " in said
    assert "SeedSummary(" not in said
    assert main(["--database-url", sqlite_url, "db", "seed-demo"]) == 2
    assert "already holds requests" in capsys.readouterr().err
