"""The command line under a machine-wide settings file that locks the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.app import settings
from operator_console.app.cli import main


@pytest.fixture
def city_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A SQLite database the machine-wide file names and locks; the user's file is empty."""
    database = tmp_path / "city.sqlite3"
    assert main(["--database-url", f"sqlite:///{database}", "db", "upgrade"]) == 0
    managed = tmp_path / "managed.toml"
    managed.write_text(
        f'database_url = "sqlite:///{database}"\n[locked]\nkeys = ["database_url"]\n'
    )
    user = tmp_path / "user.toml"
    user.write_text(f'database_url = "sqlite:///{tmp_path / "mine.sqlite3"}"\n')
    monkeypatch.setenv(settings.MANAGED_SETTINGS_FILE_ENV, str(managed))
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(user))
    monkeypatch.setenv(settings.DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'env.sqlite3'}")
    return database


def test_the_locked_database_is_used_whatever_the_user_file_and_environment_say(
    city_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "status"]) == 0
    assert str(city_database) in capsys.readouterr().out
    assert not (city_database.parent / "mine.sqlite3").exists()
    assert not (city_database.parent / "env.sqlite3").exists()


def test_a_locked_database_on_the_command_line_is_one_line_naming_the_file(
    city_database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite3"
    assert main(["--database-url", f"sqlite:///{other}", "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("operator-console: --database-url: database_url is locked by ")
    assert str(tmp_path / "managed.toml") in err
    assert not other.exists()


def test_an_administrator_overrides_the_lock_for_one_run(
    city_database: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    command = [
        "--override-locked-settings",
        "--database-url",
        f"sqlite:///{other}",
        "db",
        "upgrade",
    ]
    assert main(command) == 0
    assert other.exists()
