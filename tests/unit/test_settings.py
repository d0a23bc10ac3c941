"""Choosing the database: command line, environment, settings file, embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.app import settings


@pytest.fixture
def settings_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text("")
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(path))
    return path


def test_command_line_wins(settings_path: Path) -> None:
    settings_path.write_text('database_url = "sqlite:///file.db"\n')
    env = {settings.DATABASE_URL_ENV: "postgresql://env/db"}
    chosen = settings.resolve("postgresql://cli/db", environ=env)
    assert (chosen.database_url, chosen.source) == ("postgresql://cli/db", "--database-url")


def test_environment_beats_the_file(settings_path: Path) -> None:
    settings_path.write_text('database_url = "sqlite:///file.db"\n')
    chosen = settings.resolve(environ={settings.DATABASE_URL_ENV: "postgresql://env/db"})
    assert chosen.database_url == "postgresql://env/db"


def test_file_beats_the_default(settings_path: Path) -> None:
    settings_path.write_text('database_url = "postgresql://file/db"\nstaff_login = "op1"\n')
    chosen = settings.resolve(environ={})
    assert (chosen.database_url, chosen.staff_login) == ("postgresql://file/db", "op1")
    assert chosen.source == str(settings_path)


def test_default_is_the_embedded_file(settings_path: Path) -> None:
    chosen = settings.resolve(environ={})
    assert chosen.is_embedded_default
    assert chosen.database_url.endswith("operator-console.sqlite3")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("database_url = ", "not a valid TOML settings file"),
        ("database_url = 5", "'database_url' must be a string"),
        ('databse_url = "x"', "unknown setting 'databse_url'"),
    ],
)
def test_bad_file_is_named(settings_path: Path, content: str, message: str) -> None:
    settings_path.write_text(content)
    with pytest.raises(settings.SettingsError, match=message) as raised:
        settings.resolve(environ={})
    assert str(settings_path) in str(raised.value)


def test_a_named_settings_file_that_is_not_there_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "setings.toml"
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(missing))
    with pytest.raises(settings.SettingsError, match="no such settings file"):
        settings.resolve(environ={})


def test_the_usual_settings_file_may_be_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(settings.SETTINGS_FILE_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings.resolve(environ={}).source == "embedded default"
