"""A settings file keeps no password; its TLS settings reach libpq through the database URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_console.app import settings


@pytest.fixture
def settings_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.toml"
    monkeypatch.setenv(settings.SETTINGS_FILE_ENV, str(path))
    return path


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://jsmith:hunter2@db.city.example/operator_console",
        "postgresql://jsmith@db.city.example/operator_console?password=hunter2",
    ],
)
def test_a_settings_file_with_a_password_is_refused(settings_path: Path, url: str) -> None:
    settings_path.write_text(f'database_url = "{url}"\n')
    with pytest.raises(settings.SettingsError) as refused:
        settings.resolve(environ={})
    message = str(refused.value)
    assert message.startswith(f"{settings_path}: database_url carries a password")
    assert "~/.pgpass" in message
    assert "hunter2" not in message


def test_tls_settings_of_the_file_join_the_url(settings_path: Path) -> None:
    settings_path.write_text(
        'database_url = "postgresql://jsmith@db.city.example/oc?sslmode=verify-full"\n'
        'sslmode = "require"\n'
        'sslrootcert = "/etc/city/root.pem"\n'
        'sslcert = "/home/jsmith/.postgresql/jsmith.crt"\n'
        'sslkey = "/home/jsmith/.postgresql/jsmith.key"\n'
    )
    url = settings.resolve(environ={}).database_url
    assert url.startswith("postgresql://jsmith@db.city.example/oc?sslmode=verify-full&")
    assert "sslmode=require" not in url  # the URL's own setting wins
    assert "sslrootcert=%2Fetc%2Fcity%2Froot.pem" in url
    assert "sslcert=" in url and "sslkey=" in url


def test_tls_settings_apply_to_a_url_from_the_command_line(settings_path: Path) -> None:
    settings_path.write_text('sslmode = "require"\n')
    chosen = settings.resolve("postgresql://jsmith@db/oc", environ={})
    assert chosen.database_url == "postgresql://jsmith@db/oc?sslmode=require"
    assert settings.resolve("sqlite:///demo.sqlite3", environ={}).database_url == (
        "sqlite:///demo.sqlite3"
    )
