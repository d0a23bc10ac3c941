"""The machine-wide settings file: defaults for every user, and the keys it locks."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from operator_console.app import settings


@pytest.fixture
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user.toml"
    path.write_text("")
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(path))
    return path


@pytest.fixture
def managed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "managed.toml"
    path.write_text("")
    monkeypatch.setenv(settings.MANAGED_SETTINGS_FILE_ENV, str(path))
    return path


CITY = """database_url = "postgresql://db.city.example/console"
tile_url = "https://tiles.city.example/{z}/{x}/{y}.png"
language = "es"
"""


def test_the_machine_file_gives_every_user_the_city_settings(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(CITY)
    chosen = settings.resolve(environ={})
    assert chosen.database_url == "postgresql://db.city.example/console"
    assert chosen.tile_url == "https://tiles.city.example/{z}/{x}/{y}.png"
    assert (chosen.language, chosen.source) == ("es", str(managed_file))
    assert not chosen.is_embedded_default


def test_unlocked_the_user_file_and_environment_win_over_the_machine_file(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(CITY)
    user_file.write_text('tile_url = "https://my.tiles/{z}/{x}/{y}.png"\nlanguage = "en"\n')
    env = {settings.DATABASE_URL_ENV: "postgresql://training/console"}
    chosen = settings.resolve(environ=env)
    assert (chosen.database_url, chosen.source) == (
        "postgresql://training/console",
        "OPERATOR_CONSOLE_DATABASE_URL",
    )
    assert (chosen.tile_url, chosen.language) == ("https://my.tiles/{z}/{x}/{y}.png", "en")


def test_locked_keys_come_from_the_machine_file_whatever_the_user_file_and_environment_say(
    user_file: Path, managed_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    managed_file.write_text(CITY + '[locked]\nkeys = ["database_url", "language"]\n')
    user_file.write_text('database_url = "sqlite:///mine.db"\nlanguage = "en"\n')
    env = {settings.DATABASE_URL_ENV: "postgresql://elsewhere/db", settings.LANGUAGE_ENV: "fr"}
    with caplog.at_level(logging.WARNING):
        chosen = settings.resolve(environ=env)
    assert (chosen.database_url, chosen.source) == (
        "postgresql://db.city.example/console",
        str(managed_file),
    )
    assert chosen.language == "es"
    assert chosen.locked == {"database_url", "language"}
    ignored = " ".join(caplog.messages)
    assert "OPERATOR_CONSOLE_DATABASE_URL is ignored" in ignored
    assert f"{user_file}: database_url is ignored: it is locked by {managed_file}" in ignored


def test_an_unlocked_key_stays_the_users_beside_locked_ones(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(CITY + '[locked]\nkeys = ["database_url"]\n')
    user_file.write_text('tile_url = "https://my.tiles/{z}/{x}/{y}.png"\n')
    assert settings.resolve(environ={}).tile_url == "https://my.tiles/{z}/{x}/{y}.png"


def test_a_locked_database_keeps_the_machine_files_tls_settings(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(
        CITY + 'sslrootcert = "/etc/city-ca.pem"\n[locked]\nkeys = ["database_url"]\n'
    )
    user_file.write_text('sslrootcert = "/home/me/other.pem"\n')
    assert settings.resolve(environ={}).database_url.endswith("sslrootcert=%2Fetc%2Fcity-ca.pem")


def test_a_locked_key_on_the_command_line_is_refused_naming_the_file(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(CITY + '[locked]\nkeys = ["database_url"]\n')
    with pytest.raises(settings.SettingsError) as refused:
        settings.resolve("postgresql://admin@db.city.example/console", environ={})
    message = str(refused.value)
    assert f"--database-url: database_url is locked by {managed_file}" in message
    assert "--override-locked-settings" in message


def test_an_administrator_may_override_a_lock_on_the_command_line(
    user_file: Path, managed_file: Path
) -> None:
    managed_file.write_text(CITY + '[locked]\nkeys = ["database_url", "language"]\n')
    chosen = settings.resolve(
        "postgresql://admin@db.city.example/staging", environ={}, language="en", override_locks=True
    )
    assert (chosen.database_url, chosen.source) == (
        "postgresql://admin@db.city.example/staging",
        "--database-url",
    )
    assert chosen.language == "en"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("database_url = ", "not a valid TOML settings file"),
        ('staff_login = "op1"', "unknown setting 'staff_login'"),
        ('[locked]\nkeys = ["staff_login"]', "[locked] names unknown setting 'staff_login'"),
        ('[locked]\nkeys = "database_url"', "[locked] keys must be a list"),
        ('[locked]\nkey = ["database_url"]', "[locked] holds one list"),
        ('language = "Spanish"', 'language: "Spanish" is not a language like "es"'),
        ('[locked]\nkeys = ["database_url"]', "database_url is locked but not given"),
    ],
)
def test_a_bad_machine_file_is_named(
    user_file: Path, managed_file: Path, content: str, message: str
) -> None:
    managed_file.write_text(content)
    with pytest.raises(settings.SettingsError) as refused:
        settings.resolve(environ={})
    assert message in str(refused.value)
    assert str(managed_file) in str(refused.value)


def test_a_named_machine_file_that_is_not_there_is_an_error(
    user_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.MANAGED_SETTINGS_FILE_ENV, str(tmp_path / "nowhere.toml"))
    with pytest.raises(settings.SettingsError, match="OPERATOR_CONSOLE_MANAGED_SETTINGS"):
        settings.resolve(environ={})


def test_a_bad_language_in_the_environment_is_named(user_file: Path, managed_file: Path) -> None:
    with pytest.raises(settings.SettingsError, match="OPERATOR_CONSOLE_LANGUAGE"):
        settings.resolve(environ={settings.LANGUAGE_ENV: "spanish"})


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", Path("/etc/operator-console/settings.toml")),
        ("darwin", Path("/Library/Application Support/Operator Console/settings.toml")),
        ("win32", Path("D:/ProgramData", "Operator Console", "settings.toml")),
    ],
)
def test_the_machine_file_is_where_each_system_keeps_them(
    monkeypatch: pytest.MonkeyPatch, platform: str, expected: Path
) -> None:
    monkeypatch.delenv(settings.MANAGED_SETTINGS_FILE_ENV, raising=False)
    monkeypatch.setenv("PROGRAMDATA", "D:/ProgramData")
    monkeypatch.setattr(sys, "platform", platform)
    assert settings.managed_settings_file() == expected
